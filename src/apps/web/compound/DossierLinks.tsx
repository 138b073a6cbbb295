import { DocumentLinks } from "../components/DocumentLinks.js";
import { synthesisApi } from "../synthesis/synthesisApi.js";
import { useFetch } from "../useFetch.js";

/** The compound dossier's links, for a compound a shipped synthesis route makes (the dossier needs one). */
export function DossierLinks({ compoundId }: { compoundId: string }) {
  const routes = useFetch("synthesis-routes", (signal) => synthesisApi.routes(signal));
  if (routes.status !== "ok" || !routes.data.some((r) => r.target === compoundId)) return null;
  return (
    <DocumentLinks
      label="Compound dossier"
      url={(format) => synthesisApi.dossierUrl(compoundId, format)}
      testId="dossier-links"
    />
  );
}
