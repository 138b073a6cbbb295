/** How AUC is integrated between samples: PKNCA's `auc.method` / Phoenix's "Linear Up Log Down" and "Linear Trapezoidal". */
export type AucMethod = "linear-up-log-down" | "linear";

/**
 * Area under the concentration–time curve over consecutive samples `from … to` (indices, inclusive),
 * by the trapezoidal rule. With `"linear-up-log-down"` a falling segment between two positive
 * concentrations uses the log trapezoid `(c₁ − c₂)·Δt / ln(c₁/c₂)` (exact for mono-exponential decline);
 * rising, flat and zero-touching segments stay linear, as in PKNCA and Phoenix WinNonlin.
 * Units: time × concentration (h · ng/mL = ng·h/mL for the NCA inputs).
 * @example aucTrapezoid(Float64Array.of(0, 1, 2), Float64Array.of(0, 10, 5), 0, 2, "linear") // 12.5
 */
export function aucTrapezoid(
  time: Float64Array,
  conc: Float64Array,
  from: number,
  to: number,
  method: AucMethod,
): number {
  let auc = 0;
  for (let i = from; i < to; i++) {
    const dt = time[i + 1]! - time[i]!;
    const c1 = conc[i]!;
    const c2 = conc[i + 1]!;
    if (method === "linear-up-log-down" && c2 < c1 && c2 > 0) auc += ((c1 - c2) * dt) / Math.log(c1 / c2);
    else auc += ((c1 + c2) * dt) / 2;
  }
  return auc;
}
