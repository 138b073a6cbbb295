/**
 * Residual solvent signals used for referencing: the residual protio-solvent ¹H peak (e.g. DMSO-d5 in
 * DMSO-d6) and the solvent ¹³C peak, ppm vs TMS. Source: G. R. Fulmer et al., Organometallics 2010, 29,
 * 2176–2179, Table 1 (extending H. E. Gottlieb, V. Kotlyar, A. Nudelman, J. Org. Chem. 1997, 62, 7512).
 * `water` is the same table's H2O/HOD ¹H line in that solvent (ppm at 298 K; it moves with temperature,
 * concentration and exchange, so comparisons give it a window, see {@link WATER_WINDOW_PPM}).
 * Pyridine-d5 is not in either table: its residuals (8.74, 150.35) are the common solvent-chart values
 * (e.g. the UCLA "Notes on NMR Solvents" table: 8.74, 150.3) and its water line (4.96) is approximate.
 */
export const SOLVENT_RESIDUALS: readonly {
  id: string;
  names: readonly string[];
  h1: number | null;
  c13: number | null;
  water: number | null;
}[] = [
  { id: "CDCl3", names: ["cdcl3", "chloroform-d", "chloroform"], h1: 7.26, c13: 77.16, water: 1.56 },
  {
    id: "DMSO-d6",
    names: ["dmso", "dmso-d6", "dmsod6", "(cd3)2so", "dimethylsulfoxide-d6"],
    h1: 2.5,
    c13: 39.52,
    water: 3.33,
  },
  {
    id: "acetone-d6",
    names: ["acetone", "acetone-d6", "aceton", "(cd3)2co"],
    h1: 2.05,
    c13: 29.84,
    water: 2.84,
  },
  { id: "CD3OD", names: ["cd3od", "meod", "methanol-d4", "methanol"], h1: 3.31, c13: 49.0, water: 4.87 },
  { id: "D2O", names: ["d2o", "water"], h1: 4.79, c13: null, water: 4.79 },
  { id: "C6D6", names: ["c6d6", "benzene-d6", "benzene"], h1: 7.16, c13: 128.06, water: 0.4 },
  {
    id: "CD3CN",
    names: ["cd3cn", "acetonitrile-d3", "acetonitrile", "acn"],
    h1: 1.94,
    c13: 1.32,
    water: 2.13,
  },
  {
    id: "CD2Cl2",
    names: ["cd2cl2", "dichloromethane-d2", "methylene chloride-d2"],
    h1: 5.32,
    c13: 53.84,
    water: 1.52,
  },
  { id: "THF-d8", names: ["thf", "thf-d8", "tetrahydrofuran-d8"], h1: 3.58, c13: 67.21, water: 2.46 },
  {
    id: "pyridine-d5",
    names: ["pyr", "pyridine", "pyridine-d5", "c5d5n"],
    h1: 8.74,
    c13: 150.35,
    water: 4.96,
  },
  { id: "toluene-d8", names: ["tol", "toluene", "toluene-d8"], h1: 2.08, c13: 20.43, water: 0.43 },
];

/** The solvent entry for a name as files write it (`CDCl3`, `DMSO`, `Acetone`, `DMSO-d6`…), or undefined. */
export function findSolvent(name: string | null | undefined): (typeof SOLVENT_RESIDUALS)[number] | undefined {
  if (!name) return undefined;
  const key = name.trim().toLowerCase();
  return SOLVENT_RESIDUALS.find((s) => s.names.includes(key) || s.id.toLowerCase() === key);
}

/** The residual's shift for a nucleus (`1H`, `13C`), or null when the table has none. */
export function residualShift(solvent: (typeof SOLVENT_RESIDUALS)[number], nucleus: string): number | null {
  if (/^1H$/i.test(nucleus)) return solvent.h1;
  if (/^13C$/i.test(nucleus)) return solvent.c13;
  return null;
}

/** Half-width of the window around the water line in which signals are reported as water, ppm. */
export const WATER_WINDOW_PPM = 0.1;

/** Half-width of the window around the residual solvent line in which signals are the solvent's, ppm. */
export const RESIDUAL_WINDOW_PPM = 0.05;
