export { looksLikeChemstationCh, parseChemstationCh } from "./parse.js";
export { readChemstationCh } from "./read.js";
