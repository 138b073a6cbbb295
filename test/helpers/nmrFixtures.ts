import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { type SyntheticLine, syntheticFid } from "../../src/core/analytics/nmr/index.js";
import { mulberry32 } from "../../src/core/random/mulberry32.js";

// Seeded synthetic ¹H spectra written as TopSpin experiment folders (acqus + int32 fid), so the CLI and the
// API read them through the Bruker reader like real data. The lines are known; so are their integrals.

/** ¹H lines shaped like ixazomib citrate in DMSO-d6 (one line or multiplet per group of its structure). */
export function ixazomibLikeLines(): SyntheticLine[] {
  const hz = 1 / 400.13;
  const line = (ppm: number, area: number, widthHz = 1) => ({ ppm, area, widthHz });
  return [
    line(12.3, 2, 6), // citrate CO2H ×2 (exchange-broadened)
    line(10.72, 1, 2), // boroleucyl NH
    line(8.86, 1, 2), // glycyl NH
    line(7.72, 1),
    line(7.52, 1),
    line(7.48, 1), // aryl H ×3
    line(4.03 + 3 * hz, 1),
    line(4.03 - 3 * hz, 1), // glycyl CH2, d (J 6 Hz)
    line(2.68, 1),
    line(2.64, 1),
    line(2.6, 1),
    line(2.56, 1),
    line(2.66, 1), // citrate CH2 ×2 (AB) and CH-B
    // DMSO-d5 residual: 1:2:3:2:1 quintet, J(H,D) 1.9 Hz
    ...[1, 2, 3, 2, 1].map((w, k) => line(2.5 + (k - 2) * 1.9 * hz, (0.6 * w) / 9)),
    line(1.62, 1, 2), // CH(CH3)2
    line(1.35, 2, 2), // CH2
    line(0.86, 3),
    line(0.83, 3), // CH(CH3)2, two methyls
  ];
}

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
    "##ORIGIN= ixalab test/helpers/nmrFixtures.ts",
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

/** Writes {@link syntheticBrukerFiles} as an experiment folder; returns its path. */
export function writeSyntheticBruker(
  dir: string,
  lines: SyntheticLine[],
  options: SyntheticBrukerOptions,
): string {
  const { acqus, fid } = syntheticBrukerFiles(lines, options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "acqus"), acqus);
  writeFileSync(join(dir, "fid"), fid);
  return dir;
}

/** {@link syntheticBrukerFiles} as a zip of the experiment folder `1/`, as TopSpin users upload it. */
export function syntheticBrukerZip(lines: SyntheticLine[], options: SyntheticBrukerOptions): Uint8Array {
  const { acqus, fid } = syntheticBrukerFiles(lines, options);
  return zipSync({ "1/acqus": new TextEncoder().encode(acqus), "1/fid": fid });
}
