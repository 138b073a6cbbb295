/** A generated document as HTML (opens in a new tab) and as PDF (downloads), after its label. */
export function DocumentLinks({
  label,
  url,
  testId,
}: {
  label: string;
  url: (format: "html" | "pdf") => string;
  testId: string;
}) {
  return (
    <p className="document-links" data-testid={testId}>
      {label}:{" "}
      <a href={url("html")} target="_blank" rel="noreferrer">
        HTML
      </a>{" "}
      ·{" "}
      <a href={url("pdf")} download>
        PDF
      </a>
    </p>
  );
}
