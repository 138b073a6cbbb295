// A seeded 40-plate, 384-well proteasome-inhibition screen for the plate benchmark and end-to-end tests:
// 15,360 wells × 31 kinetic reads in the canonical long CSV, with its layout and plate table.
//
//   npx tsx scripts/make-ic50-screen.ts [outDir=.tmp/screen40] [--plates 40] [--seed 20240611]
//
// Plate map (as the example plate): column 1 and 23 max (DMSO), column 2 and 24 rows A–L min
// (bortezomib 10 µM) and rows M–P blank; columns 3–12 and 13–22 of each row the same compound as a
// 10-point 3-fold dilution, in duplicate. Kinetics: AMC product accumulating with substrate depletion,
// rfu(t) = background + v·τ·(1 − e^(−t/τ)), plus Gaussian noise (additive and 1 % proportional), read
// every 60 s with a serpentine per-well scan offset. About a fifth of the compounds are inactive, and a
// few wells hold autofluorescent compounds that reach the detector's maximum within the rate window.
// Plates alternate detector_max 65535 (gain 100) and 260000 (gain 915.2, signals × 3.7).
// Generated data is not committed (.tmp/ is ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../src/core/random/mulberry32.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const nPlates = option("plates", 40);
const seed = option("seed", 20240611);
const outDir = args[0] ?? ".tmp/screen40";

const uniform = mulberry32(seed);
let spare: number | undefined;
/** Standard normal by Box–Muller, using both values of each pair. */
function normal(): number {
  if (spare !== undefined) {
    const s = spare;
    spare = undefined;
    return s;
  }
  const u = 1 - uniform();
  const v = uniform();
  const r = Math.sqrt(-2 * Math.log(u));
  spare = r * Math.sin(2 * Math.PI * v);
  return r * Math.cos(2 * Math.PI * v);
}

const ROWS = 16;
const COLUMNS = 24;
const READS = 31;
const INTERVAL_S = 60;
const rowLetter = (r: number) => String.fromCharCode(65 + r);
const concText = (c: number) => String(Number(c.toPrecision(10)));

const kinetics: string[] = ["plate,well,time_s,rfu"];
const layout: string[] = ["plate,well,role,compound,conc_nM"];
const plates: string[] = ["plate,detector_max,min_control,reader_gain"];
let compoundNo = 0;
let saturatingWells = 0;

for (let p = 0; p < nPlates; p++) {
  const plate = `PS${String(p + 1).padStart(2, "0")}`;
  const highGain = p % 2 === 1;
  const detectorMax = highGain ? 260000 : 65535;
  const scale = highGain ? 3.7 : 1;
  const minControl = p % 4 === 3 ? "no_enzyme" : "ref_inhibitor";
  plates.push(`${plate},${detectorMax},${minControl},${highGain ? "915.2" : "100"}`);
  // Plate-to-plate variation of enzyme activity and background.
  const vMax = 2450 * scale * (1 + 0.1 * normal());
  const vMin = 13 * scale * (1 + 0.2 * normal());
  const background = 2500 * scale * (1 + 0.05 * normal());
  const tauMin = 45 + 30 * uniform();
  const compounds = Array.from({ length: ROWS }, (_, r) => {
    const inactive = uniform() < 0.2;
    return {
      name: p === 0 && r === 0 ? "ixazomib" : `CPD-${String(++compoundNo).padStart(4, "0")}`,
      topNM: uniform() < 0.5 ? 10000 : 1000,
      ic50NM: inactive ? 1e7 : 10 ** (-1 + 4.5 * uniform()),
      hill: 0.7 + 1.5 * uniform(),
    };
  });
  for (let r = 0; r < ROWS; r++) {
    for (let k = 0; k < COLUMNS; k++) {
      // Serpentine scan: even rows left to right, odd rows right to left, ~35 ms per well.
      const c = r % 2 === 0 ? k : COLUMNS - 1 - k;
      const well = `${rowLetter(r)}${c + 1}`;
      const column = c + 1;
      let role: string;
      let compound = "";
      let conc = "";
      let v: number;
      let bg = background * (1 + 0.02 * normal());
      if (column === 1 || column === 23) {
        role = "max";
        compound = "DMSO";
        v = vMax * (1 + 0.05 * normal());
      } else if ((column === 2 || column === 24) && r < 12) {
        role = "min";
        compound = minControl === "no_enzyme" ? "no enzyme" : "bortezomib";
        conc = minControl === "no_enzyme" ? "" : "10000";
        v = vMin * (1 + 0.3 * normal());
      } else if (column === 2 || column === 24) {
        role = "blank";
        compound = "buffer";
        v = vMin * 0.95 * (1 + 0.3 * normal());
      } else {
        role = "sample";
        const cmp = compounds[r]!;
        const step = (column - 3) % 10;
        const c = cmp.topNM / 3 ** step;
        compound = cmp.name;
        conc = concText(c);
        const activity = 1 / (1 + (c / cmp.ic50NM) ** cmp.hill);
        v = (vMin + (vMax - vMin) * activity) * (1 + 0.05 * normal());
        // A few autofluorescent wells start near the top of the detector's range.
        if (uniform() < 0.002) {
          bg = detectorMax * (0.9 + 0.08 * uniform());
          saturatingWells++;
        }
      }
      layout.push(`${plate},${well},${role},${compound},${conc}`);
      const offsetS = 0.035 * (r * COLUMNS + k);
      for (let i = 0; i < READS; i++) {
        const t = i * INTERVAL_S + offsetS;
        const signal = bg + v * tauMin * (1 - Math.exp(-t / 60 / tauMin));
        const rfu = Math.round(signal * (1 + 0.01 * normal()) + 40 * scale * normal());
        kinetics.push(`${plate},${well},${t.toFixed(1)},${Math.min(rfu, detectorMax)}`);
      }
    }
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "kinetics.csv"), `${kinetics.join("\n")}\n`);
writeFileSync(join(outDir, "layout.csv"), `${layout.join("\n")}\n`);
writeFileSync(join(outDir, "plates.csv"), `${plates.join("\n")}\n`);
console.log(
  `${outDir}: ${nPlates} plates, ${layout.length - 1} wells, ${kinetics.length - 1} reads (seed ${seed}; ${saturatingWells} autofluorescent wells)`,
);
