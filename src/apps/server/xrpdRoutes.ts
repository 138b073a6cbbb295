import type { Hono } from "hono";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { XrpdMatchResult, XrpdPeaksResult } from "../../kinds/index.js";
import { plotXrpdResult } from "../../reports/xrpdPlots.js";
import type { Store } from "../../store/index.js";

/** The pattern plot (profile, background, peaks; reference sticks for a match) of stored XRPD analyses. */
export function addXrpdRoutes(app: Hono, store: Store): void {
  app.get("/api/analyses/:id/plots/xrpd.svg", async (c) => {
    const row = await store.getAnalysis(c.req.param("id"));
    if (!row) throw new NotFoundError("analysis", c.req.param("id"));
    if (row.kind !== "xrpd.peaks" && row.kind !== "xrpd.match")
      throw new InputError(`analysis ${row.id} is ${row.kind}: no powder pattern plot`);
    const result = row.result as XrpdPeaksResult | XrpdMatchResult;
    const title =
      row.kind === "xrpd.match"
        ? `best match: ${(result as XrpdMatchResult).bestMatch ?? "none"}`
        : `${result.peaks.length} peaks, λ ${result.wavelength_A} Å`;
    const svg = plotXrpdResult(result, title);
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
}
