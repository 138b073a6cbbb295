/**
 * Plate files of the proteasome-inhibition (IC50) assay: kinetic reads, layouts, the plate table and
 * normalised data. Each format has a pure parser over bytes or text (`parse*`) and a thin file reader
 * (`read*`); errors are `FormatError`s naming the file, the line and the column.
 *
 * Common rules: comma, tab or semicolon delimited (detected from the header line); UTF-8 (BOM allowed) or
 * UTF-16 with BOM; fields trimmed; RFC 4180 double quotes; blank lines and lines starting with `#`
 * skipped; header names case-insensitive, in any order, extra columns ignored unless said otherwise;
 * numbers with a decimal point (`1.5`, `1e3`; no thousands separators or decimal commas). Well ids are
 * row letters and a column number, `A1`…`P24` and, for 1536 wells, `A1`…`Z48` then `AA1`…`AF48`; zero
 * padding (`A01`) and lower case are accepted and normalised to `A1`. A plate's format (96, 384, 1536)
 * is the smallest that holds its wells, unless a grid layout declares it.
 *
 * ## Kinetic reads, long (canonical) — {@link parseKineticsLong}
 * `plate,well,time_s,rfu`, one read per line, rows in any order. `time_s` seconds ≥ 0; `rfu` a number or
 * an over-range marker (`OVER`, `OVRFLW`, `OVERFLOW`, `SAT`, `#SAT`, `SATURATED`), which counts as
 * saturated. Two reads of one plate and well at the same time are an error.
 *
 * ## Kinetic reads, wide (plate-reader export) — {@link parseKineticsWide}
 * One plate per file: a header row with a time column (`Time`, `Time [s]`, `Time [min]`, `Time (h)`,
 * `Kinetic read`, …) and one column per well (`A1`, `A01`, …), then one row per read. Times as
 * `h:mm:ss`/`hh:mm:ss` (fractional seconds allowed), `mm:ss`, `1 h 5 min 30 s`, or plain numbers in the
 * header's unit (plain `Time`: seconds). Preamble lines before the header are skipped; columns named
 * like `Temperature`, `Temp. [°C]`, `T° 37`, `Cycle Nr.` and blank-header columns are ignored; an empty
 * cell means the well was not read at that time; the table ends at a blank line or `~End`. The plate id
 * is `--plate` or the file name without extension (`PA01.csv` → `PA01`). {@link parseKineticReads}
 * tells the two layouts apart; several files can be merged (`mergeKineticReads`).
 *
 * ## Layout, long — {@link parseLayoutCsv}
 * `plate,well,role,compound,conc_nM`, one used well per line; role `sample|max|min|blank`. A sample needs
 * a compound and `conc_nM` > 0; controls may leave compound and concentration empty. Unlisted wells are
 * unused.
 *
 * ## Layout, plate-map grid — {@link parseLayoutGrid}
 * Per plate up to three grids shaped like the plate (8 × 12, 16 × 24 or 32 × 48, which declares the
 * format), each introduced by a block line and a column-number row:
 * ```text
 * plate,PA01,field,role
 * ,1,2,3,…,24
 * A,max,min,sample,…
 * …
 * P,max,min,blank,…
 *
 * plate,PA01,field,compound
 * ,1,2,3,…,24
 * A,DMSO,bortezomib,ixazomib,…
 *
 * plate,PA01,field,conc_nM
 * ,1,2,3,…,24
 * A,,10000,1000,…
 * ```
 * Empty role = unused well. `compound` and `conc_nM` grids are required when the plate has samples.
 * {@link parsePlateLayout} tells the two layouts apart; {@link formatLayoutGrid} writes a grid.
 *
 * ## Plate table — {@link parsePlateTable}
 * `plate,detector_max,…`: `detector_max` > 0 is the saturation level in RFU (reads ≥ it are saturated);
 * other columns (`min_control`, `reader_gain`, …) are kept as text.
 *
 * ## Normalised data — {@link parseNormalizedCsv}
 * `plate,well,compound,conc_nM,pct_activity` (what `ic50 fit --data` reads and
 * {@link formatNormalizedCsv} writes); `conc_nM` ≥ 0.
 * @module
 */
export { formatLayoutGrid } from "./formatLayoutGrid.js";
export { formatNormalizedCsv } from "./formatNormalizedCsv.js";
export { formatRatesCsv } from "./formatRatesCsv.js";
export { OVER_RANGE_MARKERS } from "./overRange.js";
export {
  detectKineticsFormat,
  type ParseKineticReadsOptions,
  parseKineticReads,
} from "./parseKineticReads.js";
export { KINETICS_LONG_COLUMNS, parseKineticsLong } from "./parseKineticsLong.js";
export {
  parseKineticsWide,
  plateIdFromFileName,
  WIDE_IGNORED_COLUMN,
  WIDE_TIME_COLUMN,
  type WideKineticsOptions,
} from "./parseKineticsWide.js";
export { LAYOUT_COLUMNS, parseLayoutCsv } from "./parseLayoutCsv.js";
export { GRID_FIELDS, type GridField, parseLayoutGrid } from "./parseLayoutGrid.js";
export { NORMALIZED_COLUMNS, parseNormalizedCsv } from "./parseNormalizedCsv.js";
export { parsePlateLayout } from "./parsePlateLayout.js";
export { PLATE_TABLE_COLUMNS, parsePlateTable } from "./parsePlateTable.js";
export { parseTimeS, timeUnitSeconds } from "./parseTimeS.js";
export { PLATE_FILE_FORMATS } from "./plateFileFormats.js";
export { readKineticReads } from "./readKineticReads.js";
export { readNormalizedCsv } from "./readNormalizedCsv.js";
export { readPlateLayout } from "./readPlateLayout.js";
export { readPlateTable } from "./readPlateTable.js";
