/**
 * The four-parameter logistic (4PL) model of DEFINITIONS.md §4,
 * y = bottom + (top − bottom) / (1 + (x/IC50)^hill), in the fitted parameterisation
 * p = (bottom, top, lx = log10 IC50 [log10 nM], hill), with its analytic Jacobian and Hessian.
 *
 * The kernels below are the fit's hot path and allocate nothing: `evaluateRss` computes the residuals
 * and their sum of squares, `accumulateLastEvaluation` then forms the gradient Jᵀr and the normal
 * matrix JᵀJ (and optionally the second-order part of the Hessian) from what the evaluation left
 * behind. Points with x = 0 are the x → 0 limit of the model, as drc takes them: the response is `top`
 * for hill > 0 and `bottom` for hill < 0, and they carry no information about lx or hill.
 */

/** Index of `bottom` (the x → ∞ plateau when hill > 0, % activity) in a 4PL parameter vector. */
export const BOTTOM = 0;
/** Index of `top` (the x → 0 plateau when hill > 0, % activity) in a 4PL parameter vector. */
export const TOP = 1;
/** Index of lx = log10 IC50 (log10 nM) in a 4PL parameter vector. */
export const LOG10_IC50 = 2;
/** Index of the Hill slope in a 4PL parameter vector. */
export const HILL = 3;

const LN10 = Math.LN10;

/**
 * The points of one curve, prepared for fitting: positive concentrations first (indices
 * `[0, nPositive)`), then x = 0 rows (`[nPositive, n)`). `logX` is log10 of the concentration in nM
 * (−Infinity for x = 0).
 *
 * When the positive concentrations form a dilution series — every log10 x within 1e-8 of
 * `gridStart + k·gridStep` for an integer k < {@link MAX_GRID} — the grid is recorded (`gridSize` > 0,
 * `gridIndex[i]` = k, `gridOffset[i]` = the residual difference), so that the kernel can get all the
 * (x/IC50)^hill from two exponentials and a running product instead of one exponential per point.
 */
export interface CurveData {
  n: number;
  nPositive: number;
  logX: Float64Array;
  y: Float64Array;
  /** Index of each point in the caller's input arrays. */
  source: Int32Array;
  gridSize: number;
  gridStart: number;
  gridStep: number;
  gridIndex: Int32Array;
  gridOffset: Float64Array;
}

/** Largest dilution grid the kernel uses (the running product's rounding error grows with its length). */
export const MAX_GRID = 32;
const GRID_TOLERANCE = 1e-8; // log10 units; concentrations printed to 10 digits are within ~5e-11

/** Records the dilution grid of `data` if its positive concentrations lie on one (see CurveData). */
function detectGrid(data: CurveData): void {
  const m = data.nPositive;
  data.gridSize = 0;
  if (m < 2) return;
  // The smallest positive gap between log concentrations is the candidate step, the smallest value
  // the start (no sort needed: duplicates and order do not matter).
  let start = Number.POSITIVE_INFINITY;
  for (let i = 0; i < m; i++) if (data.logX[i]! < start) start = data.logX[i]!;
  let step = Number.POSITIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const gap = data.logX[i]! - start;
    if (gap > GRID_TOLERANCE && gap < step) step = gap;
  }
  if (!Number.isFinite(step)) return; // a single concentration
  let size = 0;
  for (let i = 0; i < m; i++) {
    const k = Math.round((data.logX[i]! - start) / step);
    const offset = data.logX[i]! - (start + k * step);
    if (k >= MAX_GRID || !(Math.abs(offset) <= GRID_TOLERANCE)) return;
    data.gridIndex[i] = k;
    data.gridOffset[i] = offset;
    if (k + 1 > size) size = k + 1;
  }
  data.gridSize = size;
  data.gridStart = start;
  data.gridStep = step;
}

/**
 * Builds {@link CurveData} from validated inputs, keeping the points whose index is in `keep`
 * (all when omitted).
 */
export function prepareCurveData(
  conc_nM: Float64Array,
  y: Float64Array,
  keep?: ArrayLike<number>,
): CurveData {
  const n = keep ? keep.length : conc_nM.length;
  const data: CurveData = {
    n,
    nPositive: 0,
    logX: new Float64Array(n),
    y: new Float64Array(n),
    source: new Int32Array(n),
    gridSize: 0,
    gridStart: 0,
    gridStep: 0,
    gridIndex: new Int32Array(n),
    gridOffset: new Float64Array(n),
  };
  let front = 0;
  let back = n - 1;
  for (let k = 0; k < n; k++) {
    const i = keep ? keep[k]! : k;
    const x = conc_nM[i]!;
    const slot = x > 0 ? front++ : back--;
    data.logX[slot] = x > 0 ? Math.log10(x) : Number.NEGATIVE_INFINITY;
    data.y[slot] = y[i]!;
    data.source[slot] = i;
  }
  data.nPositive = front;
  detectGrid(data);
  return data;
}

/**
 * The 4PL response (% activity) at concentration `x_nM` (nM; 0 gives the x → 0 plateau), for plateaus
 * in % activity, the IC50 as log10 nM and a Hill slope of either sign.
 * @example fourPLResponse(10, 0, 100, 1, 1) // 50: at x = IC50 the curve is half-way
 */
export function fourPLResponse(
  x_nM: number,
  bottom: number,
  top: number,
  log10Ic50: number,
  hill: number,
): number {
  if (x_nM === 0) return hill > 0 ? top : hill < 0 ? bottom : 0.5 * (top + bottom);
  return bottom + (top - bottom) / (1 + 10 ** (hill * (Math.log10(x_nM) - log10Ic50)));
}

/** The fraction f = 1/(1 + 10^(hill·(log x − lx))) at x = 0: the x → 0 limit. */
function zeroConcentrationFraction(hill: number): number {
  return hill > 0 ? 1 : hill < 0 ? 0 : 0.5;
}

// Per-point scratch of the last evaluation (grown on demand; fitting is synchronous, so evaluations
// never interleave).
let scratchF = new Float64Array(64);
let scratchFc = new Float64Array(64);
let scratchR = new Float64Array(64);
const scratchE = new Float64Array(MAX_GRID);

/**
 * Residual sum of squares Σ rᵢ² at p, with rᵢ = model − yᵢ (NaN/Infinity when p overflows). Leaves the
 * per-point fractions and residuals in module scratch, from which {@link accumulateLastEvaluation}
 * forms the normal equations — so a rejected LM trial costs only this half.
 */
export function evaluateRss(data: CurveData, p: Float64Array): number {
  const { logX, y, nPositive, n } = data;
  if (scratchF.length < nPositive) {
    // Grown, never shrunk: the largest curve seen sets the size.
    scratchF = new Float64Array(nPositive);
    scratchFc = new Float64Array(nPositive);
    scratchR = new Float64Array(nPositive);
  }
  const F = scratchF;
  const FC = scratchFc;
  const R = scratchR;
  const b = p[0]!;
  const lx = p[2]!;
  const h = p[3]!;
  const span = p[1]! - b;
  const hl = h * LN10;
  const gridSize = data.gridSize;
  const u0 = hl * (data.gridStart - lx);
  const uStep = hl * data.gridStep;
  let rr = 0;
  if (
    gridSize > 0 &&
    Math.abs(u0) < 600 &&
    Math.abs(u0 + uStep * (gridSize - 1)) < 600 &&
    Math.abs(hl) < 1e3
  ) {
    // Dilution series: e^u at grid point k is e^u₀·q^k (relative rounding ≤ k ulp, k < 32), and the
    // off-grid residual z = hl·offset (|z| < 1e-5) enters through 1 + z + z²/2 (error < 1e-16).
    const E = scratchE;
    const q = Math.exp(uStep);
    let e = Math.exp(u0);
    for (let k = 0; k < gridSize; k++) {
      E[k] = e;
      e *= q;
    }
    const index = data.gridIndex;
    const offset = data.gridOffset;
    for (let i = 0; i < nPositive; i++) {
      const z = hl * offset[i]!;
      const ei = E[index[i]!]! * (1 + z * (1 + 0.5 * z));
      const f = 1 / (1 + ei);
      const r = b + span * f - y[i]!;
      F[i] = f;
      FC[i] = ei * f;
      R[i] = r;
      rr += r * r;
    }
  } else {
    for (let i = 0; i < nPositive; i++) {
      const u = hl * (logX[i]! - lx);
      // f = 1/(1 + e^u) and 1 − f = e^u·f: neither cancels; u is capped where e^u would overflow
      // (f is then < 1e-304 either way).
      const e = Math.exp(Math.min(u, 700));
      const f = 1 / (1 + e);
      const r = b + span * f - y[i]!;
      F[i] = f;
      FC[i] = e * f;
      R[i] = r;
      rr += r * r;
    }
  }
  if (nPositive < n) {
    const f0 = zeroConcentrationFraction(h);
    for (let i = nPositive; i < n; i++) {
      const r = b + span * f0 - y[i]!;
      rr += r * r;
    }
  }
  return rr;
}

/**
 * The normal equations at the p of the last {@link evaluateRss} call on `data` (pass the same p): writes
 * g = Jᵀr into `out[0..3]` and the upper triangle of JᵀJ into `out[4..13]` (order 00, 01, 02, 03, 11, 12,
 * 13, 22, 23, 33). With `curvature` it also writes Σ rᵢ·∇²yᵢ, the second-order part of half the
 * Hessian of the RSS, into `out[14..20]` (entries 02, 03, 12, 13, 22, 23, 33; the others are zero).
 *
 * The Jacobian columns for lx and hill are span·ln10·g·h and −span·ln10·g·d (g = f·(1 − f),
 * d = log x − lx), so the sums run over f, 1 − f, g and d alone and are scaled once at the end; split
 * over two loops so that V8 keeps the accumulators in registers (measured ~30 % faster than one pass).
 */
export function accumulateLastEvaluation(
  data: CurveData,
  p: Float64Array,
  out: Float64Array,
  curvature = false,
): void {
  const { logX, y, nPositive, n } = data;
  const F = scratchF;
  const FC = scratchFc;
  const R = scratchR;
  const b = p[0]!;
  const lx = p[2]!;
  const h = p[3]!;
  const span = p[1]! - b;
  const hl = h * LN10;
  let fcr = 0;
  let fr = 0;
  let fcfc = 0;
  let fcf = 0;
  let ff = 0;
  let gr = 0;
  let gdr = 0;
  for (let i = 0; i < nPositive; i++) {
    const f = F[i]!;
    const fc = FC[i]!;
    const r = R[i]!;
    const gri = f * fc * r;
    fcr += fc * r;
    fr += f * r;
    fcfc += fc * fc;
    fcf += fc * f;
    ff += f * f;
    gr += gri;
    gdr += gri * (logX[i]! - lx);
  }
  let fcg = 0;
  let fcgd = 0;
  let fg = 0;
  let fgd = 0;
  let gg = 0;
  let ggd = 0;
  let ggdd = 0;
  for (let i = 0; i < nPositive; i++) {
    const f = F[i]!;
    const fc = FC[i]!;
    const g = f * fc;
    const gd = g * (logX[i]! - lx);
    fcg += fc * g;
    fcgd += fc * gd;
    fg += f * g;
    fgd += f * gd;
    gg += g * g;
    ggd += g * gd;
    ggdd += gd * gd;
  }
  if (nPositive < n) {
    const f = zeroConcentrationFraction(h);
    const fc = 1 - f;
    for (let i = nPositive; i < n; i++) {
      const r = b + span * f - y[i]!;
      fcr += fc * r;
      fr += f * r;
      fcfc += fc * fc;
      fcf += fc * f;
      ff += f * f;
    }
  }
  const sl = span * LN10;
  const slh = sl * h;
  out[0] = fcr;
  out[1] = fr;
  out[2] = slh * gr;
  out[3] = -sl * gdr;
  out[4] = fcfc;
  out[5] = fcf;
  out[6] = slh * fcg;
  out[7] = -sl * fcgd;
  out[8] = ff;
  out[9] = slh * fg;
  out[10] = -sl * fgd;
  out[11] = slh * slh * gg;
  out[12] = -slh * sl * ggd;
  out[13] = sl * sl * ggdd;
  if (curvature) {
    // ∂²y/∂b∂lx = −g·h·L, ∂²y/∂b∂h = g·d·L, ∂²y/∂t∂· their negatives, ∂²y/∂lx² = span·h²·L²·c,
    // ∂²y/∂lx∂h = span·L·(g − h·d·L·c), ∂²y/∂h² = span·d²·L²·c, with c = g·(1 − 2f), L = ln 10.
    let rc = 0;
    let rcd = 0;
    let rcdd = 0;
    for (let i = 0; i < nPositive; i++) {
      const f = F[i]!;
      const d = logX[i]! - lx;
      const c = R[i]! * f * FC[i]! * (1 - 2 * f);
      rc += c;
      rcd += c * d;
      rcdd += c * d * d;
    }
    out[14] = -gr * hl;
    out[15] = gdr * LN10;
    out[16] = gr * hl;
    out[17] = -gdr * LN10;
    out[18] = span * hl * hl * rc;
    out[19] = span * LN10 * (gr - hl * rcd);
    out[20] = span * LN10 * LN10 * rcdd;
  }
}

/**
 * Residual sum of squares and normal equations at p in one call ({@link evaluateRss} then
 * {@link accumulateLastEvaluation}); see the latter for the layout of `out`.
 */
export function accumulateNormalEquations(
  data: CurveData,
  p: Float64Array,
  out: Float64Array,
  curvature = false,
): number {
  const rss = evaluateRss(data, p);
  accumulateLastEvaluation(data, p, out, curvature);
  return rss;
}

/** Unweighted residuals model − y at p, written into `out` (length n) in {@link CurveData} order. */
export function fourPLResiduals(data: CurveData, p: Float64Array, out: Float64Array): void {
  const { logX, y, nPositive, n } = data;
  const b = p[0]!;
  const span = p[1]! - b;
  const hl = p[3]! * LN10;
  for (let i = 0; i < nPositive; i++) {
    out[i] = b + span / (1 + Math.exp(hl * (logX[i]! - p[2]!))) - y[i]!;
  }
  const f0 = zeroConcentrationFraction(p[3]!);
  for (let i = nPositive; i < n; i++) out[i] = b + span * f0 - y[i]!;
}

/**
 * Unweighted residuals model − y and the Jacobian ∂rᵢ/∂pⱼ (row-major n×4) at p, in {@link CurveData}
 * order; slower than {@link accumulateNormalEquations} but row by row, for the general LM.
 */
export function fourPLJacobian(
  data: CurveData,
  p: Float64Array,
  residuals: Float64Array,
  jac: Float64Array,
): void {
  const { logX, y, nPositive, n } = data;
  const b = p[0]!;
  const span = p[1]! - b;
  const h = p[3]!;
  for (let i = 0; i < n; i++) {
    let f: number;
    let fc: number;
    let d = 0;
    if (i < nPositive) {
      d = logX[i]! - p[2]!;
      const u = h * d * LN10;
      const a = Math.exp(-Math.abs(u));
      const inv = 1 / (1 + a);
      f = u > 0 ? a * inv : inv;
      fc = u > 0 ? inv : a * inv;
    } else {
      f = zeroConcentrationFraction(h);
      fc = 1 - f;
    }
    const gm = span * f * fc * LN10;
    residuals[i] = b + span * f - y[i]!;
    jac[i * 4] = fc;
    jac[i * 4 + 1] = f;
    jac[i * 4 + 2] = gm * h;
    jac[i * 4 + 3] = gm === 0 ? 0 : -gm * d;
  }
}
