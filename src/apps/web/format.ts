/** Number, date and label formatting shared by the pages. Pure functions: no React here. */

/** Fixed decimals with a real minus sign; non-finite numbers as an em dash. */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "—";
  const text = value.toFixed(decimals);
  // -0.0014 rounds to "-0.00": a sign on zero is noise.
  if (/^-0(\.0*)?$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** {@link fixed}, with an em dash for a value that is missing (null or undefined). */
export function fixedOrDash(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined ? "—" : fixed(value, decimals);
}

/** Number of decimals a literal number was written with (517.12 → 2). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = String(value);
  const exp = text.match(/e-(\d+)$/);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A number with as many decimals as it needs, up to `maxDecimals`, trailing zeros dropped. */
export function compact(value: number, maxDecimals = 4): string {
  if (!Number.isFinite(value)) return "—";
  if (Number.isInteger(value)) return fixed(value, 0);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e7)) return value.toExponential(3).replace("-", "−");
  return fixed(value, maxDecimals).replace(/\.?0+$/, "");
}

/**
 * A computed value printed next to a guide value, so the two can be compared by eye: integers stay
 * integers, otherwise as many decimals as the guide value (at least 2, at most 4).
 */
export function formatComparable(computed: number | string, guide: number | string): string {
  if (typeof computed === "string") return computed;
  if (Number.isInteger(computed)) return fixed(computed, 0);
  const guideDecimals = typeof guide === "number" ? decimalsOf(guide) : 2;
  return fixed(computed, Math.min(4, Math.max(2, guideDecimals)));
}

/** A guide (literature) value exactly as published: numbers keep their own precision. */
export function formatGuide(value: number | string): string {
  return typeof value === "number" ? String(value).replace(/^-/, "−") : value;
}

/** Splits a molecular formula into text and subscript runs: "C2H6O" → C, 2(sub), H, 6(sub), O. */
export function formulaParts(formula: string): { text: string; sub: boolean }[] {
  const parts: { text: string; sub: boolean }[] = [];
  // Digits right after an element symbol, a closing bracket or a hydrate dot are counts (subscripts);
  // digits at the very start or after a space/"·" are stoichiometric coefficients (kept inline).
  const re = /(\d+)|([^\d]+)/g;
  let previous = "";
  for (const match of formula.matchAll(re)) {
    const [token, digits] = match;
    const isCount = digits !== undefined && /[A-Za-z)\]]$/.test(previous);
    parts.push({ text: token, sub: isCount });
    previous = token;
  }
  return parts;
}

// Words that keep their own spelling in labels.
const SPELLINGS: Record<string, string> = {
  smiles: "SMILES",
  inchi: "InChI",
  inchikey: "InChIKey",
  cas: "CAS",
  ic50: "IC50",
  ci: "CI",
  pk: "PK",
  pd: "PD",
  hplc: "HPLC",
  ms: "MS",
  nmr: "NMR",
  xrpd: "XRPD",
  fcs: "FCS",
  id: "ID",
  mg: "mg",
  ml: "mL",
  h: "h",
};

/** Sentence-cases a camelCase or snake_case key: "rotatableBonds" → "Rotatable bonds", "smiles" → "SMILES". */
export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .map((word) => SPELLINGS[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(" ");
  return SPELLINGS[words[0]?.toLowerCase() ?? ""] ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a known molecular property is labelled, with its unit and rounding. */
export interface PropertyMeta {
  label: string;
  unit?: string;
  decimals?: number;
  /** Rendered as a molecular formula with subscripts. */
  formula?: boolean;
  /** Rendered in a monospace font (identifiers, line notations). */
  mono?: boolean;
  hint?: string;
}

export const PROPERTY_META: Record<string, PropertyMeta> = {
  formula: { label: "Molecular formula", formula: true },
  averageMass: { label: "Average mass", unit: "g/mol", decimals: 3, hint: "RDKit atomic weights" },
  monoisotopicMass: {
    label: "Monoisotopic mass",
    unit: "Da",
    decimals: 4,
    hint: "most abundant isotopes (¹²C, ¹¹B, ³⁵Cl)",
  },
  conventionalAverageMass: { label: "Average mass (conventional)", unit: "g/mol", decimals: 3 },
  clogp: { label: "cLogP (Crippen)", decimals: 2, hint: "Wildman–Crippen" },
  tpsa: { label: "TPSA", unit: "Å²", decimals: 2, hint: "topological polar surface area (Ertl; N, O only)" },
  hbd: { label: "H-bond donors", decimals: 0 },
  hba: { label: "H-bond acceptors", decimals: 0 },
  lipinskiHbd: { label: "Lipinski HBD", decimals: 0, hint: "NH + OH count" },
  lipinskiHba: { label: "Lipinski HBA", decimals: 0, hint: "N + O count" },
  rotatableBonds: { label: "Rotatable bonds", decimals: 0 },
  rings: { label: "Rings", decimals: 0 },
  formalCharge: { label: "Formal charge", decimals: 0 },
  canonicalSmiles: { label: "Canonical SMILES", mono: true },
  smiles: { label: "SMILES", mono: true },
  inchi: { label: "InChI", mono: true },
  inchiKey: { label: "InChIKey", mono: true },
  heavyAtoms: { label: "Heavy atoms", decimals: 0 },
  numAtoms: { label: "Atoms", decimals: 0 },
};

/** The metadata of a property key, falling back to a humanized label. */
export function propertyMeta(key: string): PropertyMeta {
  const last = key.split(".").pop() ?? key;
  return PROPERTY_META[last] ?? { label: humanize(last) };
}

/** A numeric property value rounded by its metadata (or compactly when unknown). */
export function formatProperty(key: string, value: number): string {
  const meta = propertyMeta(key);
  return meta.decimals === undefined ? compact(value) : fixed(value, meta.decimals);
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** An ISO timestamp as a readable UTC date and time; unparseable input is returned as is. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A file size in bytes, kB or MB (1 kB = 1000 bytes): 512 → "512 bytes", 48213 → "48.2 kB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Capitalizes the first letter: "physicochemical" → "Physicochemical". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
