import { InputError } from "../errors.js";

/** How plasma concentration reaches the β5 site in the exposure → response link. */
export interface InhibitionLink {
  /** IC50 of β5 inhibition, nM, from an Ixalab assay run or the user. */
  ic50_nM: number;
  /** @default 1 */
  hill?: number;
  /** Maximum inhibition, %. @default 100 */
  emax_pct?: number;
  /**
   * "unbound": fu × plasma (fu 0.01: 99 % bound); "whole-blood": blood-to-plasma ratio × plasma
   * (ratio 10: ixazomib partitions into red cells, where proteasome is abundant). @default "unbound"
   */
  basis?: "unbound" | "whole-blood";
  /** @default 0.01 (label: 99 % bound) */
  fractionUnbound?: number;
  /** @default 10 (label) */
  bloodToPlasma?: number;
  /** Molar mass of the measured species, g/mol. @default 361.03 (ixazomib, conventional weights) */
  molarMass_g_per_mol?: number;
}

/** Documented defaults of {@link InhibitionLink}. */
export const INHIBITION_DEFAULTS = {
  hill: 1,
  emax_pct: 100,
  basis: "unbound",
  fractionUnbound: 0.01,
  bloodToPlasma: 10,
  molarMass_g_per_mol: 361.03,
} as const;

/**
 * % β5 inhibition from plasma concentration by an Emax/Hill link, E = Emax·Cʰ/(IC50ʰ + Cʰ), with C the
 * unbound or whole-blood concentration in nM (ng/mL ÷ g/mol × 1000). No published concentration →
 * whole-blood 20S model exists (shared/reference/ixazomib-pk-pd.md), so the link is explicit and its
 * parameters are the user's; it is not a validated PD model.
 * @throws InputError for a non-positive IC50, hill, fraction or molar mass.
 * @example beta5Inhibition(Float64Array.of(18), { ic50_nM: 3.4, basis: "whole-blood" })[0] // ≈ 99.3
 */
export function beta5Inhibition(
  conc_ng_mL: Float64Array,
  link: InhibitionLink,
  out = new Float64Array(conc_ng_mL.length),
): Float64Array {
  const o = { ...INHIBITION_DEFAULTS, ...link };
  for (const [name, value] of Object.entries({
    ic50_nM: o.ic50_nM,
    hill: o.hill,
    fractionUnbound: o.fractionUnbound,
    bloodToPlasma: o.bloodToPlasma,
    molarMass_g_per_mol: o.molarMass_g_per_mol,
  })) {
    if (!(value > 0) || !Number.isFinite(value))
      throw new InputError(`inhibition link: ${name} must be a positive number, found ${value}`);
  }
  const factor =
    ((o.basis === "unbound" ? o.fractionUnbound : o.bloodToPlasma) * 1000) / o.molarMass_g_per_mol;
  const ic50h = o.ic50_nM ** o.hill;
  for (let i = 0; i < conc_ng_mL.length; i++) {
    const ch = (Math.max(0, conc_ng_mL[i] ?? 0) * factor) ** o.hill;
    out[i] = (o.emax_pct * ch) / (ic50h + ch);
  }
  return out;
}
