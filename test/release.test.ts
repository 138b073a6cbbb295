/**
 * Specification evaluation against the results hplc.analyze, ms.confirm, nmr.process and xrpd.match compute
 * on the demo batches' seeded synthetic instrument files, and the release workflow on an in-memory store
 * with the shipped ixazomib citrate specification.
 */
import { describe, expect, it } from "vitest";
import { runDemoAnalyses } from "../src/apps/shared/demoBatches.js";
import { findSpecification } from "../src/catalog/routes.js";
import type { ProvenanceEnvelope } from "../src/core/provenance.js";
import {
  type EvaluatedAnalysis,
  evaluateSpecification,
  ReleaseBlockedError,
} from "../src/core/release/index.js";
import { openStore } from "../src/store/index.js";

const spec = findSpecification("ixazomib-citrate-release");

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

// The kinds' results on the demo files of the conforming and the impure batch, computed once.
const ctx = {
  rdkit: () => Promise.reject(new Error("no kind here needs RDKit")),
  now: () => new Date(at(0)),
};
const computed = async (sample: "conforming" | "impure") =>
  Object.fromEntries(
    (await runDemoAnalyses(sample, ctx)).map((a) => [a.envelope.kind, a.envelope.result]),
  ) as Record<string, unknown>;
const DEMO = { conforming: await computed("conforming"), impure: await computed("impure") };
/** Fresh copies of a demo batch's computed results, keyed by analysis kind. */
const demoAnalysisResults = (sample: keyof typeof DEMO = "conforming") => structuredClone(DEMO[sample]);
function analyses(overrides: Partial<Record<string, unknown>> = {}): EvaluatedAnalysis[] {
  const results = { ...demoAnalysisResults(), ...overrides };
  return Object.entries(results)
    .filter(([, r]) => r !== undefined)
    .map(([kind, result], i) => ({ id: `a${i}`, kind, createdAt: at(i), result }));
}
const line = (e: ReturnType<typeof evaluateSpecification>, id: string) =>
  e.tests.find((t) => t.testId === id)!;

describe("evaluateSpecification", () => {
  it("passes the demo results on every line, with values and limits", () => {
    const e = evaluateSpecification(spec, analyses());
    expect(e.outcome).toBe("pass");
    expect(e.tests.map((t) => [t.testId, t.status])).toEqual([
      ["hplc-purity", "pass"],
      ["hplc-single-impurity", "pass"],
      ["hrms-identity", "pass"],
      ["nmr-identity", "pass"],
      ["xrpd-form", "pass"],
    ]);
    expect(line(e, "hplc-purity")).toMatchObject({ value: 99.6, limit: "≥ 98.0 %" });
    expect(line(e, "hplc-single-impurity")).toMatchObject({ value: 0.12, limit: "≤ 0.15 %" });
    expect(line(e, "hrms-identity")).toMatchObject({ value: 1.35 });
    expect(line(e, "xrpd-form")).toMatchObject({ value: "ixazomib citrate Form 2" });
  });

  it("fails the impurity line when one impurity exceeds 0.15 %", () => {
    const hplc = demoAnalysisResults()["hplc.analyze"] as { peaks: { areaPercent: number }[] };
    hplc.peaks[1]!.areaPercent = 0.18;
    const e = evaluateSpecification(spec, analyses({ "hplc.analyze": hplc }));
    expect(e.outcome).toBe("fail");
    expect(line(e, "hplc-single-impurity")).toMatchObject({ status: "fail", value: 0.18 });
    expect(line(e, "hplc-purity").status).toBe("pass");
  });

  it("rounds to the limit's decimals before comparing (USP General Notices 7.20)", () => {
    const hplc = (purity: number, impurity: number) => ({
      peaks: [
        {
          rt_min: 6.1,
          area: 1,
          height: 1,
          areaPercent: 100 - impurity,
          widthHalf_min: 0.1,
          plates: 1,
          tailing: 1,
          resolution: null,
        },
        {
          rt_min: 7.0,
          area: 1,
          height: 1,
          areaPercent: impurity,
          widthHalf_min: 0.1,
          plates: 1,
          tailing: 1,
          resolution: 3,
        },
      ],
      mainPeak: 0,
      purityPercent: purity,
    });
    const judge = (p: number, i: number) => {
      const e = evaluateSpecification(spec, analyses({ "hplc.analyze": hplc(p, i) }));
      return [line(e, "hplc-purity").status, line(e, "hplc-single-impurity").status];
    };
    expect(judge(97.95, 0.154)).toEqual(["pass", "pass"]);
    expect(judge(97.94, 0.155)).toEqual(["fail", "fail"]);
  });

  it("takes the latest analysis of each kind", () => {
    const list = analyses();
    list.push({
      id: "old",
      kind: "hplc.analyze",
      createdAt: at(-5),
      result: { peaks: [], mainPeak: null, purityPercent: 90 },
    });
    expect(line(evaluateSpecification(spec, list), "hplc-purity").analysisId).not.toBe("old");
    list.push({
      id: "new",
      kind: "hplc.analyze",
      createdAt: at(30),
      result: { peaks: [], mainPeak: null, purityPercent: 90 },
    });
    expect(line(evaluateSpecification(spec, list), "hplc-purity")).toMatchObject({
      analysisId: "new",
      status: "fail",
    });
  });

  it("marks a missing analysis 'not tested' and a result without the quantity 'invalid'", () => {
    const e = evaluateSpecification(
      spec,
      analyses({ "xrpd.match": undefined, "ms.confirm": { confirmed: true } }),
    );
    expect(e.outcome).toBe("incomplete");
    expect(line(e, "xrpd-form")).toMatchObject({ status: "not tested", value: null, analysisId: null });
    expect(line(e, "hrms-identity").status).toBe("invalid");
  });

  it("fails HRMS outside 5 ppm, with a poor isotope score, or unmatched", () => {
    const ms = (ppmError: number, isotopeScore: number, matched = true) => ({
      confirmed: matched,
      ions: [
        {
          ion: "[M+H]+",
          monoisotopicMz: 517.094642,
          observedMz: 517.094642 * (1 + ppmError / 1e6),
          ppmError,
          isotopeScore,
          matched,
        },
      ],
    });
    const status = (r: unknown) =>
      line(evaluateSpecification(spec, analyses({ "ms.confirm": r })), "hrms-identity").status;
    expect(status(ms(4.99, 0.95))).toBe("pass");
    expect(status(ms(-5.2, 0.95))).toBe("fail");
    expect(status(ms(1, 0.5))).toBe("fail");
    expect(status(ms(1, 0.95, false))).toBe("fail");
  });

  it("judges NMR by diagnostic regions and proton ratios", () => {
    const nmr = demoAnalysisResults()["nmr.process"] as {
      nucleus: string;
      ranges: { from: number; to: number; integral: number }[];
      peaks: { ppm: number }[];
    };
    expect(
      line(
        evaluateSpecification(spec, analyses({ "nmr.process": { ...nmr, nucleus: "13C" } })),
        "nmr-identity",
      ).status,
    ).toBe("fail");
    const noAryl = { ...nmr, peaks: nmr.peaks.filter((p) => p.ppm < 7) };
    const e = evaluateSpecification(spec, analyses({ "nmr.process": noAryl }));
    expect(line(e, "nmr-identity")).toMatchObject({ status: "fail", value: "does not conform" });
    expect(line(e, "nmr-identity").detail).toContain("no peak for aryl H");
    const wrongIntegral = structuredClone(nmr);
    wrongIntegral.ranges.find((g) => g.from < 1 && g.to > 0.7)!.integral *= 1.5; // the methyl reference region: every ratio drops by a third
    expect(
      line(evaluateSpecification(spec, analyses({ "nmr.process": wrongIntegral })), "nmr-identity").status,
    ).toBe("fail");
  });

  it("fails XRPD when another form matches best or the score is low", () => {
    const x = (bestMatch: string, score: number) => ({
      matches: [{ reference: bestMatch, score, matchedPeaks: 12, unmatchedPeaks: 1 }],
      bestMatch,
    });
    const status = (r: unknown) =>
      line(evaluateSpecification(spec, analyses({ "xrpd.match": r })), "xrpd-form").status;
    expect(status(x("ixazomib citrate Form 2", 0.95))).toBe("pass");
    expect(status(x("ixazomib citrate Form 1", 0.97))).toBe("fail");
    expect(status(x("ixazomib citrate Form 2", 0.6))).toBe("fail");
    expect(status({ matches: [], bestMatch: null })).toBe("fail");
  });
});

function envelope(kind: string, result: unknown): ProvenanceEnvelope {
  return {
    kind,
    ixalabVersion: "test",
    startedAt: at(0),
    durationMs: 1,
    inputs: [],
    parameters: {},
    warnings: [],
    result,
  };
}

describe("release on the store", () => {
  it("releases a passing batch with a signature in the audit trail; refuses one with a high impurity", async () => {
    const store = await openStore({ actor: "chemist" });
    try {
      await store.upsertCompound({ id: "ixazomib-citrate", name: "ixazomib citrate" });
      await store.setUserPassword("qa.lead", "release-me-123");
      for (const id of ["IXC-GOOD", "IXC-IMPURE"])
        await store.createBatch({ id, compoundId: "ixazomib-citrate" });
      for (const [batchId, sample] of [
        ["IXC-GOOD", "conforming"],
        ["IXC-IMPURE", "impure"],
      ] as const) {
        for (const [kind, result] of Object.entries(demoAnalysisResults(sample)))
          await store.saveAnalysis({ envelope: envelope(kind, result), batchId });
      }
      const request = {
        decision: "released" as const,
        specification: spec,
        userName: "qa.lead",
        password: "release-me-123",
        meaning: "QA release",
      };
      const error = await store.releaseBatch({ ...request, batchId: "IXC-IMPURE" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReleaseBlockedError);
      expect((error as Error).message).toContain(
        "Any single impurity (RP-HPLC, area %): fail (0.21, limit ≤ 0.15 %)",
      );
      expect(await store.listReleases("IXC-IMPURE")).toEqual([]);

      const release = await store.releaseBatch({ ...request, batchId: "IXC-GOOD" });
      expect(release.evaluation.outcome).toBe("pass");
      const audit = await store.auditLog({ limit: 5 });
      expect(audit.slice(0, 2).map((e) => [e.action, e.actor])).toEqual([
        ["batch.release", "qa.lead"],
        ["signature.create", "qa.lead"],
      ]);
      expect(audit[1]!.after).toMatchObject({
        meaning: "QA release",
        userName: "qa.lead",
        entityId: "IXC-GOOD",
      });
    } finally {
      await store.close();
    }
  });
});
