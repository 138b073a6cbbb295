import { useEffect, useId, useMemo, useRef, useState } from "react";
import { errorMessage } from "../api.js";
import { Async } from "../components/Async.js";
import { PlotImage } from "../components/PlotImage.js";
import { useFetch } from "../useFetch.js";
import { DensityPlot } from "./DensityPlot.js";
import { flowApi } from "./flowApi.js";
import { approximateQuadrants, formatThreshold } from "./flowMath.js";
import { PopulationTable } from "./PopulationTable.js";
import type { DensityJson, FlowApoptosisResult, QuadrantCounts } from "./types.js";
import "./flow.css";

export interface FlowApoptosisViewProps {
  result: FlowApoptosisResult;
  analysisId: string | undefined;
  headingLevel: 3 | 4;
}

/** Delay after the last threshold change before the exact recount is asked for. */
const RECOUNT_DELAY_MS = 250;

/**
 * The result of flow.apoptosis: the interactive density (stored runs only), the population table, the
 * thresholds and their source, compensation and the input files.
 */
export function FlowApoptosisView({ result, analysisId, headingLevel }: FlowApoptosisViewProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  if (!analysisId) {
    return (
      <div className="flow-view" data-testid="flow-apoptosis-result">
        <p className="notice" role="status">
          This run was not saved, so the server cannot draw its density plot.
        </p>
        <Heading>Populations</Heading>
        <PopulationTable counts={result} approximate={false} />
        <RunFacts result={result} />
      </div>
    );
  }
  return <StoredApoptosisView result={result} analysisId={analysisId} headingLevel={headingLevel} />;
}

type AxisKind = "logicle" | "asinh";

function StoredApoptosisView({
  result,
  analysisId,
  headingLevel,
}: FlowApoptosisViewProps & { analysisId: string }) {
  const [transform, setTransform] = useState<AxisKind>("logicle");
  const state = useFetch(`flow-density:${analysisId}:${transform}`, (signal) =>
    flowApi.density(analysisId, transform, signal),
  );
  // While other axes load, the previous density stays on screen with the thresholds the user set.
  const last = useRef<{ analysisId: string; density: DensityJson } | undefined>(undefined);
  if (state.status === "ok") last.current = { analysisId, density: state.data };
  if (last.current?.analysisId !== analysisId) {
    return (
      <Async state={state} what="the density of this run">
        {() => null}
      </Async>
    );
  }
  return (
    <InteractiveApoptosis
      key={analysisId}
      density={last.current.density}
      result={result}
      analysisId={analysisId}
      headingLevel={headingLevel}
      transform={transform}
      onTransform={setTransform}
      axesStatus={
        state.status === "error" ? `Could not load these axes: ${errorMessage(state.error)}` : state.status
      }
    />
  );
}

interface Exact {
  thresholds: [number, number];
  counts: QuadrantCounts;
}

function InteractiveApoptosis({
  density,
  result,
  analysisId,
  headingLevel,
  transform,
  onTransform,
  axesStatus,
}: {
  density: DensityJson;
  result: FlowApoptosisResult;
  analysisId: string;
  headingLevel: 3 | 4;
  transform: AxisKind;
  onTransform: (transform: AxisKind) => void;
  /** "ok", "loading", or a message when the chosen axes could not be loaded. */
  axesStatus: string;
}) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const stored: [number, number] = [density.thresholds.annexin, density.thresholds.pi];
  const [thresholds, setThresholds] = useState<[number, number]>(stored);
  const [exact, setExact] = useState<Exact>({ thresholds: stored, counts: density });
  const [recountError, setRecountError] = useState<string | null>(null);
  const current = exact.thresholds[0] === thresholds[0] && exact.thresholds[1] === thresholds[1];

  useEffect(() => {
    if (current) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      flowApi.quadrants(analysisId, thresholds, controller.signal).then(
        (counts) => {
          setExact({ thresholds, counts });
          setRecountError(null);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setRecountError(errorMessage(error));
        },
      );
    }, RECOUNT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [analysisId, thresholds, current]);

  const approximate = useMemo(() => approximateQuadrants(density, thresholds), [density, thresholds]);
  const counts: QuadrantCounts = current
    ? exact.counts
    : { events: density.events, gatedEvents: density.gatedEvents, populations: approximate };
  const moved = thresholds[0] !== stored[0] || thresholds[1] !== stored[1];
  const status = recountError ? "error" : current ? "exact" : "approximate";

  return (
    <div className="flow-view" data-testid="flow-apoptosis-result">
      <section aria-labelledby={`${id}-density`}>
        <Heading id={`${id}-density`}>Annexin V × PI</Heading>
        <div className="flow-view__density">
          <DensityPlot
            density={density}
            thresholds={thresholds}
            onThresholds={setThresholds}
            populations={counts.populations}
            approximate={!current}
          />
          <div className="flow-view__side">
            <p
              className={`flow-status flow-status--${status}`}
              data-testid="quadrant-status"
              data-state={status}
            >
              {status === "exact" && "Exact counts at these thresholds."}
              {status === "approximate" && "≈ estimated from the histogram; counting exactly…"}
              {status === "error" && `Could not recount: ${recountError}`}
            </p>
            <dl className="flow-facts">
              <div>
                <dt>Annexin V threshold</dt>
                <dd className="mono" data-testid="threshold-annexin" data-value={thresholds[0]}>
                  {formatThreshold(thresholds[0])}
                </dd>
              </div>
              <div>
                <dt>PI threshold</dt>
                <dd className="mono" data-testid="threshold-pi" data-value={thresholds[1]}>
                  {formatThreshold(thresholds[1])}
                </dd>
              </div>
              <div>
                <dt>Source</dt>
                <dd data-testid="threshold-source">
                  {moved ? "moved here (not saved)" : sourceText(density.thresholds.source)}
                </dd>
              </div>
            </dl>
            <fieldset className="flow-axes">
              <legend>Axes</legend>
              {(["logicle", "asinh"] as const).map((kind) => (
                <label key={kind}>
                  <input
                    type="radio"
                    name={`${id}-axes`}
                    value={kind}
                    checked={transform === kind}
                    onChange={() => onTransform(kind)}
                  />{" "}
                  {kind}
                </label>
              ))}
              {axesStatus === "loading" && <span className="muted"> loading…</span>}
            </fieldset>
            {axesStatus !== "ok" && axesStatus !== "loading" && (
              <p className="flow-status flow-status--error" role="alert">
                {axesStatus}
              </p>
            )}
            <p className="muted flow-view__hint">
              Drag the quadrant lines, or focus one (Tab) and use the arrow keys (Shift: ten bins).
            </p>
            <button type="button" className="button" disabled={!moved} onClick={() => setThresholds(stored)}>
              Reset thresholds
            </button>
            <p>
              <a href={flowApi.densityPlotUrl(analysisId)} target="_blank" rel="noreferrer">
                Density plot as SVG
              </a>{" "}
              <span className="muted">(stored thresholds)</span>
            </p>
          </div>
        </div>
      </section>
      <section aria-labelledby={`${id}-populations`}>
        <Heading id={`${id}-populations`}>Populations</Heading>
        <PopulationTable counts={counts} approximate={!current} />
      </section>
      <RunFacts result={result} density={density} />
      <section aria-labelledby={`${id}-histograms`}>
        <Heading id={`${id}-histograms`}>Channel histograms</Heading>
        <div className="flow-view__histograms">
          <PlotImage
            src={flowApi.histogramUrl(analysisId, "annexin")}
            alt={`Histogram of ${density.channels.annexin} (Annexin V) with the stored threshold`}
            testId="flow-histogram-annexin"
          />
          <PlotImage
            src={flowApi.histogramUrl(analysisId, "pi")}
            alt={`Histogram of ${density.channels.pi} (PI) with the stored threshold`}
            testId="flow-histogram-pi"
          />
        </div>
      </section>
    </div>
  );
}

function sourceText(source: string): string {
  if (source === "control") return "negative control (percentile)";
  if (source === "user") return "given by the user";
  return source;
}

const INPUT_LABELS: Record<string, string> = {
  fcs: "Sample",
  control: "Negative control",
  spillover: "Spillover matrix",
  cellGate: "Cell gate (Gating-ML)",
};

/** Channels, compensation, stored thresholds and the input files of a run. */
function RunFacts({ result, density }: { result: FlowApoptosisResult; density?: DensityJson }) {
  const inputs = Object.entries(density?.inputs ?? {});
  return (
    <dl className="flow-facts flow-facts--row" data-testid="flow-run-facts">
      <div>
        <dt>Channels</dt>
        <dd>
          <span className="mono">{result.channels.annexin}</span> (Annexin V) ×{" "}
          <span className="mono">{result.channels.pi}</span> (PI)
        </dd>
      </div>
      <div>
        <dt>Compensated</dt>
        <dd data-testid="flow-compensated">{result.compensated ? "yes (file's spillover matrix)" : "no"}</dd>
      </div>
      <div>
        <dt>Stored thresholds</dt>
        <dd>
          <span className="mono">
            {formatThreshold(result.thresholds.annexin)}, {formatThreshold(result.thresholds.pi)}
          </span>{" "}
          · {sourceText(result.thresholds.source)}
        </dd>
      </div>
      <div>
        <dt>Events</dt>
        <dd>
          {result.gatedEvents} gated of {result.events}
        </dd>
      </div>
      {inputs.map(([name, input]) => (
        <div key={name}>
          <dt>{INPUT_LABELS[name] ?? name}</dt>
          <dd>
            <span className="mono wrap-anywhere">{input.name}</span>{" "}
            <abbr className="muted mono" title={input.sha256}>
              {input.sha256.slice(0, 12)}…
            </abbr>
          </dd>
        </div>
      ))}
    </dl>
  );
}
