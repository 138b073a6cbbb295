import type { Hono } from "hono";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { PkPopulationResult, PkSimulateResult } from "../../kinds/index.js";
import { plotConcentrationTime } from "../../reports/pkPlots.js";
import type { Store } from "../../store/index.js";

/** The concentration–time plot of stored `pk.simulate` and `pk.population` analyses. */
export function addPkRoutes(app: Hono, store: Store): void {
  app.get("/api/analyses/:id/plots/pk.svg", async (c) => {
    const row = await store.getAnalysis(c.req.param("id"));
    if (!row) throw new NotFoundError("analysis", c.req.param("id"));
    let svg: string;
    if (row.kind === "pk.simulate") {
      const r = row.result as PkSimulateResult;
      svg = plotConcentrationTime({
        title: r.observed
          ? `${r.model}: typical subject on the doses of subject ${r.observed.subject}, with its observations`
          : `${r.model}: typical subject`,
        times_h: r.times_h,
        conc_ng_mL: r.conc_ng_mL,
        ...(r.inhibition_pct && { inhibition_pct: r.inhibition_pct }),
        ...(r.observed && { observed: r.observed.points }),
      });
    } else if (row.kind === "pk.population") {
      const { percentiles, model, n } = row.result as PkPopulationResult;
      const at = (level: number) => percentiles.conc_ng_mL[percentiles.levels.indexOf(level)];
      const median = at(50) ?? percentiles.conc_ng_mL[Math.floor(percentiles.levels.length / 2)] ?? [];
      const lower = percentiles.conc_ng_mL[0] ?? [];
      const upper = percentiles.conc_ng_mL[percentiles.levels.length - 1] ?? [];
      svg = plotConcentrationTime({
        title: `${model}: ${n} subjects, median and ${percentiles.levels[0]}th–${percentiles.levels.at(-1)}th percentiles`,
        times_h: percentiles.times_h,
        conc_ng_mL: median,
        band: { times_h: percentiles.times_h, lower, upper, label: "population band" },
      });
    } else {
      throw new InputError(`analysis ${row.id} is ${row.kind}: no concentration–time plot`);
    }
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
  });
}
