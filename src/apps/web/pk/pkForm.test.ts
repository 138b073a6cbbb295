import { describe, expect, it } from "vitest";
import { INITIAL_PK_VALUES, pkRequest } from "./pkForm.js";

describe("pkRequest", () => {
  it("builds both requests with the inhibition link and two AUC windows", () => {
    const { request, errors } = pkRequest({ ...INITIAL_PK_VALUES, link: true, subjects: "50" });
    expect(errors).toEqual({});
    expect(request?.simulate).toMatchObject({
      doseMg: 4,
      days: [1, 8, 15],
      inhibition: { ic50_nM: 3.4, hill: 1, basis: "whole-blood" },
    });
    expect(request?.population).toMatchObject({
      subjects: 50,
      seed: 1,
      aucWindows: [
        [0, 168],
        [3360, 3528],
      ],
    });
    expect(request?.lastCycleStartH).toBe(3360);
  });

  it("reports bad fields and leaves the population out without a size", () => {
    expect(pkRequest({ ...INITIAL_PK_VALUES, days: "1, x" }).errors.days).toMatch(/whole days/);
    expect(pkRequest(INITIAL_PK_VALUES).request?.population).toBeUndefined();
  });
});
