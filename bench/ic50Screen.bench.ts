// The 40-plate, 384-well screen end to end as a whole process: `ixalab ic50 run` on the seeded screen of
// scripts/make-ic50-screen.ts (15,360 wells × 31 reads), from process start to the JSON on stdout.
// Reference (issue): an R pipeline with a 12-start grid takes 23 s; goal < 3 s.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const dir = ".tmp/screen40";
if (!existsSync(join(dir, "kinetics.csv"))) {
  execFileSync("npx", ["tsx", "scripts/make-ic50-screen.ts", dir], { stdio: "inherit" });
}
const args = [
  "ic50",
  "run",
  "--reads",
  join(dir, "kinetics.csv"),
  "--layout",
  join(dir, "layout.csv"),
  "--plates",
  join(dir, "plates.csv"),
  "--json",
];

function timeRun(extra: string[]): number {
  const start = performance.now();
  const run = spawnSync("./bin/ixalab", [...args, ...extra], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return (performance.now() - start) / 1000;
}

for (const [label, extra] of [
  ["default", []],
  ["--profile-ci --outliers rout", ["--profile-ci", "--outliers", "rout"]],
] as const) {
  const times = [timeRun([...extra]), timeRun([...extra]), timeRun([...extra])].sort((a, b) => a - b);
  console.log(
    `ic50 run, 40 plates × 384 wells × 31 reads (${label}): ${times[1]?.toFixed(2)} s whole process (median of 3); R pipeline 23 s, goal < 3 s`,
  );
}
