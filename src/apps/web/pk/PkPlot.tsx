import { api } from "../api.js";
import { PlotImage } from "../components/PlotImage.js";

export interface PkPlotProps {
  analysisId: string | undefined;
  alt: string;
  testId?: string;
}

/** The server's pk.svg of a stored analysis, or a note that unsaved runs have no plot. */
export function PkPlot({ analysisId, alt, testId }: PkPlotProps) {
  if (!analysisId) {
    return (
      <p className="notice" role="status">
        This run was not saved, so the server cannot draw its plot.
      </p>
    );
  }
  return <PlotImage src={api.pkPlotUrl(analysisId)} alt={alt} testId={testId} />;
}
