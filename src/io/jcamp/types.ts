/** One labelled data record (`##LABEL= value`) as it stands in the file. */
export interface JcampRecord {
  /** Normalised label: upper case, without spaces, dashes, slashes or underscores; `.` and `$` kept. */
  label: string;
  /** The label as written, e.g. `.OBSERVE FREQUENCY`. */
  rawLabel: string;
  /** The value with `$$` comments removed, continuation lines joined by `\n`, trimmed. */
  value: string;
  /** 1-based line of the `##` in the file. */
  line: number;
}

/** Which ASDF/AFFN encodings a data table used (for reports and tests). */
export type JcampEncoding = "AFFN" | "PAC" | "SQZ" | "DIF" | "DUP";

/** One decoded data table: `##XYDATA`, `##XYPOINTS`, `##PEAK TABLE` or an NTUPLES page's `##DATA TABLE`. */
export interface JcampDataTable {
  /** Normalised label of the table record: `XYDATA`, `XYPOINTS`, `PEAKTABLE` or `DATATABLE`. */
  table: "XYDATA" | "XYPOINTS" | "PEAKTABLE" | "DATATABLE";
  /** The variable list as written without spaces, e.g. `(X++(Y..Y))`, `(XY..XY)`, `(X++(R..R))`. */
  variables: string;
  /** Symbols of the columns: `["X", "Y"]`, `["X", "R"]`, `["X", "Y", "W"]`… */
  symbols: string[];
  /** For NTUPLES pages, the plot descriptor after the variable list (`XYDATA`, `PEAKS`, `PROFILE`). */
  kind?: string;
  /** Abscissa in file units (factor applied). */
  x: Float64Array;
  /** Ordinate in file units (factor applied). */
  y: Float64Array;
  /** A third column of `(XYW..XYW)` / `(XYM..XYM)` tables. */
  w?: Float64Array;
  /** For NTUPLES pages, the page value (e.g. `N=1`, `F1=4.5`). */
  page?: string;
  /** LDRs written inside the NTUPLES page before its table (normalised label → value). */
  pageRecords?: Record<string, string>;
  /** Encodings met while decoding. */
  encodings: JcampEncoding[];
  /** 1-based line of the table's `##` record. */
  line: number;
}

/** The NTUPLES header of a block: the per-variable lists, normalised label → one entry per variable. */
export interface JcampNtuples {
  /** Value of `##NTUPLES=`, e.g. `NMR FID`, `MASS SPECTRUM`. */
  dataForm: string;
  /** `VARNAME`, `SYMBOL`, `VARTYPE`, `VARFORM`, `VARDIM`, `UNITS`, `FACTOR`, `FIRST`, `LAST`, `MIN`, `MAX`… */
  attributes: Record<string, string[]>;
  /** The decoded pages in file order. */
  pages: JcampDataTable[];
}

/** One block (`##TITLE=` … `##END=`); LINK blocks hold their nested blocks in `children`. */
export interface JcampBlock {
  title: string;
  /** Every LDR of the block except data tables, in file order (duplicates kept). */
  records: JcampRecord[];
  /** First value of each normalised label (e.g. `meta["$SW"]`, `meta[".OBSERVEFREQUENCY"]`). */
  meta: Record<string, string>;
  /** `##XYDATA`, `##XYPOINTS` and `##PEAK TABLE` tables of the block (not NTUPLES pages). */
  tables: JcampDataTable[];
  ntuples?: JcampNtuples;
  children: JcampBlock[];
  /** 1-based line of the block's `##TITLE=`. */
  line: number;
}

/** A parsed JCAMP-DX file: its top-level blocks (usually one) and warnings about usable oddities. */
export interface JcampDocument {
  source: string;
  blocks: JcampBlock[];
  warnings: string[];
}
