/** Format ids of the plate files, as recorded in provenance envelopes. */
export const PLATE_FILE_FORMATS = {
  kinetics: "ic50-reads",
  layout: "ic50-layout",
  plates: "ic50-plates",
  normalized: "ic50-normalized",
} as const;
