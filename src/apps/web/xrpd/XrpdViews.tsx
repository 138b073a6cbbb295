import { useId } from "react";
import { PlotImage } from "../components/PlotImage.js";
import { compact, fixed } from "../format.js";
import { type XrpdMatchResult, type XrpdPeakRow, type XrpdPeaksResult, xrpdPlotUrl } from "./types.js";
import "./xrpd.css";

interface ViewProps<R> {
  result: R;
  analysisId: string | undefined;
  headingLevel: 3 | 4;
}

/** xrpd.peaks: the pattern plot and the peak list (Kα1 2θ, d-spacing, relative intensity). */
export function XrpdPeaksView({ result, analysisId, headingLevel }: ViewProps<XrpdPeaksResult>) {
  return (
    <div className="xrpd-view" data-testid="xrpd-peaks-result">
      <PatternFacts result={result} />
      <PatternSections
        result={result}
        analysisId={analysisId}
        headingLevel={headingLevel}
        plotAlt="Powder pattern with its background and the picked peaks"
      />
    </div>
  );
}

/** xrpd.match: the best form (and any second form), the ranked matches, the plot and the peak list. */
export function XrpdMatchView({ result, analysisId, headingLevel }: ViewProps<XrpdMatchResult>) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const others = result.otherFormsPresent ?? [];
  const mixture = others.length > 0;
  return (
    <div className="xrpd-view" data-testid="xrpd-match-result">
      <p className={`xrpd-verdict${mixture ? " xrpd-verdict--mixture" : ""}`} data-testid="xrpd-verdict">
        Best match: <span data-testid="xrpd-best-match">{result.bestMatch ?? "none"}</span>
        {mixture && (
          <span data-testid="xrpd-mixture">
            {" "}
            · mixture: {others.join(", ")} also present (its characteristic peaks are observed)
          </span>
        )}
      </p>
      <PatternFacts result={result} />
      <section aria-labelledby={`${id}-matches`}>
        <Heading id={`${id}-matches`}>Reference forms, best first</Heading>
        {result.matches.length === 0 ? (
          <p className="empty">No reference forms were given.</p>
        ) : (
          <div className="table-wrap">
            <table className="data xrpd-table" data-testid="xrpd-match-table">
              <caption className="visually-hidden">Reference forms ranked by score</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Reference</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col" className="num">
                    Matched peaks
                  </th>
                  <th scope="col" className="num">
                    Unmatched peaks
                  </th>
                  <th scope="col" className="num">
                    Characteristic seen
                  </th>
                  <th scope="col">Present</th>
                </tr>
              </thead>
              <tbody>
                {result.matches.map((m, i) => (
                  <tr
                    key={m.reference}
                    className={m.reference === result.bestMatch ? "xrpd-table__best" : undefined}
                  >
                    <td>{i + 1}</td>
                    <td>{m.reference}</td>
                    <td className="num">{fixed(m.score, 2)}</td>
                    <td className="num">{m.matchedPeaks}</td>
                    <td className="num">{m.unmatchedPeaks}</td>
                    <td className="num">
                      {m.characteristicTotal === undefined
                        ? "—"
                        : `${m.characteristicObserved ?? 0} / ${m.characteristicTotal}`}
                    </td>
                    <td>{m.present === undefined ? "—" : m.present ? "yes" : "no"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">Score 0–100: 100·√(F_ref·F_obs), intensity-weighted position agreement.</p>
      </section>
      <PatternSections
        result={result}
        analysisId={analysisId}
        headingLevel={headingLevel}
        plotAlt="Powder pattern with its peaks and the reference forms' peak positions as sticks"
      />
    </div>
  );
}

/** Wavelength, file format, points and range, Kα2 handling. */
function PatternFacts({ result }: { result: XrpdPeaksResult }) {
  return (
    <p className="result-summary" data-testid="xrpd-facts">
      <span>
        λ Kα1 <strong data-testid="xrpd-wavelength">{compact(result.wavelength_A, 5)} Å</strong>
        {result.wavelength?.source && <span className="muted"> ({result.wavelength.source})</span>}
      </span>
      <span>
        <strong>{result.peaks.length}</strong> peaks
      </span>
      {result.range && (
        <span className="muted">
          {fixed(result.range[0], 2)}–{fixed(result.range[1], 2)}° 2θ
          {result.points !== undefined && ` · ${result.points} points`}
          {result.format && ` · ${result.format}`}
        </span>
      )}
      {result.kAlpha2Stripped !== undefined && (
        <span className="muted">{result.kAlpha2Stripped ? "Kα2 stripped" : "Kα2 not stripped"}</span>
      )}
    </p>
  );
}

/** The plot from the server (stored analyses only) and the peak table. */
function PatternSections({
  result,
  analysisId,
  headingLevel,
  plotAlt,
}: ViewProps<XrpdPeaksResult> & { plotAlt: string }) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      <section aria-labelledby={`${id}-plot`}>
        <Heading id={`${id}-plot`}>Pattern</Heading>
        {analysisId ? (
          <PlotImage src={xrpdPlotUrl(analysisId)} alt={plotAlt} testId="xrpd-plot" />
        ) : (
          <p className="notice" role="status">
            This run was not saved, so the server cannot draw its pattern.
          </p>
        )}
      </section>
      <section aria-labelledby={`${id}-peaks`}>
        <Heading id={`${id}-peaks`}>Peaks</Heading>
        <PeakTable peaks={result.peaks} />
      </section>
    </>
  );
}

function PeakTable({ peaks }: { peaks: XrpdPeakRow[] }) {
  if (peaks.length === 0) return <p className="empty">No peaks above the thresholds.</p>;
  return (
    <div className="table-wrap">
      <table className="data xrpd-table" data-testid="xrpd-peak-table">
        <caption className="visually-hidden">Peaks by 2θ (Kα1 positions)</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              2θ (°)
            </th>
            <th scope="col" className="num">
              d (Å)
            </th>
            <th scope="col" className="num">
              rel. I (%)
            </th>
          </tr>
        </thead>
        <tbody>
          {peaks.map((p) => (
            <tr key={p.twoTheta}>
              <td className="num">{fixed(p.twoTheta, 3)}</td>
              <td className="num">{fixed(p.dSpacing_A, 4)}</td>
              <td className="num">{fixed(p.relIntensity, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
