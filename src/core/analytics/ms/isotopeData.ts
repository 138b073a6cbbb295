/**
 * Stable isotopes of the elements drug-like molecules and their adducts contain: mass (u) and abundance
 * (mole fraction) of each.
 *
 * - Masses: AME2020 atomic mass evaluation (W.J. Huang et al., Chinese Phys. C 45, 030002, 2021; M. Wang
 *   et al., Chinese Phys. C 45, 030003, 2021), as tabulated by NIST "Atomic Weights and Isotopic
 *   Compositions"; the most abundant isotopes agree with `MOST_ABUNDANT_ISOTOPE_MASSES` of core/chem.
 * - Abundances: the IUPAC/CIAAW representative isotopic compositions (Berglund & Wieser, "Isotopic
 *   compositions of the elements 2009", Pure Appl. Chem. 83, 397–410, 2011, Table 1; the values CIAAW
 *   and NIST list), each element summing to 1.
 *
 * IsoSpec ships its own table (masses ≈ AME2012, abundances renormalised from other sources); its
 * abundances differ from these by up to ~2·10⁻⁴ (¹⁰B: 0.19948 vs 0.199), so the fixtures compare the
 * algorithm on both tables (see scripts/make-ms-isospec-fixtures.py).
 */

/** One stable isotope: nominal mass number, exact mass (u) and abundance (mole fraction). */
export interface Isotope {
  massNumber: number;
  mass: number;
  abundance: number;
}

/** Element symbol → its stable isotopes, lightest first. */
export type IsotopeTable = Readonly<Record<string, readonly Isotope[]>>;

/** Electron rest mass (u), CODATA 2018: ions lose (cations) or gain (anions) one per charge. */
export const ELECTRON_MASS_U = 5.48579909065e-4;

const iso = (massNumber: number, mass: number, abundance: number): Isotope => ({
  massNumber,
  mass,
  abundance,
});

/** Ixalab's isotope table: AME2020 masses, CIAAW representative abundances (see the module comment). */
export const ISOTOPES: IsotopeTable = {
  H: [iso(1, 1.00782503223, 0.999885), iso(2, 2.01410177812, 0.000115)],
  Li: [iso(6, 6.0151228874, 0.0759), iso(7, 7.0160034366, 0.9241)],
  B: [iso(10, 10.01293695, 0.199), iso(11, 11.00930536, 0.801)],
  C: [iso(12, 12, 0.9893), iso(13, 13.00335483507, 0.0107)],
  N: [iso(14, 14.00307400443, 0.99636), iso(15, 15.00010889888, 0.00364)],
  O: [iso(16, 15.99491461957, 0.99757), iso(17, 16.9991317565, 0.00038), iso(18, 17.99915961286, 0.00205)],
  F: [iso(19, 18.99840316273, 1)],
  Na: [iso(23, 22.989769282, 1)],
  Mg: [iso(24, 23.985041697, 0.7899), iso(25, 24.985836976, 0.1), iso(26, 25.982592968, 0.1101)],
  Al: [iso(27, 26.98153853, 1)],
  Si: [iso(28, 27.97692653465, 0.92223), iso(29, 28.9764946649, 0.04685), iso(30, 29.973770136, 0.03092)],
  P: [iso(31, 30.97376199842, 1)],
  S: [
    iso(32, 31.9720711744, 0.9499),
    iso(33, 32.9714589098, 0.0075),
    iso(34, 33.967867004, 0.0425),
    iso(36, 35.96708071, 0.0001),
  ],
  Cl: [iso(35, 34.968852682, 0.7576), iso(37, 36.965902602, 0.2424)],
  K: [iso(39, 38.9637064864, 0.932581), iso(40, 39.963998166, 0.000117), iso(41, 40.9618252579, 0.067302)],
  Ca: [
    iso(40, 39.962590863, 0.96941),
    iso(42, 41.95861783, 0.00647),
    iso(43, 42.95876644, 0.00135),
    iso(44, 43.95548156, 0.02086),
    iso(46, 45.953689, 0.00004),
    iso(48, 47.95252276, 0.00187),
  ],
  Fe: [
    iso(54, 53.93960899, 0.05845),
    iso(56, 55.93493633, 0.91754),
    iso(57, 56.93539284, 0.02119),
    iso(58, 57.93327443, 0.00282),
  ],
  Cu: [iso(63, 62.92959772, 0.6915), iso(65, 64.9277897, 0.3085)],
  Zn: [
    iso(64, 63.92914201, 0.4917),
    iso(66, 65.92603381, 0.2773),
    iso(67, 66.92712775, 0.0404),
    iso(68, 67.92484455, 0.1845),
    iso(70, 69.9253192, 0.0061),
  ],
  Se: [
    iso(74, 73.922475934, 0.0089),
    iso(76, 75.919213704, 0.0937),
    iso(77, 76.919914154, 0.0763),
    iso(78, 77.91730928, 0.2377),
    iso(80, 79.9165218, 0.4961),
    iso(82, 81.9166995, 0.0873),
  ],
  Br: [iso(79, 78.9183376, 0.5069), iso(81, 80.9162897, 0.4931)],
  I: [iso(127, 126.9044719, 1)],
  Pt: [
    iso(190, 189.9599297, 0.00012),
    iso(192, 191.9610387, 0.00782),
    iso(194, 193.9626809, 0.32864),
    iso(195, 194.9647917, 0.33775),
    iso(196, 195.96495209, 0.25211),
    iso(198, 197.9678949, 0.07356),
  ],
};

/** The table's name, recorded in results beside the numbers computed from it. */
export const ISOTOPE_TABLE_METHOD = "AME2020 masses, IUPAC/CIAAW representative isotopic abundances";
