import { describe, expect, it } from "vitest";
import { ACTION_BOLUS, ACTION_RATE, ACTION_RESET, compileSchedule, regimenEvents } from "./events.js";

describe("regimenEvents", () => {
  it("puts doses at (cycle·cycleDays + day − 1)·24 h", () => {
    const events = regimenEvents({ doseMg: 4, days: [15, 1, 8], cycleDays: 28, cycles: 6 });
    expect(events).toHaveLength(18);
    expect(events.slice(0, 4)).toEqual([
      { time_h: 0, amt_mg: 4, cmt: 1, evid: 1 },
      { time_h: 168, amt_mg: 4, cmt: 1, evid: 1 },
      { time_h: 336, amt_mg: 4, cmt: 1, evid: 1 },
      { time_h: 672, amt_mg: 4, cmt: 1, evid: 1 },
    ]);
    expect(events[17]!.time_h).toBe((5 * 28 + 14) * 24);
    expect(regimenEvents({ doseMg: 3, days: [1], cycleDays: 7, cycles: 1, cmt: 2 })[0]!.cmt).toBe(2);
  });

  it("reports every problem, verbatim", () => {
    expect(() => regimenEvents({ doseMg: -4, days: [0, 8, 8], cycleDays: 28, cycles: 1.5 })).toThrow(
      "invalid regimen: doseMg: must be a finite number > 0, found -4; cycles: must be an integer ≥ 1, found 1.5; " +
        "days[0]: must be an integer in 1…28, found 0; days[2]: day 8 is listed twice",
    );
  });
});

describe("compileSchedule", () => {
  const oral = { nState: 4, depot: 0, bioavailability: 0.5, lag_h: 0.25 };

  it("applies F and lag to depot doses only, expands addl, and ends infusions after F·amt/rate", () => {
    const s = compileSchedule(
      [
        { time_h: 0, amt_mg: 4, cmt: 1, evid: 1, ii_h: 24, addl: 1 },
        { time_h: 1, amt_mg: 2, cmt: 2, evid: 1, rate_mg_per_h: 4 },
      ],
      oral,
    );
    expect(Array.from(s.time_h)).toEqual([0.25, 1, 1.5, 24.25]);
    expect(Array.from(s.kind)).toEqual([ACTION_BOLUS, ACTION_RATE, ACTION_RATE, ACTION_BOLUS]);
    expect(Array.from(s.amount_mg)).toEqual([2, 2, 2, 2]);
    expect(Array.from(s.rates_mg_per_h.subarray(4, 8))).toEqual([0, 4, 0, 0]);
    expect(Array.from(s.rates_mg_per_h.subarray(8, 12))).toEqual([0, 0, 0, 0]);
  });

  it("drops doses pending at a reset and the end of a cancelled infusion", () => {
    const s = compileSchedule(
      [
        { time_h: 0, amt_mg: 1, cmt: 2, evid: 1, rate_mg_per_h: 0.1 },
        { time_h: 4.9, amt_mg: 4, cmt: 1, evid: 1 }, // arrives at 5.15, after the reset
        { time_h: 5, amt_mg: 4, cmt: 1, evid: 4 },
      ],
      oral,
    );
    expect(Array.from(s.time_h)).toEqual([0, 5, 5.25]);
    expect(Array.from(s.kind)).toEqual([ACTION_RATE, ACTION_RESET, ACTION_BOLUS]);
  });

  it("names every bad field, verbatim", () => {
    expect(() =>
      compileSchedule(
        [
          { time_h: -1, amt_mg: 4, cmt: 5, evid: 1 },
          { time_h: 0, amt_mg: Number.NaN, cmt: 1, evid: 3 as 1, addl: 2 },
        ],
        oral,
      ),
    ).toThrow(
      "invalid dosing events: events[0].time_h: must be a finite number ≥ 0, found -1; " +
        "events[0].cmt: must be an integer in 1…4 for this model, found 5; " +
        "events[1].amt_mg: must be a finite number ≥ 0, found NaN; " +
        "events[1].evid: must be 1 (dose) or 4 (reset and dose), found 3; events[1].ii_h: must be > 0 when addl > 0",
    );
  });
});
