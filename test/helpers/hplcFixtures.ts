import {
  type Chromatogram,
  type SyntheticSpec,
  simulateChromatogram,
} from "../../src/core/analytics/hplc/index.js";

/** A seeded synthetic run as a reader would return it (mAU unless told, format chromatogram-csv). */
export function syntheticChromatogram(spec: SyntheticSpec, units = "mAU"): Chromatogram {
  return {
    ...simulateChromatogram(spec),
    units,
    detector: "synthetic",
    format: "chromatogram-csv",
    metadata: {},
  };
}
