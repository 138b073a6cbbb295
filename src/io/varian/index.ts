export { parseVarian, parseVarianZip, type VarianExperiment } from "./parse.js";
export { type ProcparValue, parseProcpar } from "./procpar.js";
export { readVarianFolder, readVarianFolderFiles } from "./read.js";
