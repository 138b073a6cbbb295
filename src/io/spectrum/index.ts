export { parseJcampMassSpectra } from "./jcampMassSpectra.js";
export {
  type MassSpectrumFormat,
  parseMassSpectra,
  parseMassSpectrum,
  readMassSpectrum,
  type ScanChoice,
  sniffMassSpectrumFormat,
} from "./readMassSpectrum.js";
