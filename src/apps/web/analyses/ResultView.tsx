import { JsonView } from "../components/JsonView.js";
import { PropertyTable } from "../components/PropertyTable.js";
import { isTabular, resultRows } from "./resultRows.js";

/** An analysis result: a property table for flat objects (chem.props), JSON for anything else. */
export function ResultView({ result, testId = "result" }: { result: unknown; testId?: string }) {
  if (isTabular(result)) return <PropertyTable rows={resultRows(result)} testId={testId} />;
  return <JsonView value={result} summary="Result" open testId={testId} />;
}
