/**
 * Gating-ML 2.0 gating strategy as plain data: transformations (§5), spectrum matrices (§5.2 / compensation),
 * and gates (§4). Produced by `parseGatingMl` (src/io/gatingml) and consumed by `applyGatingStrategy`.
 */

/** A transformation of Gating-ML 2.0 §5.3 (parameterized scale transformations) and §5.4 (fratio). */
export type Transformation =
  | { kind: "flin"; T: number; A: number }
  | { kind: "flog"; T: number; M: number }
  | { kind: "fasinh"; T: number; M: number; A: number }
  | { kind: "logicle"; T: number; W: number; M: number; A: number }
  | { kind: "hyperlog"; T: number; W: number; M: number; A: number }
  | { kind: "fratio"; A: number; B: number; C: number; dimensions: [string, string] };

/**
 * A spectrum (spillover) matrix, Gating-ML 2.0 §5.2: row i is the spectrum of fluorochrome i over the
 * detectors. Compensated values (one per fluorochrome) = observed (one per detector) × S⁻¹.
 */
export interface SpectrumMatrix {
  fluorochromes: string[];
  detectors: string[];
  /** `coefficients[i][j]`: spillover of fluorochrome i into detector j. */
  coefficients: number[][];
}

/**
 * A gate dimension, Gating-ML 2.0 §4.1: an FCS parameter (`name`) or a new dimension defined by a ratio
 * transformation (`ratioRef`), with compensation reference ("uncompensated", "FCS" or a spectrum matrix
 * id) and optional transformation reference. `min`/`max` are used by rectangle gates (min ≤ x < max).
 */
export interface Dimension {
  name?: string;
  ratioRef?: string;
  compensationRef: string;
  transformationRef?: string;
  min?: number;
  max?: number;
}

interface GateBase {
  id: string;
  /** `gating:parent_id`, Gating-ML 2.0 §4.1: events of this gate are those of its parent AND its own. */
  parentId?: string;
}

/** Rectangle gate (one or more dimensions, any bound may be missing), Gating-ML 2.0 §4.2. */
export interface RectangleGate extends GateBase {
  type: "RectangleGate";
  dimensions: Dimension[];
}

/** Polygon gate in two dimensions, Gating-ML 2.0 §4.3. */
export interface PolygonGate extends GateBase {
  type: "PolygonGate";
  dimensions: [Dimension, Dimension];
  /** Vertices as [x, y] pairs, in order. */
  vertices: [number, number][];
}

/** Ellipsoid gate: mean, covariance matrix and distance square, Gating-ML 2.0 §4.4. */
export interface EllipsoidGate extends GateBase {
  type: "EllipsoidGate";
  dimensions: Dimension[];
  mean: number[];
  covariance: number[][];
  distanceSquare: number;
}

/** A quadrant gate divider: one dimension split at one or more values, Gating-ML 2.0 §4.5. */
export interface Divider {
  id: string;
  dimension: Dimension;
  values: number[];
}

/** One quadrant: a location (a value) per referenced divider, Gating-ML 2.0 §4.5. */
export interface Quadrant {
  id: string;
  positions: { dividerId: string; location: number }[];
}

/** Quadrant gate, Gating-ML 2.0 §4.5; each quadrant id is a gate of its own. */
export interface QuadrantGate extends GateBase {
  type: "QuadrantGate";
  dividers: Divider[];
  quadrants: Quadrant[];
}

/** A reference to another gate (or quadrant) in a Boolean gate, Gating-ML 2.0 §4.6. */
export interface GateReference {
  ref: string;
  /** `use-as-complement`: use the events not in the referenced gate. */
  complement: boolean;
}

/** Boolean gate (and / or / not over gate references), Gating-ML 2.0 §4.6. */
export interface BooleanGate extends GateBase {
  type: "BooleanGate";
  operator: "and" | "or" | "not";
  references: GateReference[];
}

/** Any Gating-ML 2.0 gate. */
export type Gate = RectangleGate | PolygonGate | EllipsoidGate | QuadrantGate | BooleanGate;

/** A Gating-ML 2.0 document's content: transformations, spectrum matrices and gates, keyed by id. */
export interface GatingStrategy {
  transformations: Record<string, Transformation>;
  spectrumMatrices: Record<string, SpectrumMatrix>;
  gates: Gate[];
}
