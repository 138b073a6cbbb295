/** Seeded synthetic XRPD inputs shared by the HTTP and browser tests. */
import {
  referencePeaksOf,
  SYNTHETIC_FORMS,
  type SyntheticForm,
  simulatePattern,
  TYPICAL_CU_SCAN,
} from "../../src/core/analytics/xrpd/index.js";
import { writeReferenceCsv, writeXy } from "../../src/io/diffractogram/index.js";

/** A reference CSV (twoTheta,relIntensity) of a synthetic form at Cu Kα1 (1.5406 Å). */
export function referenceCsv(form: SyntheticForm): string {
  return writeReferenceCsv(referencePeaksOf(form, 1.5406));
}

/** An .xy (Cu anode header) of formA + 25 % formB, 4–40° 2θ in 0.02° steps, seed 31. */
export function mixtureXy(): string {
  const { pattern } = simulatePattern({
    forms: [SYNTHETIC_FORMS.formA, { ...SYNTHETIC_FORMS.formB, scale: 0.25 }],
    ...TYPICAL_CU_SCAN,
    seed: 31,
  });
  return writeXy(pattern);
}
