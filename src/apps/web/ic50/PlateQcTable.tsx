import { fixed } from "../format.js";
import { maybeFixed, significant } from "./ic50Format.js";
import type { PlateQc } from "./types.js";
import { ZPrimeBadge } from "./ZPrimeBadge.js";

function meanSd(mean: number | null, sd: number | null): string {
  if (mean === null) return "—";
  return sd === null ? significant(mean, 4) : `${significant(mean, 4)} ± ${significant(sd, 3)}`;
}

/** Mean ± SD of a control, with its well count on a second line. */
function Control({ mean, sd, n }: { mean: number | null; sd: number | null; n: number | null }) {
  return (
    <>
      {meanSd(mean, sd)}
      {n !== null && <span className="plate-qc__n">n = {fixed(n, 0)}</span>}
    </>
  );
}

function count(n: number | null): string {
  return n === null ? "—" : fixed(n, 0);
}

/**
 * Plate quality control: Z' (red below the threshold, 0.5 by default, or when flagged) and the flags
 * beside it, control means ± SD and CVs, signal window and well counts. A plate that could not be
 * analysed is named above the table with its error; the other plates are still shown.
 */
export function PlateQcTable({ plates, zPrimeThreshold }: { plates: PlateQc[]; zPrimeThreshold: number }) {
  const failed = plates.filter((p) => p.error);
  return (
    <>
      {failed.map((plate) => (
        <div key={plate.plate} className="error-box plate-error" data-testid="plate-error">
          <p className="error-box__title">Plate {plate.plate} could not be analysed</p>
          <p className="error-box__message">{plate.error}</p>
        </div>
      ))}
      <div className="table-wrap">
        <table className="data plate-qc" data-testid="plate-qc">
          <caption className="visually-hidden">
            Plate quality control; rates in RFU/min, Z′ below {zPrimeThreshold} fails
          </caption>
          <thead>
            <tr>
              <th scope="col">Plate</th>
              <th scope="col" title="Z′ = 1 − 3(SD max + SD min) / |mean max − mean min|">
                Z′
              </th>
              <th scope="col">Flags</th>
              <th scope="col" className="num" title="Max-control wells (no inhibition): mean rate ± SD">
                Max ± SD
              </th>
              <th scope="col" className="num" title="Min-control wells (full inhibition): mean rate ± SD">
                Min ± SD
              </th>
              <th scope="col" className="num" title="Coefficient of variation of the max / min controls">
                CV max / min
              </th>
              <th scope="col" className="num">
                Signal window
              </th>
              <th scope="col" className="num" title="Blank mean rate">
                Blank
              </th>
              <th scope="col" className="num" title="Wells on the plate; wells whose rate is undefined">
                Wells
              </th>
            </tr>
          </thead>
          <tbody>
            {plates.map((plate) => (
              <tr
                key={plate.plate}
                data-plate={plate.plate}
                className={plate.error ? "plate-qc--failed" : undefined}
              >
                <th scope="row" className="mono">
                  {plate.plate}
                </th>
                <td>
                  <ZPrimeBadge plate={plate} threshold={zPrimeThreshold} />
                </td>
                <td className="plate-qc__flags-cell">
                  {!plate.error && plate.flags.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="plate-qc__flags">
                      {plate.error && plate.flags.length === 0 && (
                        <li className="plate-qc__flag plate-qc__flag--error">failed</li>
                      )}
                      {plate.flags.map((flag) => (
                        <li
                          key={flag}
                          className={plate.error ? "plate-qc__flag plate-qc__flag--error" : "plate-qc__flag"}
                        >
                          {flag}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="num nowrap">
                  <Control mean={plate.meanMax} sd={plate.sdMax} n={plate.nMax} />
                </td>
                <td className="num nowrap">
                  <Control mean={plate.meanMin} sd={plate.sdMin} n={plate.nMin} />
                </td>
                <td className="num nowrap">
                  {maybeFixed(plate.cvMaxPct, 1)} / {maybeFixed(plate.cvMinPct, 1)} %
                </td>
                <td className="num">{significant(plate.signalWindow, 3)}</td>
                <td className="num">{significant(plate.meanBlank, 3)}</td>
                <td className="num">
                  {count(plate.wellCount)}
                  {(plate.nWellsRateUndefined ?? 0) > 0 && (
                    <span className="plate-qc__undefined">{plate.nWellsRateUndefined} rate undefined</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
