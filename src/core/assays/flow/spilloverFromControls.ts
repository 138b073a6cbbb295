import { InputError } from "../../errors.js";
import { medianInPlace } from "../../stats/orderStatistics.js";
import type { SpectrumMatrix } from "./gating/index.js";

/** One single-stain control: the detector its fluorochrome is read in, and its events by detector. */
export interface SingleStainControl {
  /** Primary detector of the stain (`$PnN`), e.g. FITC-A for an Annexin V–FITC control. */
  detector: string;
  events: Readonly<Record<string, ArrayLike<number>>>;
}

/** Options of {@link spilloverFromControls}. */
export interface SpilloverFromControlsOptions {
  /** Statistic of each control in each detector. @default "median" (flowCore's default) */
  statistic?: "median" | "mean";
}

/** Defaults of {@link spilloverFromControls}. */
export const SPILLOVER_FROM_CONTROLS_DEFAULTS = { statistic: "median" } as const;

/**
 * A spillover matrix from an unstained control and one single-stain control per fluorochrome, by
 * flowCore's `spillover()` method (flowCore/flowStats `R/spillover.R`, Bagwell & Adams 1993): the
 * statistic (median by default) of every control in every stained detector, minus the unstained
 * control's, floored at 0, each row divided by its largest value. Rows and columns follow the order of
 * `stains`; row i is the spectrum of stain i (`$SPILLOVER` orientation), so compensated = observed × S⁻¹.
 * All events count (flowCore's default `useNormFilt = FALSE`, no pre-gate).
 * @throws InputError for a control without events or a detector, two controls of one detector, or a
 *   control with no signal above the unstained one (a row of zeros cannot be normalised).
 */
export function spilloverFromControls(
  unstained: Readonly<Record<string, ArrayLike<number>>>,
  stains: readonly SingleStainControl[],
  options: SpilloverFromControlsOptions = {},
): SpectrumMatrix {
  const statistic = options.statistic ?? SPILLOVER_FROM_CONTROLS_DEFAULTS.statistic;
  if (statistic !== "median" && statistic !== "mean")
    throw new InputError(`spillover statistic: expected median or mean, found '${statistic}'`);
  if (stains.length === 0) throw new InputError("spillover: no single-stain controls");
  const detectors = stains.map((s) => s.detector);
  const twice = detectors.find((d, i) => detectors.indexOf(d) !== i);
  if (twice !== undefined) throw new InputError(`spillover: two single-stain controls for '${twice}'`);
  const stat = statistic === "median" ? (v: ArrayLike<number>) => medianInPlace(Float64Array.from(v)) : mean;
  const column = (events: SingleStainControl["events"], detector: string, control: string) => {
    const values = events[detector];
    if (!values) throw new InputError(`spillover: the ${control} control has no detector '${detector}'`);
    if (values.length === 0) throw new InputError(`spillover: the ${control} control has no events`);
    return values;
  };
  const background = detectors.map((d) => stat(column(unstained, d, "unstained")));
  const coefficients = stains.map((stain) => {
    const row = detectors.map((d, j) =>
      Math.max(stat(column(stain.events, d, stain.detector)) - background[j]!, 0),
    );
    const max = Math.max(...row);
    if (!(max > 0))
      throw new InputError(
        `spillover: the ${stain.detector} control is not brighter than the unstained control in any detector`,
      );
    return row.map((v) => v / max);
  });
  return { fluorochromes: [...detectors], detectors: [...detectors], coefficients };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
