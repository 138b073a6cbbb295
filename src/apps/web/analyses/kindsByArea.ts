import type { Kind } from "../api.js";

/** The lab's areas, by a kind id's first word; a kind of an area not listed here is shown under its word. */
const AREA_TITLES: Record<string, string> = {
  chem: "Chemistry",
  ic50: "Proteasome assay",
  pk: "Pharmacokinetics",
  flow: "Flow cytometry",
  hplc: "HPLC",
  ms: "Mass spectrometry",
  nmr: "NMR",
  xrpd: "XRPD",
};

/** Kinds grouped by area, areas in the order their first kind comes in the server's list. */
export function kindsByArea(kinds: readonly Kind[]): { area: string; title: string; kinds: Kind[] }[] {
  const groups = new Map<string, Kind[]>();
  for (const kind of kinds) {
    const area = kind.id.split(".")[0]!;
    const group = groups.get(area);
    if (group) group.push(kind);
    else groups.set(area, [kind]);
  }
  return [...groups].map(([area, list]) => ({ area, title: AREA_TITLES[area] ?? area, kinds: list }));
}
