export { parseXy } from "./parse.js";
