import type { ReactNode } from "react";
import type { LatestDecision } from "../../../store/index.js";
import { Link } from "../components/Link.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";

/** A batch's newest signed decision as a badge linking to its release view, or `undecided` when none. */
export function DecisionBadge({
  batchId,
  decision,
  undecided,
}: {
  batchId: string;
  decision: LatestDecision | null;
  undecided: ReactNode;
}) {
  if (!decision) return <>{undecided}</>;
  return (
    <Link
      to={paths.batchRelease(batchId)}
      className={decision.decision === "released" ? "badge badge--ok" : "badge badge--bad"}
      title={`signed by ${decision.userName}, ${formatDateTime(decision.signedAt)}`}
    >
      {decision.decision}
    </Link>
  );
}
