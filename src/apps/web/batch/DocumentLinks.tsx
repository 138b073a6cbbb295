import { synthesisApi } from "../synthesis/synthesisApi.js";

/** Links to a batch's certificate of analysis as HTML (new tab) and PDF (download). */
export function DocumentLinks({ batchId }: { batchId: string }) {
  return (
    <p className="document-links" data-testid="documents">
      Certificate of analysis:{" "}
      <a href={synthesisApi.coaUrl(batchId, "html")} target="_blank" rel="noreferrer">
        HTML
      </a>{" "}
      ·{" "}
      <a href={synthesisApi.coaUrl(batchId, "pdf")} download>
        PDF
      </a>
    </p>
  );
}
