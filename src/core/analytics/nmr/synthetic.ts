import { gaussian } from "../../random/mulberry32.js";
import type { NmrFid } from "./types.js";

/** One Lorentzian line of a synthetic FID. */
export interface SyntheticLine {
  ppm: number;
  /** Amplitude at t = 0, i.e. the line's integral in arbitrary units. */
  area: number;
  /** Full width at half height, Hz. */
  widthHz: number;
}

/** Parameters of {@link syntheticFid}. */
export interface SyntheticFidOptions {
  lines: SyntheticLine[];
  points: number;
  spectralWidthHz: number;
  frequencyMHz: number;
  carrierPpm: number;
  /** Noise SD added to each of re and im, with the seeded generator `rand`. */
  noise: number;
  rand: () => number;
  /** Zero-order phase error built into the FID, degrees. @default 0 */
  phaseDegrees?: number;
  /** Digital-filter group delay in points (a causal delay: zero before it). @default 0 */
  groupDelay?: number;
  nucleus?: string;
  solvent?: string | null;
}

/**
 * A synthetic complex FID Σ Aₖ·e^{iφ}·e^{2πiνₖt}·e^{−π·wₖ·t}, sampled at t = (m − groupDelay)/SW, with
 * seeded Gaussian noise: known lines and integrals for tests and benchmarks. Points before the group
 * delay continue the same band-limited signal to t < 0, as a digital filter's delayed output does.
 */
export function syntheticFid(o: SyntheticFidOptions): NmrFid {
  const re = new Float64Array(o.points);
  const im = new Float64Array(o.points);
  const dt = 1 / o.spectralWidthHz;
  const phi = ((o.phaseDegrees ?? 0) * Math.PI) / 180;
  const gd = o.groupDelay ?? 0;
  for (const line of o.lines) {
    const nu = (line.ppm - o.carrierPpm) * o.frequencyMHz;
    const decay = Math.PI * line.widthHz;
    for (let m = 0; m < o.points; m++) {
      const t = (m - gd) * dt;
      const a = line.area * Math.exp(-decay * t);
      const w = 2 * Math.PI * nu * t + phi;
      re[m] = re[m]! + a * Math.cos(w);
      im[m] = im[m]! + a * Math.sin(w);
    }
  }
  if (o.noise > 0) {
    for (let m = 0; m < o.points; m++) {
      re[m] = re[m]! + o.noise * gaussian(o.rand);
      im[m] = im[m]! + o.noise * gaussian(o.rand);
    }
  }
  return {
    kind: "fid",
    vendor: "synthetic",
    source: "synthetic",
    nucleus: o.nucleus ?? "1H",
    frequencyMHz: o.frequencyMHz,
    referenceFrequencyMHz: o.frequencyMHz,
    solvent: o.solvent ?? null,
    re,
    im,
    spectralWidthHz: o.spectralWidthHz,
    carrierPpm: o.carrierPpm,
    groupDelay: gd,
    reverse: false,
    warnings: [],
  };
}
