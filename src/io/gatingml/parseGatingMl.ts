import type {
  Dimension,
  Divider,
  Gate,
  GatingStrategy,
  Quadrant,
  SpectrumMatrix,
  Transformation,
} from "../../core/assays/flow/gating/types.js";
import { FormatError } from "../../core/errors.js";
import { parseXmlTree, type XmlElement } from "./xmlTree.js";

/**
 * Reads a Gating-ML 2.0 document into a {@link GatingStrategy}: transformations (§5.3, §5.4), spectrum
 * matrices (§5.2) and gates (§4: rectangle, polygon, ellipsoid, quadrant, Boolean), with parents.
 * Unknown elements or missing/invalid attributes are a FormatError naming the element and `source`.
 */
export function parseGatingMl(xmlText: string, source: string): GatingStrategy {
  const root = parseXmlTree(xmlText, source);
  if (root.name !== "Gating-ML")
    throw new FormatError(source, "root element", "<Gating-ML>", `<${root.name}>`);
  const ctx = new Context(source);
  const strategy: GatingStrategy = { transformations: {}, spectrumMatrices: {}, gates: [] };
  for (const el of root.children) {
    switch (el.name) {
      case "custom_info":
        break;
      case "transformation":
        strategy.transformations[ctx.attr(el, "id")] = ctx.transformation(el);
        break;
      case "spectrumMatrix":
        strategy.spectrumMatrices[ctx.attr(el, "id")] = ctx.spectrumMatrix(el);
        break;
      default:
        strategy.gates.push(ctx.gate(el));
    }
  }
  return strategy;
}

const GATE_TYPES = new Set(["RectangleGate", "PolygonGate", "EllipsoidGate", "QuadrantGate", "BooleanGate"]);

class Context {
  constructor(readonly source: string) {}

  fail(el: XmlElement, expected: string, found: string): never {
    throw new FormatError(this.source, `<${el.name}>`, expected, found);
  }

  unknown(parent: XmlElement, el: XmlElement): never {
    throw new FormatError(
      this.source,
      `<${parent.name}>`,
      "a Gating-ML 2.0 element",
      `unknown element <${el.name}>`,
    );
  }

  attr(el: XmlElement, name: string): string {
    const v = el.attrs[name];
    if (v === undefined || v === "") this.fail(el, `attribute '${name}'`, "none");
    return v;
  }

  number(el: XmlElement, value: string | undefined, what: string): number {
    const v = Number(value);
    if (value === undefined || value.trim() === "" || !Number.isFinite(v)) {
      this.fail(el, `a number for ${what}`, JSON.stringify(value ?? null));
    }
    return v;
  }

  optionalNumber(el: XmlElement, name: string): number | undefined {
    return el.attrs[name] === undefined ? undefined : this.number(el, el.attrs[name], name);
  }

  children(el: XmlElement, allowed: string[]): XmlElement[] {
    for (const c of el.children)
      if (c.name !== "custom_info" && !allowed.includes(c.name)) this.unknown(el, c);
    return el.children.filter((c) => c.name !== "custom_info");
  }

  transformation(el: XmlElement): Transformation {
    const kids = this.children(el, ["flin", "flog", "fasinh", "logicle", "hyperlog", "fratio"]);
    const t = kids[0];
    if (kids.length !== 1 || !t) this.fail(el, "exactly one transformation", `${kids.length}`);
    const p = (name: string) => this.number(t, t.attrs[name], name);
    switch (t.name) {
      case "flin":
        return { kind: "flin", T: p("T"), A: p("A") };
      case "flog":
        return { kind: "flog", T: p("T"), M: p("M") };
      case "fasinh":
        return { kind: "fasinh", T: p("T"), M: p("M"), A: p("A") };
      case "logicle":
        return { kind: "logicle", T: p("T"), W: p("W"), M: p("M"), A: p("A") };
      case "hyperlog":
        return { kind: "hyperlog", T: p("T"), W: p("W"), M: p("M"), A: p("A") };
      default: {
        const dims = this.children(t, ["fcs-dimension"]).map((d) => this.attr(d, "name"));
        if (dims.length !== 2) this.fail(t, "two fcs-dimension elements", `${dims.length}`);
        return { kind: "fratio", A: p("A"), B: p("B"), C: p("C"), dimensions: [dims[0]!, dims[1]!] };
      }
    }
  }

  spectrumMatrix(el: XmlElement): SpectrumMatrix {
    const names = (list: XmlElement) =>
      this.children(list, ["fcs-dimension"]).map((d) => this.attr(d, "name"));
    const kids = this.children(el, ["fluorochromes", "detectors", "spectrum"]);
    const fluorochromes = kids.filter((k) => k.name === "fluorochromes").flatMap(names);
    const detectors = kids.filter((k) => k.name === "detectors").flatMap(names);
    const coefficients = kids
      .filter((k) => k.name === "spectrum")
      .map((s) => this.children(s, ["coefficient"]).map((c) => this.number(c, c.attrs.value, "coefficient")));
    if (
      coefficients.length !== fluorochromes.length ||
      coefficients.some((r) => r.length !== detectors.length)
    ) {
      this.fail(el, `${fluorochromes.length}×${detectors.length} coefficients`, "a different shape");
    }
    if (fluorochromes.length !== detectors.length) {
      this.fail(el, "as many detectors as fluorochromes", `${fluorochromes.length}×${detectors.length}`);
    }
    return { fluorochromes, detectors, coefficients };
  }

  dimension(el: XmlElement, extra: string[] = []): Dimension {
    const kids = this.children(el, ["fcs-dimension", "new-dimension", ...extra]);
    const target = kids.find((k) => k.name === "fcs-dimension" || k.name === "new-dimension");
    if (!target) this.fail(el, "an fcs-dimension or new-dimension", "none");
    const dim: Dimension = { compensationRef: el.attrs["compensation-ref"] ?? "uncompensated" };
    if (target.name === "fcs-dimension") dim.name = this.attr(target, "name");
    else dim.ratioRef = this.attr(target, "transformation-ref");
    const t = el.attrs["transformation-ref"];
    if (t !== undefined) dim.transformationRef = t;
    const min = this.optionalNumber(el, "min");
    const max = this.optionalNumber(el, "max");
    if (min !== undefined) dim.min = min;
    if (max !== undefined) dim.max = max;
    return dim;
  }

  coordinates(el: XmlElement, childName: string): number[] {
    return this.children(el, [childName]).map((c) => this.number(c, c.attrs.value, childName));
  }

  gate(el: XmlElement): Gate {
    if (!GATE_TYPES.has(el.name))
      throw new FormatError(
        this.source,
        "<Gating-ML>",
        "a gate, transformation or spectrumMatrix",
        `unknown element <${el.name}>`,
      );
    const id = this.attr(el, "id");
    const parentId = el.attrs.parent_id;
    const base = parentId === undefined ? { id } : { id, parentId };
    switch (el.name) {
      case "RectangleGate": {
        const dims = this.children(el, ["dimension"]).map((d) => this.dimension(d));
        if (dims.length === 0) this.fail(el, "at least one dimension", "none");
        return { type: "RectangleGate", ...base, dimensions: dims };
      }
      case "PolygonGate": {
        const kids = this.children(el, ["dimension", "vertex"]);
        const dims = kids.filter((k) => k.name === "dimension").map((d) => this.dimension(d));
        const vertices = kids
          .filter((k) => k.name === "vertex")
          .map((v) => this.coordinates(v, "coordinate") as [number, number]);
        if (dims.length !== 2) this.fail(el, "two dimensions", `${dims.length}`);
        if (vertices.length < 3 || vertices.some((v) => v.length !== 2))
          this.fail(el, "≥ 3 vertices of 2 coordinates", "fewer");
        return { type: "PolygonGate", ...base, dimensions: [dims[0]!, dims[1]!], vertices };
      }
      case "EllipsoidGate": {
        const kids = this.children(el, ["dimension", "mean", "covarianceMatrix", "distanceSquare"]);
        const dims = kids.filter((k) => k.name === "dimension").map((d) => this.dimension(d));
        const mean = kids.find((k) => k.name === "mean");
        const cov = kids.find((k) => k.name === "covarianceMatrix");
        const d2 = kids.find((k) => k.name === "distanceSquare");
        if (!mean || !cov || !d2)
          this.fail(el, "mean, covarianceMatrix and distanceSquare", "missing element");
        const covariance = this.children(cov, ["row"]).map((r) => this.coordinates(r, "entry"));
        const m = this.coordinates(mean, "coordinate");
        const k = dims.length;
        if (m.length !== k || covariance.length !== k || covariance.some((r) => r.length !== k)) {
          this.fail(el, `mean and covariance of dimension ${k}`, "a different size");
        }
        return {
          type: "EllipsoidGate",
          ...base,
          dimensions: dims,
          mean: m,
          covariance,
          distanceSquare: this.number(d2, d2.attrs.value, "distanceSquare"),
        };
      }
      case "QuadrantGate": {
        const kids = this.children(el, ["divider", "Quadrant"]);
        const dividers: Divider[] = kids
          .filter((k) => k.name === "divider")
          .map((d) => ({
            id: this.attr(d, "id"),
            dimension: this.dimension(d, ["value"]),
            values: d.children
              .filter((c) => c.name === "value")
              .map((v) => this.number(v, v.text, "divider value")),
          }));
        const quadrants: Quadrant[] = kids
          .filter((k) => k.name === "Quadrant")
          .map((q) => ({
            id: this.attr(q, "id"),
            positions: this.children(q, ["position"]).map((p) => ({
              dividerId: this.attr(p, "divider_ref"),
              location: this.number(p, p.attrs.location, "location"),
            })),
          }));
        return { type: "QuadrantGate", ...base, dividers, quadrants };
      }
      default: {
        const kids = this.children(el, ["and", "or", "not"]);
        const op = kids[0];
        if (kids.length !== 1 || !op) this.fail(el, "one of and / or / not", `${kids.length} elements`);
        const references = this.children(op, ["gateReference"]).map((r) => ({
          ref: this.attr(r, "ref"),
          complement: r.attrs["use-as-complement"] === "true",
        }));
        const operator = op.name as "and" | "or" | "not";
        if (operator === "not" ? references.length !== 1 : references.length < 2) {
          this.fail(
            op,
            operator === "not" ? "one gateReference" : "two or more gateReferences",
            `${references.length}`,
          );
        }
        return { type: "BooleanGate", ...base, operator, references };
      }
    }
  }
}
