import type { PlateFormat } from "./wellId.js";

/**
 * What a well holds: `sample` (compound at a concentration), `max` (uninhibited, DMSO), `min` (fully
 * inhibited: no enzyme or a reference inhibitor) or `blank` (buffer + substrate; reported, not used).
 */
export type WellRole = "sample" | "max" | "min" | "blank";

/** The roles, in the order used for reports. */
export const WELL_ROLES: readonly WellRole[] = ["sample", "max", "min", "blank"];

/** One well of a plate layout. */
export interface LayoutWell {
  plate: string;
  /** Canonical well id (`A1`). */
  well: string;
  row: number;
  column: number;
  role: WellRole;
  /** Compound name; may be empty for controls. */
  compound: string;
  /** Concentration in nM; `NaN` when none is given (controls). Samples always have one > 0. */
  conc_nM: number;
  /** 1-based line and field of the source file that define this well, for error messages. */
  line: number;
  field: number;
}

/** One plate of a layout with its format: declared by a grid layout, or inferred from its wells. */
export interface LayoutPlate {
  plate: string;
  format: PlateFormat;
  /** True when the layout declared the format (a grid layout), false when inferred from the wells. */
  formatDeclared: boolean;
}

/** A plate layout: what every used well of every plate holds. Wells not listed are unused. */
export interface PlateLayout {
  source: string;
  plates: LayoutPlate[];
  wells: LayoutWell[];
}
