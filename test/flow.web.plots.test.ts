import { XMLValidator } from "fast-xml-parser";
import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { countApoptosis } from "../src/core/assays/flow/apoptosis.js";
import {
  AXIS_DEFAULTS,
  axisPosition,
  axisValue,
  binEdges,
  binIndex,
  binner,
  chooseAxisScale,
  decadeTicks,
  histogram1d,
  histogram2d,
} from "../src/core/assays/flow/density.js";
import { fasinh, logicle } from "../src/core/assays/flow/gating/index.js";
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";
import { plotApoptosisDensity, plotChannelHistogram } from "../src/reports/flowPlots.js";
import { crc32, encodeIndexedPng } from "../src/reports/flowPng.js";
import { sampleEvents } from "./flow.web.fixtures.js";

function randomEvents(n: number, seed: number) {
  const rand = mulberry32(seed);
  const annexin = new Float64Array(n);
  const pi = new Float64Array(n);
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    annexin[i] = (rand() < 0.4 ? 8000 : 150) * 10 ** (0.3 * gaussian(rand)) + 80 * gaussian(rand);
    pi[i] = (rand() < 0.3 ? 12000 : 120) * 10 ** (0.3 * gaussian(rand)) + 80 * gaussian(rand);
    keep[i] = rand() < 0.9 ? 1 : 0;
  }
  return { annexin, pi, keep };
}

/** The display bin of each value by the Gating-ML transform itself (an independent path: Newton per event). */
function directBins(values: Float64Array, scale: ReturnType<typeof chooseAxisScale>, bins: number) {
  const y =
    scale.kind === "logicle"
      ? logicle(values, scale.T, scale.W, scale.M, scale.A)
      : fasinh(values, scale.T, scale.M, scale.A);
  return Array.from(y, (v) => Math.min(bins - 1, Math.max(0, Math.floor(v * bins))));
}

describe("2-D and 1-D histograms on display axes", () => {
  for (const kind of ["logicle", "asinh"] as const) {
    it(`${kind}: bins sum to the gated events and agree cell by cell with a direct count`, () => {
      const { annexin, pi, keep } = randomEvents(20_000, 7);
      const bins = 128;
      const xs = chooseAxisScale(annexin, { kind }, keep);
      const ys = chooseAxisScale(pi, { kind }, keep);
      const h = histogram2d(annexin, pi, binEdges(xs, bins), binEdges(ys, bins), keep);
      let gated = 0;
      for (const k of keep) gated += k;
      expect(h.binned).toBe(gated);
      expect(h.counts.reduce((a, b) => a + b, 0)).toBe(gated);
      // Direct count: floor(transform(x)·bins), clamped to the axis, event by event.
      const bx = directBins(annexin, xs, bins);
      const by = directBins(pi, ys, bins);
      const direct = new Uint32Array(bins * bins);
      for (let i = 0; i < keep.length; i++) if (keep[i]) direct[by[i]! * bins + bx[i]!]!++;
      // Exact: an event lies within 1e-12 display units of a bin edge with probability ~1e-8 here.
      expect(Array.from(h.counts)).toEqual(Array.from(direct));
    });
  }

  it("quadrant counts summed from bins equal countApoptosis when thresholds lie on bin edges", () => {
    const { annexin, pi, keep } = randomEvents(20_000, 11);
    const bins = 256;
    const xs = chooseAxisScale(annexin, {}, keep);
    const ys = chooseAxisScale(pi, {}, keep);
    const xe = binEdges(xs, bins);
    const ye = binEdges(ys, bins);
    const h = histogram2d(annexin, pi, xe, ye, keep);
    const [ia, ip] = [170, 150];
    const exact = countApoptosis(annexin, pi, [xe[ia]!, ye[ip]!], keep);
    const q = [0, 0, 0, 0];
    for (let r = 0; r < bins; r++)
      for (let c = 0; c < bins; c++)
        q[((r >= ip ? 1 : 0) << 1) | (c >= ia ? 1 : 0)]! += h.counts[r * bins + c]!;
    expect(q).toEqual([
      exact.populations.live.count,
      exact.populations.earlyApoptotic.count,
      exact.populations.necrotic.count,
      exact.populations.lateApoptotic.count,
    ]);
  });

  it("the bucket lookup bins every value exactly as bisection does", () => {
    const rand = mulberry32(99);
    for (const kind of ["logicle", "asinh"] as const) {
      const edges = binEdges(chooseAxisScale([-5000, 262000], { kind, W: 1.5 }), 256);
      const bin = binner(edges);
      const special = [
        0,
        -0,
        5e-324,
        -5e-324,
        1e-300,
        Infinity,
        -Infinity,
        ...edges,
        ...edges.map((e) => e * (1 + 1e-16)),
      ];
      for (const v of special) expect(bin(v)).toBe(binIndex(edges, v));
      for (let i = 0; i < 200_000; i++) {
        const v = (rand() - 0.3) * 10 ** (6 * rand());
        expect(bin(v)).toBe(binIndex(edges, v));
      }
    }
  });

  it("piles off-axis values into the edge bins and leaves NaN out", () => {
    const scale = chooseAxisScale([1, 1000], {});
    const edges = binEdges(scale, 16);
    expect(binIndex(edges, -1e9)).toBe(0);
    expect(binIndex(edges, 1e9)).toBe(15);
    const h = histogram1d(Float64Array.of(-1e9, 5, Number.NaN, 1e9), edges);
    expect(h.binned).toBe(3);
    expect(h.nonFinite).toBe(1);
    expect(h.counts[0]! + h.counts[15]!).toBe(2);
  });

  it("chooses T as a power of two above the data, W from the negative tail, defaults as documented", () => {
    const { annexin } = randomEvents(5_000, 3);
    const s = chooseAxisScale(annexin, {});
    expect(s.kind).toBe(AXIS_DEFAULTS.kind);
    expect(s.M).toBe(AXIS_DEFAULTS.M);
    expect(Math.log2(s.T) % 1).toBe(0);
    expect(s.T).toBeGreaterThanOrEqual(Math.max(...annexin));
    expect(s.W).toBeGreaterThanOrEqual(AXIS_DEFAULTS.W);
    expect(s.W).toBeLessThanOrEqual(s.M / 2);
    // No negative values: the default width.
    expect(chooseAxisScale([10, 100, 262000], {}).W).toBe(AXIS_DEFAULTS.W);
    expect(chooseAxisScale([10, 100, 262000], {}).T).toBe(262144);
    // Asinh: linear within ±|r| and the bottom of the axis at 2r, r the 5th percentile of the negatives
    // (sorted ascending, index ⌊n·5/100⌋: −95 of −100…−1, as the logicle W uses).
    const negatives = Array.from({ length: 100 }, (_, i) => -(i + 1));
    const a = chooseAxisScale([...negatives, 50000], { kind: "asinh" });
    expect(a.T).toBe(65536);
    expect(a.T / Math.sinh(a.M * Math.LN10)).toBeCloseTo(95, 9);
    expect(axisValue(a, 0)).toBeCloseTo(-190, 9);
  });

  it("labels decades; positions and values invert each other; T sits at the top", () => {
    const s = { kind: "logicle", T: 262144, W: 0.5, M: 4.5, A: 0 } as const;
    const labels = decadeTicks(s).map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(["0", "10³", "10⁴", "10⁵"]));
    expect(axisPosition(s, 262144)).toBeCloseTo(1, 12);
    for (const v of [-300, 0, 12.5, 4000, 200000]) expect(axisValue(s, axisPosition(s, v))).toBeCloseTo(v, 6);
    const a = { kind: "asinh", T: 262144, W: 0, M: 4.5, A: 0.5 } as const;
    for (const v of [-300, 0, 4000]) expect(axisValue(a, axisPosition(a, v))).toBeCloseTo(v, 6);
  });
});

describe("flow plots", () => {
  it("encodes a valid indexed PNG (chunk CRCs, pixels round-trip through inflate)", () => {
    const pixels = Uint8Array.from({ length: 12 }, (_, i) => i % 3);
    const palette = Uint8Array.of(0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 255);
    const png = encodeIndexedPng(4, 3, pixels, palette);
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    // IEND's CRC is the well-known AE 42 60 82 (PNG 1.2 spec examples).
    expect(Array.from(png.subarray(-4))).toEqual([0xae, 0x42, 0x60, 0x82]);
    expect(crc32(new TextEncoder().encode("123456789")) ^ 0xffffffff).toBe(0xcbf43926 | 0);
    const view = new DataView(png.buffer);
    let at = 8;
    const chunks: Record<string, Uint8Array> = {};
    while (at < png.length) {
      const length = view.getUint32(at);
      const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
      chunks[type] = png.subarray(at + 8, at + 8 + length);
      expect((crc32(png.subarray(at + 4, at + 8 + length)) ^ 0xffffffff) >>> 0).toBe(
        view.getUint32(at + 8 + length),
      );
      at += 12 + length;
    }
    const raw = unzlibSync(chunks.IDAT!);
    const rows = [0, 1, 2].map((r) => Array.from(raw.subarray(r * 5 + 1, r * 5 + 5)));
    expect(rows.flat()).toEqual(Array.from(pixels));
    expect(Array.from(chunks.tRNS!)).toEqual([0, 255, 255]);
  });

  it("draws the density with quadrant lines and the four percentages, as well-formed XML", () => {
    const e = sampleEvents();
    const annexin = Float64Array.from(e.annexin);
    const pi = Float64Array.from(e.pi);
    const keep = Uint8Array.from(e.fsc, (f) => (f >= 10000 ? 1 : 0));
    const counts = countApoptosis(annexin, pi, [2000, 2000], keep);
    const svg = plotApoptosisDensity({
      annexin,
      pi,
      keep,
      thresholds: { annexin: 2000, pi: 2000 },
      channels: { annexin: "FITC-A", pi: "PE-A" },
      populations: counts.populations,
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("data:image/png;base64,");
    expect(svg.match(/<line x1/g)?.length).toBeGreaterThan(4);
    for (const [key, p] of Object.entries(counts.populations)) {
      expect(svg).toMatch(new RegExp(`data-population="${key}"[^>]*>[^<]* ${p.percent.toFixed(1)} %<`));
    }
    expect(svg).toContain(">10⁴<");
    const asinh = plotApoptosisDensity({
      annexin,
      pi,
      thresholds: { annexin: 2000, pi: 2000 },
      channels: { annexin: "FITC-A", pi: "PE-A" },
      populations: counts.populations,
      transform: "asinh",
    });
    expect(XMLValidator.validate(asinh)).toBe(true);
    expect(asinh).toContain("(asinh)");
  });

  it("keeps the density SVG small for a million events", () => {
    const { annexin, pi } = randomEvents(1_000_000, 5);
    const counts = countApoptosis(annexin, pi, [1000, 1000]);
    const svg = plotApoptosisDensity({
      annexin,
      pi,
      thresholds: { annexin: 1000, pi: 1000 },
      channels: { annexin: "FITC-A", pi: "PE-A" },
      populations: counts.populations,
    });
    expect(svg.length).toBeLessThan(200_000);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it("draws a channel histogram with a threshold line", () => {
    const e = sampleEvents();
    const svg = plotChannelHistogram(Float64Array.from(e.annexin), { channel: "FITC-A", threshold: 2000 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('class="threshold"');
    expect(svg).toContain("FITC-A (logicle)");
  });
});
