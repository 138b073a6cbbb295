export { parseChromatogramCsv } from "./parse.js";
export { readChromatogramCsv } from "./read.js";
export { writeChromatogramCsv } from "./write.js";
