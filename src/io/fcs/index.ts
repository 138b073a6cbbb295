export { parseFcs } from "./parse.js";
export { readFcsFile } from "./read.js";
export { scaleValues } from "./scale.js";
export { spilloverOf } from "./spillover.js";
export type { FcsDataset, FcsFile, FcsParameter, FcsVersion } from "./types.js";
export { type FcsWriteInput, type FcsWriteOptions, WRITE_DEFAULTS, writeFcs } from "./write.js";
