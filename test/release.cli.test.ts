import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ixalab } from "./helpers/cli.js";

// The batch → specification → signed release → certificate flow on the seeded demo campaign (issue 8).
const tmp = mkdtempSync(join(tmpdir(), "ixalab-release-"));
const data = join(tmp, "data");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], input?: string) => ixalab([...args, "--data", data], { input });

describe("batch records and release from the CLI", () => {
  it("seeds the demo, releases the conforming batch with a signature, refuses the impure one", () => {
    expect(run(["batch", "demo"]).code).toBe(0);
    const show = run(["batch", "show", "IXC-DEMO-01", "--json"]);
    expect(show.code, show.stderr).toBe(0);
    const doc = JSON.parse(show.stdout);
    expect(doc.inputs.map((l: { inputBatchId: string }) => l.inputBatchId)).toEqual(["IXB-DEMO-01"]);
    expect(doc.batch.record.yieldPct).toBeCloseTo(87.3, 1);
    expect(doc.evaluation.outcome).toBe("pass");

    const failing = JSON.parse(run(["release", "evaluate", "IXC-DEMO-02", "--json"]).stdout);
    expect(failing.outcome).toBe("fail");
    expect(failing.tests.find((t: { testId: string }) => t.testId === "hplc-single-impurity")).toMatchObject({
      status: "fail",
      value: 0.21,
      limit: "≤ 0.15 %",
    });

    expect(run(["user", "set-password", "qa.lead"], "s3cret-password\n").code).toBe(0);
    const blocked = run(
      ["release", "sign", "IXC-DEMO-02", "--user", "qa.lead", "--meaning", "QA release"],
      "s3cret-password\n",
    );
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain("batch 'IXC-DEMO-02' cannot be released");
    const wrong = run(
      ["release", "sign", "IXC-DEMO-01", "--user", "qa.lead", "--meaning", "QA release"],
      "nope-nope\n",
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("signature refused for 'qa.lead'");

    const signed = run(
      ["release", "sign", "IXC-DEMO-01", "--user", "qa.lead", "--meaning", "QA release", "--json"],
      "s3cret-password\n",
    );
    expect(signed.code, signed.stderr).toBe(0);
    const release = JSON.parse(signed.stdout);
    expect(release).toMatchObject({
      decision: "released",
      signature: { userName: "qa.lead", meaning: "QA release" },
    });

    const audit = run(["audit", "--json"]);
    const events = JSON.parse(audit.stdout) as { action: string; actor: string; entityId: string }[];
    expect(events.find((e) => e.action === "signature.create")).toMatchObject({
      actor: "qa.lead",
      entityId: release.signature.id,
    });
    expect(events.find((e) => e.action === "batch.release")).toMatchObject({
      actor: "qa.lead",
      entityId: "IXC-DEMO-01",
    });

    const html = join(tmp, "coa.html");
    expect(run(["coa", "IXC-DEMO-01", "--html", html]).code).toBe(0);
    const coa = readFileSync(html, "utf8");
    expect(coa).toContain("Certificate of analysis");
    expect(coa).toContain('data-decision="released"');
    expect(coa).toContain('data-outcome="pass"');
    expect(coa).toContain(release.signature.contentSha256);

    // The batch-analysis table: both lots, the released one with what was signed.
    const table = run(["batch", "analyses", "--material", "ixazomib-citrate", "--json"]);
    expect(table.code, table.stderr).toBe(0);
    const analyses = JSON.parse(table.stdout);
    expect(analyses.batches.map((b: { batchId: string }) => b.batchId)).toEqual([
      "IXC-DEMO-01",
      "IXC-DEMO-02",
    ]);
    expect(analyses.batches[0].evaluation).toEqual(release.evaluation);
    expect(analyses.batches[0].decision).toMatchObject({ decision: "released", userName: "qa.lead" });
    const text = run(["batch", "analyses", "--material", "ixazomib-citrate"]).stdout;
    expect(text).toMatch(/IXC-DEMO-02 .*0\.21 % \(fail\)/);
    const none = run(["batch", "analyses", "--material", "water"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("specification for material 'water' not found");
  });

  it("records amounts and computes the yield from the limiting input", () => {
    expect(
      run([
        "batch",
        "create",
        "IXC-T-1",
        "--material",
        "ixazomib-citrate",
        "--route",
        "ixazomib-citrate",
        "--step",
        "4",
        "--input",
        "IXB-DEMO-01:10",
      ]).code,
    ).toBe(0);
    const rec = run(["batch", "record", "IXC-T-1", "--actual-g", "12.5", "--json"]);
    expect(rec.code, rec.stderr).toBe(0);
    const r = JSON.parse(rec.stdout).batch.record;
    // Theoretical: 10 g / 361.026 g/mol × 517.119 g/mol (CIAAW 2021 conventional weights); 1e-9 relative.
    const theoretical = (10 / 361.026) * 517.119;
    expect(Math.abs(r.theoretical_g - theoretical) / theoretical).toBeLessThan(1e-9);
    expect(Math.abs(r.yieldPct - (12.5 / theoretical) * 100)).toBeLessThan(1e-9);
    const loop = run(["batch", "record", "IXB-DEMO-01", "--input", "IXC-T-1:1"]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain("the genealogy cannot loop");
  });
});
