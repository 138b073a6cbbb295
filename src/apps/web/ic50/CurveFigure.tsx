import { api } from "../api.js";
import { PlotImage } from "../components/PlotImage.js";
import { ClassBadge } from "./ClassBadge.js";
import { ic50Text } from "./ic50Format.js";
import type { CurveEntry } from "./types.js";

// The size the server draws dose-response plots at (src/core/assays/ic50/plotDoseResponse.ts).
const PLOT_WIDTH = 320;
const PLOT_HEIGHT = 240;

/** One dose-response plot, captioned with compound, plate, class, IC50 and ROUT outliers. */
export function CurveFigure({ analysisId, entry }: { analysisId: string; entry: CurveEntry }) {
  const { curve } = entry;
  const src = api.curvePlotUrl(analysisId, entry.plate, curve.compound);
  const where = entry.pooled
    ? `pooled over ${entry.plates.join(", ") || "all plates"}`
    : `plate ${entry.plate}`;
  const ic50 = ic50Text(curve);
  return (
    <figure
      className="curve"
      data-testid="curve"
      data-plate={entry.plate}
      data-compound={curve.compound}
      data-class={curve.class}
    >
      <PlotImage
        key={src}
        src={src}
        alt={`Dose-response curve of ${curve.compound}, ${where}: IC50 ${ic50}`}
        width={PLOT_WIDTH}
        height={PLOT_HEIGHT}
        testId="curve-plot"
      />
      <figcaption className="curve__caption">
        <span className="curve__title">
          <strong className="curve__compound">{curve.compound}</strong>
          <ClassBadge curveClass={curve.class} />
        </span>
        <span className="curve__plate">
          {entry.pooled ? (
            <>
              pooled <span className="muted">({entry.plates.join(", ")})</span>
            </>
          ) : (
            <span className="mono">{entry.plate}</span>
          )}
        </span>
        <span className="curve__ic50">
          IC<sub>50</sub> {ic50}
        </span>
        {curve.outlierWells.length > 0 && (
          <span className="curve__outliers">
            ROUT outlier{curve.outlierWells.length === 1 ? "" : "s"}: {curve.outlierWells.join(", ")}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
