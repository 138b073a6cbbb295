import { invertSpd } from "../../fit/linearAlgebra.js";
import { tQuantile } from "../../stats/index.js";

/** A fitted 4PL in the fit's parameterisation (x in nM). */
export interface FourPLParameters {
  bottom: number;
  top: number;
  log10Ic50: number;
  hill: number;
}

/**
 * The pointwise 95 % confidence band of a fitted 4PL curve by the delta method:
 * ŷ(x) ± t(0.975, n − p)·√(s²·gᵀ(JᵀJ)⁻¹g), with J the Jacobian at the data, g the gradient at x and
 * s² = RSS/(n − p) — the band Prism draws. Fixed plateaus are left out of the parameters.
 * Returns null when the fit has no residual degrees of freedom or JᵀJ is singular.
 */
export function confidenceBand(
  fit: FourPLParameters,
  conc_nM: ArrayLike<number>,
  pctActivity: ArrayLike<number>,
  at_nM: ArrayLike<number>,
  free: { bottom: boolean; top: boolean } = { bottom: true, top: true },
): { lower: Float64Array; upper: Float64Array } | null {
  const columns = [free.bottom, free.top, true, true];
  const p = columns.filter(Boolean).length;
  const n = conc_nM.length;
  if (n <= p) return null;
  const jtj = new Float64Array(p * p);
  const g = new Float64Array(4);
  const gFree = new Float64Array(p);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const value = gradient(fit, conc_nM[i] ?? 0, g);
    rss += ((pctActivity[i] ?? 0) - value) ** 2;
    select(g, columns, gFree);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) jtj[a * p + b]! += gFree[a]! * gFree[b]!;
  }
  const { inverse } = invertSpd(jtj, p);
  if (!inverse) return null;
  const s2 = rss / (n - p);
  const t = tQuantile(0.975, n - p);
  const lower = new Float64Array(at_nM.length);
  const upper = new Float64Array(at_nM.length);
  for (let k = 0; k < at_nM.length; k++) {
    const value = gradient(fit, at_nM[k] ?? 0, g);
    select(g, columns, gFree);
    let variance = 0;
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++) variance += gFree[a]! * inverse[a * p + b]! * gFree[b]!;
    const half = t * Math.sqrt(Math.max(0, s2 * variance));
    lower[k] = value - half;
    upper[k] = value + half;
  }
  return { lower, upper };
}

/** The 4PL value at x and its gradient with respect to (bottom, top, log10 IC50, hill), into `out`. */
function gradient({ bottom, top, log10Ic50, hill }: FourPLParameters, x: number, out: Float64Array): number {
  if (x <= 0) {
    // x → 0 limit with hill > 0: the curve sits on its top plateau.
    out.set([0, 1, 0, 0]);
    return top;
  }
  const d = Math.log10(x) - log10Ic50;
  const u = 10 ** (hill * d);
  const q = 1 / (1 + u);
  const dq = (top - bottom) * u * q * q * Math.LN10;
  out[0] = 1 - q;
  out[1] = q;
  out[2] = dq * hill;
  out[3] = -dq * d;
  return bottom + (top - bottom) * q;
}

function select(g: Float64Array, columns: boolean[], out: Float64Array): void {
  let j = 0;
  for (let i = 0; i < 4; i++) if (columns[i]) out[j++] = g[i]!;
}
