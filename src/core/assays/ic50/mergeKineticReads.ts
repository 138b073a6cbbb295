import { InputError } from "../../errors.js";
import type { KineticReads } from "./kineticReads.js";

/**
 * Combines the reads of several files (e.g. one wide reader export per plate) into one
 * {@link KineticReads}, plates in the order given. Arrays are copied once.
 * @throws InputError when a plate id occurs in more than one part
 * @example mergeKineticReads([readsOfPA01, readsOfPA02]).plates.length // 2
 */
export function mergeKineticReads(parts: readonly KineticReads[]): KineticReads {
  if (parts.length === 1) return parts[0]!;
  const seen = new Map<string, string>();
  let nReads = 0;
  for (const part of parts) {
    for (const plate of part.plates) {
      const other = seen.get(plate.plate);
      if (other !== undefined) {
        throw new InputError(
          `plate ${plate.plate} is in both ${other} and ${plate.source}. Give each file its own plate id (--plate)`,
        );
      }
      seen.set(plate.plate, plate.source);
    }
    nReads += part.timeS.length;
  }
  const timeS = new Float64Array(nReads);
  const rfu = new Float64Array(nReads);
  const merged: KineticReads = {
    source: parts.map((p) => p.source).join(", "),
    plates: [],
    wells: [],
    timeS,
    rfu,
    warnings: parts.flatMap((p) => p.warnings),
  };
  let readOffset = 0;
  for (const part of parts) {
    const wellOffset = merged.wells.length;
    timeS.set(part.timeS, readOffset);
    rfu.set(part.rfu, readOffset);
    for (const w of part.wells) merged.wells.push({ ...w, offset: w.offset + readOffset });
    for (const p of part.plates) merged.plates.push({ ...p, firstWell: p.firstWell + wellOffset });
    readOffset += part.timeS.length;
  }
  return merged;
}
