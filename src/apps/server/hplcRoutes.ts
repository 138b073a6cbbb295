import type { Hono } from "hono";
import { peaksToCsv } from "../../core/analytics/hplc/index.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { HplcAnalyzeResult } from "../../kinds/index.js";
import {
  type ChromatogramPlot,
  impurityView,
  type PlotView,
  plotChromatogram,
} from "../../reports/hplcPlots.js";
import type { Store } from "../../store/index.js";

/** The annotated chromatogram and the peak table (CSV) of a stored `hplc.analyze` analysis. */
export function addHplcRoutes(app: Hono, store: Store): void {
  const resultOf = async (id: string, what: string) => {
    const row = await store.getAnalysis(id);
    if (!row) throw new NotFoundError("analysis", id);
    if (row.kind !== "hplc.analyze") throw new InputError(`analysis ${row.id} is ${row.kind}: no ${what}`);
    return row.result as HplcAnalyzeResult;
  };
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
    const scale = c.req.query("scale") ?? "full";
    if (scale !== "full" && scale !== "impurities")
      throw new InputError(`scale: expected 'full' or 'impurities', found '${scale}'`);
    const svg = plotChromatogram({
      ...plot,
      view: scale === "impurities" ? impurityView(plot, window) : window,
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
