import { useId } from "react";
import { fixed, fixedOrDash } from "../format.js";
import { MsSticks } from "./MsSticks.js";
import { type MsConfirmResult, type MsFormulaResult, type MsIsotopesResult, msPlotUrl } from "./types.js";
import "./ms.css";

interface ViewProps<R> {
  result: R;
  analysisId: string | undefined;
  headingLevel: 3 | 4;
}

/** ms.isotopes: the theoretical pattern as sticks and a table. */
export function MsIsotopesView({ result, headingLevel }: ViewProps<MsIsotopesResult>) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="ms-view" data-testid="ms-isotopes-result">
      <p className="result-summary">
        <span>
          <strong>{result.ionFormula}</strong>
          {result.adduct && <span className="muted"> {result.adduct}</span>}
        </span>
        <span>
          monoisotopic m/z <strong data-testid="ms-mono">{fixed(result.monoisotopicMz, 6)}</strong>
        </span>
        {result.centroiding && <span className="muted">{result.centroiding}</span>}
      </p>
      <section aria-labelledby={`${id}-plot`}>
        <Heading id={`${id}-plot`}>Theoretical isotope pattern</Heading>
        <MsSticks
          up={result.peaks.map((p) => ({ mz: p.mz, value: p.relative }))}
          label={`Isotope pattern of ${result.ionFormula}`}
          testId="ms-isotopes-plot"
        />
      </section>
      <div className="table-wrap">
        <table className="data ms-table" data-testid="ms-isotopes-table">
          <caption className="visually-hidden">Isotope peaks by m/z</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                m/z
              </th>
              <th scope="col" className="num">
                relative %
              </th>
            </tr>
          </thead>
          <tbody>
            {result.peaks.map((p) => (
              <tr key={p.mz}>
                <td className="num">{fixed(p.mz, 6)}</td>
                <td className="num">{fixed(p.relative, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.method && <p className="muted">{result.method}</p>}
    </div>
  );
}

/** ms.confirm: the verdict, the per-ion table and the mirrored observed/theoretical plots. */
export function MsConfirmView({ result, analysisId, headingLevel }: ViewProps<MsConfirmResult>) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="ms-view" data-testid="ms-confirm-result">
      <p className={`ms-verdict ms-verdict--${result.confirmed ? "yes" : "no"}`} data-testid="ms-verdict">
        {result.formula}: {result.confirmed ? "confirmed" : "not confirmed"}{" "}
        <span className="muted">
          (±{result.ppm} ppm, pattern score ≥ {result.minScore})
        </span>
      </p>
      <div className="table-wrap">
        <table className="data ms-table" data-testid="ms-confirm-table">
          <caption className="visually-hidden">Ions looked for</caption>
          <thead>
            <tr>
              <th scope="col">Ion</th>
              <th scope="col" className="num">
                Theoretical m/z
              </th>
              <th scope="col" className="num">
                Observed m/z
              </th>
              <th scope="col" className="num">
                ppm
              </th>
              <th scope="col" className="num">
                Pattern score
              </th>
              <th scope="col">Matched</th>
            </tr>
          </thead>
          <tbody>
            {result.ions.map((ion) => (
              <tr key={ion.ion} className={ion.matched ? "ms-table__matched" : undefined}>
                <td>
                  {ion.ion} <span className="muted">{ion.ionFormula}</span>
                </td>
                <td className="num">{fixed(ion.monoisotopicMz, 5)}</td>
                <td className="num">{fixedOrDash(ion.observedMz, 5)}</td>
                <td className="num">{fixedOrDash(ion.ppmError, 2)}</td>
                <td className="num">{fixedOrDash(ion.isotopeScore, 3)}</td>
                <td>{ion.matched ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.ions.map((ion, k) => (
        <section key={ion.ion} aria-labelledby={`${id}-ion${k}`}>
          <Heading id={`${id}-ion${k}`}>{ion.ion}: observed (up) and theoretical (down)</Heading>
          <MsSticks
            up={(result.observed[k]?.mz ?? []).map((mz, i) => ({
              mz,
              value: result.observed[k]!.intensity[i] ?? 0,
            }))}
            down={ion.pattern.map((p) => ({ mz: p.mz, value: p.relative }))}
            label={`Observed and theoretical isotope pattern of ${ion.ion}`}
            testId={`ms-mirror-${k}`}
          />
        </section>
      ))}
      {analysisId && (
        <p>
          <a href={msPlotUrl(analysisId)} target="_blank" rel="noreferrer">
            Mirrored plot (SVG)
          </a>
        </p>
      )}
      {result.score && <p className="muted">Pattern score: {result.score}</p>}
    </div>
  );
}

/** ms.formula: the candidate table, best first. */
export function MsFormulaView({ result }: ViewProps<MsFormulaResult>) {
  if (result.candidates.length === 0)
    return (
      <p className="empty">
        No formula within ±{result.ppm} ppm of m/z {result.mz}.
      </p>
    );
  return (
    <div className="ms-view" data-testid="ms-formula-result">
      <p className="result-summary">
        <span>
          m/z <strong>{result.mz}</strong> {result.adduct} ±{result.ppm} ppm
        </span>
        {result.elements && <span className="muted">{result.elements}</span>}
        <span className="muted">{result.examined} formulas in the window before the rules</span>
      </p>
      <div className="table-wrap">
        <table className="data ms-table" data-testid="ms-formula-table">
          <caption className="visually-hidden">Candidate formulas, best first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Formula</th>
              <th scope="col">Ion</th>
              <th scope="col" className="num">
                m/z
              </th>
              <th scope="col" className="num">
                ppm
              </th>
              <th scope="col" className="num">
                Pattern score
              </th>
              <th scope="col" className="num">
                RDBE
              </th>
            </tr>
          </thead>
          <tbody>
            {result.candidates.map((c, i) => (
              <tr key={c.formula}>
                <td>{i + 1}</td>
                <td>{c.formula}</td>
                <td className="muted">{c.ionFormula}</td>
                <td className="num">{fixed(c.mz, 5)}</td>
                <td className="num">{fixed(c.ppmError, 2)}</td>
                <td className="num">{fixedOrDash(c.isotopeScore, 3)}</td>
                <td className="num">{c.rdbe}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.rules && <p className="muted">Rules: {result.rules}</p>}
    </div>
  );
}
