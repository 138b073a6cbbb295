import { FormatError } from "../../errors.js";
import type { NmrProcessed } from "./process.js";
import { integrate } from "./ranges.js";
import { findSolvent, RESIDUAL_WINDOW_PPM, residualShift, WATER_WINDOW_PPM } from "./solvents.js";

/** One expected signal: a shift window, its proton count and what it is. */
export interface ExpectedSignal {
  /** High-ppm edge of the window. */
  from: number;
  /** Low-ppm edge. */
  to: number;
  protons: number;
  assignment?: string;
  /** Exchangeable protons (OH, NH, CO₂H): may be broad, shifted or missing; not used for the scale. */
  exchangeable?: boolean;
}

/** A named expected-signal list with where it comes from. */
export interface ExpectedSignalList {
  id: string;
  solvent: string;
  nucleus: string;
  /** "derived": from the structure and shift tables, not from a measured spectrum. */
  status: "derived" | "user";
  sources: string[];
  signals: ExpectedSignal[];
}

/**
 * Ixazomib citrate (C20H23BCl2N2O9, 23 H) in DMSO-d6, ¹H: DERIVED from the structure, not measured. Proton
 * counts are exact from the structure (the 1,3,2-dioxaborolane citrate ester of ixazomib, src/reference/
 * compounds.json); the windows are the class ranges of ¹H shift tables for each group, widened to cover
 * DMSO-d6 (amide and acid protons are exchangeable and hydrogen-bonded there).
 */
export const IXAZOMIB_CITRATE_1H_DMSO: ExpectedSignalList = {
  id: "ixazomib-citrate-1h-dmso-d6",
  solvent: "DMSO-d6",
  nucleus: "1H",
  status: "derived",
  sources: [
    "structure: ixazomib citrate, SMILES B1([C@H](CC(C)C)NC(=O)CNC(=O)c2cc(Cl)ccc2Cl)OC(=O)C(CC(=O)O)(CC(=O)O)O1 (src/reference/compounds.json)",
    "shift classes: E. Pretsch, P. Bühlmann, M. Badertscher, Structure Determination of Organic Compounds, 4th ed., Springer 2009, ¹H tables (carboxylic acids, secondary amides, 1,2,4-trisubstituted benzenes, N-CH2-C=O, CH-B, isobutyl)",
    "solvent residual DMSO-d5 2.50 ppm, water 3.33 ppm in DMSO-d6: Fulmer et al., Organometallics 2010, 29, 2176",
  ],
  signals: [
    { from: 12.8, to: 11.5, protons: 2, assignment: "citrate CO2H ×2", exchangeable: true },
    {
      from: 11.2,
      to: 8.3,
      protons: 2,
      assignment: "amide N-H ×2 (glycyl NH, t; boroleucyl NH)",
      exchangeable: true,
    },
    { from: 7.8, to: 7.3, protons: 3, assignment: "2,5-dichlorophenyl H-3, H-4, H-6" },
    { from: 4.2, to: 3.75, protons: 2, assignment: "glycyl N-CH2-C=O (d)" },
    {
      from: 2.8,
      to: 2.3,
      protons: 5,
      assignment: "citrate CH2 ×2 (AB) + CH-B; overlaps the DMSO-d5 residual at 2.50",
    },
    { from: 1.75, to: 1.5, protons: 1, assignment: "CH(CH3)2" },
    { from: 1.5, to: 1.05, protons: 2, assignment: "CH2 (isobutyl)" },
    { from: 0.98, to: 0.7, protons: 6, assignment: "CH(CH3)2 (two d)" },
  ],
};

/**
 * Reads an expected-signal CSV `from,to,protons[,assignment]` (a header row is required; `#` lines and
 * blank lines are skipped; an assignment may be quoted).
 * @throws FormatError naming the line and column of a bad value.
 */
export function parseExpectedSignals(text: string, source = "expected.csv"): ExpectedSignal[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: ExpectedSignal[] = [];
  let header: string[] | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const cells = splitCsv(line);
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      for (const need of ["from", "to", "protons"]) {
        if (!header.includes(need)) {
          throw new FormatError(
            source,
            `line ${i + 1}`,
            "a header with from,to,protons[,assignment]",
            `'${line}'`,
          );
        }
      }
      return;
    }
    const get = (name: string) => cells[header!.indexOf(name)]?.trim() ?? "";
    const num = (name: string) => {
      const v = Number(get(name));
      if (get(name) === "" || !Number.isFinite(v)) {
        throw new FormatError(source, `line ${i + 1}, column ${name}`, "a number", `'${get(name)}'`);
      }
      return v;
    };
    const from = num("from");
    const to = num("to");
    const protons = num("protons");
    if (protons < 0)
      throw new FormatError(source, `line ${i + 1}, column protons`, "a count ≥ 0", `${protons}`);
    const assignment = header.includes("assignment") ? get("assignment") : "";
    out.push({
      from: Math.max(from, to),
      to: Math.min(from, to),
      protons,
      ...(assignment && { assignment }),
    });
  });
  if (out.length === 0) throw new FormatError(source, "file", "at least one signal row", "none");
  return out;
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === "," && !quoted) {
      cells.push(cur);
      cur = "";
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

/** How one expected signal compares with the spectrum. */
export interface SignalComparison {
  from: number;
  to: number;
  assignment: string | null;
  expectedProtons: number;
  /** Integral of the window on the spectrum's reported scale. */
  integral: number;
  /** The integral in protons (× the fitted protons per integral unit). */
  protons: number;
  /** Number of picked peaks inside the window. */
  peaks: number;
  /** The window holds the solvent residual: its integral is not comparable. */
  overlapsSolvent: boolean;
  /** The window holds the solvent's water line (H2O/HOD): its integral is not comparable. */
  overlapsWater: boolean;
  exchangeable: boolean;
  /** |protons − expected| ≤ 0.25 + 10 % of expected, and a peak is present; null when not judged. */
  agrees: boolean | null;
}

/** The comparison of a spectrum with an expected-signal list. */
export interface ExpectedComparison {
  list: string;
  status: "derived" | "user";
  /** Protons per reported integral unit, from the judged signals (Σ expected / Σ integral). */
  protonsPerUnit: number;
  signals: SignalComparison[];
  /** Automatic ranges outside every window and not the solvent's or water's, with ≥ 0.3 protons. */
  unexplained: { from: number; to: number; protons: number }[];
  /**
   * Automatic ranges outside every window that hold the solvent's water line (± {@link WATER_WINDOW_PPM})
   * or its residual (± {@link RESIDUAL_WINDOW_PPM}, or the range processing marked as the solvent's),
   * with their size in protons: reported here instead of as unexplained.
   */
  solventSignals: { kind: "water" | "solvent"; ppm: number; from: number; to: number; protons: number }[];
  /** Every judged signal agrees and nothing sizeable is unexplained. */
  agrees: boolean;
}

/**
 * Compares a processed spectrum with expected signals: integrates every window, fits one scale (protons
 * per unit) over the non-exchangeable windows clear of the solvent, and judges each window by
 * |protons − expected| ≤ 0.25 + 0.1 × expected with at least one peak; exchangeable, solvent- and
 * water-overlapping windows are reported but not judged. Automatic ranges outside every window are
 * unexplained unless they hold the solvent's residual or water line (shifts: Fulmer et al.,
 * Organometallics 2010, 29, 2176, Table 1, in {@link SOLVENT_RESIDUALS}); those are listed in
 * `solventSignals`, never dropped silently.
 */
export function compareWithExpected(
  processed: NmrProcessed,
  signals: readonly ExpectedSignal[],
  list: { id: string; status: "derived" | "user" },
): ExpectedComparison {
  const solventPpm = processed.solventRange >= 0 ? processed.ranges[processed.solventRange] : undefined;
  const entry = findSolvent(processed.solvent);
  const residual = entry ? residualShift(entry, processed.nucleus) : null;
  const water = entry && /^1H$/i.test(processed.nucleus) ? entry.water : null;
  const near = (from: number, to: number, ppm: number | null, half: number) =>
    ppm !== null && to <= ppm + half && from >= ppm - half;
  const rows = signals.map((s) => {
    const integral =
      integrate(processed.y, processed.firstPpm, processed.stepPpm, s.from, s.to) * processed.integralScale;
    const peaks = processed.peaks.filter((p) => p.ppm <= s.from && p.ppm >= s.to).length;
    const overlapsSolvent =
      (solventPpm !== undefined && solventPpm.from >= s.to && solventPpm.to <= s.from) ||
      near(s.from, s.to, residual, 0);
    const overlapsWater = near(s.from, s.to, water, 0);
    return { s, integral, peaks, overlapsSolvent, overlapsWater };
  });
  const judged = rows.filter(
    (r) => !r.s.exchangeable && !r.overlapsSolvent && !r.overlapsWater && r.peaks > 0,
  );
  const sumP = judged.reduce((a, r) => a + r.s.protons, 0);
  const sumI = judged.reduce((a, r) => a + r.integral, 0);
  const k = sumI > 0 ? sumP / sumI : 0;
  const comparisons: SignalComparison[] = rows.map((r) => {
    const protons = r.integral * k;
    const judge = !r.s.exchangeable && !r.overlapsSolvent && !r.overlapsWater;
    return {
      from: r.s.from,
      to: r.s.to,
      assignment: r.s.assignment ?? null,
      expectedProtons: r.s.protons,
      integral: r.integral,
      protons,
      peaks: r.peaks,
      overlapsSolvent: r.overlapsSolvent,
      overlapsWater: r.overlapsWater,
      exchangeable: r.s.exchangeable ?? false,
      agrees: judge ? r.peaks > 0 && Math.abs(protons - r.s.protons) <= 0.25 + 0.1 * r.s.protons : null,
    };
  });
  const unexplained: ExpectedComparison["unexplained"] = [];
  const solventSignals: ExpectedComparison["solventSignals"] = [];
  processed.ranges.forEach((r, i) => {
    if (signals.some((s) => r.to <= s.from && r.from >= s.to)) return;
    const protons = rangeIntegral(processed, i) * k;
    if (near(r.from, r.to, water, WATER_WINDOW_PPM))
      solventSignals.push({ kind: "water", ppm: water!, from: r.from, to: r.to, protons });
    else if (i === processed.solventRange || near(r.from, r.to, residual, RESIDUAL_WINDOW_PPM))
      solventSignals.push({ kind: "solvent", ppm: residual ?? r.centre, from: r.from, to: r.to, protons });
    else if (protons >= 0.3) unexplained.push({ from: r.from, to: r.to, protons });
  });
  return {
    list: list.id,
    status: list.status,
    protonsPerUnit: k,
    signals: comparisons,
    unexplained,
    solventSignals,
    agrees: comparisons.every((c) => c.agrees !== false) && unexplained.length === 0,
  };
}

/** A range's integral on the reported scale (its compound part when a solvent share was split off). */
function rangeIntegral(processed: NmrProcessed, i: number): number {
  const r = processed.ranges[i]!;
  return (r.rawIntegral - (r.solventIntegral ?? 0)) * processed.integralScale;
}
