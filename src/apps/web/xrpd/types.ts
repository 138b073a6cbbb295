/** Result shapes of the xrpd.* kinds, recognised defensively (stored results may come from older servers). */

export interface XrpdPeakRow {
  /** Kα1 position, degrees 2θ. */
  twoTheta: number;
  /** Bragg d-spacing at Kα1, Å. */
  dSpacing_A: number;
  /** Net height, strongest = 100. */
  relIntensity: number;
  fwhm?: number;
}

export interface XrpdWavelength {
  kAlpha1_A: number;
  kAlpha2_A?: number;
  ratio?: number;
  source: string;
}

export interface XrpdPeaksResult {
  wavelength_A: number;
  wavelength?: XrpdWavelength | null;
  format?: string;
  points?: number;
  range?: [number, number];
  kAlpha2Stripped?: boolean;
  backgroundWindowDeg?: number;
  peaks: XrpdPeakRow[];
}

export interface XrpdFormMatch {
  reference: string;
  /** Figure of merit 0–100. */
  score: number;
  matchedPeaks: number;
  unmatchedPeaks: number;
  outOfRange?: number;
  characteristicObserved?: number;
  characteristicTotal?: number;
  present?: boolean;
}

export interface XrpdMatchResult extends XrpdPeaksResult {
  /** Best first. */
  matches: XrpdFormMatch[];
  bestMatch: string | null;
  /** Forms besides the best match shown by their own characteristic peaks; absent in older results. */
  otherFormsPresent?: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPatternSummary(result: unknown): result is Record<string, unknown> {
  return isRecord(result) && Array.isArray(result.peaks) && typeof result.wavelength_A === "number";
}

/** The xrpd.peaks result, or undefined for other kinds or unexpected shapes. */
export function xrpdPeaksResultOf(kind: string, result: unknown): XrpdPeaksResult | undefined {
  if (kind !== "xrpd.peaks" || !isPatternSummary(result)) return undefined;
  return result as unknown as XrpdPeaksResult;
}

/** The xrpd.match result, or undefined for other kinds or unexpected shapes. */
export function xrpdMatchResultOf(kind: string, result: unknown): XrpdMatchResult | undefined {
  if (kind !== "xrpd.match" || !isPatternSummary(result) || !Array.isArray(result.matches)) return undefined;
  if (result.bestMatch !== null && typeof result.bestMatch !== "string") return undefined;
  return result as unknown as XrpdMatchResult;
}

/** URL of the server-drawn pattern plot (profile, background, peaks, reference sticks) of a stored analysis. */
export function xrpdPlotUrl(analysisId: string): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/plots/xrpd.svg`;
}
