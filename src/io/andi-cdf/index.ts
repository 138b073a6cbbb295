export { type AndiPeak, looksLikeNetcdf, parseAndiCdf, parseAndiPeakTable } from "./parse.js";
export { readAndiCdf } from "./read.js";
