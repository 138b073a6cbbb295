import type { Hono } from "hono";
import { peaksToCsv } from "../../core/analytics/hplc/index.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { HplcAnalyzeResult } from "../../kinds/index.js";
import { plotChromatogram } from "../../reports/hplcPlots.js";
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
    const svg = plotChromatogram({
      title: `${r.chromatogram.sample ?? "chromatogram"}: ${r.chromatogram.detector || r.chromatogram.format}`,
      units: r.chromatogram.units,
      ...r.trace,
      peaks: r.peaks,
      ...(r.settings && { events: r.settings }),
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
