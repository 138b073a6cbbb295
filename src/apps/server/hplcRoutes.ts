import type { Hono } from "hono";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { HplcAnalyzeResult } from "../../kinds/index.js";
import { plotChromatogram } from "../../reports/hplcPlots.js";
import type { Store } from "../../store/index.js";

/** The annotated chromatogram of a stored `hplc.analyze` analysis. */
export function addHplcRoutes(app: Hono, store: Store): void {
  app.get("/api/analyses/:id/plots/chromatogram.svg", async (c) => {
    const row = await store.getAnalysis(c.req.param("id"));
    if (!row) throw new NotFoundError("analysis", c.req.param("id"));
    if (row.kind !== "hplc.analyze")
      throw new InputError(`analysis ${row.id} is ${row.kind}: no chromatogram plot`);
    const r = row.result as HplcAnalyzeResult;
    const svg = plotChromatogram({
      title: `${r.chromatogram.sample ?? "chromatogram"}: ${r.chromatogram.detector || r.chromatogram.format}`,
      units: r.chromatogram.units,
      ...r.trace,
      peaks: r.peaks,
      ...(r.settings && { events: r.settings }),
    });
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
}
