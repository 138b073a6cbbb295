import {
  bottomAxis,
  escapeXml,
  type Frame,
  innerBox,
  leftAxis,
  linearScale,
  px,
  svgDocument,
} from "../core/plot/index.js";

/** Sticks of a theoretical pattern: m/z and relative intensity (largest = 100). */
export interface PatternSticks {
  title: string;
  peaks: readonly { mz: number; relative: number }[];
}

/** One ion's observed and theoretical pattern, for a mirrored plot. */
export interface MirrorPanel {
  ion: string;
  ionFormula: string;
  monoisotopicMz: number;
  ppmError: number | null;
  isotopeScore: number | null;
  matched: boolean;
  theoretical: readonly { mz: number; relative: number }[];
  observed: { mz: readonly number[]; intensity: readonly number[] };
}

const STICKS_FRAME: Frame = { width: 640, height: 280, margin: { top: 30, right: 20, bottom: 42, left: 56 } };
const PANEL_HEIGHT = 300;
const OBSERVED = "#2b6cb0";
const THEORETICAL = "#c05621";

function mzDomain(mz: readonly number[]): [number, number] {
  const lo = Math.min(...mz);
  const hi = Math.max(...mz);
  const pad = Math.max(0.5, (hi - lo) * 0.05);
  return [lo - pad, hi + pad];
}

/** A theoretical isotope pattern as sticks (relative intensity against m/z), standalone SVG. */
export function plotIsotopePattern(plot: PatternSticks, frame: Frame = STICKS_FRAME): string {
  const box = innerBox(frame);
  const x = linearScale(mzDomain(plot.peaks.map((p) => p.mz)), box.x);
  const y = linearScale([0, 105], box.y);
  const sticks = plot.peaks
    .map(
      (p) =>
        `<line x1="${px(x(p.mz))}" x2="${px(x(p.mz))}" y1="${px(y(0))}" y2="${px(y(p.relative))}" stroke="${THEORETICAL}" stroke-width="2"><title>m/z ${p.mz.toFixed(5)}: ${p.relative.toFixed(2)} %</title></line>`,
    )
    .join("");
  const labels = plot.peaks
    .filter((p) => p.relative >= 5)
    .map(
      (p) =>
        `<text x="${px(x(p.mz))}" y="${px(y(p.relative) - 4)}" text-anchor="middle" font-size="10" fill="#222">${p.mz.toFixed(4)}</text>`,
    )
    .join("");
  return svgDocument(
    frame,
    plot.title,
    `${bottomAxis(x, frame, "m/z")}${leftAxis(y, frame, "relative intensity (%)")}${sticks}${labels}<text x="${px(box.x[0])}" y="18" font-size="13" fill="#222">${escapeXml(plot.title)}</text>`,
  );
}

/**
 * Observed (up, blue) against theoretical (down, orange) isotope patterns, one panel per ion, each
 * scaled to its own largest peak = 100 %; the panel title gives the ppm error and pattern score.
 */
export function plotConfirmation(title: string, panels: readonly MirrorPanel[], width = 720): string {
  const frame: Frame = { width, height: PANEL_HEIGHT, margin: { top: 44, right: 20, bottom: 42, left: 56 } };
  const parts: string[] = [];
  panels.forEach((panel, k) => {
    const box = innerBox(frame);
    const all = [...panel.theoretical.map((p) => p.mz), ...panel.observed.mz];
    const x = linearScale(mzDomain(all.length ? all : [panel.monoisotopicMz]), box.x);
    const y = linearScale([-110, 110], box.y);
    const topObserved = Math.max(...panel.observed.intensity, 0);
    const observed = panel.observed.mz
      .map((m, i) => {
        const rel = topObserved > 0 ? (100 * panel.observed.intensity[i]!) / topObserved : 0;
        return `<line x1="${px(x(m))}" x2="${px(x(m))}" y1="${px(y(0))}" y2="${px(y(rel))}" stroke="${OBSERVED}" stroke-width="1.5"><title>observed m/z ${m.toFixed(5)}: ${rel.toFixed(1)} %</title></line>`;
      })
      .join("");
    const theoretical = panel.theoretical
      .map(
        (p) =>
          `<line x1="${px(x(p.mz))}" x2="${px(x(p.mz))}" y1="${px(y(0))}" y2="${px(y(-p.relative))}" stroke="${THEORETICAL}" stroke-width="2"><title>theoretical m/z ${p.mz.toFixed(5)}: ${p.relative.toFixed(1)} %</title></line>`,
      )
      .join("");
    const verdict = `${panel.ion} ${panel.ionFormula}: m/z ${panel.monoisotopicMz.toFixed(5)}, ${
      panel.ppmError === null ? "not found" : `${panel.ppmError.toFixed(2)} ppm`
    }, score ${panel.isotopeScore === null ? "–" : panel.isotopeScore.toFixed(3)} — ${panel.matched ? "matched" : "not matched"}`;
    parts.push(
      `<g transform="translate(0 ${k * PANEL_HEIGHT})">${bottomAxis(x, frame, "m/z")}${leftAxis(y, frame, "observed ↑   theoretical ↓ (%)")}<line x1="${px(box.x[0])}" x2="${px(box.x[1])}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#888"/>${observed}${theoretical}<text x="${px(box.x[0])}" y="36" font-size="12" fill="${panel.matched ? "#22543d" : "#9b2c2c"}">${escapeXml(verdict)}</text></g>`,
    );
  });
  const page: Frame = {
    width,
    height: Math.max(1, panels.length) * PANEL_HEIGHT,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
  };
  return svgDocument(
    page,
    title,
    `<text x="56" y="18" font-size="13" fill="#222">${escapeXml(title)}</text>${parts.join("")}`,
  );
}

/** The mirrored confirmation plot of a stored `ms.confirm` result. */
export function plotConfirmationResult(result: {
  formula: string;
  confirmed: boolean;
  ions: readonly {
    ion: string;
    ionFormula: string;
    monoisotopicMz: number;
    ppmError: number | null;
    isotopeScore: number | null;
    matched: boolean;
    pattern: readonly { mz: number; relative: number }[];
  }[];
  observed: readonly { ion: string; mz: readonly number[]; intensity: readonly number[] }[];
}): string {
  return plotConfirmation(
    `${result.formula}: ${result.confirmed ? "confirmed" : "not confirmed"}`,
    result.ions.map((ion, k) => ({
      ion: ion.ion,
      ionFormula: ion.ionFormula,
      monoisotopicMz: ion.monoisotopicMz,
      ppmError: ion.ppmError,
      isotopeScore: ion.isotopeScore,
      matched: ion.matched,
      theoretical: ion.pattern,
      observed: result.observed[k] ?? { mz: [], intensity: [] },
    })),
  );
}
