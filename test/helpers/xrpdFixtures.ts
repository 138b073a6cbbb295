/** Seeded synthetic XRPD inputs shared by the HTTP and browser tests. */
import {
  CU_K_ALPHA,
  referencePeaksOf,
  SYNTHETIC_FORMS,
  type SyntheticForm,
  simulatePattern,
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
    wavelength: CU_K_ALPHA,
    twoThetaStart: 4,
    twoThetaEnd: 40,
    step: 0.02,
    fwhm: 0.12,
    eta: 0.4,
    background: { a: 200, b: -2, c: 600 },
    seed: 31,
  });
  return writeXy(pattern);
}
