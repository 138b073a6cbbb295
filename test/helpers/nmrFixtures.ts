import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SyntheticLine } from "../../src/core/analytics/nmr/index.js";
import {
  type SyntheticBrukerOptions,
  syntheticBrukerFiles,
  syntheticBrukerZip,
} from "../../src/io/bruker/index.js";

// Seeded synthetic ¹H spectra written as TopSpin experiment folders (src/io/bruker/writeSynthetic.ts), so
// the CLI and the API read them through the Bruker reader like real data.

export { syntheticBrukerZip };

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
