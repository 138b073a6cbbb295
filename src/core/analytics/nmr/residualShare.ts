import type { IntegrationRange } from "./ranges.js";

/** The residual solvent line's estimated share of a compound range. */
export interface ResidualShare {
  /** Raw integral (spectrum units × ppm) attributed to the residual line. */
  integral: number;
  /** Height of the residual line beyond what the multiplet's mirror image explains (spectrum units). */
  excessHeight: number;
  /** The multiplet's centre (midpoint of its outer lines) and the residual's mirror point, ppm. */
  centre: number;
  mirror: number;
}

/**
 * Apportions a range that holds both compound lines and the residual solvent line at `residualPpm`. A
 * first-order multiplet is symmetric about its centre (the midpoint of its outer lines). Two readings are
 * tried: the residual is one of the multiplet's lines (centre of all lines), or an extra line (centre of
 * the lines more than 2 line widths from it); the one whose lines' heights are the more mirror-symmetric
 * about its centre is taken. Whatever of the spectrum at the residual position its mirror point
 * (2·centre − residual) does not show is the residual line: height max(0, y(residual) − y(mirror)), area that of a Lorentzian of that height and the
 * spectrum's line width, (π/2)·height·FWHM, capped at the range's integral. When the residual coincides
 * with one of the multiplet's own symmetric lines (aspirin's H-5 td at 7.29 in CDCl3) the share is 0: the
 * residual cannot be told apart and its area stays with the compound. Roofing (strong coupling) makes
 * multiplets asymmetric and biases the share by a few % of a line.
 */
export function residualShare(
  y: Float64Array,
  firstPpm: number,
  stepPpm: number,
  range: IntegrationRange,
  residualPpm: number,
  fwhmPpm: number,
): ResidualShare {
  const at = (ppm: number) => {
    const x = (ppm - firstPpm) / stepPpm;
    const i = Math.floor(x);
    if (i < 0 || i >= y.length - 1) return 0;
    return y[i]! + (x - i) * (y[i + 1]! - y[i]!);
  };
  const midpoint = (lines: readonly number[]) => (Math.max(...lines) + Math.min(...lines)) / 2;
  // Σ|y(p) − y(mirror of p)| / Σ y(p): 0 for a multiplet symmetric about c.
  const asymmetry = (lines: readonly number[], c: number) => {
    let d = 0;
    let sum = 0;
    for (const p of lines) {
      d += Math.abs(at(p) - at(2 * c - p));
      sum += Math.abs(at(p));
    }
    return sum > 0 ? d / sum : Number.POSITIVE_INFINITY;
  };
  const all = [...range.peaks, residualPpm];
  const others = range.peaks.filter((p) => Math.abs(p - residualPpm) > 2 * fwhmPpm);
  const centreAll = midpoint(all);
  const centreOthers = others.length > 0 ? midpoint(others) : centreAll;
  const centre =
    others.length > 0 && asymmetry(others, centreOthers) < asymmetry(all, centreAll)
      ? centreOthers
      : centreAll;
  const mirror = 2 * centre - residualPpm;
  const inside = mirror <= range.from && mirror >= range.to;
  const excessHeight = Math.max(0, at(residualPpm) - (inside ? at(mirror) : 0));
  const integral = Math.min(Math.max(0, range.rawIntegral), (Math.PI / 2) * excessHeight * fwhmPpm);
  return { integral, excessHeight, centre, mirror };
}
