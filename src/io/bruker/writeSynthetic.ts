import { zipSync } from "fflate";
import { type SyntheticLine, syntheticFid } from "../../core/analytics/nmr/index.js";
import { mulberry32 } from "../../core/random/mulberry32.js";

// Seeded synthetic ¹H experiments written as TopSpin files (acqus + int32 fid), so that the CLI, the API
// and the demo batch read them through the Bruker reader like real data. The lines are known; so are their
// integrals.

/** Acquisition of the synthetic experiments: 400.13 MHz, SW 8000 Hz around 6 ppm, GRPDLY 67.98 points. */
export const SYNTHETIC_ACQUISITION = {
  bf1: 400.13,
  carrierPpm: 6,
  spectralWidthHz: 8000,
  points: 32768,
  groupDelay: 67.9842071533203,
} as const;

/** Options of the synthetic experiments: the noise generator's seed, the solvent as acqus names it. */
export interface SyntheticBrukerOptions {
  seed: number;
  solvent?: string;
  /** Noise SD of re and im, in line-area units. @default 0.002 */
  noise?: number;
}

/** The files (acqus, fid as little-endian int32) of a TopSpin experiment of a seeded synthetic FID. */
export function syntheticBrukerFiles(
  lines: SyntheticLine[],
  options: SyntheticBrukerOptions,
): { acqus: string; fid: Uint8Array } {
  const a = SYNTHETIC_ACQUISITION;
  const fid = syntheticFid({
    lines,
    points: a.points,
    spectralWidthHz: a.spectralWidthHz,
    frequencyMHz: a.bf1,
    carrierPpm: a.carrierPpm,
    noise: options.noise ?? 0.002,
    rand: mulberry32(options.seed),
    groupDelay: a.groupDelay,
  });
  // int32 with the largest point at ~2²⁴: quantisation far below the noise.
  let max = 0;
  for (let i = 0; i < fid.re.length; i++) max = Math.max(max, Math.abs(fid.re[i]!), Math.abs(fid.im[i]!));
  const scale = 2 ** 24 / max;
  const bytes = new Uint8Array(a.points * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.points; i++) {
    view.setInt32(8 * i, Math.round(fid.re[i]! * scale), true);
    view.setInt32(8 * i + 4, Math.round(fid.im[i]! * scale), true);
  }
  const acqus = [
    "##TITLE= Parameter file, TOPSPIN\t\tVersion 3.6 (synthetic, ixalab test fixture)",
    "##JCAMPDX= 5.0",
    "##DATATYPE= Parameter Values",
    "##ORIGIN= ixalab src/io/bruker/writeSynthetic.ts",
    `##$BF1= ${a.bf1}`,
    "##$BYTORDA= 0",
    "##$DTYPA= 0",
    `##$GRPDLY= ${a.groupDelay}`,
    "##$NUC1= <1H>",
    `##$SFO1= ${a.bf1 * (1 + a.carrierPpm * 1e-6)}`,
    `##$SOLVENT= <${options.solvent ?? "DMSO"}>`,
    `##$SW_h= ${a.spectralWidthHz}`,
    `##$TD= ${2 * a.points}`,
    "##END=",
    "",
  ].join("\n");
  return { acqus, fid: bytes };
}

/** {@link syntheticBrukerFiles} as a zip of the experiment folder `1/`, as TopSpin users upload it. */
export function syntheticBrukerZip(lines: SyntheticLine[], options: SyntheticBrukerOptions): Uint8Array {
  const { acqus, fid } = syntheticBrukerFiles(lines, options);
  return zipSync({ "1/acqus": new TextEncoder().encode(acqus), "1/fid": fid });
}
