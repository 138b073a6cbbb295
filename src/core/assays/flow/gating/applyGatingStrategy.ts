import { InputError } from "../../../errors.js";
import { compensate } from "./compensate.js";
import { ellipsoidMask, polygonMask, quadrantMask, rectangleMask } from "./gateMasks.js";
import { hyperlog } from "./hyperlog.js";
import { logicle } from "./logicle.js";
import { fasinh, flin, flog, fratio } from "./transforms.js";
import type { Dimension, Gate, GatingStrategy, SpectrumMatrix, Transformation } from "./types.js";

/** Options of {@link applyGatingStrategy}. */
export interface ApplyGatingOptions {
  /**
   * The spillover stored in the FCS file, used for `compensation-ref="FCS"` (Gating-ML 2.0 §4.1).
   * When absent, "FCS" means no compensation (identity), as for a file without spillover keywords.
   */
  fcsSpillover?: SpectrumMatrix;
}

/** Applies a Gating-ML 2.0 transformation (§5.3, §5.4) to one column. */
export function applyTransformation(t: Transformation, x: Float64Array): Float64Array {
  switch (t.kind) {
    case "flin":
      return flin(x, t.T, t.A);
    case "flog":
      return flog(x, t.T, t.M);
    case "fasinh":
      return fasinh(x, t.T, t.M, t.A);
    case "logicle":
      return logicle(x, t.T, t.W, t.M, t.A);
    case "hyperlog":
      return hyperlog(x, t.T, t.W, t.M, t.A);
    case "fratio":
      throw new InputError("fratio needs two dimensions; use it as a new dimension");
  }
}

/**
 * Computes the mask of every gate of a Gating-ML 2.0 strategy (§4) on scale values, one Float64Array per
 * FCS dimension name. Each quadrant id (§4.5) gets its own mask; a gate with a parent (§4.1) holds the
 * events of its parent AND its own; Boolean gates (§4.6) combine the full masks of the referenced gates.
 */
export function applyGatingStrategy(
  strategy: GatingStrategy,
  events: Record<string, Float64Array>,
  options: ApplyGatingOptions = {},
): Map<string, Uint8Array> {
  const n = Object.values(events)[0]?.length ?? 0;
  const byId = new Map<string, { gate: Gate; quadrant?: string }>();
  for (const gate of strategy.gates) {
    byId.set(gate.id, { gate });
    if (gate.type === "QuadrantGate")
      for (const q of gate.quadrants) byId.set(q.id, { gate, quadrant: q.id });
  }
  const compensated = new Map<string, Record<string, Float64Array>>();
  const columnCache = new Map<string, Float64Array>();

  const eventsFor = (ref: string): Record<string, Float64Array> => {
    if (ref === "uncompensated" || (ref === "FCS" && !options.fcsSpillover)) return events;
    let comp = compensated.get(ref);
    if (!comp) {
      const matrix = ref === "FCS" ? options.fcsSpillover : strategy.spectrumMatrices[ref];
      if (!matrix) throw new InputError(`unknown compensation-ref '${ref}'`);
      comp = { ...events, ...compensate(matrix, events) };
      compensated.set(ref, comp);
    }
    return comp;
  };
  const rawColumn = (name: string, ref: string): Float64Array => {
    const col = eventsFor(ref)[name];
    if (!col) throw new InputError(`no event data for dimension '${name}' (compensation-ref '${ref}')`);
    return col;
  };
  const transformation = (id: string): Transformation => {
    const t = strategy.transformations[id];
    if (!t) throw new InputError(`unknown transformation-ref '${id}'`);
    return t;
  };
  const column = (dim: Dimension): Float64Array => {
    const key = `${dim.compensationRef}\u0000${dim.name ?? ""}\u0000${dim.ratioRef ?? ""}\u0000${dim.transformationRef ?? ""}`;
    const cached = columnCache.get(key);
    if (cached) return cached;
    let col: Float64Array;
    if (dim.ratioRef !== undefined) {
      const t = transformation(dim.ratioRef);
      if (t.kind !== "fratio") throw new InputError(`new dimension '${dim.ratioRef}' is not an fratio`);
      const [d1, d2] = t.dimensions;
      col = fratio(rawColumn(d1, dim.compensationRef), rawColumn(d2, dim.compensationRef), t.A, t.B, t.C);
    } else {
      col = rawColumn(dim.name ?? "", dim.compensationRef);
    }
    if (dim.transformationRef !== undefined)
      col = applyTransformation(transformation(dim.transformationRef), col);
    columnCache.set(key, col);
    return col;
  };

  const masks = new Map<string, Uint8Array>();
  const visiting = new Set<string>();
  const evaluate = (id: string): Uint8Array => {
    const done = masks.get(id);
    if (done) return done;
    const entry = byId.get(id);
    if (!entry) throw new InputError(`unknown gate reference '${id}'`);
    if (visiting.has(id)) throw new InputError(`gate '${id}' refers to itself`);
    visiting.add(id);
    const own = ownMask(entry.gate, entry.quadrant);
    const parentId = entry.gate.parentId;
    if (parentId !== undefined) {
      const parent = evaluate(parentId);
      for (let i = 0; i < n; i++) own[i] = own[i]! & parent[i]!;
    }
    visiting.delete(id);
    masks.set(id, own);
    return own;
  };
  const ownMask = (gate: Gate, quadrantId?: string): Uint8Array => {
    switch (gate.type) {
      case "RectangleGate":
        return rectangleMask(gate.dimensions.map(column), gate.dimensions, n);
      case "PolygonGate":
        return polygonMask(column(gate.dimensions[0]), column(gate.dimensions[1]), gate.vertices);
      case "EllipsoidGate":
        return ellipsoidMask(gate.dimensions.map(column), gate.mean, gate.covariance, gate.distanceSquare, n);
      case "QuadrantGate": {
        const quadrant = gate.quadrants.find((q) => q.id === quadrantId);
        if (!quadrant) throw new InputError(`quadrant gate '${gate.id}' has no masks of its own`);
        const dividers = quadrant.positions.map((p) => {
          const d = gate.dividers.find((x) => x.id === p.dividerId);
          if (!d) throw new InputError(`quadrant '${quadrant.id}': unknown divider '${p.dividerId}'`);
          return d;
        });
        return quadrantMask(
          dividers.map((d) => column(d.dimension)),
          dividers.map((d) => d.values),
          quadrant.positions.map((p) => p.location),
          n,
        );
      }
      case "BooleanGate": {
        const refs = gate.references.map((r) => ({ mask: evaluate(r.ref), complement: r.complement }));
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          let all = 1;
          let any = 0;
          for (const r of refs) {
            const m = r.complement ? 1 - r.mask[i]! : r.mask[i]!;
            all &= m;
            any |= m;
          }
          out[i] = gate.operator === "and" ? all : gate.operator === "or" ? any : 1 - any;
        }
        return out;
      }
    }
  };

  for (const [id, entry] of byId)
    if (!(entry.gate.type === "QuadrantGate" && entry.quadrant === undefined)) evaluate(id);
  return masks;
}
