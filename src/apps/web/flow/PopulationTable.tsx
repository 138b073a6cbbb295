import { POPULATIONS, type QuadrantCounts } from "./types.js";

export interface PopulationTableProps {
  counts: QuadrantCounts;
  /** Counts estimated from the histogram: shown rounded, with ≈. */
  approximate: boolean;
}

/** The four Annexin V / PI populations: quadrant, count and % of the gated events. */
export function PopulationTable({ counts, approximate }: PopulationTableProps) {
  const mark = approximate ? "≈ " : "";
  return (
    <div className="table-wrap">
      <table className="data flow-populations" data-testid="flow-populations">
        <caption>
          {approximate ? "Estimated from the histogram" : "Counted"} · % of {counts.gatedEvents} gated events
          (of {counts.events})
        </caption>
        <thead>
          <tr>
            <th scope="col">Population</th>
            <th scope="col">Annexin V</th>
            <th scope="col">PI</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col" className="num">
              %
            </th>
          </tr>
        </thead>
        <tbody>
          {POPULATIONS.map((p) => {
            const population = counts.populations[p.key];
            return (
              <tr key={p.key} data-population={p.key}>
                <th scope="row">{p.label}</th>
                <td>{p.annexin}</td>
                <td>{p.pi}</td>
                <td className="num" data-testid={`count-${p.key}`}>
                  {mark}
                  {Math.round(population.count)}
                </td>
                <td className="num" data-testid={`pct-${p.key}`}>
                  {mark}
                  {population.percent.toFixed(2)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
