import type { Hono } from "hono";
import { curvesToCsv } from "../../core/assays/ic50/curvesToCsv.js";
import { type PotencyPoint, potencyTrend } from "../../core/assays/ic50/potencyTrend.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { ProvenanceEnvelope } from "../../core/provenance.js";
import type { Ic50RunResult } from "../../kinds/index.js";
import { curveSvg, heatmapSvg } from "../../reports/ic50Plots.js";
import { ic50ReportHtml } from "../../reports/ic50Report.js";
import { plotPotencyTrend } from "../../reports/potencyTrendPlot.js";
import type { Store } from "../../store/index.js";

const IC50_KINDS = new Set(["ic50.run", "ic50.fit"]);

/** Plots, CSV and the HTML report of stored `ic50.run` / `ic50.fit` analyses. */
export function addIc50Routes(app: Hono, store: Store): void {
  const envelopeOf = async (id: string) => {
    const row = await store.getAnalysis(id);
    if (!row) throw new NotFoundError("analysis", id);
    if (!IC50_KINDS.has(row.kind))
      throw new InputError(`analysis ${id} is ${row.kind}, not an IC50 analysis`);
    return row.provenance as ProvenanceEnvelope<unknown, Ic50RunResult>;
  };
  const svg = (body: string) =>
    new Response(body, {
      headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=3600" },
    });

  // The potency control chart of a compound over the stored IC50 runs (pooled curve first).
  const trendOf = async (compound: string | undefined) => {
    const name = required(compound, "compound");
    const rows = (
      await Promise.all([...IC50_KINDS].map((kind) => store.listAnalyses({ kind, limit: 1000 })))
    ).flat();
    const points: PotencyPoint[] = [];
    for (const row of rows) {
      const r = row.result as Partial<Ic50RunResult>;
      const curve = r.pooled?.find((p) => p.compound === name) ?? r.curves?.find((p) => p.compound === name);
      if (!curve || curve.ic50_nM === null) continue;
      points.push({
        analysisId: row.id,
        createdAt: row.createdAt,
        ic50_nM: curve.ic50_nM,
        ci95_nM: curve.ci95_nM,
        // "=" is a measured IC50; ">" only bounds it (the curve did not reach 50 % in the tested range).
        qualifier: curve.ic50Qualifier === ">" ? ">" : null,
      });
    }
    points.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    return { compound: name, ...potencyTrend(points) };
  };
  app.get("/api/assays/ic50/trend", async (c) => c.json(await trendOf(c.req.query("compound"))));
  app.get("/api/assays/ic50/trend.svg", async (c) => {
    const { compound, ...trend } = await trendOf(c.req.query("compound"));
    // Not cached like a stored analysis's plots: every new run moves the chart.
    return new Response(plotPotencyTrend(compound, trend), {
      headers: { "content-type": "image/svg+xml; charset=utf-8" },
    });
  });
  app.get("/api/analyses/:id/plots/curve.svg", async (c) => {
    const { result } = await envelopeOf(c.req.param("id"));
    return svg(
      curveSvg(
        result,
        required(c.req.query("plate"), "plate"),
        required(c.req.query("compound"), "compound"),
      ),
    );
  });
  app.get("/api/analyses/:id/plots/heatmap.svg", async (c) => {
    const { result } = await envelopeOf(c.req.param("id"));
    const value = c.req.query("value") ?? "rate";
    if (value !== "rate" && value !== "pct")
      throw new InputError(`value: expected 'rate' or 'pct', found '${value}'`);
    return svg(heatmapSvg(result, required(c.req.query("plate"), "plate"), value));
  });
  app.get("/api/analyses/:id/curves.csv", async (c) => {
    const { result } = await envelopeOf(c.req.param("id"));
    return c.body(curvesToCsv(result.curves, result.pooled), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ic50-${c.req.param("id")}.csv"`,
    });
  });
  app.get("/api/analyses/:id/report.html", async (c) =>
    c.html(ic50ReportHtml(await envelopeOf(c.req.param("id")))),
  );
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new InputError(`query parameter '${name}' is required`);
  return value;
}
