import type { FlowGateResult } from "./types.js";
import "./flow.css";

/** The result of flow.gate: every gate of the Gating-ML document with its events and % of all events. */
export function FlowGateView({ result }: { result: FlowGateResult }) {
  return (
    <div className="flow-view" data-testid="flow-gate-result">
      <div className="table-wrap">
        <table className="data" data-testid="flow-gates">
          <caption>Gates · % of {result.events} events</caption>
          <thead>
            <tr>
              <th scope="col">Gate</th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col" className="num">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {result.gates.map((g) => {
              const percent = g.percent ?? (result.events > 0 ? (100 * g.count) / result.events : 0);
              return (
                <tr key={g.id} data-gate={g.id}>
                  <th scope="row" className="mono">
                    {g.id}
                  </th>
                  <td className="num">{g.count}</td>
                  <td className="num">{percent.toFixed(2)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
