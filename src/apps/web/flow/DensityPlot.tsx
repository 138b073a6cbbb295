import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from "react";
import { pseudocolourPalette } from "../../../reports/pseudocolour.js";
import { densityPixels, formatThreshold, positionOf, valueAt } from "./flowMath.js";
import type { DensityJson, PopulationKey, Populations } from "./types.js";

// The same frame as the server's density.svg, so both read alike.
const WIDTH = 504;
const HEIGHT = 498;
const X0 = 64;
const X1 = 484;
const Y_TOP = 30;
const Y_BOTTOM = 450;

export interface DensityPlotProps {
  density: DensityJson;
  /** [Annexin V, PI] thresholds, compensated scale units. */
  thresholds: [number, number];
  onThresholds: (thresholds: [number, number]) => void;
  populations: Populations;
  /** Percentages estimated from the histogram (shown with ≈) rather than counted exactly. */
  approximate: boolean;
}

type Axis = "annexin" | "pi";

function imageUrl(density: DensityJson): string {
  const canvas = document.createElement("canvas");
  canvas.width = density.bins;
  canvas.height = density.bins;
  const context = canvas.getContext("2d");
  if (!context) return "";
  context.putImageData(
    new ImageData(densityPixels(density, pseudocolourPalette()), density.bins, density.bins),
    0,
    0,
  );
  return canvas.toDataURL("image/png");
}

const CORNERS: { key: PopulationKey; label: string; left: boolean; top: boolean }[] = [
  { key: "necrotic", label: "necrotic", left: true, top: true },
  { key: "lateApoptotic", label: "late apoptotic", left: false, top: true },
  { key: "live", label: "live", left: true, top: false },
  { key: "earlyApoptotic", label: "early apoptotic", left: false, top: false },
];

/**
 * The Annexin V × PI density drawn from the server's 2-D histogram, with two quadrant lines to drag
 * (pointer) or move with the arrow keys (one bin, ten with Shift), and the four percentages in the corners.
 */
export function DensityPlot({
  density,
  thresholds,
  onThresholds,
  populations,
  approximate,
}: DensityPlotProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<Axis | null>(null);
  const href = useMemo(() => imageUrl(density), [density]);
  const [ta, tp] = thresholds;
  const qx = X0 + positionOf(density.x.edges, ta) * (X1 - X0);
  const qy = Y_BOTTOM - positionOf(density.y.edges, tp) * (Y_BOTTOM - Y_TOP);

  const moveTo = (axis: Axis, position: number) => {
    const p = Math.min(Math.max(position, 0), 1);
    if (axis === "annexin") onThresholds([valueAt(density.x.edges, p), tp]);
    else onThresholds([ta, valueAt(density.y.edges, p)]);
  };

  const onPointerDown = (axis: Axis) => (event: PointerEvent<SVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
    setDragging(axis);
  };
  const onPointerMove = (event: PointerEvent<SVGElement>) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!dragging || !ctm) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    if (dragging === "annexin") moveTo("annexin", (point.x - X0) / (X1 - X0));
    else moveTo("pi", (Y_BOTTOM - point.y) / (Y_BOTTOM - Y_TOP));
  };
  const onPointerUp = (event: PointerEvent<SVGElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    setDragging(null);
  };
  const onKeyDown = (axis: Axis) => (event: KeyboardEvent<SVGElement>) => {
    const step = (event.shiftKey ? 10 : 1) / density.bins;
    const up = axis === "annexin" ? ["ArrowRight", "ArrowUp"] : ["ArrowUp", "ArrowRight"];
    const down = axis === "annexin" ? ["ArrowLeft", "ArrowDown"] : ["ArrowDown", "ArrowLeft"];
    const sign = up.includes(event.key) ? 1 : down.includes(event.key) ? -1 : 0;
    if (sign === 0) return;
    event.preventDefault();
    const edges = axis === "annexin" ? density.x.edges : density.y.edges;
    moveTo(axis, positionOf(edges, axis === "annexin" ? ta : tp) + sign * step);
  };

  const xOf = (position: number) => X0 + position * (X1 - X0);
  const yOf = (position: number) => Y_BOTTOM - position * (Y_BOTTOM - Y_TOP);
  const handlers = (axis: Axis) => ({
    onPointerDown: onPointerDown(axis),
    onPointerMove,
    onPointerUp,
    onPointerCancel: onPointerUp,
  });
  return (
    <svg
      ref={svgRef}
      className={`flow-density${dragging ? " flow-density--dragging" : ""}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      data-testid="flow-density"
    >
      <title>{`Annexin V × PI density of ${density.binned} events with movable quadrant thresholds`}</title>
      <g className="flow-density__axis">
        {density.x.ticks.map((t) => (
          <g key={`x${t.value}`}>
            <line x1={xOf(t.position)} x2={xOf(t.position)} y1={Y_BOTTOM} y2={Y_BOTTOM + 5} />
            <text x={xOf(t.position)} y={Y_BOTTOM + 18} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {density.y.ticks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={X0 - 5} x2={X0} y1={yOf(t.position)} y2={yOf(t.position)} />
            <text x={X0 - 8} y={yOf(t.position)} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <text x={(X0 + X1) / 2} y={HEIGHT - 6} textAnchor="middle" className="flow-density__title">
          {density.channels.annexin} · Annexin V ({density.x.scale.kind})
        </text>
        <text
          transform={`translate(14 ${(Y_TOP + Y_BOTTOM) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="flow-density__title"
        >
          {density.channels.pi} · PI ({density.y.scale.kind})
        </text>
      </g>
      <image
        x={X0}
        y={Y_TOP}
        width={X1 - X0}
        height={Y_BOTTOM - Y_TOP}
        preserveAspectRatio="none"
        href={href}
        className="flow-density__image"
      />
      <rect x={X0} y={Y_TOP} width={X1 - X0} height={Y_BOTTOM - Y_TOP} className="flow-density__frame" />
      <g className="flow-density__percentages" aria-live="polite">
        {CORNERS.map((corner) => (
          <text
            key={corner.key}
            x={corner.left ? X0 + 6 : X1 - 6}
            y={corner.top ? Y_TOP + 16 : Y_BOTTOM - 8}
            textAnchor={corner.left ? "start" : "end"}
            data-testid={`density-pct-${corner.key}`}
          >
            {corner.label} {approximate ? "≈ " : ""}
            {populations[corner.key].percent.toFixed(1)} %
          </text>
        ))}
      </g>
      <g
        className="flow-density__threshold flow-density__threshold--x"
        tabIndex={0}
        role="slider"
        aria-orientation="horizontal"
        aria-label={`Annexin V threshold (${density.channels.annexin})`}
        aria-valuenow={ta}
        aria-valuetext={formatThreshold(ta)}
        aria-valuemin={density.x.edges[0]}
        aria-valuemax={density.x.edges.at(-1)}
        data-testid="threshold-line-annexin"
        onKeyDown={onKeyDown("annexin")}
        {...handlers("annexin")}
      >
        <line x1={qx} x2={qx} y1={Y_TOP} y2={Y_BOTTOM} className="flow-density__line" />
        <line x1={qx} x2={qx} y1={Y_TOP} y2={Y_BOTTOM} className="flow-density__hit" />
      </g>
      <g
        className="flow-density__threshold flow-density__threshold--y"
        tabIndex={0}
        role="slider"
        aria-orientation="vertical"
        aria-label={`PI threshold (${density.channels.pi})`}
        aria-valuenow={tp}
        aria-valuetext={formatThreshold(tp)}
        aria-valuemin={density.y.edges[0]}
        aria-valuemax={density.y.edges.at(-1)}
        data-testid="threshold-line-pi"
        onKeyDown={onKeyDown("pi")}
        {...handlers("pi")}
      >
        <line x1={X0} x2={X1} y1={qy} y2={qy} className="flow-density__line" />
        <line x1={X0} x2={X1} y1={qy} y2={qy} className="flow-density__hit" />
      </g>
    </svg>
  );
}
