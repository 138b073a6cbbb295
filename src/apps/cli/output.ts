import { stderr, stdout } from "node:process";

/** Writes one JSON document (or one JSON line with `compact`) to stdout. */
export function printJson(value: unknown, compact = false): void {
  stdout.write(`${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`);
}

/** Writes text to stdout, ending it with a newline. */
export function printText(text: string): void {
  stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Formats rows as an aligned plain-text table with a header line. */
export function formatTable(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "—" : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(cells[0] ?? []), line(widths.map((w) => "─".repeat(w))), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

/**
 * A progress bar on stderr, drawn only when stderr is a terminal (so pipes and CI logs stay clean),
 * at most ten times a second.
 */
export function progressBar(label: string) {
  const enabled = Boolean(stderr.isTTY);
  let last = 0;
  return {
    update(done: number, total: number, count: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(fraction * width);
      stderr.write(
        `\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${count}`,
      );
    },
    finish() {
      if (enabled) stderr.write("\n");
    },
  };
}

/** Rounds for human-readable output only; JSON output is never rounded. */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
