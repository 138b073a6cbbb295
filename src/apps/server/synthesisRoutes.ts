import type { Hono } from "hono";
import type { Catalog } from "../../catalog/index.js";
import { ROUTES } from "../../catalog/routes.js";
import { InputError } from "../../core/errors.js";
import { depictReactionSvg, planRoute } from "../../core/synthesis/index.js";
import type { RunContext } from "../../kinds/index.js";
import type { Store } from "../../store/index.js";
import { checkedRoute, dossierDocument } from "../shared/documents.js";
import { type DocumentFormat, documentResponse } from "./documentResponse.js";

/**
 * Synthesis routes as data (`GET /api/synthesis/routes[/:id]`), planning (`…/:id/plan?targetG=&yields=`),
 * step reaction depictions (`…/:id/steps/:index/reaction.svg`) and the compound dossier
 * (`GET /api/compounds/:id/dossier.html|pdf`).
 */
export function addSynthesisRoutes(
  app: Hono,
  store: Store,
  ctx: RunContext,
  catalog: () => Promise<Catalog>,
): void {
  app.get("/api/synthesis/routes", (c) =>
    c.json(ROUTES.map((r) => ({ id: r.id, title: r.title, target: r.target, steps: r.steps.length }))),
  );
  app.get("/api/synthesis/routes/:id", async (c) =>
    c.json(checkedRoute(await ctx.rdkit(), c.req.param("id"))),
  );
  app.get("/api/synthesis/routes/:id/plan", async (c) => {
    const route = checkedRoute(await ctx.rdkit(), c.req.param("id"));
    const targetG = queryNumber(c.req.query("targetG"), "targetG");
    const yieldsText = c.req.query("yields");
    const yields =
      yieldsText === undefined || yieldsText.trim() === ""
        ? undefined
        : yieldsText.split(",").map((y) => queryNumber(y, "yields"));
    return c.json(planRoute(route, targetG, yields));
  });
  app.get("/api/synthesis/routes/:id/steps/:index/reaction.svg", async (c) => {
    const rdkit = await ctx.rdkit();
    const route = checkedRoute(rdkit, c.req.param("id"));
    const index = c.req.param("index");
    const step = route.steps.find((s) => String(s.index) === index);
    if (!step) {
      throw new InputError(`step: route ${route.id} has steps 1–${route.steps.length}, found '${index}'`);
    }
    const svg = depictReactionSvg(rdkit, step.reactionSmiles, `route ${route.id} step ${step.index}`);
    return c.body(svg, 200, {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=3600",
    });
  });

  const dossier = async (compoundId: string, format: DocumentFormat) => {
    const [cat, rdkit] = await Promise.all([catalog(), ctx.rdkit()]);
    const html = await dossierDocument(cat, rdkit, compoundId, store, ctx.now());
    return documentResponse(html, format, `dossier-${compoundId}`);
  };
  app.get("/api/compounds/:id/dossier.html", (c) => dossier(c.req.param("id"), "html"));
  app.get("/api/compounds/:id/dossier.pdf", (c) => dossier(c.req.param("id"), "pdf"));
}

/** @throws InputError naming the query parameter when the value is missing or not a number. */
function queryNumber(text: string | undefined, name: string): number {
  if (text === undefined) throw new InputError(`query parameter '${name}' is required`);
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) {
    throw new InputError(`${name}: expected a number, found '${text}'`);
  }
  return n;
}
