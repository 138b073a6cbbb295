import { describe, expect, it } from "vitest";
import * as plates from "../../core/assays/ic50/plates.js";
import * as plateCsv from "./index.js";

// The public surfaces: a change here is a change of API, to be made on purpose.
describe("public exports", () => {
  it("of io/plate-csv", () => {
    expect(Object.keys(plateCsv).sort()).toMatchInlineSnapshot(`
      [
        "GRID_FIELDS",
        "KINETICS_LONG_COLUMNS",
        "LAYOUT_COLUMNS",
        "NORMALIZED_COLUMNS",
        "OVER_RANGE_MARKERS",
        "PLATE_FILE_FORMATS",
        "PLATE_TABLE_COLUMNS",
        "WIDE_IGNORED_COLUMN",
        "WIDE_TIME_COLUMN",
        "detectKineticsFormat",
        "formatLayoutGrid",
        "formatNormalizedCsv",
        "formatRatesCsv",
        "parseKineticReads",
        "parseKineticsLong",
        "parseKineticsWide",
        "parseLayoutCsv",
        "parseLayoutGrid",
        "parseNormalizedCsv",
        "parsePlateLayout",
        "parsePlateTable",
        "parseTimeS",
        "plateIdFromFileName",
        "readKineticReads",
        "readNormalizedCsv",
        "readPlateLayout",
        "readPlateTable",
        "timeUnitSeconds",
      ]
    `);
  });
  it("of core/assays/ic50/plates", () => {
    expect(Object.keys(plates).sort()).toMatchInlineSnapshot(`
      [
        "LINEAR_RANGE_DEFAULTS",
        "PLATE_FORMATS",
        "PLATE_QC_DEFAULTS",
        "WELL_RATE_DEFAULTS",
        "WELL_ROLES",
        "analysePlates",
        "formatWellId",
        "linearRangeRate",
        "linearRangeRateResolved",
        "mergeKineticReads",
        "normaliseRates",
        "olsSlope",
        "parseWellId",
        "pctActivity",
        "plateFormatFor",
        "plateFormatOfGrid",
        "plateQc",
        "resolveLinearRangeOptions",
        "resolveWellRateOptions",
        "rowLetters",
        "toNormalizedPoints",
        "wellRate",
        "wellRateResolved",
        "wellReads",
      ]
    `);
  });
});
