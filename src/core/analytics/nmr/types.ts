/** Where a spectrum's data came from: vendor and path inside a folder or zip. */
export interface NmrOrigin {
  /** `bruker`, `jeol`, `varian`, `jcamp`. */
  vendor: string;
  /** File name for messages. */
  source: string;
}

/** The acquisition facts every FID or spectrum carries. */
export interface NmrAcquisition {
  /** Observed nucleus as written by chemists, e.g. `1H`, `13C`. */
  nucleus: string;
  /** Spectrometer (carrier) frequency of the observed nucleus, MHz. */
  frequencyMHz: number;
  /** The frequency that 0 ppm corresponds to, MHz (Bruker SF, Varian reffrq); ppm = Hz / this. */
  referenceFrequencyMHz: number;
  /** Solvent as the file names it (e.g. `CDCl3`, `DMSO`), or null when the file does not say. */
  solvent: string | null;
}

/** A complex 1-D FID with what is needed to turn it into a referenced spectrum. */
export interface NmrFid extends NmrAcquisition, NmrOrigin {
  kind: "fid";
  re: Float64Array;
  im: Float64Array;
  /** Spectral width, Hz (Bruker SW_h, Varian sw). */
  spectralWidthHz: number;
  /** Chemical shift at the centre of the spectrum (the carrier), ppm. */
  carrierPpm: number;
  /**
   * Digital-filter group delay in points (Bruker GRPDLY or the DSPFVS/DECIM table); 0 when the FID
   * starts at t = 0 (analog filters, JEOL and Varian data, where the delay is already removed).
   */
  groupDelay: number;
  /**
   * Whether the FFT output runs from low to high frequency and must be reversed to put high ppm first.
   * Set by each reader from its vendor's quadrature convention.
   */
  reverse: boolean;
  /** Suspicious but usable facts found while reading. */
  warnings: string[];
}

/** A processed 1-D spectrum: real (and optionally imaginary) points on a ppm axis, high ppm first. */
export interface NmrSpectrum extends NmrAcquisition, NmrOrigin {
  kind: "spectrum";
  /** Chemical shift of each point, ppm, descending. */
  ppm: Float64Array;
  re: Float64Array;
  im?: Float64Array;
  warnings: string[];
}

/** What an NMR reader gives: a FID to process, a processed spectrum, or both (Bruker 1r next to fid). */
export interface NmrData {
  fid?: NmrFid;
  spectrum?: NmrSpectrum;
}
