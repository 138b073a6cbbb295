import { FormatError, InputError } from "../core/errors.js";
import { type FcsDataset, parseFcs, scaleValues } from "../io/fcs/index.js";
import type { SuppliedInput } from "./kind.js";

/** The first data set of a supplied FCS file. @throws FormatError when the file holds none. */
export function firstDataset(input: SuppliedInput): FcsDataset {
  const dataset = parseFcs(input.bytes, input.ref.name).datasets[0];
  if (!dataset) throw new FormatError(input.ref.name, "file", "at least one data set", "none");
  return dataset;
}

/**
 * A channel's `$PnN` by `$PnN`, then `$PnS`, then either ignoring case.
 * @param role the parameter that named the channel (e.g. "annexin"), for the message.
 * @throws InputError naming the file, the parameter and the value, and listing the file's channels
 */
export function findChannel(dataset: FcsDataset, wanted: string, source: string, role?: string): string {
  const ps = dataset.parameters;
  const lower = wanted.toLowerCase();
  const hit =
    ps.find((p) => p.name === wanted) ??
    ps.find((p) => p.label === wanted) ??
    ps.find((p) => p.name.toLowerCase() === lower || p.label?.toLowerCase() === lower);
  if (!hit) {
    throw new InputError(
      `${source}: ${role ? `parameter ${role}: ` : ""}no channel '${wanted}'. Channels: ${ps.map((p) => (p.label ? `${p.name} (${p.label})` : p.name)).join(", ")}`,
    );
  }
  return hit.name;
}

/** Read-only scale values: the stored column itself when scaling is the identity, else a scaled copy. */
export type ScaleColumn = Float32Array | Float64Array;

/**
 * Scale values ($PnE, $PnG; see {@link scaleValues}) of the named channels ($PnN), and only those: memory
 * grows with what is read. Where scaling is the identity (float or linear data with gain 1) the stored
 * column is returned without a copy — callers must not write to it.
 */
export function scaledChannels(dataset: FcsDataset, names: Iterable<string>): Record<string, ScaleColumn> {
  const wanted = new Set(names);
  const values: Record<string, ScaleColumn> = {};
  dataset.parameters.forEach((p, i) => {
    if (!wanted.has(p.name) || p.name in values) return;
    const logScaled = p.decades > 0 && p.datatype === "I" && p.range > 0;
    const identity = !logScaled && (p.gain === 1 || p.name.toUpperCase() === "TIME");
    values[p.name] = identity ? (dataset.data[i] as ScaleColumn) : scaleValues(dataset, i + 1);
  });
  return values;
}

/** A column as Float64Array (no copy when it already is one). */
export function asFloat64(column: ScaleColumn): Float64Array {
  return column instanceof Float64Array ? column : Float64Array.from(column);
}
