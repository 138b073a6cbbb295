import { escapeXml, px } from "../core/plot/index.js";
import type { CheckedRoute } from "../core/synthesis/index.js";

/** A box of a flow diagram: centre, size, text lines (first bold) and a fill. */
interface Node {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  fill?: string;
}

/** An arrow between two boxes, optionally labelled, optionally an inhibition (flat head). */
interface Edge {
  from: string;
  to: string;
  label?: string;
  inhibits?: boolean;
  dashed?: boolean;
}

/** Draws boxes and arrows (clipped to the box outlines) as one standalone SVG document. */
function flowDiagram(title: string, width: number, height: number, nodes: Node[], edges: Edge[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxes = nodes
    .map((n) => {
      const x0 = n.x - n.w / 2;
      const y0 = n.y - n.h / 2;
      const lineH = 14;
      const first = n.y - ((n.lines.length - 1) * lineH) / 2;
      const text = n.lines
        .map(
          (l, i) =>
            `<text x="${px(n.x)}" y="${px(first + i * lineH)}" dy="0.35em" text-anchor="middle"${i === 0 ? ' font-weight="600"' : ' font-size="11" fill="#4a5568"'}>${escapeXml(l)}</text>`,
        )
        .join("");
      return `<g class="node" data-id="${escapeXml(n.id)}"><rect x="${px(x0)}" y="${px(y0)}" width="${px(n.w)}" height="${px(n.h)}" rx="8" fill="${n.fill ?? "#edf2f7"}" stroke="#4a5568"/>${text}</g>`;
    })
    .join("");
  const arrows = edges
    .map((e) => {
      const a = byId.get(e.from);
      const b = byId.get(e.to);
      if (!a || !b) throw new Error(`diagram ${title}: edge ${e.from} → ${e.to} names an unknown box`);
      const [x1, y1] = clip(a, b.x, b.y);
      const [x2, y2] = clip(b, a.x, a.y);
      const label = e.label
        ? `<text x="${px((x1 + x2) / 2 + 6)}" y="${px((y1 + y2) / 2)}" font-size="10" fill="#2d3748">${escapeXml(e.label)}</text>`
        : "";
      return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${e.inhibits ? "#c53030" : "#2d3748"}" stroke-width="1.6"${e.dashed ? ' stroke-dasharray="5 4"' : ""} marker-end="url(#${e.inhibits ? "bar" : "arrow"})"/>${label}`;
    })
    .join("");
  const defs =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#2d3748"/></marker>' +
    '<marker id="bar" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="10" markerHeight="10" orient="auto"><path d="M8 0V10" stroke="#c53030" stroke-width="3"/></marker></defs>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" font-family="system-ui, sans-serif" font-size="12"><title>${escapeXml(title)}</title>${defs}${arrows}${boxes}</svg>`;
}

/** The point where the segment from the box centre towards (tx, ty) leaves the box. */
function clip(n: Node, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const s = Math.min(
    dx === 0 ? Infinity : n.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : n.h / 2 / Math.abs(dy),
  );
  return [n.x + dx * s, n.y + dy * s];
}

/**
 * The mechanism of action as the guide describes it: the prodrug hydrolyses to ixazomib, which inhibits
 * the β5 (chymotrypsin-like) site of the 20S proteasome in the ubiquitin–proteasome system; misfolded and
 * ubiquitinated proteins accumulate, ER stress triggers the unfolded protein response, and caspase-8
 * (extrinsic, via DR5/CHOP) and caspase-9 (intrinsic) converge on caspase-3 and apoptosis; IκB is spared,
 * so NF-κB signalling falls.
 */
export function mechanismDiagram(): string {
  const W = 760;
  const col = W / 2;
  const nodes: Node[] = [
    {
      id: "prodrug",
      x: col,
      y: 34,
      w: 340,
      h: 44,
      lines: ["Ixazomib citrate (oral prodrug)", "hydrolysed in plasma: + 2 H₂O → ixazomib + citric acid"],
      fill: "#ebf8ff",
    },
    {
      id: "ups",
      x: 170,
      y: 120,
      w: 290,
      h: 56,
      lines: [
        "Ubiquitin–proteasome system",
        "E1/E2/E3 tag proteins with ubiquitin;",
        "26S proteasome degrades them",
      ],
    },
    {
      id: "beta5",
      x: 560,
      y: 120,
      w: 300,
      h: 56,
      lines: [
        "20S proteasome β5 subunit",
        "chymotrypsin-like site (PSMB5);",
        "reversible boronate adduct with Thr1",
      ],
      fill: "#fed7d7",
    },
    {
      id: "accumulate",
      x: col,
      y: 212,
      w: 380,
      h: 44,
      lines: [
        "Accumulation of polyubiquitinated, misfolded proteins",
        "IκB not degraded → NF-κB signalling falls",
      ],
    },
    {
      id: "upr",
      x: col,
      y: 292,
      w: 380,
      h: 44,
      lines: ["ER stress / unfolded protein response", "PERK–eIF2α–ATF4 → CHOP; IRE1, ATF6"],
      fill: "#fefcbf",
    },
    {
      id: "casp8",
      x: 200,
      y: 380,
      w: 250,
      h: 44,
      lines: ["Caspase-8 (extrinsic)", "CHOP → DR5 up-regulation"],
    },
    {
      id: "casp9",
      x: 560,
      y: 380,
      w: 250,
      h: 44,
      lines: ["Caspase-9 (intrinsic)", "mitochondria, cytochrome c"],
    },
    { id: "casp3", x: col, y: 462, w: 250, h: 40, lines: ["Caspase-3 (executioner)", "PARP cleavage"] },
    {
      id: "apoptosis",
      x: col,
      y: 534,
      w: 250,
      h: 40,
      lines: ["Apoptosis of myeloma cells", "Annexin V+ (see flow assay)"],
      fill: "#c6f6d5",
    },
  ];
  const edges: Edge[] = [
    { from: "prodrug", to: "beta5", label: "ixazomib" },
    { from: "beta5", to: "ups", inhibits: true, label: "inhibits degradation" },
    { from: "ups", to: "accumulate", dashed: true },
    { from: "accumulate", to: "upr" },
    { from: "upr", to: "casp8" },
    { from: "upr", to: "casp9" },
    { from: "casp8", to: "casp3" },
    { from: "casp9", to: "casp3" },
    { from: "casp3", to: "apoptosis" },
  ];
  return flowDiagram(
    "Mechanism of action: ubiquitin–proteasome → β5 inhibition → UPR → caspases → apoptosis",
    W,
    570,
    nodes,
    edges,
  );
}

/** The synthesis workflow of a route: one box per step (name, conditions, yield) and the materials between. */
export function synthesisWorkflowDiagram(route: CheckedRoute): string {
  const stepW = 200;
  const gap = 46;
  const W = route.steps.length * (stepW + gap) + gap;
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  for (const [i, step] of route.steps.entries()) {
    const x = gap + stepW / 2 + i * (stepW + gap);
    const t = step.conditions.temperature_C;
    const temp = Array.isArray(t) ? `${t[0]}–${t[1]} °C` : `${t} °C`;
    const reagents = step.inputs
      .filter((inp) => inp.role === "reagent" || inp.role === "catalyst")
      .map((inp) => shorten(inp.name));
    nodes.push({
      id: `step${step.index}`,
      x,
      y: 60,
      w: stepW,
      h: 84,
      lines: [
        `Step ${step.index}`,
        ...wrap(step.name, 30).slice(0, 2),
        `${temp}, ${step.conditions.solvent ?? ""}`,
        `expected ${step.expectedYieldPct} %`,
      ],
      fill: "#ebf8ff",
    });
    nodes.push({
      id: `reagents${step.index}`,
      x,
      y: 168,
      w: stepW,
      h: 18 + 14 * Math.min(reagents.length, 3),
      lines: [`+ ${reagents[0] ?? "—"}`, ...reagents.slice(1, 3).map((r) => `+ ${r}`)],
      fill: "#fffaf0",
    });
    nodes.push({
      id: `product${step.index}`,
      x,
      y: 262,
      w: stepW,
      h: 52,
      lines: [
        ...wrap(step.product.name, 30).slice(0, 2),
        `${step.product.formula}, ${step.product.molarMass_g_mol.toFixed(2)} g/mol`,
      ],
      fill: i === route.steps.length - 1 ? "#c6f6d5" : "#edf2f7",
    });
    edges.push({ from: `reagents${step.index}`, to: `step${step.index}` });
    edges.push({
      from: `step${step.index}`,
      to: `product${step.index}`,
      label: step.coProducts.length
        ? `− ${[...new Set(step.coProducts.map((c) => c.formula))].join(", ")}`
        : undefined,
    });
    if (i > 0) edges.push({ from: `product${route.steps[i - 1]!.index}`, to: `step${step.index}` });
  }
  return flowDiagram(`Synthesis workflow: ${route.title}`, W, 300, nodes, edges);
}

/** The characterization and release workflow: analyses of a batch → specification → signed release → CoA. */
export function characterizationWorkflowDiagram(): string {
  const nodes: Node[] = [
    {
      id: "batch",
      x: 90,
      y: 150,
      w: 150,
      h: 48,
      lines: ["Crystallised batch", "ixazomib citrate"],
      fill: "#c6f6d5",
    },
    { id: "hplc", x: 300, y: 40, w: 210, h: 44, lines: ["RP-HPLC, C18, 274 nm", "purity, impurities"] },
    { id: "nmr", x: 300, y: 113, w: 210, h: 44, lines: ["¹H / ¹³C NMR", "structure conforms"] },
    { id: "ms", x: 300, y: 186, w: 210, h: 44, lines: ["HRMS", "[M+H]+ ≤ 5 ppm, isotopes"] },
    { id: "xrpd", x: 300, y: 259, w: 210, h: 44, lines: ["XRPD", "crystalline form"] },
    {
      id: "spec",
      x: 530,
      y: 150,
      w: 170,
      h: 56,
      lines: ["Specification", "value, limit, pass/fail", "per test"],
      fill: "#fefcbf",
    },
    {
      id: "sign",
      x: 715,
      y: 150,
      w: 150,
      h: 56,
      lines: ["QA decision", "electronic signature", "(re-authenticated)"],
      fill: "#fed7d7",
    },
    { id: "coa", x: 880, y: 150, w: 130, h: 48, lines: ["Certificate", "of analysis"], fill: "#ebf8ff" },
  ];
  const edges: Edge[] = [
    ...["hplc", "nmr", "ms", "xrpd"].flatMap((id) => [
      { from: "batch", to: id },
      { from: id, to: "spec" },
    ]),
    { from: "spec", to: "sign" },
    { from: "sign", to: "coa" },
  ];
  return flowDiagram("Characterization and release workflow", 960, 300, nodes, edges);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function shorten(name: string): string {
  // A 200-px box holds ~27 characters of 12-px bold text.
  return name.length > 26 ? `${name.slice(0, 25)}…` : name;
}
