import type { Hono } from "hono";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { NmrIntegrateResult, NmrProcessResult } from "../../kinds/index.js";
import { plotNmrResult } from "../../reports/nmrPlots.js";
import type { Store } from "../../store/index.js";

/** The spectrum plot (peaks, ranges or the given ranges, expected windows) of stored NMR analyses. */
export function addNmrRoutes(app: Hono, store: Store): void {
  app.get("/api/analyses/:id/plots/nmr.svg", async (c) => {
    const row = await store.getAnalysis(c.req.param("id"));
    if (!row) throw new NotFoundError("analysis", c.req.param("id"));
    if (row.kind !== "nmr.process" && row.kind !== "nmr.integrate")
      throw new InputError(`analysis ${row.id} is ${row.kind}: no NMR spectrum plot`);
    const svg = plotNmrResult(row.result as NmrProcessResult | NmrIntegrateResult);
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
}
