import type { SpecificationEvaluation } from "../synthesis/synthesisApi.js";

type Status = SpecificationEvaluation["tests"][number]["status"] | SpecificationEvaluation["outcome"];

const LABEL: Record<Status, string> = {
  pass: "pass",
  fail: "fail",
  "not tested": "not tested",
  invalid: "invalid",
  incomplete: "incomplete",
};

/** A verdict of a specification line or of the whole specification, green only for a pass. */
export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <span
      className={status === "pass" ? "badge badge--ok" : "badge badge--bad"}
      data-testid={testId}
      data-status={status}
    >
      {LABEL[status]}
    </span>
  );
}
