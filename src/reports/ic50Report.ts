import type { CurveRow, PooledCurveRow } from "../core/assays/ic50/fitCurves.js";
import { escapeXml } from "../core/plot/index.js";
import type { ProvenanceEnvelope } from "../core/provenance.js";
import type { Ic50PlateRow } from "../kinds/index.js";
import { htmlPage, htmlTable } from "./htmlPage.js";
import { curveSvg, heatmapSvg, type Ic50PlotSource, ic50Label } from "./ic50Plots.js";

type PlateRow = Ic50PlateRow;

/**
 * A self-contained HTML report of an `ic50.run` or `ic50.fit` analysis: provenance, plate QC, heat maps,
 * the IC50 table and a grid of dose-response plots.
 */
export function ic50ReportHtml(
  envelope: ProvenanceEnvelope<unknown, Ic50PlotSource & { plates?: PlateRow[] }>,
): string {
  const result = envelope.result;
  const sections: string[] = [
    `<h1>Proteasome inhibition (β5, Suc-LLVY-AMC): IC50 report</h1>`,
    `<p class="muted">${escapeXml(envelope.kind)} · Ixalab ${escapeXml(envelope.ixalabVersion)} · ${escapeXml(envelope.startedAt)}</p>`,
    `<h2>Inputs and parameters</h2>`,
    htmlTable(
      ["input", "bytes", "SHA-256", "format"],
      envelope.inputs.map((i) => [
        escapeXml(i.name),
        i.bytes,
        `<code>${i.sha256}</code>`,
        escapeXml(i.format),
      ]),
      [false, true, false, false],
    ),
    `<p><code>${escapeXml(JSON.stringify(envelope.parameters))}</code></p>`,
  ];
  if (envelope.warnings.length > 0) {
    sections.push(
      `<h2>Warnings</h2><ul>${envelope.warnings.map((w) => `<li>${escapeXml(w)}</li>`).join("")}</ul>`,
    );
  }
  if (result.plates && result.plates.length > 0) {
    sections.push(`<h2>Plate QC</h2>`, plateTable(result.plates));
    for (const p of result.plates.filter((row) => !row.error)) {
      sections.push(
        `<div class="grid"><figure>${heatmapSvg(result, p.plate, "rate")}</figure><figure>${heatmapSvg(result, p.plate, "pct")}</figure></div>`,
      );
    }
  }
  sections.push(
    `<h2>IC50</h2>`,
    curveTable([...result.curves, ...result.pooled.map((c) => ({ ...c, plate: "pooled" }))]),
  );
  sections.push(`<h2>Dose-response curves</h2><div class="grid">`);
  for (const c of result.curves) sections.push(figure(result, c.plate, c));
  for (const c of result.pooled) sections.push(figure(result, "pooled", c));
  sections.push(`</div>`);
  sections.push(
    `<p class="muted">4PL y = bottom + (top − bottom)/(1 + (x/IC50)^hill), unweighted least squares; Wald 95 % CI of log10 IC50 with t(n − 4); bands: pointwise 95 % (delta method).</p>`,
  );
  return htmlPage("IC50 report", sections.join("\n"));
}

function figure(source: Ic50PlotSource, plate: string, curve: CurveRow | PooledCurveRow): string {
  return `<figure>${curveSvg(source, plate, curve.compound)}<figcaption>${escapeXml(`${curve.compound} · ${plate} · ${curve.class} · ${ic50Label(curve)}`)}</figcaption></figure>`;
}

function num(value: number | null | undefined, digits: number): string | null {
  return value === null || value === undefined ? null : value.toFixed(digits);
}

function plateTable(plates: PlateRow[]): string {
  return htmlTable(
    [
      "plate",
      "Z'",
      "mean max",
      "SD max",
      "mean min",
      "SD min",
      "CV max %",
      "S/B",
      "n max/min",
      "undefined rates",
      "flags",
    ],
    plates.map((p) => [
      escapeXml(p.plate),
      p.zPrime === null ? null : `<span class="${p.flags.length ? "bad" : ""}">${p.zPrime.toFixed(3)}</span>`,
      num(p.meanMax, 1),
      num(p.sdMax, 1),
      num(p.meanMin, 2),
      num(p.sdMin, 2),
      num(p.cvMaxPct, 1),
      num(p.signalWindowRatio, 1),
      `${p.nMax}/${p.nMin}`,
      p.nWellsRateUndefined,
      p.error ? `<span class="bad">${escapeXml(p.error)}</span>` : escapeXml(p.flags.join("; ")),
    ]),
    [false, true, true, true, true, true, true, true, true, true, false],
  );
}

function curveTable(curves: (CurveRow | (PooledCurveRow & { plate: string }))[]): string {
  return htmlTable(
    [
      "plate",
      "compound",
      "class",
      "IC50 (nM)",
      "95 % CI (nM)",
      "log10 IC50 ± SE",
      "hill",
      "top",
      "bottom",
      "R²",
      "n",
      "outliers",
    ],
    curves.map((c) => [
      escapeXml(c.plate),
      escapeXml(c.compound),
      c.class === "active" ? c.class : `<span class="muted">${escapeXml(c.class)}</span>`,
      c.ic50_nM === null
        ? null
        : `${c.ic50Qualifier === ">" ? "&gt; " : ""}${Number(c.ic50_nM.toPrecision(4))}`,
      c.ci95_nM ? `${Number(c.ci95_nM[0].toPrecision(3))} – ${Number(c.ci95_nM[1].toPrecision(3))}` : null,
      c.log10Ic50 === null ? null : `${c.log10Ic50.toFixed(3)} ± ${c.seLog10Ic50?.toFixed(3) ?? "—"}`,
      num(c.hill, 2),
      num(c.top, 1),
      num(c.bottom, 1),
      num(c.r2, 4),
      c.nPoints,
      escapeXml(c.outlierWells.join(" ")),
    ]),
    [false, false, false, true, true, true, true, true, true, true, true, false],
  );
}
