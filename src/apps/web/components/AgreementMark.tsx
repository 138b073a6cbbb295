export interface AgreementMarkProps {
  agrees: boolean | undefined;
  note?: string;
}

/** ✓ the computed value agrees with the guide, ✗ it differs (with the reason), — not computable. */
export function AgreementMark({ agrees, note }: AgreementMarkProps) {
  if (agrees === true) {
    const label = note ? `Agrees with the guide value: ${note}` : "Agrees with the guide value";
    return (
      <span className="mark mark--agrees" role="img" aria-label={label} title={label}>
        ✓
      </span>
    );
  }
  if (agrees === false) {
    const label = note ? `Differs from the guide value: ${note}` : "Differs from the guide value";
    return (
      <span className="mark mark--differs" role="img" aria-label={label} title={label}>
        ✗
      </span>
    );
  }
  const label = note ? `Not computable: ${note}` : "Not computable from the structure";
  return (
    <span className="mark mark--none" role="img" aria-label={label} title={label}>
      —
    </span>
  );
}
