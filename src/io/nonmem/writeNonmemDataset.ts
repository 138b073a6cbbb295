import { writeFile } from "node:fs/promises";
import { type FormatNonmemOptions, formatNonmemDataset } from "./formatNonmemDataset.js";
import type { NonmemDataset } from "./nonmemTypes.js";

/** Writes a NONMEM-format dataset to `path` (see {@link formatNonmemDataset}). */
export async function writeNonmemDataset(
  path: string,
  dataset: NonmemDataset,
  options: FormatNonmemOptions = {},
): Promise<void> {
  await writeFile(path, formatNonmemDataset(dataset, options));
}
