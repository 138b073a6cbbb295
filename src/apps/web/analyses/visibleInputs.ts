import type { InputSpec } from "../api.js";

/**
 * The file pickers to show: a numbered series of optional inputs (`injection3`, `fcs12`…) opens one at a
 * time, the next appearing once the one before holds a file, so that a kind taking up to 48 files does not
 * show 48 empty pickers. Other inputs are always shown.
 */
export function visibleInputs(
  inputs: readonly InputSpec[],
  chosen: Readonly<Record<string, unknown>>,
): InputSpec[] {
  return inputs.filter((spec) => {
    if (spec.required || chosen[spec.name] !== undefined) return true;
    const numbered = /^(.*?)(\d+)$/.exec(spec.name);
    if (!numbered || Number(numbered[2]) <= 1) return true;
    const previous = `${numbered[1]}${Number(numbered[2]) - 1}`;
    if (!inputs.some((i) => i.name === previous)) return true;
    return chosen[previous] !== undefined;
  });
}
