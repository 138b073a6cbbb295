import type { RDKitMol } from "./rdkit.js";

/** Options for {@link depictSvg}. */
export interface DepictOptions {
  /** @default 420 */
  width?: number;
  /** @default 300 */
  height?: number;
}

const DEPICT_DEFAULTS = { width: 420, height: 300 } as const;

/** Draws a 2D depiction of the molecule as a standalone SVG document (RDKit's drawer, new 2D coordinates). */
export function depictSvg(mol: RDKitMol, options: DepictOptions = {}): string {
  const { width, height } = { ...DEPICT_DEFAULTS, ...options };
  return mol.get_svg_with_highlights(
    JSON.stringify({ width, height, bondLineWidth: 1.5, addStereoAnnotation: true, clearBackground: false }),
  );
}
