import { describe, expect, it } from "vitest";
import { peaksToCsv } from "./peaksToCsv.js";

const peak = {
  name: 'impurity "A", des-chloro',
  rt_min: 4.123456789,
  rrt: 0.82,
  type: "BV",
  start_min: 4.05,
  end_min: 4.2,
  area: 12.5,
  height: 3.25,
  areaPercent: 0.1234567,
  widthHalf_min: null,
  width5_min: null,
  plates: null,
  tailing: 1.1,
  resolution: null,
  signalToNoise: 42,
};

describe("peaksToCsv", () => {
  it("writes the header, one row per peak at full precision, quoting and empty cells (RFC 4180)", () => {
    const csv = peaksToCsv([peak, { ...peak, name: null, rrf: 0.5 }]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "peak,name,rt_min,rrt,type,start_min,end_min,area,height,areaPercent,rrf,widthHalf_min,width5_min,plates,tailing,resolution,signalToNoise",
    );
    expect(lines[1]).toBe(
      '1,"impurity ""A"", des-chloro",4.123456789,0.82,BV,4.05,4.2,12.5,3.25,0.1234567,1,,,,1.1,,42',
    );
    expect(lines[2]).toBe("2,,4.123456789,0.82,BV,4.05,4.2,12.5,3.25,0.1234567,0.5,,,,1.1,,42");
    expect(lines[3]).toBe("");
  });
});
