/**
 * The headline lines of a stored result ("purity 99.52 % (area) · peaks 5"), the first `max` of them:
 * the analysis page has the rest.
 */
export function ResultSummary({ lines, max = 3 }: { lines: readonly [string, string][]; max?: number }) {
  return (
    <span className="analysis-summary" data-testid="analysis-summary">
      {lines.slice(0, max).map(([label, value]) => (
        <span key={label}>
          <span className="muted">{label}</span> {value}
        </span>
      ))}
      {lines.length > max && <span className="muted">…</span>}
    </span>
  );
}
