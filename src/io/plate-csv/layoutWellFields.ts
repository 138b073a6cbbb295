import type { WellRole } from "../../core/assays/ic50/plates.js";
import { WELL_ROLES } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";
import { parseDecimal } from "../csv/parseDecimal.js";
import { shown } from "./tableHeader.js";

/** Where a layout field is, for messages: a place such as `line 4, column 3 (role)`. */
export type Place = string;

/**
 * Checks a layout cell's role.
 * @throws FormatError for anything but sample, max, min or blank (case-insensitive)
 */
export function checkRole(text: string, source: string, where: Place): WellRole {
  const role = text.toLowerCase() as WellRole;
  if (!WELL_ROLES.includes(role)) {
    throw new FormatError(source, where, `one of ${WELL_ROLES.join(", ")}`, shown(text));
  }
  return role;
}

/**
 * Checks a well's compound and concentration against its role: samples need a compound and a
 * concentration > 0 nM; controls may have either, and a concentration must then be ≥ 0.
 * @returns the concentration in nM, `NaN` when none is given
 */
export function checkConcentration(
  role: WellRole,
  compound: string,
  concText: string,
  source: string,
  compoundWhere: Place,
  concWhere: Place,
): number {
  const conc = concText === "" ? Number.NaN : parseDecimal(concText, 0, concText.length);
  if (role === "sample") {
    if (compound === "") {
      throw new FormatError(source, compoundWhere, "a compound name for a sample well", "an empty field");
    }
    if (!(conc > 0)) {
      throw new FormatError(
        source,
        concWhere,
        "a concentration in nM > 0 for a sample well",
        shown(concText),
        conc === 0 ? "Vehicle wells are max controls: give them the role 'max'" : undefined,
      );
    }
    return conc;
  }
  if (concText !== "" && !(conc >= 0)) {
    throw new FormatError(source, concWhere, "an empty field or a concentration in nM ≥ 0", shown(concText));
  }
  return conc;
}
