import { escapeXml } from "../core/plot/index.js";

/** A self-contained HTML document: inline CSS, no scripts, no external resources. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a202c;margin:2rem auto;max-width:1200px;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #e2e8f0;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e2e8f0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f7fafc;font-weight:600}td.num{text-align:right}
.bad{color:#c53030;font-weight:600}.muted{color:#718096}.grid{display:flex;flex-wrap:wrap;gap:.75rem}
.grid figure{margin:0;border:1px solid #e2e8f0;border-radius:6px;padding:.25rem}
figcaption{font-size:12px;color:#4a5568;padding:.25rem}
code{font-size:12px;background:#f7fafc;padding:0 .2rem}code.smiles{word-break:break-all}
figure svg{max-width:100%;height:auto}
@media print{.grid figure{break-inside:avoid}}
</style></head><body>
${body}
</body></html>
`;
}

/** A table from a header and rows of already-escaped or plain cells. */
export function htmlTable(
  header: string[],
  rows: (string | number | null | undefined)[][],
  numeric: boolean[] = [],
): string {
  const head = header.map((h) => `<th>${escapeXml(h)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map(
            (cell, i) =>
              `<td${numeric[i] ? ' class="num"' : ""}>${cell === null || cell === undefined ? '<span class="muted">—</span>' : String(cell)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
