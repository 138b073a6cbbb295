/**
 * PK tables as delimited text. Each format has a pure parser over bytes or text (`parse*`), a thin file
 * reader (`read*`) and a writer (`format*`); errors are `FormatError`s naming the file, line and column.
 * Common rules are those of the plate files (`io/plate-csv`): comma, tab or semicolon (from the header),
 * UTF-8/UTF-16 with BOM, fields trimmed, RFC 4180 quotes, blank and `#` lines skipped, numbers with a
 * decimal point.
 *
 * ## Concentrations — {@link parseConcentrationCsv}
 * `time_h,conc_ng_mL[,id]` (`pk nca --data`): time in h ≥ 0, strictly increasing within an id;
 * concentration in ng/mL ≥ 0, `BLQ` (= 0) or empty/`.`/`NA` (missing).
 *
 * ## Subject parameters — {@link parseSubjectParameters}
 * `id,CL,V2,ka,F,V4,BSA,…` (`pk population --subjects-file`): one row per subject, one column per
 * model parameter or covariate in the model's units; empty or `.` = the typical value.
 * @module
 */
export { csvField, formatConcentrationCsv } from "./formatConcentrationCsv.js";
export { formatSubjectParameters } from "./formatSubjectParameters.js";
export { CONCENTRATION_COLUMNS, parseConcentrationCsv } from "./parseConcentrationCsv.js";
export { parseSubjectParameters, type SubjectParameterRow } from "./parseSubjectParameters.js";
export { PK_FILE_FORMATS } from "./pkFileFormats.js";
export { readConcentrationCsv } from "./readConcentrationCsv.js";
export { readSubjectParameters } from "./readSubjectParameters.js";
