export { type HplcMethod, methodOptions, parseHplcMethod } from "./method.js";
export { type ChromatogramReadOptions, parseChromatogram } from "./parse.js";
export { readChromatogram } from "./read.js";
