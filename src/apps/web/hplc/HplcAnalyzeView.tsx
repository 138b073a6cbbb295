import { useId } from "react";
import { compact, fixed, fixedOrDash } from "../format.js";
import { ChromatogramFigure } from "./ChromatogramFigure.js";
import { CompareRuns } from "./CompareRuns.js";
import { chromatogramPlotUrl, type HplcAnalyzeResult, type HplcPeakRow, peaksCsvUrl } from "./types.js";
import { UspCells, UspHeaderCells } from "./UspCells.js";
import "./hplc.css";

export interface HplcAnalyzeViewProps {
  result: HplcAnalyzeResult;
  analysisId: string | undefined;
  headingLevel: 3 | 4;
}

/** The result of hplc.analyze: purity, the annotated chromatogram and the peak table. */
export function HplcAnalyzeView({ result, analysisId, headingLevel }: HplcAnalyzeViewProps) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const { chromatogram, noise } = result;
  const events = [
    ...(result.settings?.baselineNow_min ?? []).map((time) => `baseline now at ${fixed(time, 3)} min`),
    ...(result.settings?.integrationOff_min ?? []).map(
      ([from, to]) => `integration off ${fixed(from, 2)}–${fixed(to, 2)} min`,
    ),
  ];
  return (
    <div className="hplc-view" data-testid="hplc-analyze-result">
      <p className="result-summary">
        <span>
          Purity (area %) <strong data-testid="hplc-purity">{fixedOrDash(result.purityPercent, 2)} %</strong>
        </span>
        <span>
          Total impurities <strong>{fixedOrDash(result.totalImpuritiesPercent, 2)} %</strong>
        </span>
        <span className="muted">
          {chromatogram.detector || chromatogram.format} · {chromatogram.points} points · noise h{" "}
          {compact(noise.peakToPeak, 3)} ({fixed(noise.from_min, 2)}–{fixed(noise.to_min, 2)} min)
        </span>
        {result.blank && <span className="muted">Blank subtracted: {result.blank.name}</span>}
        {events.length > 0 && <span className="muted">Timed events: {events.join("; ")}</span>}
      </p>
      <section aria-labelledby={`${id}-plot`}>
        <Heading id={`${id}-plot`}>Chromatogram</Heading>
        {analysisId ? (
          <ChromatogramFigure
            plotUrl={(view) => chromatogramPlotUrl(analysisId, view)}
            alt="Chromatogram with the integration baseline, peak boundaries and labels"
            testId="hplc-plot"
          />
        ) : (
          <p className="notice" role="status">
            This run was not saved, so the server cannot draw its chromatogram.
          </p>
        )}
      </section>
      {analysisId && (
        <section aria-labelledby={`${id}-compare`}>
          <Heading id={`${id}-compare`}>Compare with other runs</Heading>
          <CompareRuns analysisId={analysisId} />
        </section>
      )}
      <section aria-labelledby={`${id}-peaks`}>
        <Heading id={`${id}-peaks`}>Peaks</Heading>
        {analysisId && (
          <p>
            <a className="button button--small" href={peaksCsvUrl(analysisId)} download>
              Export CSV
            </a>
          </p>
        )}
        <PeakTable peaks={result.peaks} main={result.mainPeak} units={chromatogram.units} />
      </section>
      {result.warnings.length > 0 && (
        <ul className="warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PeakTable({
  peaks,
  main,
  units,
}: {
  peaks: HplcPeakRow[];
  main: HplcPeakRow | null;
  units: string;
}) {
  if (peaks.length === 0) return <p className="empty">No peaks above the thresholds.</p>;
  return (
    <div className="table-wrap">
      <table className="data hplc-table" data-testid="hplc-peak-table">
        <caption className="visually-hidden">Integrated peaks in retention order</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              RT<span className="hplc-table__unit">min</span>
            </th>
            <th scope="col" className="num">
              RRT
            </th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Area<span className="hplc-table__unit">{units || "signal"}·s</span>
            </th>
            <th scope="col" className="num">
              Height<span className="hplc-table__unit">{units}</span>
            </th>
            <th scope="col" className="num">
              Area %
            </th>
            <th scope="col" className="num">
              W½<span className="hplc-table__unit">min</span>
            </th>
            <UspHeaderCells />
          </tr>
        </thead>
        <tbody>
          {peaks.map((p, i) => (
            <tr
              key={`${p.rt_min}`}
              className={main && p.rt_min === main.rt_min ? "hplc-table__main" : undefined}
            >
              <td>{i + 1}</td>
              <td>
                {p.name ?? ""}
                {p.rrf !== undefined && p.rrf !== 1 && <span className="muted"> (RRF {p.rrf})</span>}
              </td>
              <td className="num">{fixed(p.rt_min, 3)}</td>
              <td className="num">{fixed(p.rrt, 3)}</td>
              <td>{p.type}</td>
              <td className="num">{fixed(p.area, 2)}</td>
              <td className="num">{fixed(p.height, 3)}</td>
              <td className="num">{fixed(p.areaPercent, 2)}</td>
              <td className="num">{fixedOrDash(p.widthHalf_min, 4)}</td>
              <UspCells figures={p} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
