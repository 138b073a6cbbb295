import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { aucTrapezoid } from "./aucTrapezoid.js";
import { NCA_DEFAULTS, nca } from "./nca.js";
import { ncaBySubject } from "./ncaBySubject.js";

// Profile A: a published-style oral profile (one-compartment, ka 1.5 /h, k 0.15 /h, with 4 % noise,
// rounded to 3 significant digits). Reference numbers: scripts/nca-reference.py (scipy linregress and
// a separate trapezoid loop), printed with full precision; tolerance 1e-12 relative (double rounding
// of the same formulas in a different order).
const timeA = Float64Array.of(0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24);
const concA = Float64Array.of(0, 31.8, 50.0, 75.0, 74.9, 67.4, 59.8, 45.0, 31.6, 18.3, 2.84);
const close = (actual: number | null, expected: number, rel = 1e-12) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe("nca on profile A (hand-checked against scripts/nca-reference.py)", () => {
  it("Cmax, Tmax, Clast, Tlast", () => {
    const r = nca(timeA, concA, { doseMg: 10 });
    expect([r.cmax, r.tmax, r.clast, r.tlast]).toEqual([75, 1, 2.84, 24]);
  });

  it("chooses λz points by adjusted R² with the 1e-4 tie rule", () => {
    // Candidate fits on the last n points after Tmax (t = 2 … 24 h, 7 points):
    //   n=3 adjR² 0.99878708 (best − 6.9e-4)    n=4 0.99925578 (best − 2.2e-4)
    //   n=5 0.99948009 (best)                   n=6 0.99941603 (best − 6.4e-5 < 1e-4: a tie)
    //   n=7 0.99893014 (best − 5.5e-4)
    // The ties are n = 5 and 6; the most points wins: n = 6 (t = 3 … 24 h).
    const r = nca(timeA, concA, { doseMg: 10 });
    expect(r.pointsUsed).toBe(6);
    expect([r.lambdaZStart, r.lambdaZEnd]).toEqual([3, 24]);
    close(r.lambdaZ, 0.15146743571890195);
    close(r.r2, 0.9995328226975118);
    close(r.r2adj, 0.9994160283718897);
    close(r.halfLife, 4.576212552025438);
    // With no tolerance the best adjusted R² alone decides: n = 5.
    const strict = nca(timeA, concA, { lambdaZ: { adjR2Tolerance: 0 } });
    expect(strict.pointsUsed).toBe(5);
    close(strict.lambdaZ, 0.1522672611651914);
  });

  it("AUC linear-up/log-down (default) and linear, AUCinf, % extrapolated, CL/F, Vz/F", () => {
    const r = nca(timeA, concA, { doseMg: 10 });
    // e.g. the 1 → 2 h segment falls from 75.0 to 74.9: log trapezoid 0.1 · 1 / ln(75/74.9) = 74.94999…
    close(r.auclast, 631.8863714007008);
    close(r.aucinf, 650.6362762005058); // 631.886… + 2.84 / 0.151467…
    close(r.aucPctExtrap, 2.8817798031948128);
    close(r.clF, 15.369570320297223); // 1000 · 10 mg / 650.636 ng·h/mL, L/h
    close(r.vzF, 101.47111983080347); // 15.3696 L/h / 0.151467 /h, L
    const lin = nca(timeA, concA, { doseMg: 10, aucMethod: "linear" });
    close(lin.auclast, 663.19);
    close(lin.aucinf, 681.9399047998049);
    close(lin.clF, 14.664048737455348);
    close(lin.vzF, 96.81321049541864);
    expect(r.warnings).toEqual([]);
  });

  it("lets the Cmax point into the regression when asked (still n = 6 here)", () => {
    const r = nca(timeA, concA, { lambdaZ: { excludeCmax: false } });
    expect(r.pointsUsed).toBe(6);
    expect(r.clF).toBeNull(); // no dose
  });

  it("log trapezoid is exact for an exponential; linear overestimates it", () => {
    const t = Float64Array.of(0, 4);
    const c = Float64Array.of(8, 2); // C = 8 e^(−ln4/4 · t): ∫ = (8 − 2) / (ln 4 / 4) = 17.312340…
    close(aucTrapezoid(t, c, 0, 1, "linear-up-log-down"), 24 / Math.log(4));
    expect(aucTrapezoid(t, c, 0, 1, "linear")).toBe(20);
  });
});

describe("nca edge cases", () => {
  it("λz is not estimable with fewer than 3 points after Tmax: null and a warning", () => {
    const r = nca(Float64Array.of(0, 1, 2, 4), Float64Array.of(0, 5, 3, 1), { doseMg: 1 });
    expect(r.lambdaZ).toBeNull();
    expect(r.aucinf).toBeNull();
    expect(r.clF).toBeNull();
    expect(r.pointsUsed).toBe(0);
    close(r.auclast, 2.5 + 2 / Math.log(5 / 3) + 4 / Math.log(3)); // 0→1 linear, then two log-down
    expect(r.warnings).toEqual([
      "λz not estimated: 2 positive concentrations after Tmax, at least 3 needed; sample longer into the terminal phase",
    ]);
  });

  it("BLQ (0): leading kept, middle dropped, trailing kept but outside AUClast; missing dropped", () => {
    const t = Float64Array.of(0, 1, 2, 3, 4, 6, 8, 10);
    const c = Float64Array.of(0, 10, 0, 8, Number.NaN, 4, 2, 0);
    const r = nca(t, c);
    expect(r.tlast).toBe(8);
    expect(r.clast).toBe(2);
    // 0→1 linear 5; 1→3 log (10→8) 2·2/ln(1.25); 3→6 log 4·3/ln 2; 6→8 log 2·2/ln 2.
    close(r.auclast, 5 + 4 / Math.log(1.25) + 12 / Math.LN2 + 4 / Math.LN2);
    expect(r.warnings).toEqual([
      "1 missing concentration dropped",
      "1 BLQ (zero) concentration between positive ones dropped",
    ]);
  });

  it("all BLQ: AUClast 0, no Tlast", () => {
    const r = nca(Float64Array.of(0, 1, 2), Float64Array.of(0, 0, 0));
    expect([r.cmax, r.tmax, r.clast, r.tlast, r.auclast]).toEqual([0, 0, 0, null, 0]);
  });

  it("rejects bad input with InputError", () => {
    expect(() => nca(Float64Array.of(0, 2, 1), Float64Array.of(0, 1, 1))).toThrow(
      "NCA: times must increase, but time 3 (1 h) follows 2 h; sort the samples and merge duplicates",
    );
    expect(() => nca(Float64Array.of(0, 1), Float64Array.of(0, -1))).toThrow(InputError);
    expect(() => nca(Float64Array.of(0, 1), Float64Array.of(0))).toThrow(InputError);
    expect(() => nca(timeA, concA, { doseMg: -4 })).toThrow(InputError);
    expect(() => nca(timeA, concA, { lambdaZ: { minPoints: 2 } })).toThrow(InputError);
  });

  it("documented defaults match NCA_DEFAULTS", () => {
    expect(NCA_DEFAULTS).toEqual({
      aucMethod: "linear-up-log-down",
      lambdaZ: { minPoints: 3, adjR2Tolerance: 1e-4, excludeCmax: true },
    });
  });

  it("ncaBySubject uses each subject's dose and names the subject in errors", () => {
    const rows = ncaBySubject(
      [
        { id: "1", time_h: timeA, conc_ng_mL: concA, doseMg: 10 },
        { id: "2", time_h: timeA, conc_ng_mL: concA },
      ],
      { doseMg: 20 },
    );
    close(rows[0]!.clF, 15.369570320297223);
    close(rows[1]!.clF, 2 * 15.369570320297223);
    expect(() =>
      ncaBySubject([{ id: "7", time_h: Float64Array.of(1, 0), conc_ng_mL: Float64Array.of(1, 1) }]),
    ).toThrow(/^subject 7: NCA: times must increase/);
  });
});
