import { levenbergMarquardt } from "../../fit/index.js";

/** A pseudo-Voigt fitted to one peak top. */
export interface PseudoVoigtFit {
  centre: number;
  height: number;
  fwhm: number;
  /** Lorentzian fraction η ∈ [0, 1]. */
  eta: number;
}

/**
 * Least-squares pseudo-Voigt (η·L + (1−η)·G, common FWHM) plus a constant offset over the points within
 * ±1.25 FWHM of a first estimate, by Levenberg–Marquardt (core/fit). η = (1 + sin q)/2 keeps η in [0, 1].
 * Returns null when the fit fails or moves the centre by more than half a FWHM (then the caller keeps its
 * estimate).
 */
export function fitPseudoVoigt(
  x: Float64Array,
  y: Float64Array,
  start: { centre: number; height: number; fwhm: number },
): PseudoVoigtFit | null {
  const half = 1.25 * start.fwhm;
  let lo = lowerBound(x, start.centre - half);
  let hi = lowerBound(x, start.centre + half);
  if (hi - lo < 6) {
    lo = Math.max(0, lo - 3);
    hi = Math.min(x.length, hi + 3);
  }
  const m = hi - lo;
  if (m < 6) return null;
  const xs = x.subarray(lo, hi);
  const ys = y.subarray(lo, hi);
  const x0 = start.centre;
  // params: [centre offset, height, fwhm, q, baseline]
  const model = (p: Float64Array, out: Float64Array, jac?: Float64Array) => {
    const [du, h, w, q, b] = [p[0]!, p[1]!, p[2]!, p[3]!, p[4]!];
    const eta = (1 + Math.sin(q)) / 2;
    const dEta = Math.cos(q) / 2;
    for (let i = 0; i < m; i++) {
      const t = xs[i]! - x0 - du;
      const u = (2 * t) / w;
      const l = 1 / (1 + u * u);
      const g = Math.exp(-Math.LN2 * u * u);
      const shape = eta * l + (1 - eta) * g;
      out[i] = h * shape + b - ys[i]!;
      if (jac) {
        // d shape / d u
        const dShapeDu = eta * (-2 * u * l * l) + (1 - eta) * (-2 * Math.LN2 * u * g);
        const duDt = 2 / w;
        jac[i * 5] = h * dShapeDu * -duDt;
        jac[i * 5 + 1] = shape;
        jac[i * 5 + 2] = h * dShapeDu * (-u / w);
        jac[i * 5 + 3] = h * (l - g) * dEta;
        jac[i * 5 + 4] = 1;
      }
    }
  };
  const scratch = new Float64Array(m);
  const fit = levenbergMarquardt(
    {
      nResiduals: m,
      nParams: 5,
      residuals: (p, out) => model(p, out),
      jacobian: (p, out) => model(p, scratch, out),
    },
    Float64Array.of(0, start.height, start.fwhm, 0, 0),
    { maxIterations: 60 },
  );
  const [du, h, w, q] = [fit.params[0]!, fit.params[1]!, Math.abs(fit.params[2]!), fit.params[3]!];
  if (!Number.isFinite(du) || !(h > 0) || !(w > 0) || Math.abs(du) > start.fwhm / 2 || w > 3 * start.fwhm)
    return null;
  return { centre: x0 + du, height: h, fwhm: w, eta: (1 + Math.sin(q)) / 2 };
}

function lowerBound(x: Float64Array, value: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
