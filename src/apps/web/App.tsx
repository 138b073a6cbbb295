import { BatchesPage } from "./batch/BatchesPage.js";
import { BatchPage } from "./batch/BatchPage.js";
import { ReleasePage } from "./batch/ReleasePage.js";
import { Footer } from "./components/Footer.js";
import { Header } from "./components/Header.js";
import { AnalysesPage } from "./pages/AnalysesPage.js";
import { AnalysisPage } from "./pages/AnalysisPage.js";
import { AuditPage } from "./pages/AuditPage.js";
import { ComparePage } from "./pages/ComparePage.js";
import { CompoundPage } from "./pages/CompoundPage.js";
import { CompoundsPage } from "./pages/CompoundsPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { PkPage } from "./pages/PkPage.js";
import type { Route } from "./router.js";
import { matchRoute, useLocation } from "./router.js";
import { PlanPage } from "./synthesis/PlanPage.js";
import { RoutePage } from "./synthesis/RoutePage.js";
import { RoutesPage } from "./synthesis/RoutesPage.js";

function page(route: Route) {
  switch (route.name) {
    case "compounds":
      return <CompoundsPage />;
    case "compound":
      return <CompoundPage key={route.id} id={route.id} />;
    case "compare":
      return <ComparePage ids={route.ids} />;
    case "analyses":
      return <AnalysesPage kindId={route.kind} />;
    case "analysis":
      return <AnalysisPage key={route.id} id={route.id} />;
    case "audit":
      return <AuditPage />;
    case "pk":
      return <PkPage />;
    case "synthesisRoutes":
      return <RoutesPage />;
    case "synthesisRoute":
      return <RoutePage key={route.id} id={route.id} />;
    case "synthesisPlan":
      return <PlanPage key={route.id} id={route.id} />;
    case "batches":
      return <BatchesPage />;
    case "batch":
      return <BatchPage key={route.id} id={route.id} />;
    case "batchRelease":
      return <ReleasePage key={route.id} id={route.id} />;
    case "notFound":
      return <NotFoundPage path={route.path} />;
  }
}

/** The whole app: header navigation, the page for the current path, backend status in the footer. */
export function App() {
  const route = matchRoute(useLocation());
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header route={route} />
      <main id="main" className="main">
        {page(route)}
      </main>
      <Footer />
    </div>
  );
}
