import { useId, useMemo } from "react";
import { api } from "../api.js";
import { CurveGrid } from "./CurveGrid.js";
import { Ic50Table } from "./Ic50Table.js";
import { zPrimeThresholdOf } from "./ic50Format.js";
import { PlateHeatmaps } from "./PlateHeatmaps.js";
import { PlateQcTable } from "./PlateQcTable.js";
import { PotencyTrendSection } from "./PotencyTrend.js";
import { curveEntries, type Ic50Result } from "./types.js";

export interface Ic50ResultViewProps {
  result: Ic50Result;
  /** The run's parameters (for its Z' threshold). */
  parameters: unknown;
  /** The stored analysis; plots, the CSV export and the report are served for stored analyses only. */
  analysisId: string | undefined;
  /** Level of the section headings, one below the heading above this view. */
  headingLevel: 3 | 4;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The result of ic50.run or ic50.fit: plate QC, plate heat maps, the dose-response plots and the IC50
 * table, with links to the CSV export and the HTML report.
 */
export function Ic50ResultView({ result, parameters, analysisId, headingLevel }: Ic50ResultViewProps) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const entries = useMemo(() => curveEntries(result), [result]);
  const plates = result.plates ?? [];
  // Every compound with a curve (pooled, or on a single plate): the ones a potency trend can follow.
  const compounds = useMemo(() => [...new Set(entries.map((e) => e.curve.compound))], [entries]);
  const active = result.curves.filter((c) => c.class === "active").length;
  const plateNames = plates.length
    ? plates.map((p) => p.plate)
    : [...new Set(result.curves.map((c) => c.plate))];

  return (
    <div className="ic50" data-testid="ic50-result">
      <div className="ic50__bar">
        <p className="ic50__summary">
          {plural(plateNames.length, "plate")} · {plural(compounds.length, "compound")} ·{" "}
          {plural(result.curves.length, "curve")}, {active} active
          {result.pooled.length > 0 && <> · {plural(result.pooled.length, "pooled curve")}</>}
        </p>
        {analysisId && (
          <p className="ic50__links">
            <a className="button button--small" href={api.curvesCsvUrl(analysisId)} download>
              Export CSV
            </a>
            <a
              className="button button--small"
              href={api.reportUrl(analysisId)}
              target="_blank"
              rel="noreferrer"
            >
              HTML report<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        )}
      </div>
      {!analysisId && (
        <p className="notice" role="status">
          This run was not saved, so its plots, the CSV export and the HTML report cannot be fetched from the
          server. The tables below are complete; run it again with saving to see the plots.
        </p>
      )}

      {result.plates && (
        <section aria-labelledby={`${id}-qc`}>
          <Heading id={`${id}-qc`}>Plate QC</Heading>
          {plates.length === 0 ? (
            <p className="empty">No plates were analysed.</p>
          ) : (
            <PlateQcTable plates={plates} zPrimeThreshold={zPrimeThresholdOf(parameters)} />
          )}
        </section>
      )}

      {analysisId && result.wells && plateNames.length > 0 && (
        <section aria-labelledby={`${id}-heatmaps`}>
          <Heading id={`${id}-heatmaps`}>Plate heat maps</Heading>
          <PlateHeatmaps analysisId={analysisId} plates={plateNames} />
        </section>
      )}

      {analysisId && (
        <section aria-labelledby={`${id}-curves`}>
          <Heading id={`${id}-curves`}>Dose-response curves</Heading>
          {entries.length === 0 ? (
            <p className="empty">No curves were fitted.</p>
          ) : (
            <CurveGrid analysisId={analysisId} entries={entries} />
          )}
        </section>
      )}

      <section aria-labelledby={`${id}-table`}>
        <Heading id={`${id}-table`}>
          IC<sub>50</sub> table
        </Heading>
        {entries.length === 0 ? (
          <p className="empty">No curves were fitted.</p>
        ) : (
          <Ic50Table entries={entries} />
        )}
      </section>
      {analysisId && compounds.length > 0 && (
        <section aria-labelledby={`${id}-trend`}>
          <Heading id={`${id}-trend`}>Potency across stored runs</Heading>
          <PotencyTrendSection compounds={compounds} />
        </section>
      )}
    </div>
  );
}
