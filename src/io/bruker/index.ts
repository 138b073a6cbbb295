export { brukerGroupDelay } from "./digitalFilter.js";
export { type BrukerExperiment, type BrukerFiles, parseBrukerFiles, parseBrukerZip } from "./parse.js";
export { readBrukerFile, readBrukerFolderFiles } from "./read.js";
export {
  SYNTHETIC_ACQUISITION,
  type SyntheticBrukerOptions,
  syntheticBrukerFiles,
  syntheticBrukerZip,
} from "./writeSynthetic.js";
