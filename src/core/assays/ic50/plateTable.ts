/** Per-plate settings from the plate table (`plates.csv`). */
export interface PlateInfo {
  plate: string;
  /** The reader's largest reportable RFU at the plate's gain; reads at or above it are saturated. */
  detectorMax: number;
  /** Every other column of the plate table (e.g. `min_control`, `reader_gain`), as text. */
  extra: Record<string, string>;
  /** 1-based line of the plate table. */
  line: number;
}

/** The plate table: one {@link PlateInfo} per plate. */
export interface PlateTable {
  source: string;
  plates: PlateInfo[];
}
