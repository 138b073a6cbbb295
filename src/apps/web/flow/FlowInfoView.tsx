import { compact } from "../format.js";
import type { FlowInfoResult } from "./types.js";
import "./flow.css";

/** The result of flow.info: each data set with its parameters (raw means) and keywords, collapsed. */
export function FlowInfoView({ result, headingLevel }: { result: FlowInfoResult; headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="flow-view" data-testid="flow-info-result">
      {result.datasets.map((d) => {
        const keywords = Object.entries(d.keywords ?? {});
        return (
          <section key={d.index} className="flow-dataset" data-testid={`flow-dataset-${d.index}`}>
            <Heading>
              Data set {d.index} · {d.version} · {d.events} events
            </Heading>
            {d.warnings && d.warnings.length > 0 && (
              <ul className="warnings" aria-label="Warnings">
                {d.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            <div className="table-wrap">
              <table className="data" data-testid="flow-parameters">
                <caption>Parameters · raw mean: stored values before $PnE, $PnG and compensation</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      n
                    </th>
                    <th scope="col">Name ($PnN)</th>
                    <th scope="col">Label ($PnS)</th>
                    <th scope="col" className="num">
                      Range
                    </th>
                    <th scope="col" className="num">
                      Bits
                    </th>
                    <th scope="col" className="num">
                      Raw mean
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.parameters.map((p, i) => (
                    <tr key={p.name} data-parameter={p.name}>
                      <td className="num">{i + 1}</td>
                      <th scope="row" className="mono">
                        {p.name}
                      </th>
                      <td>{p.label ?? "—"}</td>
                      <td className="num">{p.range}</td>
                      <td className="num">{p.bits}</td>
                      <td className="num" data-testid="raw-mean">
                        {p.rawMean === null || !Number.isFinite(p.rawMean) ? "—" : compact(p.rawMean, 3)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <details className="flow-keywords" data-testid="flow-keywords">
              <summary>{keywords.length} keywords</summary>
              <div className="table-wrap">
                <table className="data">
                  <tbody>
                    {keywords.map(([key, value]) => (
                      <tr key={key}>
                        <th scope="row" className="mono">
                          {key}
                        </th>
                        <td className="mono wrap-anywhere">{value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
        );
      })}
    </div>
  );
}
