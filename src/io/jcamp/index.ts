export { decodeXppY, MAX_JCAMP_POINTS, readAffnNumbers, type XppYDecoded } from "./asdf.js";
export { jcampToNmr } from "./nmr.js";
export { type ParseJcampOptions, parseJcamp } from "./parse.js";
export { readJcampFile } from "./read.js";
export type {
  JcampBlock,
  JcampDataTable,
  JcampDocument,
  JcampEncoding,
  JcampNtuples,
  JcampRecord,
} from "./types.js";
export {
  flattenJcampBlocks,
  jcampArray,
  jcampNumber,
  jcampString,
  jcampValue,
  normaliseJcampLabel,
  numberOrUndefined,
} from "./values.js";
export { type JcampWriteOptions, writeJcampXy } from "./write.js";
