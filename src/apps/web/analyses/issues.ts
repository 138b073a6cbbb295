/** Server validation issues by form control: `inputs.<name>` at a file picker, others at a parameter. */
import type { ApiIssue } from "../api.js";

const INPUT_ISSUE = /^inputs[.[/]/;
const SEPARATORS = /[.[\]/]/;

function addIssue(byName: Record<string, string>, name: string, message: string) {
  byName[name] = byName[name] ? `${byName[name]}; ${message}` : message;
}

/**
 * Messages of parameter issues by field name (the last segment of the path, e.g. `parameters.smiles` →
 * smiles), joined with "; ". Input issues and paths naming no field are left to the error box.
 */
export function issuesByField(issues: ApiIssue[], names: Set<string>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    if (INPUT_ISSUE.test(issue.path)) continue;
    const name = issue.path.split(SEPARATORS).filter(Boolean).pop() ?? "";
    if (names.has(name)) addIssue(byField, name, issue.message);
  }
  return byField;
}

/** Messages of input-file issues (`inputs.<name>…`) by input name, joined with "; ". */
export function issuesByInput(issues: ApiIssue[], names: Set<string>): Record<string, string> {
  const byInput: Record<string, string> = {};
  for (const issue of issues) {
    if (!INPUT_ISSUE.test(issue.path)) continue;
    const name = issue.path.split(SEPARATORS).filter(Boolean)[1] ?? "";
    if (names.has(name)) addIssue(byInput, name, issue.message);
  }
  return byInput;
}
