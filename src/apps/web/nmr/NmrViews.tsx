import { type ReactNode, useId } from "react";
import { PlotImage } from "../components/PlotImage.js";
import { fixed } from "../format.js";
import {
  type NmrExpected,
  type NmrIntegrateResult,
  type NmrPeakRow,
  type NmrProcessResult,
  type NmrRangeRow,
  nmrPlotUrl,
  nucleusLabel,
} from "./types.js";
import "./nmr.css";

interface ViewProps<R> {
  result: R;
  analysisId: string | undefined;
  headingLevel: 3 | 4;
}

/** nmr.process: facts, the spectrum, the expected-signal comparison, the range and peak tables. */
export function NmrProcessView({ result, analysisId, headingLevel }: ViewProps<NmrProcessResult>) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="nmr-view" data-testid="nmr-process-result">
      <SpectrumFacts result={result} />
      <SpectrumPlot result={result} analysisId={analysisId} headingLevel={headingLevel} />
      {result.expected && <ExpectedSection expected={result.expected} headingLevel={headingLevel} />}
      <section aria-labelledby={`${id}-ranges`}>
        <Heading id={`${id}-ranges`}>Integration ranges</Heading>
        <RangeTable ranges={result.ranges} />
      </section>
      <section aria-labelledby={`${id}-peaks`}>
        <Heading id={`${id}-peaks`}>Peaks</Heading>
        <PeakTable peaks={result.peaks} />
      </section>
    </div>
  );
}

/** nmr.integrate: the given ranges' integrals in the given order, then what nmr.process shows. */
export function NmrIntegrateView({ result, analysisId, headingLevel }: ViewProps<NmrIntegrateResult>) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="nmr-view" data-testid="nmr-integrate-result">
      <SpectrumFacts result={result} />
      <section aria-labelledby={`${id}-integrals`}>
        <Heading id={`${id}-integrals`}>Integrals of the given ranges</Heading>
        <div className="table-wrap">
          <table className="data nmr-table" data-testid="nmr-integral-table">
            <caption className="visually-hidden">Integrals in the order the ranges were given</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <NumTh>From (ppm)</NumTh>
                <NumTh>To (ppm)</NumTh>
                <NumTh>Integral</NumTh>
              </tr>
            </thead>
            <tbody>
              {result.integrals.map((r, i) => (
                // the same range may be given twice: its number keeps the rows apart
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are in the given order and never move
                <tr key={`${i}:${r.from}:${r.to}`}>
                  <td>{i + 1}</td>
                  <td className="num">{fixed(r.from, 3)}</td>
                  <td className="num">{fixed(r.to, 3)}</td>
                  <td className="num">{fixed(r.integral, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          One scale for all ranges: that of the automatic ranges, whose non-solvent ranges sum to 100.
        </p>
      </section>
      <SpectrumPlot result={result} analysisId={analysisId} headingLevel={headingLevel} />
      {result.expected && <ExpectedSection expected={result.expected} headingLevel={headingLevel} />}
      <section aria-labelledby={`${id}-peaks`}>
        <Heading id={`${id}-peaks`}>Peaks</Heading>
        <PeakTable peaks={result.peaks} />
      </section>
    </div>
  );
}

/** Nucleus, frequency, solvent, source, referencing and phase. */
function SpectrumFacts({ result }: { result: NmrProcessResult }) {
  const ref = result.referencing;
  return (
    <p className="result-summary" data-testid="nmr-facts">
      <span>
        <strong data-testid="nmr-nucleus">{nucleusLabel(result.nucleus)}</strong>{" "}
        {fixed(result.frequency_MHz, 2)} MHz
      </span>
      <span>
        Solvent <strong>{result.solvent ?? "not given"}</strong>
      </span>
      <span>
        <strong>{result.peaks.length}</strong> peaks, <strong>{result.ranges.length}</strong> ranges
      </span>
      {result.format && (
        <span className="muted">
          {result.format}
          {result.processedFrom &&
            ` · from the ${result.processedFrom === "fid" ? "FID" : "processed spectrum"}`}
          {result.points !== undefined && ` · ${result.points} points`}
        </span>
      )}
      {ref && (
        <span className="muted">
          {ref.method === "file"
            ? "axis as in the file"
            : `referenced to ${ref.method === "tms" ? "TMS" : "the solvent residual"} (shift ${fixed(ref.shift_ppm, 4)} ppm)`}
        </span>
      )}
      {result.phase && (
        <span className="muted">
          phase {fixed(result.phase.ph0, 1)}° / {fixed(result.phase.ph1, 1)}°
        </span>
      )}
    </p>
  );
}

function SpectrumPlot({ analysisId, headingLevel }: ViewProps<NmrProcessResult>) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <section aria-labelledby={`${id}-plot`}>
      <Heading id={`${id}-plot`}>Spectrum</Heading>
      {analysisId ? (
        <PlotImage
          src={nmrPlotUrl(analysisId)}
          alt="NMR spectrum with the picked peaks, the integration ranges and their integrals"
          testId="nmr-plot"
        />
      ) : (
        <p className="notice" role="status">
          This run was not saved, so the server cannot draw its spectrum.
        </p>
      )}
    </section>
  );
}

function verdictOf(agrees: boolean | null, overlapsSolvent: boolean, overlapsWater?: boolean): string {
  if (agrees === null)
    return overlapsSolvent
      ? "not judged (solvent)"
      : overlapsWater
        ? "not judged (water)"
        : "not judged (exchangeable)";
  return agrees ? "yes" : "no";
}

/** The comparison with expected shifts and proton counts, with where the list comes from. */
function ExpectedSection({ expected, headingLevel }: { expected: NmrExpected; headingLevel: 3 | 4 }) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <section aria-labelledby={`${id}-expected`} data-testid="nmr-expected">
      <Heading id={`${id}-expected`}>Expected signals</Heading>
      <p className={`nmr-verdict${expected.agrees ? "" : " nmr-verdict--no"}`} data-testid="nmr-verdict">
        {expected.list}: {expected.agrees ? "agrees" : "does not agree"}{" "}
        <span className="muted">
          ({expected.status === "derived" ? "list derived from the structure, not measured" : "user list"})
        </span>
      </p>
      <div className="table-wrap">
        <table className="data nmr-table" data-testid="nmr-expected-table">
          <caption className="visually-hidden">Expected signals and what the spectrum shows</caption>
          <thead>
            <tr>
              <th scope="col">Window (ppm)</th>
              <th scope="col">Assignment</th>
              <NumTh>Expected H</NumTh>
              <NumTh>Found H</NumTh>
              <NumTh>Peaks</NumTh>
              <th scope="col">Agrees</th>
            </tr>
          </thead>
          <tbody>
            {expected.signals.map((s) => (
              <tr
                key={`${s.from}:${s.to}`}
                className={s.agrees === false ? "nmr-table__disagrees" : undefined}
              >
                <td>
                  {s.from}–{s.to}
                </td>
                <td>{s.assignment ?? ""}</td>
                <td className="num">{s.expectedProtons}</td>
                <td className="num">{fixed(s.protons, 2)}</td>
                <td className="num">{s.peaks}</td>
                <td>{verdictOf(s.agrees, s.overlapsSolvent, s.overlapsWater)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {expected.unexplained.length > 0 && (
        <ul className="warnings" data-testid="nmr-unexplained">
          {expected.unexplained.map((u) => (
            <li key={`${u.from}:${u.to}`}>
              Signal at {fixed(u.from, 3)}–{fixed(u.to, 3)} ppm ({fixed(u.protons, 2)} H) is in no expected
              window
            </li>
          ))}
        </ul>
      )}
      {(expected.solventSignals ?? []).length > 0 && (
        <ul className="muted" data-testid="nmr-solvent-signals">
          {(expected.solventSignals ?? []).map((u) => (
            <li key={`${u.from}:${u.to}`}>
              {u.kind === "water" ? "Water" : "Solvent"} signal ({u.ppm} ppm) at {fixed(u.from, 3)}–
              {fixed(u.to, 3)} ppm ({fixed(u.protons, 2)} H), not judged
            </li>
          ))}
        </ul>
      )}
      {expected.sources && expected.sources.length > 0 && (
        <details>
          <summary>Sources of the list</summary>
          <ul>
            {expected.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function RangeTable({ ranges }: { ranges: NmrRangeRow[] }) {
  if (ranges.length === 0) return <p className="empty">No ranges: no peaks above the thresholds.</p>;
  return (
    <div className="table-wrap">
      <table className="data nmr-table" data-testid="nmr-range-table">
        <caption className="visually-hidden">Automatic integration ranges, high ppm first</caption>
        <thead>
          <tr>
            <NumTh>From (ppm)</NumTh>
            <NumTh>To (ppm)</NumTh>
            <NumTh>Centre (ppm)</NumTh>
            <th scope="col">Mult.</th>
            <NumTh>Integral</NumTh>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {ranges.map((r) => (
            <tr key={`${r.from}:${r.to}`} className={r.solvent ? "nmr-table__solvent" : undefined}>
              <td className="num">{fixed(r.from, 3)}</td>
              <td className="num">{fixed(r.to, 3)}</td>
              <td className="num">{r.centre === undefined ? "—" : fixed(r.centre, 4)}</td>
              <td>{r.multiplicity ?? ""}</td>
              <td className="num">{fixed(r.integral, 3)}</td>
              <td>{r.solvent ? "solvent" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PeakTable({ peaks }: { peaks: NmrPeakRow[] }) {
  if (peaks.length === 0) return <p className="empty">No peaks above the thresholds.</p>;
  return (
    <div className="table-wrap">
      <table className="data nmr-table" data-testid="nmr-peak-table">
        <caption className="visually-hidden">Peaks, high ppm first</caption>
        <thead>
          <tr>
            <NumTh>δ (ppm)</NumTh>
            <NumTh>Intensity (%)</NumTh>
          </tr>
        </thead>
        <tbody>
          {peaks.map((p) => (
            <tr key={`${p.ppm}:${p.intensity}`}>
              <td className="num">{fixed(p.ppm, 4)}</td>
              <td className="num">{fixed(p.intensity, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A right-aligned numeric column header. */
function NumTh({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}
