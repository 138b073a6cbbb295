import { renderPdf } from "../shared/renderPdf.js";

/** The formats a generated document is served in. */
export type DocumentFormat = "html" | "pdf";

/**
 * Serves a generated HTML document as a page, or its PDF print (headless Chromium) as a download.
 * @param baseName file name without extension; characters outside [A-Za-z0-9._-] become "_".
 */
export async function documentResponse(
  html: string,
  format: DocumentFormat,
  baseName: string,
): Promise<Response> {
  const name = baseName.replace(/[^A-Za-z0-9._-]/g, "_");
  if (format === "html") {
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-disposition": `inline; filename="${name}.html"`,
      },
    });
  }
  const pdf = await renderPdf(html);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}.pdf"`,
    },
  });
}
