import type { Hono } from "hono";
import { z } from "zod";
import { countApoptosis } from "../../core/assays/flow/apoptosis.js";
import {
  type AxisScale,
  type AxisTick,
  binEdges,
  chooseAxisScale,
  decadeTicks,
  histogram2d,
} from "../../core/assays/flow/density.js";
import { InputError, NotFoundError, ValidationError } from "../../core/errors.js";
import type { InputFileRef } from "../../core/provenance.js";
import { parseFcs, scaleValues } from "../../io/fcs/index.js";
import {
  type ApoptosisEvents,
  apoptosisEvents,
  type FlowApoptosisResult,
  flowApoptosisKind,
  loadCellGateParser,
} from "../../kinds/flowApoptosis.js";
import type { SuppliedInput, SuppliedInputs } from "../../kinds/index.js";
import { validateParameters } from "../../kinds/runAnalysis.js";
import { plotApoptosisDensity, plotChannelHistogram } from "../../reports/flowPlots.js";
import type { Store, StoredAnalysis } from "../../store/index.js";

/** One display axis of `density.json`: its transform, bin edges (data units) and decade ticks. */
export interface DensityAxisJson {
  scale: AxisScale;
  edges: number[];
  ticks: AxisTick[];
}

/** `GET /api/analyses/:id/flow/density.json`: the Annexin V × PI 2-D histogram of a stored run. */
export interface DensityJson {
  bins: number;
  events: number;
  gatedEvents: number;
  /** Gated events in the histogram (those with two numbers). */
  binned: number;
  /** `counts[yBin·bins + xBin]`, y bin 0 at the bottom (lowest PI). */
  counts: number[];
  maxCount: number;
  x: DensityAxisJson;
  y: DensityAxisJson;
  channels: FlowApoptosisResult["channels"];
  thresholds: FlowApoptosisResult["thresholds"];
  compensated: boolean;
  populations: FlowApoptosisResult["populations"];
  /** The run's stored files by input name: `fcs`, and `control` etc. when the run had them. */
  inputs: Record<string, InputFileRef>;
  warnings: string[];
}

const DEFAULT_BINS = 256;
const quadrantsBody = z.strictObject({ thresholds: z.tuple([z.number(), z.number()]) });

/** A stored run's inputs and its recomputed events; the last few are kept, as a page asks repeatedly. */
interface LoadedRun {
  row: StoredAnalysis;
  inputs: SuppliedInputs;
  /** The stored files by the kind's input names (fcs, control, …). */
  refs: Record<string, InputFileRef>;
  events: ApoptosisEvents;
}
const CACHE_SIZE = 2;

/**
 * The figures and interactive quadrants of stored `flow.apoptosis` analyses: density and histogram SVGs,
 * the 2-D histogram as JSON, and an exact recount for other thresholds. The stored FCS input(s) are read
 * back from the store by SHA-256 and the run's events recomputed with its stored parameters.
 */
export function addFlowRoutes(app: Hono, store: Store): void {
  const cache = new Map<string, Promise<LoadedRun>>();
  const load = (id: string): Promise<LoadedRun> => {
    let run = cache.get(id);
    if (!run) {
      run = loadRun(store, id);
      cache.set(id, run);
      run.catch(() => cache.delete(id));
      while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return run;
  };

  app.get("/api/analyses/:id/plots/density.svg", async (c) => {
    const { row, events } = await load(c.req.param("id"));
    const result = row.result as FlowApoptosisResult;
    const t = events.thresholds;
    const svg = plotApoptosisDensity({
      ...events,
      populations: countApoptosis(events.annexin, events.pi, [t.annexin, t.pi], events.keep).populations,
      transform: transformOf(c.req.query("transform")),
      title: `Annexin V × PI · ${result.gatedEvents} of ${result.events} events`,
    });
    return svgResponse(svg);
  });

  app.get("/api/analyses/:id/plots/histogram.svg", async (c) => {
    const run = await load(c.req.param("id"));
    const wanted = c.req.query("channel") ?? "";
    const { values, threshold, name } = channelValues(run, wanted);
    return svgResponse(
      plotChannelHistogram(values, {
        channel: name,
        transform: transformOf(c.req.query("transform")),
        ...(run.events.keep && { keep: run.events.keep }),
        ...(threshold !== undefined && { threshold }),
      }),
    );
  });

  app.get("/api/analyses/:id/flow/density.json", async (c) => {
    const run = await load(c.req.param("id"));
    const bins = binsOf(c.req.query("bins"));
    const kind = transformOf(c.req.query("transform"));
    const { annexin, pi, keep, thresholds, channels, compensated, warnings } = run.events;
    const xScale = chooseAxisScale(annexin, { kind }, keep);
    const yScale = chooseAxisScale(pi, { kind }, keep);
    const xEdges = binEdges(xScale, bins);
    const yEdges = binEdges(yScale, bins);
    const h = histogram2d(annexin, pi, xEdges, yEdges, keep);
    const counts = countApoptosis(annexin, pi, [thresholds.annexin, thresholds.pi], keep);
    const body: DensityJson = {
      bins,
      events: counts.events,
      gatedEvents: counts.gatedEvents,
      binned: h.binned,
      counts: Array.from(h.counts),
      maxCount: h.maxCount,
      x: { scale: xScale, edges: Array.from(xEdges), ticks: decadeTicks(xScale) },
      y: { scale: yScale, edges: Array.from(yEdges), ticks: decadeTicks(yScale) },
      channels,
      thresholds,
      compensated,
      populations: counts.populations,
      inputs: run.refs,
      warnings,
    };
    return c.json(body);
  });

  app.post("/api/analyses/:id/flow/quadrants", async (c) => {
    const raw = await c.req.json().catch(() => undefined);
    const parsed = quadrantsBody.safeParse(raw);
    if (!parsed.success || !parsed.data.thresholds.every(Number.isFinite)) {
      throw new ValidationError(
        [{ path: "thresholds", message: "expected [annexin, pi]: two finite numbers in scale units" }],
        "quadrants",
      );
    }
    const { annexin, pi, keep } = (await load(c.req.param("id"))).events;
    const { events, gatedEvents, populations } = countApoptosis(annexin, pi, parsed.data.thresholds, keep);
    return c.json({ events, gatedEvents, populations });
  });
}

async function loadRun(store: Store, id: string): Promise<LoadedRun> {
  const row = await store.getAnalysis(id);
  if (!row) throw new NotFoundError("analysis", id);
  if (row.kind !== flowApoptosisKind.id) {
    throw new InputError(`analysis ${row.id} is ${row.kind}: flow plots need a flow.apoptosis analysis`);
  }
  const params = validateParameters(flowApoptosisKind, row.parameters);
  const inputs: Record<string, SuppliedInput> = {};
  for (const [name, ref] of Object.entries(storedInputNames(row))) {
    const file = await store.getRawFile(ref.sha256);
    if (!file) throw new NotFoundError("stored file", ref.sha256, `input '${name}' of analysis ${row.id}`);
    inputs[name] = { ref, bytes: file.content };
  }
  const refs = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.ref]));
  if (!refs.fcs) throw new InputError(`analysis ${row.id}: no stored FCS input`);
  if (inputs.cellGate) await loadCellGateParser();
  // Awaited so that the route keeps working should the events ever be computed asynchronously.
  return { row, inputs, refs, events: await apoptosisEvents(params, inputs) };
}

/**
 * The kind's input names of a stored run's files. The envelope lists the supplied inputs in the kind's
 * declared order (runAnalysis), so each file goes to the next declared input of its format; an optional
 * input whose format does not match is one that was not supplied.
 */
function storedInputNames(row: StoredAnalysis): Record<string, InputFileRef> {
  const refs = row.provenance.inputs;
  const named: Record<string, InputFileRef> = {};
  let k = 0;
  for (const spec of flowApoptosisKind.inputs) {
    const ref = refs[k];
    if (ref && (ref.format === spec.format || spec.required)) {
      named[spec.name] = ref;
      k++;
    }
  }
  return named;
}

/** The values of a channel for a histogram: Annexin V or PI compensated, any other channel as scaled. */
function channelValues(run: LoadedRun, wanted: string) {
  const { events } = run;
  const lower = wanted.toLowerCase();
  if (lower === "annexin" || lower === events.channels.annexin.toLowerCase())
    return { values: events.annexin, threshold: events.thresholds.annexin, name: events.channels.annexin };
  if (lower === "pi" || lower === events.channels.pi.toLowerCase())
    return { values: events.pi, threshold: events.thresholds.pi, name: events.channels.pi };
  const fcs = run.inputs.fcs!;
  const dataset = parseFcs(fcs.bytes, fcs.ref.name).datasets[0];
  const ps = dataset?.parameters ?? [];
  const index = ps.findIndex((p) => p.name.toLowerCase() === lower || p.label?.toLowerCase() === lower);
  if (!dataset || index < 0) {
    throw new InputError(
      `channel: expected 'annexin', 'pi' or a channel of ${fcs.ref.name} (${ps.map((p) => p.name).join(", ")}), found '${wanted}'`,
    );
  }
  return { values: scaleValues(dataset, index + 1), threshold: undefined, name: ps[index]!.name };
}

function transformOf(value: string | undefined): "logicle" | "asinh" {
  if (value === undefined || value === "" || value === "logicle") return "logicle";
  if (value === "asinh") return "asinh";
  throw new InputError(`transform: expected 'logicle' or 'asinh', found '${value}'`);
}

function binsOf(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_BINS;
  const bins = Number(value);
  if (!Number.isInteger(bins) || bins < 16 || bins > 1024)
    throw new InputError(`bins: expected a whole number from 16 to 1024, found '${value}'`);
  return bins;
}

function svgResponse(svg: string): Response {
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
}
