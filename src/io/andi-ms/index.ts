export { type AndiMsDocument, parseAndiMs } from "./parse.js";
export { readAndiMsFile } from "./read.js";
