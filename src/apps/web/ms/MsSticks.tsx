import { layoutSticks } from "./types.js";

export interface MsSticksProps {
  /** Sticks drawn upward (observed, or the theoretical pattern alone). */
  up: { mz: number; value: number }[];
  /** Sticks drawn downward (theoretical, in a mirrored plot). */
  down?: { mz: number; value: number }[];
  label: string;
  testId?: string;
}

const WIDTH = 600;
const HALF = 110;

/** An inline stick plot of isotope patterns; mirrored when `down` is given. */
export function MsSticks({ up, down = [], label, testId }: MsSticksProps) {
  if (up.length + down.length === 0) return <p className="empty">No peaks to draw.</p>;
  const layout = layoutSticks(up, down, WIDTH);
  const mirrored = down.length > 0;
  const base = mirrored ? HALF + 10 : HALF + 10;
  const height = mirrored ? 2 * HALF + 40 : HALF + 40;
  return (
    <svg
      className="ms-sticks"
      viewBox={`-10 0 ${WIDTH + 20} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <line x1={0} x2={WIDTH} y1={base} y2={base} className="ms-sticks__axis" />
      {layout.ticks.map((t) => (
        <text key={t.label} x={t.x} y={height - 4} textAnchor="middle" className="ms-sticks__tick">
          {t.label}
        </text>
      ))}
      {layout.up.map((s) => (
        <line
          key={`u${s.x}`}
          x1={s.x}
          x2={s.x}
          y1={base}
          y2={base - s.h * HALF}
          className={mirrored ? "ms-sticks__observed" : "ms-sticks__theoretical"}
        >
          <title>{s.title}</title>
        </line>
      ))}
      {layout.down.map((s) => (
        <line
          key={`d${s.x}`}
          x1={s.x}
          x2={s.x}
          y1={base}
          y2={base + s.h * HALF}
          className="ms-sticks__theoretical"
        >
          <title>{s.title}</title>
        </line>
      ))}
    </svg>
  );
}
