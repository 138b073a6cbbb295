import { useId, useState } from "react";
import { api } from "../api.js";
import { PlotImage } from "../components/PlotImage.js";

/** Up to this many plates are all shown at once; more get a plate picker. */
const SHOW_ALL_UP_TO = 3;
const ALL = "";

function PlatePair({ analysisId, plate }: { analysisId: string; plate: string }) {
  const rate = api.heatmapUrl(analysisId, plate, "rate");
  const pct = api.heatmapUrl(analysisId, plate, "pct");
  return (
    <div className="heatmaps__plate" data-plate={plate}>
      <figure className="heatmap">
        <PlotImage key={rate} src={rate} alt={`Heat map of well rates on plate ${plate}`} testId="heatmap" />
        <figcaption>
          <span className="mono">{plate}</span> · rate (RFU/min)
        </figcaption>
      </figure>
      <figure className="heatmap">
        <PlotImage key={pct} src={pct} alt={`Heat map of % activity on plate ${plate}`} testId="heatmap" />
        <figcaption>
          <span className="mono">{plate}</span> · % activity
        </figcaption>
      </figure>
    </div>
  );
}

/**
 * For each plate, its heat maps of well rates and of % activity side by side (lazy-loaded SVGs). Screens
 * of many plates show one plate at a time, picked from a list, or all of them on request.
 */
export function PlateHeatmaps({ analysisId, plates }: { analysisId: string; plates: string[] }) {
  const id = useId();
  const [picked, setPicked] = useState(plates[0] ?? ALL);
  const many = plates.length > SHOW_ALL_UP_TO;
  const shown = !many || picked === ALL ? plates : plates.filter((p) => p === picked);
  return (
    <div className="heatmaps">
      {many && (
        <p className="heatmaps__picker">
          <label htmlFor={`${id}-plate`}>Plate</label>
          <select id={`${id}-plate`} value={picked} onChange={(e) => setPicked(e.target.value)}>
            {plates.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
            <option value={ALL}>All {plates.length} plates</option>
          </select>
        </p>
      )}
      {shown.map((plate) => (
        <PlatePair key={plate} analysisId={analysisId} plate={plate} />
      ))}
    </div>
  );
}
