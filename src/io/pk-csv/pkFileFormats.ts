/** Format ids of the PK files, as recorded in provenance envelopes. */
export const PK_FILE_FORMATS = {
  concentrations: "pk-concentrations",
  subjectParameters: "pk-subject-parameters",
  nonmem: "nonmem-dataset",
} as const;
