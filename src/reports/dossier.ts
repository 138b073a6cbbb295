import type { CompoundDescription } from "../catalog/index.js";
import {
  dispositionSummary,
  findPeak,
  findPkModel,
  regimenEvents,
  resolveParameters,
} from "../core/pk/index.js";
import { escapeXml } from "../core/plot/index.js";
import { type CheckedRoute, coProductText } from "../core/synthesis/index.js";
import { characterizationWorkflowDiagram, mechanismDiagram, synthesisWorkflowDiagram } from "./diagrams.js";
import { htmlPage, htmlTable } from "./htmlPage.js";

/** One row of the dossier's PK table: the model's value beside the guide's. */
export interface PkTableRow {
  property: string;
  computed: number | null;
  unit: string;
  method: string;
  reference: number | string | null;
  referenceSource: string | null;
}

/** A stored analysis summarised for the dossier's results section. */
export interface AssaySummary {
  id: string;
  kind: string;
  createdAt: string;
  batchId: string | null;
  rows: [string, string][];
}

/** What the compound dossier is made of: all from Ixalab's own data. */
export interface DossierInput {
  compound: CompoundDescription;
  depictionSvg: string;
  route: CheckedRoute;
  pk: PkTableRow[];
  assays: AssaySummary[];
  /** The batch whose tests the assay section shows, or null when no batch is released (latest of any). */
  releasedBatch: ReleasedBatch | null;
  generatedAt: string;
  ixalabVersion: string;
}

/** A released batch of the compound, with its signature. */
export interface ReleasedBatch {
  batchId: string;
  signedBy: string;
  signedAt: string;
}

/** Model and regimen of the dossier's PK table: the Gupta 2017 typical subject after one 4 mg dose. */
export const DOSSIER_PK = { model: "ixazomib-gupta2017", doseMg: 4 } as const;

/**
 * The PK table from the population model (typical subject, single 4 mg dose): F, Tmax (true peak), Vss and
 * the terminal half-life from the disposition eigenvalues, beside the guide's values from the catalog.
 */
export function dossierPkTable(compound: CompoundDescription): PkTableRow[] {
  const model = findPkModel(DOSSIER_PK.model);
  const params = resolveParameters(model, {});
  const events = regimenEvents({ doseMg: DOSSIER_PK.doseMg, days: [1], cycleDays: 28, cycles: 1 });
  const peak = findPeak(model, params, events, 0, 168);
  const disposition = dispositionSummary(model, params);
  const ref = (needle: RegExp) =>
    compound.reference.find((r) => r.table === "pharmacokinetic" && needle.test(r.property));
  const method = `${model.id}, typical subject, ${DOSSIER_PK.doseMg} mg single dose`;
  const row = (
    property: string,
    computed: number | null,
    unit: string,
    how: string,
    needle: RegExp,
  ): PkTableRow => {
    const r = ref(needle);
    return {
      property,
      computed,
      unit,
      method: how,
      reference: r?.value ?? null,
      referenceSource: r?.source ?? null,
    };
  };
  return [
    row(
      "Bioavailability (F)",
      (params.F ?? Number.NaN) * 100,
      "%",
      `${model.id} parameter F`,
      /bioavailability/i,
    ),
    row("Tmax", peak.tmax_h, "h", `${method}: root of dC/dt = 0`, /tmax/i),
    row("Cmax", peak.cmax, "ng/mL", method, /cmax/i),
    row("Vss", disposition.vss_L, "L", `${model.id}: V2 + V3 + V4`, /steady state/i),
    row("Terminal half-life", disposition.terminalHalfLife_h / 24, "d", `${model.id}: ln 2/|λmin|`, /half/i),
    row("Protein binding", null, "%", "not a model output", /protein binding/i),
  ];
}

/** The compound dossier: the guide's content regenerated from the catalog, the route, the PK model and the store. */
export function dossierHtml(d: DossierInput): string {
  const e = (s: unknown) => escapeXml(String(s ?? "—"));
  const c = d.compound;
  const mw = c.conventionalAverageMass?.value;
  const identity = htmlTable(
    ["field", "value"],
    [
      ["Name", `<strong>${e(c.name)}</strong>`],
      ["Synonyms", e(c.synonyms.join("; "))],
      ["CAS", e(c.cas)],
      ["PubChem CID", e(c.pubchemCid)],
      ["Molecular formula", `<span data-testid="formula">${e(c.computed.formula)}</span>`],
      [
        "Molecular weight",
        `<span data-testid="mw">${mw === undefined ? "—" : mw.toFixed(2)}</span> g/mol (${e(c.conventionalAverageMass?.method)})`,
      ],
      ["Monoisotopic mass", `${c.computed.monoisotopicMass.toFixed(6)} u`],
      ["SMILES", `<code class="smiles">${e(c.smiles)}</code>`],
      ["InChIKey", `<code>${e(c.computed.inchiKey)}</code>`],
      ["Identity source", e(c.identitySource)],
    ],
  );
  const properties = htmlTable(
    ["property", "reference", "source", "computed (method)", "agreement"],
    c.reference
      .filter((r) => r.table === "physicochemical")
      .map((r) => [
        e(r.property),
        `${e(r.value)}${r.unit ? ` ${e(r.unit)}` : ""}${r.note ? `<br><span class="muted">${e(r.note)}</span>` : ""}`,
        e(r.source),
        r.computed === undefined
          ? '<span class="muted">not computed</span>'
          : `${e(typeof r.computed === "number" ? round(r.computed) : r.computed)} <span class="muted">(${e(r.computedMethod)})</span>`,
        r.agrees === undefined ? "—" : r.agrees ? "agrees" : '<span class="bad">differs</span>',
      ]),
  );
  const pk = htmlTable(
    ["parameter", "model", "unit", "guide", "guide source", "how computed"],
    d.pk.map((p) => [
      e(p.property),
      p.computed === null ? "—" : e(round(p.computed)),
      e(p.unit),
      e(p.reference),
      e(p.referenceSource),
      `<span class="muted">${e(p.method)}</span>`,
    ]),
    [false, true, false, true],
  );
  const steps = htmlTable(
    ["step", "reaction", "balanced", "released", "expected yield", "assumptions"],
    d.route.steps.map((s) => [
      `${s.index}. ${e(s.name)}`,
      `<code class="smiles">${e(s.reactionSmiles)}</code>`,
      s.balanced ? "yes" : '<span class="bad">no</span>',
      s.released.accounted
        ? e(coProductText(s.coProducts))
        : `${e(s.released.formula)} <span class="bad">(not accounted for by ${e(coProductText(s.coProducts) || "any co-product")})</span>`,
      `${s.expectedYieldPct} %`,
      s.assumptions.map((a) => `${e(a.text)} <span class="muted">[${e(a.source)}]</span>`).join("<br>"),
    ]),
  );
  const r = d.releasedBatch;
  const assaySource = r
    ? `<p class="muted" id="assay-source">Batch tests (HPLC, HRMS, NMR, XRPD) are those of ${e(r.batchId)}, the most recently released batch (signed by ${e(r.signedBy)}, ${e(r.signedAt)}), where it has them; the rest are the latest stored.</p>`
    : '<p class="muted" id="assay-source">No batch of this compound has been released: each result is the latest stored, of any batch.</p>';
  const assays = d.assays.length
    ? d.assays
        .map(
          (a) =>
            `<h3>${e(a.kind)} <span class="muted">— analysis ${e(a.id.slice(0, 8))}, ${e(a.createdAt)}${a.batchId ? `, batch ${e(a.batchId)}` : ""}</span></h3>${htmlTable(
              ["quantity", "value"],
              a.rows.map(([k, v]) => [e(k), e(v)]),
            )}`,
        )
        .join("\n")
    : '<p class="muted">No analyses stored yet: run and save them (e.g. <code>ixalab ic50 run … --save</code>) to see them here.</p>';
  const body = `<h1>${e(c.name)} — compound dossier</h1>
<p class="muted">Regenerated by Ixalab ${e(d.ixalabVersion)} at ${e(d.generatedAt)} from its catalog, synthesis route, PK model and stored analyses.</p>
<h2>Identity and structure</h2>
<div class="grid"><figure id="structure">${d.depictionSvg}<figcaption>${e(c.name)} (RDKit depiction)</figcaption></figure><div style="flex:1">${identity}</div></div>
<h2>Physicochemical properties</h2>${properties}
<h2 id="pk">Pharmacokinetics</h2>${pk}
<h2>Mechanism of action</h2><figure id="mechanism">${mechanismDiagram()}</figure>
<h2>Synthesis</h2><figure id="synthesis-workflow">${synthesisWorkflowDiagram(d.route)}</figure>${steps}
<h2>Characterization</h2><figure id="characterization-workflow">${characterizationWorkflowDiagram()}</figure>
<h2>Latest assay results</h2>${assaySource}${assays}`;
  return htmlPage(`${c.name} — compound dossier`, body);
}

function round(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
