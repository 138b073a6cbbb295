/**
 * Seeded synthetic instrument files of the two demo ixazomib citrate batches, one per release test: an
 * RP-HPLC chromatogram (CSV), an HRMS centroid spectrum (CSV), a ¹H NMR TopSpin experiment (zip) and an
 * XRPD pattern (.xy) with its reference forms. The demo batches store what the analysis kinds compute from
 * these files; nothing here is a result. Deterministic: the same batch gives the same bytes.
 *
 * - HPLC: EMG peaks of known area % (the batch's composition below), drift and noise
 *   ({@link simulateChromatogram}).
 * - HRMS: the [M+H]+ and [M+Na]+ isotope patterns of C20H23BCl2N2O9 with a 1.35 ppm calibration error,
 *   2 % intensity noise and background peaks ({@link simulateSpectrum}).
 * - NMR: one Lorentzian per signal of the derived expected list {@link IXAZOMIB_CITRATE_1H_DMSO} (at its
 *   window's centre, area = its protons) and the DMSO-d5 residual quintet, 400 MHz FID with noise.
 * - XRPD: ILLUSTRATIVE forms. No published peak list of ixazomib citrate Form 1 or Form 2 was available, so
 *   "Form 2" and "Form 1" are the invented {@link SYNTHETIC_FORMS} A and B, labelled so in the reference
 *   files; the batch pattern is Form 2's simulated at Cu Kα with counting noise.
 */
import {
  type SyntheticPeak,
  type SyntheticSpec,
  simulateChromatogram,
} from "../../core/analytics/hplc/index.js";
import { simulateSpectrum, spectrumToCsv } from "../../core/analytics/ms/index.js";
import { findSolvent, IXAZOMIB_CITRATE_1H_DMSO, type SyntheticLine } from "../../core/analytics/nmr/index.js";
import {
  CU_K_ALPHA,
  referencePeaksOf,
  SYNTHETIC_FORMS,
  simulatePattern,
  TYPICAL_CU_SCAN,
} from "../../core/analytics/xrpd/index.js";
import { mulberry32 } from "../../core/random/mulberry32.js";
import { syntheticBrukerZip } from "../../io/bruker/index.js";
import { writeChromatogramCsv } from "../../io/chromatogram-csv/index.js";
import { writeReferenceCsv, writeXy } from "../../io/diffractogram/index.js";

/** The demo batches' true compositions: impurity area % by retention time (min); the rest is the main peak. */
export const DEMO_COMPOSITIONS = {
  conforming: { seed: 20260801, impurities: { 3.85: 0.08, 4.8: 0.12, 7.31: 0.1, 8.05: 0.09 } },
  impure: { seed: 20260802, impurities: { 3.85: 0.08, 4.8: 0.21, 7.31: 0.1, 8.05: 0.09 } },
} as const;

/** Which demo batch. */
export type DemoSample = keyof typeof DEMO_COMPOSITIONS;

/** Retention time of ixazomib citrate in the demo method, min. */
const MAIN_RT_MIN = 6.42;
/** The molecular formula the HRMS file is simulated from and confirmed against. */
export const DEMO_FORMULA = "C20H23BCl2N2O9";
/** HRMS mass calibration error of the simulated instrument, ppm. */
const DEMO_PPM_SHIFT = 1.35;
/** Reference form names: the specification's ("ixazomib citrate Form 2") and the other form's. */
export const DEMO_FORMS = { expected: "ixazomib citrate Form 2", other: "ixazomib citrate Form 1" } as const;

/** One generated file, named as a user's upload would be. */
export interface DemoFile {
  name: string;
  bytes: Uint8Array;
}

/** The run of one analysis kind on generated files: its parameters and its inputs by input name. */
export interface DemoRun {
  kind: "hplc.analyze" | "ms.confirm" | "nmr.process" | "xrpd.match";
  parameters: Record<string, unknown>;
  inputs: Record<string, DemoFile>;
  /** What the files are, for the stored analysis's note. */
  note: string;
}

const text = (s: string) => new TextEncoder().encode(s);

/** The four analysis runs of a demo batch on its generated files (seeded; same bytes on every call). */
export function demoInstrumentRuns(sample: DemoSample): DemoRun[] {
  const { seed } = DEMO_COMPOSITIONS[sample];
  const tag = `demo-${sample}`;
  return [
    {
      kind: "hplc.analyze",
      parameters: { mainPeakRt_min: MAIN_RT_MIN },
      inputs: { chromatogram: { name: `${tag}-hplc.csv`, bytes: demoChromatogramCsv(sample) } },
      note: `synthetic chromatogram (EMG peaks of known area %, seed ${seed})`,
    },
    {
      kind: "ms.confirm",
      parameters: { formula: DEMO_FORMULA, adducts: ["[M+H]+", "[M+Na]+"] },
      inputs: { spectrum: { name: `${tag}-hrms.csv`, bytes: demoSpectrumCsv(seed + 1) } },
      note: `synthetic centroid spectrum of ${DEMO_FORMULA} (isotope patterns, ${DEMO_PPM_SHIFT} ppm calibration error, seed ${seed + 1})`,
    },
    {
      kind: "nmr.process",
      parameters: { expectedList: "ixazomib-citrate" },
      inputs: {
        spectrum: {
          name: `${tag}-1h.zip`,
          bytes: syntheticBrukerZip(demoNmrLines(), { seed: seed + 2, solvent: "DMSO" }),
        },
      },
      note: `synthetic 1H FID from the derived expected list ${IXAZOMIB_CITRATE_1H_DMSO.id} (seed ${seed + 2})`,
    },
    {
      kind: "xrpd.match",
      parameters: {},
      inputs: {
        pattern: { name: `${tag}-xrpd.xy`, bytes: text(demoPatternXy(seed + 3)) },
        reference1: demoReferenceFile(DEMO_FORMS.expected, "formA"),
        reference2: demoReferenceFile(DEMO_FORMS.other, "formB"),
      },
      note: `synthetic pattern of the ILLUSTRATIVE ${DEMO_FORMS.expected} (invented form, not the published pattern; seed ${seed + 3})`,
    },
  ];
}

/** The chromatogram of a demo batch: 20 min at 5 Hz, peaks of the batch's area %, drift and noise. */
export function demoChromatogramCsv(sample: DemoSample): Uint8Array {
  const { seed, impurities } = DEMO_COMPOSITIONS[sample];
  const total = 60 * 50; // mAU·s: a main peak ≈ 480 mAU tall at σ = 0.04 min
  const peak = (name: string, mu_min: number, areaPercent: number, tau_min: number): SyntheticPeak => ({
    name,
    mu_min,
    sigma_min: 0.04,
    tau_min,
    area: (total * areaPercent) / 100,
  });
  const impurityPeaks = Object.entries(impurities).map(([rt, pct]) =>
    peak(`RT ${rt}`, Number(rt), pct, 0.008),
  );
  const main = 100 - impurityPeaks.reduce((s, p) => s + (100 * p.area) / total, 0);
  const spec: SyntheticSpec = {
    points: 6000,
    end_min: 20,
    drift: { offset: 1.5, slope_per_min: 0.02, amplitude: 0.1, period_min: 40 },
    noiseSigma: 0.003,
    seed,
    peaks: [...impurityPeaks, peak("ixazomib citrate", MAIN_RT_MIN, main, 0.02)],
  };
  const csv = writeChromatogramCsv(simulateChromatogram(spec));
  return text(`# Ixalab demo: synthetic RP-HPLC chromatogram, 274 nm, ${sample} batch, seed ${seed}\n${csv}`);
}

function demoSpectrumCsv(seed: number): Uint8Array {
  const spectrum = simulateSpectrum(DEMO_FORMULA, {
    ions: [
      { adduct: "[M+H]+", abundance: 1 },
      { adduct: "[M+Na]+", abundance: 0.25 },
    ],
    rand: mulberry32(seed),
    ppmShift: DEMO_PPM_SHIFT,
  });
  return text(spectrumToCsv(spectrum));
}

/**
 * ¹H lines from the derived expected list: one per signal at its window's centre with area = its protons
 * (exchangeable ones broadened to 8 Hz), a centre within 0.15 ppm of the DMSO-d5 residual moved to 0.15 ppm
 * above it (the residual must stay resolved for referencing), and the residual's 1:2:3:2:1 quintet
 * (J(H,D) 1.9 Hz).
 */
export function demoNmrLines(): SyntheticLine[] {
  const residual = findSolvent("DMSO-d6")!.h1!;
  const lines: SyntheticLine[] = IXAZOMIB_CITRATE_1H_DMSO.signals.map((s) => {
    const centre = (s.from + s.to) / 2;
    const ppm = Math.abs(centre - residual) < 0.15 ? residual + 0.15 : centre;
    return { ppm, area: s.protons, widthHz: s.exchangeable ? 8 : 1.5 };
  });
  const hz = 1 / 400.13;
  for (const [k, w] of [1, 2, 3, 2, 1].entries())
    lines.push({ ppm: residual + (k - 2) * 1.9 * hz, area: (0.6 * w) / 9, widthHz: 1 });
  return lines;
}

function demoPatternXy(seed: number): string {
  const { pattern } = simulatePattern({
    forms: [SYNTHETIC_FORMS.formA],
    ...TYPICAL_CU_SCAN,
    seed,
  });
  return writeXy(pattern);
}

function demoReferenceFile(name: string, form: keyof typeof SYNTHETIC_FORMS): DemoFile {
  const csv = writeReferenceCsv(referencePeaksOf(SYNTHETIC_FORMS[form], CU_K_ALPHA.kAlpha1_A), [
    `${name}: ILLUSTRATIVE reference for the Ixalab demo, the invented synthetic form ${form}`,
    "(src/core/analytics/xrpd/synthetic.ts); not the published pattern of this form",
  ]);
  return { name: `${name}.csv`, bytes: text(csv) };
}
