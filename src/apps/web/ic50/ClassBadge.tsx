import { classLabel } from "./ic50Format.js";

/** A curve's class as a small coloured label: active, inactive, insufficient data, fit failed. */
export function ClassBadge({ curveClass }: { curveClass: string }) {
  return (
    <span className={`curve-class curve-class--${curveClass.replace(/[^a-z]+/gi, "-")}`} data-testid="class">
      {classLabel(curveClass)}
    </span>
  );
}
