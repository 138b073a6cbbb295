// Worker threads must not change a single number: `ixalab ic50 run` on a 14-plate screen (224 curves,
// above the threshold where the compiled CLI fits in worker threads) against the same fits done here,
// in this thread, from the TypeScript sources.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fitCurves } from "../src/core/assays/ic50/fitCurves.js";
import { analysePlates, toNormalizedPoints } from "../src/core/assays/ic50/plates.js";
import { readKineticReads, readPlateLayout, readPlateTable } from "../src/io/plate-csv/index.js";
import { ixalab } from "./helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "ixalab-ic50-workers-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("gives identical curves in worker threads and in one thread", async () => {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/make-ic50-screen.ts", tmp, "--plates", "14"], {
    stdio: "pipe",
  });
  const files = ["kinetics.csv", "layout.csv", "plates.csv"].map((f) => join(tmp, f));
  const run = ixalab([
    "ic50",
    "run",
    "--reads",
    files[0]!,
    "--layout",
    files[1]!,
    "--plates",
    files[2]!,
    "--json",
  ]);
  expect(run.code).toBe(0);
  const fromCli = JSON.parse(run.stdout);
  const analysis = analysePlates(
    (await readKineticReads(files[0]!)).reads,
    (await readPlateLayout(files[1]!)).layout,
    (await readPlateTable(files[2]!)).plates,
  );
  const here = fitCurves(toNormalizedPoints(analysis.wells), {
    profileCi: false,
    outliers: "none",
    routQ: 0.01,
  });
  expect(here.curves.length).toBeGreaterThanOrEqual(200);
  // Structured clone and JSON keep doubles exactly; NaN and ±∞ are not among the fields.
  expect(fromCli.curves).toEqual(JSON.parse(JSON.stringify(here.curves)));
});
