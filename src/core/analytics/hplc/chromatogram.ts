/**
 * One detector trace of a chromatographic run: signal against retention time, with what produced it.
 * Every chromatogram reader in `io/` returns this; the processing in this folder takes it.
 */
export interface Chromatogram {
  /** Retention times, minutes, increasing. */
  times_min: Float64Array;
  /** Detector response at each time, in `units`. */
  signal: Float64Array;
  /** Signal unit as the file states it, e.g. "mAU", "mV", "uAU". */
  units: string;
  /** Detector / signal description, e.g. "DAD1 A, Sig=210,4 Ref=550,100". */
  detector: string;
  /** Detection wavelength for UV traces, nm (absent when unknown or not UV). */
  wavelength_nm?: number;
  /** The file format the trace came from, e.g. "chemstation-130", "andi-cdf". */
  format: string;
  /** Further header fields (sample name, method, instrument, acquisition date…), as the file gives them. */
  metadata: Record<string, string | number>;
}

/** The detection wavelength (nm) named in an Agilent-style signal description "Sig=254,4 Ref=…". */
export function wavelengthFromSignalName(detector: string): number | undefined {
  const match = /Sig=\s*(\d+(?:\.\d+)?)/i.exec(detector);
  return match ? Number(match[1]) : undefined;
}
