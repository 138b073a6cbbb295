/** The inputs of Lipinski's rule of five, as computeProperties gives them. */
export interface RuleOfFiveInputs {
  averageMass: number;
  clogp: number;
  lipinskiHbd: number;
  lipinskiHba: number;
}

/** One rule of Lipinski's four, broken or kept. */
export interface RuleOfFiveCheck {
  rule: "MW ≤ 500" | "cLogP ≤ 5" | "HBD ≤ 5" | "HBA ≤ 10";
  value: number;
  met: boolean;
}

/**
 * Lipinski's rule of five (Lipinski et al., Adv. Drug Deliv. Rev. 23 (1997) 3–25): poor oral absorption
 * is likely with more than one of MW > 500, logP > 5, more than 5 H-bond donors (sum of N–H and O–H) and
 * more than 10 acceptors (sum of N and O). logP here is Crippen's (RDKit), not the paper's CLogP.
 * @example ruleOfFive({ averageMass: 517.1, clogp: 1.5, lipinskiHbd: 4, lipinskiHba: 11 }).violations // 2
 */
export function ruleOfFive(p: RuleOfFiveInputs): { checks: RuleOfFiveCheck[]; violations: number } {
  const checks: RuleOfFiveCheck[] = [
    { rule: "MW ≤ 500", value: p.averageMass, met: p.averageMass <= 500 },
    { rule: "cLogP ≤ 5", value: p.clogp, met: p.clogp <= 5 },
    { rule: "HBD ≤ 5", value: p.lipinskiHbd, met: p.lipinskiHbd <= 5 },
    { rule: "HBA ≤ 10", value: p.lipinskiHba, met: p.lipinskiHba <= 10 },
  ];
  return { checks, violations: checks.filter((c) => !c.met).length };
}
