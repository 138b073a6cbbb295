import { formatZPrime, plateQcPasses } from "./ic50Format.js";
import type { PlateQc } from "./types.js";

/** Z' of a plate: green at or above the threshold without flags, red below it or when flagged or failed. */
export function ZPrimeBadge({ plate, threshold }: { plate: PlateQc; threshold: number }) {
  const passes = plateQcPasses(plate, threshold);
  const reasons = [
    plate.error ? `plate failed: ${plate.error}` : null,
    plate.zPrime !== null && plate.zPrime < threshold ? `Z' below ${threshold}` : null,
    ...plate.flags,
  ].filter((r): r is string => r !== null);
  const label = passes ? "passes QC" : `fails QC: ${reasons.join("; ") || "Z' undefined"}`;
  return (
    <span className={passes ? "badge badge--ok" : "badge badge--bad"} title={label}>
      <span data-testid="zprime">{formatZPrime(plate.zPrime)}</span>
      <span className="visually-hidden"> ({label})</span>
    </span>
  );
}
