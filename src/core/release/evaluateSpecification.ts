import type {
  EvaluatedAnalysis,
  NmrSignal,
  Specification,
  SpecificationEvaluation,
  SpecificationTest,
  TestCriterion,
  TestEvaluation,
} from "./specification.js";

type Verdict = Pick<TestEvaluation, "value" | "status" | "detail">;

/**
 * Judges a batch's analyses against a specification: each test takes the latest analysis of its kind
 * (by `createdAt`); a missing analysis is `not tested` and a result without the quantity is `invalid`, and
 * both block release like a failure does. Numeric results are rounded to the limit's decimals before
 * comparison (USP General Notices 7.20, "rounding rules").
 */
export function evaluateSpecification(
  spec: Specification,
  analyses: readonly EvaluatedAnalysis[],
): SpecificationEvaluation {
  const tests = spec.tests.map((test): TestEvaluation => {
    const latest = latestOfKind(analyses, test.kind);
    const base = { testId: test.id, title: test.title, kind: test.kind, limit: limitText(test.criterion) };
    if (!latest) {
      return {
        ...base,
        analysisId: null,
        value: null,
        status: "not tested",
        detail: `no ${test.kind} analysis of this batch`,
      };
    }
    return { ...base, analysisId: latest.id, ...judge(test, latest.result) };
  });
  const outcome = tests.some((t) => t.status === "fail")
    ? "fail"
    : tests.every((t) => t.status === "pass")
      ? "pass"
      : "incomplete";
  return {
    specificationId: spec.id,
    specificationVersion: spec.version,
    material: spec.material,
    outcome,
    tests,
  };
}

function latestOfKind(analyses: readonly EvaluatedAnalysis[], kind: string): EvaluatedAnalysis | undefined {
  let best: EvaluatedAnalysis | undefined;
  for (const a of analyses) {
    if (a.kind !== kind) continue;
    // Ties (same timestamp) keep the later one in the list, so callers may pass rows oldest first.
    if (!best || Date.parse(a.createdAt) >= Date.parse(best.createdAt)) best = a;
  }
  return best;
}

/** The limit as a certificate prints it. */
export function limitText(c: TestCriterion): string {
  switch (c.type) {
    case "hplc.purity":
      return `≥ ${c.minPercent.toFixed(decimals(c.minPercent, 1))} %`;
    case "hplc.maxSingleImpurity":
      return `≤ ${c.maxPercent.toFixed(decimals(c.maxPercent, 2))} %`;
    case "ms.ion":
      return `${c.ion} |error| ≤ ${c.maxAbsPpm} ppm, isotope score ≥ ${c.minIsotopeScore}`;
    case "nmr.conforms":
      return `${c.nucleus}: ${c.signals.length} diagnostic regions, integrals within ±${Math.round(c.integralTolerance * 100)} %`;
    case "xrpd.form":
      return `best match ${c.reference}, score ≥ ${c.minScore}`;
  }
}

/**
 * A test's measured value as a certificate prints it, with the unit its criterion measures in:
 * "99.5 %", "1.35 ppm" (the |error|), "conforms", "—" when not tested.
 */
export function valueText(c: TestCriterion, value: number | string | null): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  const unit =
    c.type === "hplc.purity" || c.type === "hplc.maxSingleImpurity"
      ? " %"
      : c.type === "ms.ion"
        ? " ppm"
        : "";
  return `${value}${unit}`;
}

function judge(test: SpecificationTest, result: unknown): Verdict {
  const r = (result ?? {}) as Record<string, unknown>;
  const c = test.criterion;
  switch (c.type) {
    case "hplc.purity": {
      const purity = r.purityPercent;
      if (!isNumber(purity)) return invalid("result has no numeric purityPercent");
      const shown = roundTo(purity, decimals(c.minPercent, 1));
      return verdict(shown >= c.minPercent, shown, `purity ${shown} % (area %)`);
    }
    case "hplc.maxSingleImpurity": {
      const peaks = r.peaks;
      if (
        !Array.isArray(peaks) ||
        !peaks.every((p) => isNumber((p as { areaPercent?: unknown })?.areaPercent))
      ) {
        return invalid("result has no peaks with numeric areaPercent");
      }
      const list = peaks as { rt_min?: number; areaPercent: number }[];
      const main = mainPeakIndex(list, r.mainPeak);
      let worst = 0;
      let worstRt: number | undefined;
      for (const [i, p] of list.entries()) {
        if (i !== main && p.areaPercent > worst) {
          worst = p.areaPercent;
          worstRt = p.rt_min;
        }
      }
      const shown = roundTo(worst, decimals(c.maxPercent, 2));
      const where =
        worstRt === undefined ? "no impurity peak" : `largest impurity at ${worstRt.toFixed(2)} min`;
      return verdict(shown <= c.maxPercent, shown, `${where}: ${shown} % (area %)`);
    }
    case "ms.ion": {
      const ions = Array.isArray(r.ions) ? (r.ions as Record<string, unknown>[]) : undefined;
      if (!ions) return invalid("result has no ions list");
      const ion = ions.find((i) => normaliseIon(String(i.ion)) === normaliseIon(c.ion));
      if (!ion) return invalid(`result does not report the ${c.ion} ion`);
      let ppm = ion.ppmError;
      if (!isNumber(ppm) && isNumber(ion.observedMz) && isNumber(ion.monoisotopicMz)) {
        ppm = ((ion.observedMz - ion.monoisotopicMz) / ion.monoisotopicMz) * 1e6;
      }
      if (!isNumber(ppm)) return verdict(false, null, `${c.ion} not observed`);
      const score = isNumber(ion.isotopeScore) ? ion.isotopeScore : Number.NaN;
      const ppmShown = roundTo(ppm, 2);
      const ok = Math.abs(ppmShown) <= c.maxAbsPpm && score >= c.minIsotopeScore && ion.matched !== false;
      const observed = isNumber(ion.observedMz) ? ion.observedMz.toFixed(5) : "missing";
      return verdict(
        ok,
        ppmShown,
        `${c.ion} observed m/z ${observed}, ${ppmShown} ppm, isotope score ${Number.isNaN(score) ? "missing" : roundTo(score, 3)}${ion.matched === false ? ", not matched" : ""}`,
      );
    }
    case "nmr.conforms":
      return judgeNmr(c, r);
    case "xrpd.form": {
      const matches = Array.isArray(r.matches) ? (r.matches as Record<string, unknown>[]) : undefined;
      if (!matches) return invalid("result has no matches list");
      const best = r.bestMatch;
      const name =
        typeof best === "string"
          ? best
          : best &&
              typeof best === "object" &&
              typeof (best as { reference?: unknown }).reference === "string"
            ? (best as { reference: string }).reference
            : null;
      if (name === null) return verdict(false, null, "no reference pattern matched");
      const entry = matches.find((m) => m.reference === name);
      const score = matchFraction(
        entry ?? (typeof best === "object" ? (best as Record<string, unknown>) : {}),
      );
      const ok = name === c.reference && score >= c.minScore;
      return verdict(
        ok,
        name,
        `best match ${name}, score ${Number.isNaN(score) ? "missing" : roundTo(score, 3)}`,
      );
    }
  }
}

/**
 * A form match's score as a fraction (0–1): √(referenceFraction · observedFraction) where the result
 * reports them (xrpd.match, whose `score` is that × 100), else its `score` as given.
 */
function matchFraction(m: Record<string, unknown>): number {
  if (isNumber(m.referenceFraction) && isNumber(m.observedFraction))
    return Math.sqrt(m.referenceFraction * m.observedFraction);
  return isNumber(m.score) ? m.score : Number.NaN;
}

function judgeNmr(c: Extract<TestCriterion, { type: "nmr.conforms" }>, r: Record<string, unknown>): Verdict {
  if (typeof r.nucleus !== "string") return invalid("result has no nucleus");
  if (normaliseNucleus(r.nucleus) !== normaliseNucleus(c.nucleus)) {
    return verdict(false, r.nucleus, `spectrum is ${r.nucleus}, the specification needs ${c.nucleus}`);
  }
  if (!Array.isArray(r.peaks)) return invalid("result has no peaks list");
  const peaks = (r.peaks as { ppm?: unknown }[]).map((p) => p.ppm).filter(isNumber);
  const ranges = Array.isArray(r.ranges)
    ? (r.ranges as { from?: unknown; to?: unknown; integral?: unknown }[]).filter(
        (g) => isNumber(g.from) && isNumber(g.to) && isNumber(g.integral),
      )
    : [];
  const missing = c.signals.filter((s) => !peaks.some((p) => p >= s.from_ppm && p <= s.to_ppm));
  const problems = missing.map((s) => `no peak for ${s.label} (${s.from_ppm}–${s.to_ppm} ppm)`);
  let integralNote = "integrals not reported";
  if (ranges.length > 0) {
    const integral = (s: NmrSignal) =>
      ranges.reduce((sum, g) => {
        const lo = Math.min(g.from as number, g.to as number);
        const hi = Math.max(g.from as number, g.to as number);
        return lo <= s.to_ppm && hi >= s.from_ppm ? sum + (g.integral as number) : sum;
      }, 0);
    const ref = c.signals.find((s) => s.label === c.referenceSignal);
    const refIntegral = ref ? integral(ref) : 0;
    if (!ref || refIntegral <= 0) {
      problems.push(`no integral for the reference region ${c.referenceSignal}`);
    } else {
      const deviations: string[] = [];
      for (const s of c.signals) {
        if (s === ref || s.protons <= 0) continue;
        const found = (integral(s) / refIntegral) * ref.protons;
        const rel = found / s.protons - 1;
        deviations.push(`${s.label} ${found.toFixed(2)}H/${s.protons}H`);
        if (Math.abs(rel) > c.integralTolerance) {
          problems.push(`${s.label} integrates for ${found.toFixed(2)} H, expected ${s.protons} H`);
        }
      }
      integralNote = `integrals ${deviations.join(", ")}`;
    }
  }
  problems.push(...expectedProblems(r.expected));
  const conforming = c.signals.length - missing.length;
  const value = problems.length === 0 ? "conforms" : "does not conform";
  return {
    value,
    status: problems.length === 0 ? "pass" : "fail",
    detail: `${conforming}/${c.signals.length} regions with a signal; ${problems.length ? problems.join("; ") : integralNote}`,
  };
}

/**
 * nmr.process's comparison with an expected-signal list, when it was run with one: each judged window that
 * disagrees and each sizeable unexplained range is a problem.
 */
function expectedProblems(expected: unknown): string[] {
  if (!expected || typeof expected !== "object") return [];
  const e = expected as {
    list?: unknown;
    agrees?: unknown;
    signals?: {
      from?: number;
      to?: number;
      assignment?: string | null;
      protons?: number;
      expectedProtons?: number;
      agrees?: unknown;
    }[];
    unexplained?: { from?: number; to?: number; protons?: number }[];
  };
  if (e.agrees === true) return [];
  const out: string[] = [];
  for (const s of Array.isArray(e.signals) ? e.signals : []) {
    if (s.agrees !== false) continue;
    const found = isNumber(s.protons) ? s.protons.toFixed(2) : "?";
    out.push(
      `${s.assignment ?? `${s.to}–${s.from} ppm`}: ${found} H, expected ${s.expectedProtons} H (list ${e.list})`,
    );
  }
  for (const u of Array.isArray(e.unexplained) ? e.unexplained : []) {
    const h = isNumber(u.protons) ? u.protons.toFixed(2) : "?";
    out.push(`unexplained signal ${u.to}–${u.from} ppm (${h} H) against list ${e.list}`);
  }
  if (out.length === 0) out.push(`does not agree with the expected list ${e.list}`);
  return out;
}

/** The main peak: the result's `mainPeak` (a peak, matched by retention time), else the largest by area %. */
function mainPeakIndex(peaks: { rt_min?: number; areaPercent: number }[], main: unknown): number {
  const rt = main && typeof main === "object" ? (main as { rt_min?: unknown }).rt_min : undefined;
  if (isNumber(rt)) {
    const byRt = peaks.findIndex((p) => p.rt_min === rt);
    if (byRt >= 0) return byRt;
  }
  let best = -1;
  for (const [i, p] of peaks.entries()) if (best < 0 || p.areaPercent > peaks[best]!.areaPercent) best = i;
  return best;
}

function verdict(ok: boolean, value: number | string | null, detail: string): Verdict {
  return { value, status: ok ? "pass" : "fail", detail };
}

function invalid(detail: string): Verdict {
  return { value: null, status: "invalid", detail };
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function decimals(limit: number, atLeast: number): number {
  const text = String(limit);
  const dot = text.indexOf(".");
  return Math.max(atLeast, dot < 0 ? 0 : text.length - dot - 1);
}

/** Rounds half away from zero at `digits` decimals; the relative nudge makes 0.155 → 0.16 as printed. */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  return (Math.sign(value) * Math.round(scaled * (1 + 4 * Number.EPSILON))) / factor;
}

function normaliseIon(ion: string): string {
  return ion.replace(/\s+/g, "").replace(/\u207a/g, "+");
}

function normaliseNucleus(n: string): string {
  return n.replace(/\s+/g, "").replace(/^¹H$/, "1H").toUpperCase();
}
