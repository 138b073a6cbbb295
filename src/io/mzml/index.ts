export { decodeNumpressLinear, decodeNumpressPic, decodeNumpressSlof, NumpressError } from "./numpress.js";
export {
  decodeBase64,
  MAX_MZML_ARRAY_LENGTH,
  type MzmlChromatogram,
  type MzmlDocument,
  type MzmlSpectrum,
  nonEmptySpectra,
  parseMzml,
} from "./parse.js";
export { readMzmlFile } from "./read.js";
