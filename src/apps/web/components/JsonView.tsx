export interface JsonViewProps {
  value: unknown;
  summary: string;
  open?: boolean;
  testId?: string;
}

/** Collapsible, pretty-printed JSON (provenance envelopes, raw results, audit diffs). */
export function JsonView({ value, summary, open = false, testId }: JsonViewProps) {
  return (
    <details className="json-view" open={open} data-testid={testId}>
      <summary>{summary}</summary>
      <pre>
        <code>{JSON.stringify(value, null, 2) ?? "undefined"}</code>
      </pre>
    </details>
  );
}
