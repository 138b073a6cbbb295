/**
 * A few lines that say what a stored analysis found, by kind (the dossier's assay table, the analyses
 * list): the headline numbers only, read defensively because stored results outlive the code that wrote them.
 */
export function summariseAnalysis(kind: string, result: unknown): [string, string][] {
  const r = (result ?? {}) as Record<string, unknown>;
  const num = (v: unknown, digits = 3) =>
    typeof v === "number" && Number.isFinite(v) ? v.toPrecision(digits) : "—";
  switch (kind) {
    case "chem.library":
      return [
        ["structures", String(r.structures ?? "—")],
        ["unreadable", String(r.failed ?? "—")],
        ["> 1 rule-of-five violation", String(r.ruleOfFiveFailures ?? "—")],
      ];
    case "chem.props":
      return [
        ["formula", String(r.formula ?? "—")],
        ["MW", `${num(r.averageMass, 5)} g/mol`],
        ["cLogP", num(r.clogp)],
        ["TPSA", `${num(r.tpsa)} Å²`],
      ];
    case "ic50.run":
    case "ic50.fit": {
      const pooled =
        Array.isArray(r.pooled) && r.pooled.length ? r.pooled : Array.isArray(r.curves) ? r.curves : [];
      return (pooled as Record<string, unknown>[]).slice(0, 6).map((c) => {
        const ci = Array.isArray(c.ci95_nM) ? ` (95 % CI ${num(c.ci95_nM[0])}–${num(c.ci95_nM[1])})` : "";
        return [
          `IC50 ${String(c.compound ?? "?")}`,
          `${c.ic50Qualifier === ">" ? "> " : ""}${num(c.ic50_nM)} nM${ci}`,
        ];
      });
    }
    case "flow.apoptosis": {
      const p = (r.populations ?? {}) as Record<string, { percent?: number }>;
      return [
        ["live", `${num(p.live?.percent)} %`],
        ["early apoptotic", `${num(p.earlyApoptotic?.percent)} %`],
        ["late apoptotic", `${num(p.lateApoptotic?.percent)} %`],
        ["necrotic", `${num(p.necrotic?.percent)} %`],
      ];
    }
    case "pk.simulate": {
      const s = (r.summary ?? {}) as Record<string, number>;
      return [
        ["model", String(r.model ?? "—")],
        ["Cmax", `${num(s.cmax_ng_mL)} ng/mL at ${num(s.tmax_h)} h`],
        ["AUC", `${num(s.auc_ng_h_mL, 4)} ng·h/mL`],
      ];
    }
    case "hplc.analyze":
      return [
        ["purity", `${num(r.purityPercent, 4)} % (area)`],
        ["peaks", String(Array.isArray(r.peaks) ? r.peaks.length : "—")],
      ];
    case "ms.confirm": {
      const ions = (Array.isArray(r.ions) ? r.ions : []) as Record<string, unknown>[];
      return [
        ["confirmed", String(r.confirmed)],
        ...ions
          .slice(0, 3)
          .map((i): [string, string] => [
            String(i.ion),
            `${num(i.observedMz, 9)} (${num(i.ppmError, 2)} ppm)`,
          ]),
      ];
    }
    case "nmr.process":
      return [
        ["spectrum", `${String(r.nucleus ?? "?")} ${num(r.frequency_MHz)} MHz, ${String(r.solvent ?? "")}`],
        ["peaks", String(Array.isArray(r.peaks) ? r.peaks.length : "—")],
      ];
    case "hplc.suitability": {
      const checks = (Array.isArray(r.checks) ? r.checks : []) as { pass?: boolean }[];
      const injections = Array.isArray(r.injections) ? r.injections.length : 0;
      return [
        ["verdict", r.pass === true ? "system suitable" : "not suitable"],
        [
          "checks passed",
          `${checks.filter((c) => c.pass).length} of ${checks.length}, ${injections} injections`,
        ],
      ];
    }
    case "ms.formula": {
      const [best] = (Array.isArray(r.candidates) ? r.candidates : []) as Record<string, unknown>[];
      return [
        [
          "best formula",
          best ? `${String(best.formula)} (${num(best.ppmError, 2)} ppm)` : "none in the window",
        ],
        ["candidates", String(Array.isArray(r.candidates) ? r.candidates.length : 0)],
      ];
    }
    case "xrpd.match": {
      const best = r.bestMatch;
      return [
        [
          "best match",
          typeof best === "string" ? best : String((best as { reference?: string })?.reference ?? "none"),
        ],
      ];
    }
    default:
      // The first few scalars, in key order: jsonb keeps keys sorted, not in the order they were written.
      return Object.entries(r)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .filter(([, v]) => typeof v === "number" || typeof v === "string" || typeof v === "boolean")
        .slice(0, 4)
        .map(([k, v]) => [k, String(v)]);
  }
}
