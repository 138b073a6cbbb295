import type { Hono } from "hono";
import { peaksToCsv } from "../../core/analytics/hplc/index.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { HplcAnalyzeResult } from "../../kinds/index.js";
import { OVERLAY_COLOURS, plotChromatogramOverlay } from "../../reports/hplcOverlay.js";
import {
  type ChromatogramPlot,
  impurityView,
  type PlotView,
  plotChromatogram,
} from "../../reports/hplcPlots.js";
import type { Store } from "../../store/index.js";

/** The annotated chromatogram and the peak table (CSV) of a stored `hplc.analyze` analysis. */
export function addHplcRoutes(app: Hono, store: Store): void {
  const rowOf = async (id: string, what: string) => {
    const row = await store.getAnalysis(id);
    if (!row) throw new NotFoundError("analysis", id);
    if (row.kind !== "hplc.analyze") throw new InputError(`analysis ${row.id} is ${row.kind}: no ${what}`);
    return row;
  };
  const resultOf = async (id: string, what: string) => (await rowOf(id, what)).result as HplcAnalyzeResult;
  app.get("/api/analyses/:id/plots/chromatogram.svg", async (c) => {
    const r = await resultOf(c.req.param("id"), "chromatogram plot");
    const plot: ChromatogramPlot = {
      title: `${r.chromatogram.sample ?? "chromatogram"}: ${r.chromatogram.detector || r.chromatogram.format}`,
      units: r.chromatogram.units,
      ...r.trace,
      peaks: r.peaks,
      ...(r.settings && { events: r.settings }),
    };
    const window = timeWindow(c.req.query("from"), c.req.query("to"));
    const scale = scaleOf(c.req.query("scale"));
    const svg = plotChromatogram({
      ...plot,
      view: scale === "impurities" ? impurityView(plot, window) : window,
    });
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
  // Stored hplc.analyze runs over each other: ?ids=a,b,…&scale=full|impurities&from=&to=.
  app.get("/api/plots/chromatogram-overlay.svg", async (c) => {
    const ids = (c.req.query("ids") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    if (ids.length === 0 || ids.length > OVERLAY_COLOURS.length)
      throw new InputError(
        `ids: expected 1 to ${OVERLAY_COLOURS.length} analysis ids, comma separated, found ${ids.length}`,
      );
    const window = timeWindow(c.req.query("from"), c.req.query("to"));
    const scale = scaleOf(c.req.query("scale"));
    const rows = await Promise.all(ids.map((id) => rowOf(id, "chromatogram to overlay")));
    const units = new Set(rows.map((row) => (row.result as HplcAnalyzeResult).chromatogram.units));
    const svg = plotChromatogramOverlay({
      title: `${rows.length} chromatograms`,
      units: units.size === 1 ? [...units][0]! : "mixed units",
      runs: rows.map((row) => {
        const r = row.result as HplcAnalyzeResult;
        const name = row.batchId ?? r.chromatogram.sample ?? row.id.slice(0, 8);
        const purity = r.purityPercent === null ? "" : ` · purity ${r.purityPercent.toFixed(2)} %`;
        return { label: `${name} (${row.id.slice(0, 8)})${purity}`, ...r.trace, peaks: r.peaks };
      }),
      scale,
      ...window,
    });
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
  app.get("/api/analyses/:id/peaks.csv", async (c) => {
    const r = await resultOf(c.req.param("id"), "peak table");
    return c.body(peaksToCsv(r.peaks), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="hplc-peaks-${c.req.param("id")}.csv"`,
    });
  });
}

/** The ?scale= of a chromatogram plot: the whole signal range, or the impurities' (the default is full). */
function scaleOf(text: string | undefined): "full" | "impurities" {
  const scale = text ?? "full";
  if (scale !== "full" && scale !== "impurities")
    throw new InputError(`scale: expected 'full' or 'impurities', found '${scale}'`);
  return scale;
}

/** The ?from=&to= time window of a plot, minutes; either may be absent. */
function timeWindow(from: string | undefined, to: string | undefined): PlotView {
  const minutes = (name: string, text: string | undefined) => {
    if (text === undefined || text === "") return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new InputError(`${name}: expected a time in minutes, found '${text}'`);
    return value;
  };
  const view: PlotView = {};
  const a = minutes("from", from);
  const b = minutes("to", to);
  if (a !== undefined) view.from_min = a;
  if (b !== undefined) view.to_min = b;
  if (a !== undefined && b !== undefined && !(b > a))
    throw new InputError(`from, to: expected from < to, found ${a} and ${b}`);
  return view;
}
