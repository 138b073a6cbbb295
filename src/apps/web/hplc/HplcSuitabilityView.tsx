import { useId } from "react";
import { compact, fixed, fixedOrDash } from "../format.js";
import type { HplcSuitabilityResult } from "./types.js";
import { UspCells, UspHeaderCells } from "./UspCells.js";
import "./hplc.css";

export interface HplcSuitabilityViewProps {
  result: HplcSuitabilityResult;
  headingLevel: 3 | 4;
}

/** The result of hplc.suitability: the verdict, each check against its limit, and the injections. */
export function HplcSuitabilityView({ result, headingLevel }: HplcSuitabilityViewProps) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="hplc-view" data-testid="hplc-suitability-result">
      <p className="result-summary">
        <span className={result.pass ? "badge badge--ok" : "badge badge--bad"} data-testid="sst-verdict">
          {result.pass ? "System suitable" : "System not suitable"}
        </span>
        <span>
          Area %RSD <strong>{fixed(result.area.rsdPct, 2)} %</strong> (n = {result.injections.length})
        </span>
        <span>
          RT %RSD <strong>{fixed(result.rt.rsdPct, 3)} %</strong>, mean {fixed(result.rt.mean, 3)} min
        </span>
      </p>
      <section aria-labelledby={`${id}-checks`}>
        <Heading id={`${id}-checks`}>Checks</Heading>
        <div className="table-wrap">
          <table className="data" data-testid="sst-checks">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Limit</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {result.checks.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{c.limit}</td>
                  <td className="num">{fixedOrDash(c.value, 3)}</td>
                  <td>
                    <span className={c.pass ? "badge badge--ok" : "badge badge--bad"}>
                      {c.pass ? "pass" : "fail"}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby={`${id}-injections`}>
        <Heading id={`${id}-injections`}>Injections (main peak)</Heading>
        <div className="table-wrap">
          <table className="data hplc-table" data-testid="sst-injections">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  RT<span className="hplc-table__unit">min</span>
                </th>
                <th scope="col" className="num">
                  Area
                </th>
                <th scope="col" className="num">
                  Height
                </th>
                <UspHeaderCells />
              </tr>
            </thead>
            <tbody>
              {result.injections.map((i) => (
                <tr key={i.file}>
                  <td>{i.file}</td>
                  <td className="num">{fixed(i.rt_min, 3)}</td>
                  <td className="num">{compact(i.area, 2)}</td>
                  <td className="num">{compact(i.height, 3)}</td>
                  <UspCells figures={i} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
