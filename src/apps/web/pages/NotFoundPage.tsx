import { Link } from "../components/Link.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";

/** Any path the app does not know. */
export function NotFoundPage({ path }: { path: string }) {
  useDocumentTitle("Not found");
  return (
    <div className="page-head">
      <h1>Page not found</h1>
      <p className="page-head__lead">
        There is no page at <code>{path}</code>. Go to the <Link to={paths.compounds()}>compounds</Link>.
      </p>
    </div>
  );
}
