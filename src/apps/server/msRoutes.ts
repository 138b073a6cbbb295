import type { Hono } from "hono";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { MsConfirmResult, MsIsotopesResult } from "../../kinds/index.js";
import { plotConfirmationResult, plotIsotopePattern } from "../../reports/msPlots.js";
import type { Store } from "../../store/index.js";

/** Plots of stored MS analyses: the mirrored confirmation plot and the theoretical stick plot. */
export function addMsRoutes(app: Hono, store: Store): void {
  app.get("/api/analyses/:id/plots/ms.svg", async (c) => {
    const row = await store.getAnalysis(c.req.param("id"));
    if (!row) throw new NotFoundError("analysis", c.req.param("id"));
    let svg: string;
    if (row.kind === "ms.confirm") {
      svg = plotConfirmationResult(row.result as MsConfirmResult);
    } else if (row.kind === "ms.isotopes") {
      const r = row.result as MsIsotopesResult;
      svg = plotIsotopePattern({ title: `${r.ionFormula}${r.adduct ? ` ${r.adduct}` : ""}`, peaks: r.peaks });
    } else {
      throw new InputError(`analysis ${row.id} is ${row.kind}: no mass spectrum plot`);
    }
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
}
