export { joinRanges, type ScanRange } from "./joinRanges.js";
export {
  type DiffractogramFormat,
  type DiffractogramOptions,
  parseDiffractogram,
  sniffDiffractogram,
} from "./parse.js";
export { readDiffractogram } from "./read.js";
export { parseReferenceCsv, referenceNameOf } from "./referenceCsv.js";
export { writeReferenceCsv, writeXy } from "./writeText.js";
