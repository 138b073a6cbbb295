import { formulaParts } from "../format.js";

export interface FormulaProps {
  formula: string;
  testId?: string;
}

/** A molecular formula with subscript counts; its text content stays the plain formula ("C2H6O"). */
export function Formula({ formula, testId }: FormulaProps) {
  return (
    <span className="formula" data-testid={testId}>
      {formulaParts(formula).map((part, index) =>
        part.sub ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string never reorder
          <sub key={index}>{part.text}</sub>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
