// NIST StRD nonlinear regression (https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml): every set
// from both of NIST's starting points must reach the certified values. Tolerances, from the issue's
// correctness list: parameters and residual SD to ≥ 6 significant digits (log relative error, LRE ≥ 6,
// the measure McCullough 1999 uses for StRD), parameter standard deviations s²(JᵀJ)⁻¹ to ≥ 4 digits.
// The one start where this LM legitimately fails is asserted as an honest failure, with what MINPACK
// does there (scripts/nist-strd-minpack.py, scipy 1.10 `leastsq` with the analytic Jacobian).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LM_DEFAULTS, leastSquaresCovariance, levenbergMarquardt } from "./levenbergMarquardt.js";
import { invertSpd, norm2 } from "./linearAlgebra.js";
import { NIST_MODELS, nistProblem } from "./nistModels.js";

const NIST_DIR = new URL("../../../../shared/testdata/dose-response/nist-strd/", import.meta.url);

interface CertifiedSet {
  starts: [number[], number[]];
  certified: number[];
  certifiedSd: number[];
  residualSd: number;
  rss: number;
  x: Float64Array;
  y: Float64Array;
}

/** Parses a NIST StRD `.dat` file: the b-lines, the certified statistics and the data block. */
function parseNist(name: string): CertifiedSet {
  const lines = readFileSync(new URL(`${name}.dat`, NIST_DIR), "utf8").split(/\r?\n/);
  const rows = lines
    .filter((l) => /^\s*b\d+\s*=/.test(l))
    .map((l) => l.split("=")[1]!.trim().split(/\s+/).map(Number));
  const statistic = (label: string) => {
    const line = lines.find((l) => l.trimStart().startsWith(label));
    if (!line) throw new Error(`${name}.dat: no '${label}' line`);
    return Number(line.split(":")[1]);
  };
  // The data block follows the last line that starts with "Data:" (the first is in the header).
  const dataStart = lines.findLastIndex((l) => l.startsWith("Data:"));
  const x: number[] = [];
  const y: number[] = [];
  for (const line of lines.slice(dataStart + 1)) {
    const fields = line.trim().split(/\s+/).map(Number);
    if (fields.length === 2 && fields.every(Number.isFinite)) {
      y.push(fields[0]!);
      x.push(fields[1]!);
    }
  }
  if (x.length !== statistic("Number of Observations:"))
    throw new Error(`${name}.dat: data block mis-parsed`);
  return {
    starts: [rows.map((r) => r[0]!), rows.map((r) => r[1]!)],
    certified: rows.map((r) => r[2]!),
    certifiedSd: rows.map((r) => r[3]!),
    residualSd: statistic("Residual Standard Deviation:"),
    rss: statistic("Residual Sum of Squares:"),
    x: Float64Array.from(x),
    y: Float64Array.from(y),
  };
}

/** Log relative error: the number of correct significant digits (McCullough 1999). */
function lre(actual: number, certified: number): number {
  const rel = Math.abs(actual - certified) / Math.abs(certified);
  return rel === 0 ? 16 : -Math.log10(rel);
}

const SETS = ["Misra1a", "Thurber", "Rat42", "Rat43", "MGH09", "MGH10", "Eckerle4", "BoxBOD"] as const;

// Starts from which the fit is *expected* not to reach the certified minimum, with the reason.
const KNOWN_FAILURES: Partial<Record<`${(typeof SETS)[number]} ${1 | 2}`, string>> = {
  // From b = (1, 1) the first steps push b2 up until exp(−b2·x) underflows for every x ≥ 1, where the
  // model is the constant b1 and the best it can do is b1 = mean(y) = 172.5, RSS = 9771.5. That point is
  // not a minimum (relative offset ≈ 0.7) but no step lowers the RSS: reported as "no-progress".
  // MINPACK (`leastsq`) stops at the same plateau, b = (172.5, 87.9), RSS 9771.5, yet returns ier = 1,
  // "both actual and predicted relative reductions ... at most ftol" — a silent false success; the issue
  // records that R's nls fails here too.
  "BoxBOD 1": "flat plateau where exp(−b2·x) underflows",
};

describe("Levenberg–Marquardt on the NIST StRD nonlinear sets", () => {
  for (const name of SETS) {
    const set = parseNist(name);
    const problem = nistProblem(NIST_MODELS[name]!, set.x, set.y);
    for (const startIndex of [1, 2] as const) {
      const failure = KNOWN_FAILURES[`${name} ${startIndex}`];
      const start = Float64Array.from(set.starts[startIndex - 1]!);
      if (failure) {
        it(`${name} from start ${startIndex}: honestly reports no convergence (${failure})`, () => {
          const fit = levenbergMarquardt(problem, start);
          expect(fit.converged).toBe(false);
          expect(fit.reason).toBe("no-progress");
          expect(fit.rss).toBeCloseTo(9771.5, 6);
          expect(fit.rss).toBeGreaterThan(8 * set.rss);
        });
        continue;
      }
      it(`${name} from start ${startIndex}: certified parameters and residual SD to ≥ 6 digits, SDs to ≥ 4`, () => {
        const fit = levenbergMarquardt(problem, start);
        expect(fit.converged, fit.reason).toBe(true);
        const n = set.x.length;
        const p = set.certified.length;
        for (let j = 0; j < p; j++) {
          expect(lre(fit.params[j]!, set.certified[j]!), `b${j + 1}`).toBeGreaterThanOrEqual(6);
        }
        expect(lre(Math.sqrt(fit.rss / (n - p)), set.residualSd), "residual SD").toBeGreaterThanOrEqual(6);
        expect(lre(fit.rss, set.rss), "RSS").toBeGreaterThanOrEqual(6);
        const { standardErrors } = leastSquaresCovariance(problem, fit.params, fit.rss);
        expect(standardErrors).not.toBeNull();
        for (let j = 0; j < p; j++) {
          expect(lre(standardErrors![j]!, set.certifiedSd[j]!), `SD(b${j + 1})`).toBeGreaterThanOrEqual(4);
        }
      });
    }
  }
});

describe("levenbergMarquardt contract", () => {
  const set = parseNist("Misra1a");
  const problem = nistProblem(NIST_MODELS.Misra1a!, set.x, set.y);

  it("reports max-iterations, not convergence, when the budget runs out", () => {
    const fit = levenbergMarquardt(problem, Float64Array.of(500, 1e-4), { maxIterations: 2 });
    expect(fit).toMatchObject({ converged: false, reason: "max-iterations", iterations: 2 });
  });

  it("reports non-finite residuals at the start", () => {
    const fit = levenbergMarquardt(problem, Float64Array.of(Number.NaN, 1e-4));
    expect(fit).toMatchObject({ converged: false, reason: "non-finite" });
  });

  it("rejects bad options and starts with messages naming the problem", () => {
    expect(() => levenbergMarquardt(problem, Float64Array.of(1))).toThrow(
      "levenbergMarquardt: start has 1 values, the problem 2 parameters",
    );
    expect(() => levenbergMarquardt(problem, Float64Array.of(1, 1), { offsetTol: 0 })).toThrow(
      "levenbergMarquardt: offsetTol must be > 0, found 0",
    );
    expect(() => levenbergMarquardt(problem, Float64Array.of(1, 1), { maxIterations: 1.5 })).toThrow(
      "levenbergMarquardt: maxIterations must be an integer ≥ 1, found 1.5",
    );
  });

  it("documents the defaults it uses (@default tags match LM_DEFAULTS)", () => {
    const source = readFileSync(new URL("./levenbergMarquardt.ts", import.meta.url), "utf8");
    const documented = Object.fromEntries(
      [...source.matchAll(/@default ([^\s*]+) \*\/\n\s+(\w+)\?:/g)].map((m) => [m[2], Number(m[1])]),
    );
    expect(documented).toEqual({ ...LM_DEFAULTS });
  });
});

describe("linear algebra helpers", () => {
  it("norm2 neither overflows nor underflows", () => {
    expect(norm2(Float64Array.of(3, 4))).toBe(5);
    expect(norm2(Float64Array.of(3e200, 4e200)) / 5e200).toBeCloseTo(1, 14);
    expect(norm2(Float64Array.of(3e-200, 4e-200)) / 5e-200).toBeCloseTo(1, 14);
    expect(norm2(Float64Array.of(1, 9, 2, 9, 2), 0, 3, 2)).toBe(3); // entries 0, 2, 4 (stride 2)
  });

  it("invertSpd inverts a well-conditioned matrix and refuses a singular one", () => {
    const inverse = invertSpd(Float64Array.of(4, 2, 2, 3), 2).inverse!;
    for (const [i, v] of [0.375, -0.25, -0.25, 0.5].entries()) expect(inverse[i]).toBeCloseTo(v, 15);
    expect(invertSpd(Float64Array.of(1, 1, 1, 1), 2).inverse).toBeNull();
    expect(invertSpd(Float64Array.of(1, 0, 0, 1e-20), 2).inverse).not.toBeNull(); // scaled: perfectly conditioned
  });
});
