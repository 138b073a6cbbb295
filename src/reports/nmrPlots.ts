import {
  bottomAxis,
  escapeXml,
  type Frame,
  leftAxis,
  linearScale,
  px,
  svgDocument,
} from "../core/plot/index.js";

/** An NMR spectrum plot: the spectrum, its peaks, integration ranges and any expected-signal windows. */
export interface NmrPlot {
  title: string;
  /** e.g. "1H"; names the axis. */
  nucleus: string;
  /** Spectrum points (any order along ppm), intensity with the tallest peak = 100. */
  ppm: ArrayLike<number>;
  intensity: ArrayLike<number>;
  peaks: readonly { ppm: number; intensity: number }[];
  /** Ranges drawn as brackets under the spectrum with their integral. */
  ranges: readonly { from: number; to: number; integral: number; solvent?: boolean }[];
  /** Expected-signal windows shaded behind the spectrum: green agrees, red does not, grey not judged. */
  expected?: readonly {
    from: number;
    to: number;
    expectedProtons: number;
    protons: number;
    agrees: boolean | null;
    assignment: string | null;
  }[];
}

const FRAME: Frame = { width: 860, height: 420, margin: { top: 34, right: 24, bottom: 42, left: 56 } };
/** Height of the band above the ppm axis that holds the range brackets and integral labels. */
const BAND = 58;
const SHADE = { true: "#c6f6d5", false: "#fed7d7", null: "#edf2f7" } as const;

/**
 * Draws a spectrum as a standalone SVG in the NMR convention (ppm decreasing to the right): the
 * spectrum, a mark over each picked peak (its shift in the tooltip), each range as a bracket with its
 * integral written under it, and expected windows shaded with expected/found protons.
 */
export function plotNmrSpectrum(plot: NmrPlot, frame: Frame = FRAME): string {
  const x0 = frame.margin.left;
  const x1 = frame.width - frame.margin.right;
  const axisY = frame.height - frame.margin.bottom;
  const bottom = axisY - BAND;
  const n = plot.ppm.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const p = plot.ppm[i]!;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 10];
  // Show the part with signals (peaks and ranges) and a margin of 4 % of the spectral width.
  const marks = [...plot.peaks.map((p) => p.ppm), ...plot.ranges.flatMap((r) => [r.from, r.to])];
  if (marks.length > 0) {
    const pad = 0.04 * (hi - lo);
    lo = Math.max(lo, Math.min(...marks) - pad);
    hi = Math.min(hi, Math.max(...marks) + pad);
  }
  let min = 0;
  let max = 1;
  for (let i = 0; i < n; i++) {
    const p = plot.ppm[i]!;
    if (p < lo || p > hi) continue;
    const v = plot.intensity[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // ppm runs right to left; the scale's ticks need an increasing domain, so the range is reversed.
  const x = linearScale([lo, hi], [x1, x0], 10);
  const y = linearScale([Math.min(min, -0.02 * max), max * 1.1], [bottom, frame.margin.top]);
  const clampX = (v: number) => Math.min(x1, Math.max(x0, x(v)));
  const parts: string[] = [
    bottomAxis(x, frame, `δ ${nucleus(plot.nucleus)} (ppm)`),
    leftAxis(y, { ...frame, margin: { ...frame.margin, bottom: frame.height - bottom } }, "intensity (%)"),
  ];
  (plot.expected ?? []).forEach((e, k) => {
    const a = clampX(e.from);
    const b = clampX(e.to);
    const key = String(e.agrees) as keyof typeof SHADE;
    parts.push(
      `<rect x="${px(Math.min(a, b))}" y="${frame.margin.top}" width="${px(Math.abs(b - a))}" height="${px(bottom - frame.margin.top)}" fill="${SHADE[key]}" opacity="0.7"><title>${escapeXml(`${e.assignment ?? "expected"}: ${e.from}–${e.to} ppm, expected ${e.expectedProtons} H, found ${e.protons.toFixed(2)} H`)}</title></rect>`,
      // Neighbouring windows alternate between two rows so their labels do not collide.
      `<text x="${px((a + b) / 2)}" y="${frame.margin.top + 10 + 11 * (k % 2)}" font-size="9" text-anchor="middle" fill="#2d3748">${e.expectedProtons}H/${e.protons.toFixed(1)}</text>`,
    );
  });
  const points: string[] = [];
  for (let i = 0; i < n; i++) points.push(`${px(x(plot.ppm[i]!))},${px(y(plot.intensity[i]!))}`);
  parts.push(
    `<clipPath id="nmr-plot-area"><rect x="${x0}" y="0" width="${x1 - x0}" height="${bottom}"/></clipPath>`,
    `<polyline points="${points.join(" ")}" fill="none" stroke="#1a365d" stroke-width="0.8" clip-path="url(#nmr-plot-area)"/>`,
  );
  for (const p of plot.peaks) {
    if (p.ppm < lo || p.ppm > hi) continue;
    const at = x(p.ppm);
    const top = y(Math.min(p.intensity, max)) - 3;
    parts.push(
      `<path d="M${px(at)},${px(top)} v-7" stroke="#c53030" stroke-width="0.8"><title>${p.ppm.toFixed(4)} ppm (${p.intensity.toFixed(1)} %)</title></path>`,
    );
  }
  const bracketY = bottom + 10;
  // Integrals are written under their brackets, high ppm first; one that would overlap the previous
  // label is left to the bracket's tooltip.
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const r of [...plot.ranges].sort((p, q) => q.from - p.from)) {
    const a = clampX(r.from);
    const b = clampX(r.to);
    const colour = r.solvent ? "#a0aec0" : "#2f855a";
    const label = `${r.integral.toFixed(2)}${r.solvent ? " (solvent)" : ""}`;
    parts.push(
      `<path d="M${px(a)},${px(bracketY - 4)} V${px(bracketY)} H${px(b)} V${px(bracketY - 4)}" fill="none" stroke="${colour}" stroke-width="1.2"><title>${r.from}–${r.to} ppm: ${escapeXml(label)}</title></path>`,
    );
    const at = (a + b) / 2;
    if (at - lastLabel < 10) continue;
    lastLabel = at;
    parts.push(
      `<text transform="translate(${px(at)} ${px(bracketY + 5)}) rotate(90)" font-size="9" dy="0.32em" fill="${colour}">${escapeXml(r.integral.toFixed(2))}</text>`,
    );
  }
  parts.push(
    `<text x="${x0}" y="20" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}</text>`,
  );
  return svgDocument(frame, plot.title, parts.join(""));
}

/** "1H" → "¹H", "13C" → "¹³C". */
function nucleus(name: string): string {
  return name.replace(/^\d+/, (d) => d.replace(/\d/g, (c) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)]!));
}

/** The plot of a stored `nmr.process` or `nmr.integrate` result: its given ranges when it has them. */
export function plotNmrResult(
  result: {
    nucleus: string;
    frequency_MHz: number;
    solvent: string | null;
    spectrum: { ppm: number[]; intensity: number[] };
    peaks: readonly { ppm: number; intensity: number }[];
    ranges: readonly { from: number; to: number; integral: number; solvent?: boolean }[];
    integrals?: readonly { from: number; to: number; integral: number }[];
    expected?: { signals: NonNullable<NmrPlot["expected"]> };
  },
  title?: string,
): string {
  return plotNmrSpectrum({
    title:
      title ??
      `${result.nucleus} ${result.frequency_MHz.toFixed(2)} MHz${result.solvent ? `, ${result.solvent}` : ""}: ${result.peaks.length} peaks`,
    nucleus: result.nucleus,
    ppm: result.spectrum.ppm,
    intensity: result.spectrum.intensity,
    peaks: result.peaks,
    ranges: result.integrals ?? result.ranges,
    ...(result.expected && { expected: result.expected.signals }),
  });
}
