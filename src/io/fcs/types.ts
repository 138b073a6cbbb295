/** FCS version strings found in bytes 0–5 of a HEADER (FCS 3.1 §3.1). */
export type FcsVersion = "FCS2.0" | "FCS3.0" | "FCS3.1" | "FCS3.2";

/** One parameter (channel) of a data set, from its `$Pn…` keywords (FCS 3.1 §3.2.20). */
export interface FcsParameter {
  /** 1-based parameter number `n`. */
  index: number;
  /** `$PnN` trimmed (`P<n>` when missing, with a warning). */
  name: string;
  /** `$PnS` trimmed, or null when absent or blank. */
  label: string | null;
  /** `$PnB`: bits per stored value (0 for ASCII `*` free format). */
  bits: number;
  /** `$PnR` as a number (max value + 1). */
  range: number;
  /** `$PnE` f1: decades of log amplification (0 = linear). */
  decades: number;
  /** `$PnE` f2 as written: linear value at channel 0 (0 is kept; {@link scaleValues} treats it as 1). */
  offset: number;
  /** `$PnG` amplifier gain, or 1. */
  gain: number;
  /** How the value is stored: `$PnDATATYPE` (FCS 3.2) or `$DATATYPE`. */
  datatype: "I" | "F" | "D" | "A";
}

/** One data set of an FCS file: HEADER + TEXT + DATA (+ ANALYSIS). */
export interface FcsDataset {
  /** 0-based position in the `$NEXTDATA` chain. */
  index: number;
  version: FcsVersion;
  /** Keywords, keys upper-cased and trimmed (`$PAR`, `$P1N`, `SPILL`), values as read. */
  keywords: Record<string, string>;
  /** `$TOT`: the number of events read. */
  events: number;
  parameters: FcsParameter[];
  /**
   * Column-major stored values, one typed array per parameter: integers masked to the bits of `$PnR`,
   * no `$PnE`/`$PnG` applied. `Float32Array` for `$DATATYPE F`, `Float64Array` otherwise.
   */
  data: Float64Array[] | Float32Array[];
  /** The raw ANALYSIS segment (a view into the input), or null when empty. */
  analysis: Uint8Array | null;
  /** Suspicious but usable input, each with what was done about it. */
  warnings: string[];
}

/** A parsed FCS file: every data set of its `$NEXTDATA` chain. */
export interface FcsFile {
  datasets: FcsDataset[];
}
