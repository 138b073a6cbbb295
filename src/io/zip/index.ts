export { unzipEntries } from "./unzipEntries.js";
