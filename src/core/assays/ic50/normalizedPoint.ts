/**
 * One normalised dose-response point: a sample well's % activity at a concentration. The input of the
 * curve fit (`ic50 fit --data normalized.csv`), and what {@link toNormalizedPoints} takes from a plate
 * analysis.
 */
export interface NormalizedPoint {
  plate: string;
  well: string;
  compound: string;
  /** Concentration in nM (≥ 0; 0 is the x → 0 limit of the 4PL model). */
  conc_nM: number;
  /** 100·(rate − mean_min)/(mean_max − mean_min). */
  pctActivity: number;
}
