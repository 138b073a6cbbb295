import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import fixture from "../src/core/pk/fixtures/desolve-gupta2017.json" with { type: "json" };
import { openStore } from "../src/store/index.js";
import { ixalab } from "./helpers/cli.js";

// `pk simulate --dataset`: a subject's NONMEM dose records replace the regimen, and its observations are
// set beside the prediction. Subject 1 is the R deSolve fixture's regimen (4 mg on days 1, 8, 15 of two
// 28-day cycles) written as NONMEM writes it (II 168 h, ADDL 2 per cycle), with the deSolve concentrations
// as DV: prediction and DV must agree to 1e-6, as the regimen path does in desolve.test.ts. Subject 2 has
// one 2 mg dose: linear PK halves the single-dose peak (18.0 ng/mL at 1.28 h).
const tmp = mkdtempSync(join(tmpdir(), "ixalab-pk-dataset-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const observations = fixture.times_h
  .map((t, i) => [t, fixture.conc_ng_mL[i]!] as const)
  .filter(([, c]) => c > 0);
const rows = [
  "ID,TIME,AMT,DV,EVID,CMT,MDV,II,ADDL",
  "1,0,4,.,1,1,1,168,2",
  ...observations.filter(([t]) => t < 672).map(([t, c]) => `1,${t},.,${c},0,2,0,.,.`),
  "1,672,4,.,1,1,1,168,2",
  ...observations.filter(([t]) => t >= 672).map(([t, c]) => `1,${t},.,${c},0,2,0,.,.`),
  "2,0,2,.,1,1,1,.,.",
  "2,1.28,.,9.0,0,2,0,.,.",
  "2,24,.,4.2,0,2,0,.,.",
];
const dataset = join(tmp, "subjects.csv");
writeFileSync(dataset, `${rows.join("\n")}\n`);

const json = (args: string[]) => {
  const run = ixalab([...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe("ixalab pk simulate --dataset", () => {
  it("simulates subject 1's dose records: the prediction at each observation is deSolve's to 1e-6", () => {
    const out = json(["pk", "simulate", "--dataset", dataset]);
    expect(Object.keys(out)).toEqual(["model", "times_h", "conc_ng_mL", "summary", "observed"]);
    expect(out.observed.subject).toBe("1");
    expect(out.observed.doses).toBe(6);
    expect(out.observed.points).toHaveLength(observations.length);
    for (const p of out.observed.points)
      expect(Math.abs(p.pred_ng_mL / p.dv_ng_mL - 1), `t = ${p.time_h} h`).toBeLessThan(1e-6);
    // The first-dose peak ends at the second dose (an ADDL dose at 168 h): the single-dose peak.
    const kind = JSON.parse(
      ixalab(["pk", "simulate", "--dataset", dataset, "--provenance", "--json"]).stdout,
    );
    expect(kind.result.firstDose.tmax_h).toBeCloseTo(1.28, 2);
    // The profile runs a week past the last record (2 cycles: 1344 h).
    expect(out.times_h.at(-1)).toBe(Math.max(...observations.map(([t]) => t), 672 + 336) + 168);
  });

  it("--subject picks another ID: 2 mg gives half the single-dose peak", () => {
    const out = json(["pk", "simulate", "--dataset", dataset, "--subject", "2"]);
    expect(out.observed.subject).toBe("2");
    expect(out.observed.points[0].pred_ng_mL).toBeCloseTo(18.0 / 2, 1);
  });

  it("draws the observations over the profile with --plot", () => {
    const plot = join(tmp, "subject1.svg");
    json(["pk", "simulate", "--dataset", dataset, "--plot", plot]);
    const svg = readFileSync(plot, "utf8");
    expect(svg.match(/<circle /g)).toHaveLength(observations.length);
    expect(svg).toContain("subject 1 of");
  });

  it("exits 2 naming the file for an unknown subject, and for --subject without a dataset", () => {
    const unknown = ixalab(["pk", "simulate", "--dataset", dataset, "--subject", "9", "--json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("subjects.csv has no ID '9' (IDs: 1, 2)");
    const alone = ixalab(["pk", "simulate", "--subject", "1", "--json"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("subject: give a dosing dataset");
  });
});

describe("pk.simulate with a dataset over HTTP", () => {
  it("takes the dataset as the kind's 'dataset' input, stores the comparison and plots the observations", async () => {
    const store = await openStore({ actor: "pk-dataset-test" });
    try {
      const app = createApp({ store, ctx: systemRunContext() });
      const form = new FormData();
      form.set("parameters", JSON.stringify({ subject: "2" }));
      form.set("save", "true");
      form.set("dataset", new File([readFileSync(dataset)], "subjects.csv"));
      const response = await app.request("/api/analyses/pk.simulate", { method: "POST", body: form });
      expect(response.status).toBe(200);
      const { id, envelope } = await response.json();
      expect(envelope.result.observed).toMatchObject({ subject: "2", doses: 1 });
      expect(envelope.inputs.map((i: { name: string }) => i.name)).toEqual(["subjects.csv"]);
      const svg = await (await app.request(`/api/analyses/${id}/plots/pk.svg`)).text();
      expect(svg.match(/<circle /g)).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
