/**
 * Group delay (points) of Bruker's digital filter by firmware version (DSPFVS) and decimation (DECIM),
 * for data written before TopSpin recorded GRPDLY. Values: W. M. Westler and F. Abildgaard, "DMX digital
 * filters and non-Bruker offline processing" (1996), un-rounded as in nmrglue (BSD) `bruker_dsp_table`.
 */
const DSP_TABLE: Record<number, Record<number, number>> = {
  10: {
    2: 44.75,
    3: 33.5,
    4: 66.625,
    6: 59 + 1 / 12,
    8: 68.5625,
    12: 60.375,
    16: 69.53125,
    24: 61 + 1 / 48,
    32: 70.015625,
    48: 61.34375,
    64: 70.2578125,
    96: 61 + 97 / 192,
    128: 70.37890625,
    192: 61.5859375,
    256: 70.439453125,
    384: 61 + 481 / 768,
    512: 70.4697265625,
    768: 61.646484375,
    1024: 70.48486328125,
    1536: 61 + 2017 / 3072,
    2048: 70.492431640625,
  },
  11: {
    2: 46,
    3: 36.5,
    4: 48,
    6: 50 + 1 / 6,
    8: 53.25,
    12: 69.5,
    16: 72.25,
    24: 70 + 1 / 6,
    32: 72.75,
    48: 70.5,
    64: 73,
    96: 70 + 2 / 3,
    128: 72.5,
    192: 71 + 1 / 3,
    256: 72.25,
    384: 71 + 2 / 3,
    512: 72.125,
    768: 71 + 5 / 6,
    1024: 72.0625,
    1536: 71 + 11 / 12,
    2048: 72.03125,
  },
  12: {
    2: 46,
    3: 36.5,
    4: 48,
    6: 50 + 1 / 6,
    8: 53.25,
    12: 69.5,
    16: 71.625,
    24: 70 + 1 / 6,
    32: 72.125,
    48: 70.5,
    64: 72.375,
    96: 70 + 2 / 3,
    128: 72.5,
    192: 71 + 1 / 3,
    256: 72.25,
    384: 71 + 2 / 3,
    512: 72.125,
    768: 71 + 5 / 6,
    1024: 72.0625,
    1536: 71 + 11 / 12,
    2048: 72.03125,
  },
  13: {
    2: 2.75,
    3: 2 + 5 / 6,
    4: 2.875,
    6: 2 + 11 / 12,
    8: 2.9375,
    12: 2 + 23 / 24,
    16: 2.96875,
    24: 2 + 47 / 48,
    32: 2.984375,
    48: 2 + 95 / 96,
    64: 2.9921875,
    96: 2 + 191 / 192,
  },
};

/**
 * The digital-filter group delay in points: GRPDLY when the file gives one (> 0), else the DSPFVS/DECIM
 * table; 0 for DSPFVS ≥ 14 without GRPDLY and for analog data (DIGMOD 0).
 * @returns the delay, or undefined when DSPFVS/DECIM are not in the table.
 */
export function brukerGroupDelay(params: {
  grpdly?: number;
  dspfvs?: number;
  decim?: number;
  digmod?: number;
}): number | undefined {
  if (params.digmod === 0) return 0;
  if (params.grpdly !== undefined && params.grpdly > 0) return params.grpdly;
  if (params.dspfvs === undefined || params.decim === undefined) return 0;
  if (params.dspfvs >= 14) return 0;
  return DSP_TABLE[params.dspfvs]?.[params.decim];
}
