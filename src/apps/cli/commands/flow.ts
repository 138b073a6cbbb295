// Only types are imported statically: the kinds (and zod, the XML parser, the store) load when a flow
// command runs, so `ixalab flow …` starts fast.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import { InputError, ValidationError } from "../../../core/errors.js";
import type { InputFileRef } from "../../../core/provenance.js";
import { checkReadableFile, fileError, sha256Hex } from "../../../io/files/readInputFile.js";
import type { FlowApoptosisParameters, FlowApoptosisResult } from "../../../kinds/flowApoptosis.js";
import type {
  APOPTOSIS_DEFAULTS,
  ApoptosisEvents,
  ApoptosisParameters,
} from "../../../kinds/flowApoptosisEvents.js";
import type { FlowGateResult } from "../../../kinds/flowGate.js";
import type { FlowInfoResult } from "../../../kinds/flowInfo.js";
import type { FlowSeriesResult } from "../../../kinds/flowSeries.js";
import type { FlowSpilloverResult } from "../../../kinds/flowSpillover.js";
import type { AnalysisKind, SuppliedInput, SuppliedInputs } from "../../../kinds/kind.js";
import type { KindCommandOptions, ResultView } from "../kindCommand.js";
import { formatTable } from "../output.js";

const STORE_FLAGS: [string, string, string?][] = [
  ["--json", "print JSON"],
  ["--provenance", "print the whole provenance envelope"],
  ["--save", "store the analysis (with the files) in the Ixalab store"],
  ["--data-dir <dir>", "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)", "./data"],
];

/** Where PNG plots are rendered (Debian's chromium package). */
const CHROMIUM = "/usr/bin/chromium";

/**
 * Reads an input file with one read into one buffer (no copy). Its SHA-256, needed only for the
 * provenance envelope and the store, is computed on first use.
 * @throws InputError naming a missing, unreadable or oversized file.
 */
async function readFlowInput(path: string, format: string): Promise<SuppliedInput> {
  await checkReadableFile(path);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let sha256: string | undefined;
  const ref = {
    name: path.split(/[\\/]/).at(-1) ?? path,
    bytes: bytes.length,
    format,
  } as InputFileRef;
  Object.defineProperty(ref, "sha256", {
    enumerable: true,
    get: () => {
      sha256 ??= sha256Hex(bytes);
      return sha256;
    },
  });
  return { ref, bytes };
}

async function report(
  kind: AnalysisKind,
  parameters: unknown,
  inputs: SuppliedInputs,
  options: KindCommandOptions,
  view: ResultView,
) {
  const { runAndReport } = await import("../kindCommand.js");
  return runAndReport(kind, parameters, inputs, options, view);
}

function numberOf(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}

function pairOf(text: string, flag: string, what: string): [number, number] {
  const parts = text.split(",").map((t) => numberOf(t, flag));
  if (parts.length !== 2) throw new InputError(`${flag}: expected two numbers ${what}, found '${text}'`);
  return parts as [number, number];
}

/** Options shared by `flow apoptosis` and `flow series`. */
interface QuadrantFlags extends KindCommandOptions {
  annexin: string;
  pi: string;
  thresholds?: string;
  control?: string;
  controlPercentile: string;
  fscMin?: string;
  fscMax?: string;
  sscMin?: string;
  sscMax?: string;
  singlets?: boolean;
  singletBand?: string;
  fscArea: string;
  fscHeight: string;
  sscArea: string;
  cellGate?: string;
  cellGateId?: string;
  spillover?: string;
  compensation: boolean;
}

function addQuadrantOptions(command: Command): Command {
  return command
    .requiredOption("--annexin <channel>", "Annexin V channel ($PnN or $PnS)")
    .requiredOption("--pi <channel>", "propidium iodide channel ($PnN or $PnS)")
    .option("--thresholds <a,p>", "Annexin V and PI thresholds, compensated scale units (positive: ≥)")
    .option("--control <file>", "negative control FCS: thresholds at its --control-percentile")
    .option("--control-percentile <p>", "percentile of the control that sets each threshold", "99.5")
    .option("--fsc-min <v>", "keep events with FSC-A ≥ V")
    .option("--fsc-max <v>", "cell gate: keep events with FSC-A ≤ V")
    .option("--ssc-min <v>", "cell gate: keep events with SSC-A ≥ V")
    .option("--ssc-max <v>", "cell gate: keep events with SSC-A ≤ V")
    .option("--cell-gate <file>", "Gating-ML 2.0 cell / singlet gate (events of its last gate, with parents)")
    .option("--cell-gate-id <id>", "the gate of --cell-gate to keep")
    .option("--singlets", "singlet gate: FSC-A/FSC-H ratio within --singlet-band × its median")
    .option("--singlet-band <lo,hi>", "singlet band, multiples of the median FSC-A/FSC-H ratio", "0.8,1.25")
    .option("--fsc-area <channel>", "forward-scatter area channel", "FSC-A")
    .option("--fsc-height <channel>", "forward-scatter height channel", "FSC-H")
    .option("--ssc-area <channel>", "side-scatter area channel", "SSC-A")
    .option("--spillover <file>", "spillover matrix CSV (FlowJo/FlowKit) instead of the file's keyword")
    .option("--no-compensation", "do not compensate");
}

/** The kind parameters from the shared quadrant flags. */
function quadrantParameters(options: QuadrantFlags): Record<string, unknown> {
  const optional = (value: string | undefined, flag: string) =>
    value === undefined ? undefined : numberOf(value, flag);
  const parameters: Record<string, unknown> = {
    annexin: options.annexin,
    pi: options.pi,
    ...(options.thresholds !== undefined && {
      thresholds: pairOf(options.thresholds, "--thresholds", "A,P"),
    }),
    controlPercentile: numberOf(options.controlPercentile, "--control-percentile"),
    fscMin: optional(options.fscMin, "--fsc-min"),
    fscMax: optional(options.fscMax, "--fsc-max"),
    sscMin: optional(options.sscMin, "--ssc-min"),
    sscMax: optional(options.sscMax, "--ssc-max"),
    singlets: options.singlets === true,
    singletBand: pairOf(options.singletBand ?? "0.8,1.25", "--singlet-band", "LO,HI"),
    fscArea: options.fscArea,
    fscHeight: options.fscHeight,
    sscArea: options.sscArea,
    cellGateId: options.cellGateId,
    compensation: options.compensation,
  };
  for (const key of Object.keys(parameters)) if (parameters[key] === undefined) delete parameters[key];
  return parameters;
}

async function quadrantInputs(options: QuadrantFlags): Promise<Record<string, SuppliedInput>> {
  return {
    ...(options.control && { control: await readFlowInput(options.control, "fcs") }),
    ...(options.spillover && { spillover: await readFlowInput(options.spillover, "spillover-csv") }),
    ...(options.cellGate && { cellGate: await readFlowInput(options.cellGate, "gatingml-2.0") }),
  };
}

/** `ixalab flow …`: FCS files, compensation, Gating-ML 2.0 gating, apoptosis. */
export function addFlowCommands(program: Command): void {
  const flow = program
    .command("flow")
    .description("flow cytometry: FCS files, compensation, Gating-ML 2.0 gates, Annexin V / PI apoptosis");

  const info = flow
    .command("info <file>")
    .description(
      "Data sets of an FCS 2.0–3.2 file: version, events, parameters ($PnN, $PnS, $PnR, $PnB) with the mean of the stored values, and the TEXT keywords.",
    )
    .addHelpText("after", "\nExample:\n  ixalab flow info sample.fcs --json");
  for (const [flag, description, fallback] of STORE_FLAGS) info.option(flag, description, fallback);
  info.action(async (file: string, options: KindCommandOptions) => {
    const { flowInfoKind } = await import("../../../kinds/flowInfo.js");
    await report(flowInfoKind, {}, { fcs: await readFlowInput(file, "fcs") }, options, {
      json: (r) => ({ datasets: (r as FlowInfoResult).datasets.map(({ warnings: _, ...d }) => d) }),
      text: (e) =>
        (e.result as FlowInfoResult).datasets
          .map(
            (d) =>
              `data set ${d.index}: ${d.version}, ${d.events} events\n${formatTable(
                ["name", "label", "range", "bits", "raw mean"],
                d.parameters.map((p) => [p.name, p.label, p.range, p.bits, p.rawMean.toPrecision(6)]),
              )}`,
          )
          .join("\n\n"),
    });
  });

  const gate = flow
    .command("gate <file>")
    .description(
      "Applies the transforms and gates of a Gating-ML 2.0 document (rectangle, polygon, ellipsoid, quadrant, boolean; nested) to an FCS file's scale values and counts the events in each gate.",
    )
    .requiredOption("--gatingml <file>", "Gating-ML 2.0 XML with the gates")
    .addHelpText("after", "\nExample:\n  ixalab flow gate sample.fcs --gatingml gates.xml --json");
  for (const [flag, description, fallback] of STORE_FLAGS) gate.option(flag, description, fallback);
  gate.action(async (file: string, options: KindCommandOptions & { gatingml: string }) => {
    const { flowGateKind } = await import("../../../kinds/flowGate.js");
    const inputs = {
      fcs: await readFlowInput(file, "fcs"),
      gatingml: await readFlowInput(options.gatingml, "gatingml-2.0"),
    };
    await report(flowGateKind, {}, inputs, options, {
      json: (r) => ({ gates: (r as FlowGateResult).gates.map(({ id, count }) => ({ id, count })) }),
      text: (e) => {
        const r = e.result as FlowGateResult;
        return formatTable(
          ["gate", "events", "% of all"],
          r.gates.map((g) => [g.id, g.count, g.percent.toFixed(2)]),
        );
      },
    });
  });

  const apoptosis = addQuadrantOptions(
    flow
      .command("apoptosis <file>")
      .description(
        "Compensated Annexin V × PI quadrants of an FCS file (optional FSC-A/SSC-A cell gate, singlet gate): counts and percentages of live, early apoptotic, late apoptotic and necrotic cells; thresholds from the user or from a negative control.",
      ),
  )
    .option("--plot <file>", "write the Annexin V × PI density plot (.svg, or .png with Chromium)")
    .option("--plot-transform <t>", "density plot axes: logicle or asinh", "logicle")
    .addHelpText(
      "after",
      "\nExamples:\n  ixalab flow apoptosis sample.fcs --annexin FITC-A --pi PE-A --thresholds 1000,1000 --json\n  ixalab flow apoptosis sample.fcs --annexin FITC-A --pi PE-A --control unstained.fcs --singlets --plot quadrants.svg",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) apoptosis.option(flag, description, fallback);
  apoptosis.action(
    async (file: string, options: QuadrantFlags & { plot?: string; plotTransform: string }) => {
      const parameters = quadrantParameters(options);
      if (options.plot) plotFormat(options.plot);
      if (options.plotTransform !== "logicle" && options.plotTransform !== "asinh")
        throw new InputError(`--plot-transform: expected logicle or asinh, found '${options.plotTransform}'`);
      const inputs: SuppliedInputs = {
        fcs: await readFlowInput(file, "fcs"),
        ...(await quadrantInputs(options)),
      };
      const transform = options.plotTransform as "logicle" | "asinh";
      if (!options.save && !options.provenance) {
        // Nothing to store or envelope: run the computation without the kind machinery (zod, registry).
        const { APOPTOSIS_DEFAULTS, apoptosisEvents, loadCellGateParser } = await import(
          "../../../kinds/flowApoptosisEvents.js"
        );
        const { countApoptosis } = await import("../../../core/assays/flow/apoptosis.js");
        const checked = withApoptosisDefaults(parameters, APOPTOSIS_DEFAULTS);
        if (inputs.cellGate) await loadCellGateParser();
        const events = apoptosisEvents(checked, inputs);
        const { thresholds, channels, compensated } = events;
        const counts = countApoptosis(
          events.annexin,
          events.pi,
          [thresholds.annexin, thresholds.pi],
          events.keep,
        );
        const result: FlowApoptosisResult = { ...counts, thresholds, channels, compensated };
        const { printJson, printText } = await import("../output.js");
        if (options.json) printJson(apoptosisJson(result));
        else printText(apoptosisText(result));
        if (options.plot)
          await writeDensityPlot(options.plot, events, result, transform, inputs.fcs!.ref.name);
        return;
      }
      const { flowApoptosisKind, apoptosisEvents, loadCellGateParser } = await import(
        "../../../kinds/flowApoptosis.js"
      );
      const envelope = await report(flowApoptosisKind, parameters, inputs, options, {
        json: (r) => apoptosisJson(r as FlowApoptosisResult),
        text: (e) => apoptosisText(e.result as FlowApoptosisResult),
      });
      if (options.plot) {
        if (inputs.cellGate) await loadCellGateParser();
        const events = apoptosisEvents(envelope.parameters as FlowApoptosisParameters, inputs);
        await writeDensityPlot(
          options.plot,
          events,
          envelope.result as FlowApoptosisResult,
          transform,
          inputs.fcs!.ref.name,
        );
      }
    },
  );

  const spillover = flow
    .command("spillover")
    .description(
      "Spillover matrix from an unstained control and one single-stain control per fluorochrome, as flowCore's spillover() computes it: per-detector medians minus the unstained medians, floored at 0, each row divided by its maximum.",
    )
    .requiredOption("--unstained <file>", "unstained control (FCS)")
    .requiredOption(
      "--stain <detector=file>",
      "single-stain control: its primary detector and FCS file (repeat per fluorochrome)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--statistic <s>", "median or mean of each control per detector", "median")
    .option("--csv <file>", "also write the matrix as CSV (FlowJo layout, readable by --spillover)")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab flow spillover --unstained U.fcs --stain FITC-A=fitc.fcs --stain PE-A=pe.fcs --csv spill.csv --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) spillover.option(flag, description, fallback);
  spillover.action(
    async (
      options: KindCommandOptions & { unstained: string; stain: string[]; statistic: string; csv?: string },
    ) => {
      const stains = options.stain.map((s) => {
        const at = s.indexOf("=");
        if (at <= 0 || at === s.length - 1)
          throw new InputError(`--stain: expected DETECTOR=FILE (e.g. FITC-A=fitc.fcs), found '${s}'`);
        return { detector: s.slice(0, at), file: s.slice(at + 1) };
      });
      const { flowSpilloverKind, MAX_SINGLE_STAINS } = await import("../../../kinds/flowSpillover.js");
      if (stains.length > MAX_SINGLE_STAINS)
        throw new InputError(
          `--stain: at most ${MAX_SINGLE_STAINS} single-stain controls, found ${stains.length}`,
        );
      const inputs: Record<string, SuppliedInput> = {
        unstained: await readFlowInput(options.unstained, "fcs"),
      };
      for (const [i, s] of stains.entries()) inputs[`stain${i + 1}`] = await readFlowInput(s.file, "fcs");
      const parameters = { stains: stains.map((s) => s.detector), statistic: options.statistic };
      const envelope = await report(flowSpilloverKind, parameters, inputs, options, {
        json: (r) => {
          const { detectors, matrix } = r as FlowSpilloverResult;
          return { detectors, matrix };
        },
        text: (e) => {
          const r = e.result as FlowSpilloverResult;
          return formatTable(
            ["stain", ...r.detectors],
            r.matrix.map((row, i) => [r.detectors[i], ...row.map((v) => v.toFixed(6))]),
          );
        },
      });
      if (options.csv) {
        const { formatSpilloverMatrix } = await import("../../../io/flow-matrix/index.js");
        const r = envelope.result as FlowSpilloverResult;
        await writeFile(
          options.csv,
          formatSpilloverMatrix({
            fluorochromes: r.detectors,
            detectors: r.detectors,
            coefficients: r.matrix,
          }),
        );
      }
    },
  );

  const series = addQuadrantOptions(
    flow
      .command("series")
      .description(
        "Annexin V / PI populations of every FCS file of a design (file, conc_nM) with the same gates and thresholds, and % apoptotic (early + late) vs concentration fitted with the 4PL dose-response model: EC50, Hill slope, 95 % CI.",
      )
      .requiredOption("--design <file>", "design CSV: file,conc_nM (files relative to the CSV)"),
  ).addHelpText(
    "after",
    "\nExample:\n  ixalab flow series --design design.csv --annexin FITC-A --pi PE-A --control unstained.fcs --json",
  );
  for (const [flag, description, fallback] of STORE_FLAGS) series.option(flag, description, fallback);
  series.action(async (options: QuadrantFlags & { design: string }) => {
    const parameters = quadrantParameters(options);
    const designInput = await readFlowInput(options.design, "flow-design-csv");
    const [{ parseFlowDesign }, { flowSeriesKind, MAX_SERIES_FILES }] = await Promise.all([
      import("../../../io/flow-matrix/index.js"),
      import("../../../kinds/flowSeries.js"),
    ]);
    const rows = parseFlowDesign(new TextDecoder().decode(designInput.bytes), options.design);
    if (rows.length > MAX_SERIES_FILES)
      throw new InputError(
        `${options.design}: ${rows.length} rows; a series takes at most ${MAX_SERIES_FILES} files`,
      );
    const inputs: Record<string, SuppliedInput> = { design: designInput, ...(await quadrantInputs(options)) };
    const folder = dirname(resolve(options.design));
    for (const [i, row] of rows.entries())
      inputs[`fcs${i + 1}`] = await readFlowInput(resolve(folder, row.file), "fcs");
    await report(flowSeriesKind, parameters, inputs, options, {
      json: (r) => {
        const { samples, fit } = r as FlowSeriesResult;
        return {
          samples: samples.map(({ file, conc_nM, events, gatedEvents, populations, apoptoticPercent }) => ({
            file,
            conc_nM,
            events,
            gatedEvents,
            populations,
            apoptoticPercent,
          })),
          fit,
        };
      },
      text: (e) => {
        const r = e.result as FlowSeriesResult;
        const table = formatTable(
          ["file", "conc (nM)", "gated", "live %", "early %", "late %", "necrotic %", "apoptotic %"],
          r.samples.map((s) => [
            s.file,
            s.conc_nM,
            s.gatedEvents,
            s.populations.live.percent.toFixed(2),
            s.populations.earlyApoptotic.percent.toFixed(2),
            s.populations.lateApoptotic.percent.toFixed(2),
            s.populations.necrotic.percent.toFixed(2),
            s.apoptoticPercent.toFixed(2),
          ]),
        );
        const f = r.fit;
        const fit =
          f.ec50_nM === null
            ? `fit: ${f.class}`
            : `fit: ${f.class}, EC50 ${f.ec50Qualifier === ">" ? ">" : ""}${f.ec50_nM.toPrecision(4)} nM${f.ci95_nM ? ` (95 % CI ${f.ci95_nM[0].toPrecision(4)}–${f.ci95_nM[1].toPrecision(4)})` : ""}, Hill ${f.hill?.toFixed(3)}`;
        return `${table}\n${fit}`;
      },
    });
  });
}

/** @throws InputError for a plot file that is neither .svg nor .png. */
function plotFormat(path: string): "svg" | "png" {
  const ext = extname(path).toLowerCase();
  if (ext === ".svg") return "svg";
  if (ext === ".png") return "png";
  throw new InputError(`--plot: expected a file ending in .svg or .png, found '${path}'`);
}

async function writeDensityPlot(
  path: string,
  events: ApoptosisEvents,
  result: FlowApoptosisResult,
  transform: "logicle" | "asinh",
  title: string,
): Promise<void> {
  const { plotApoptosisDensity } = await import("../../../reports/flowPlots.js");
  const svg = plotApoptosisDensity({
    annexin: events.annexin,
    pi: events.pi,
    ...(events.keep && { keep: events.keep }),
    thresholds: events.thresholds,
    channels: events.channels,
    populations: result.populations,
    title,
    transform,
  });
  if (plotFormat(path) === "svg") await writeFile(path, svg);
  else await writeFile(path, await renderSvgToPng(svg));
}

/** The `flow apoptosis --json` document of the CLI contract. */
function apoptosisJson(r: FlowApoptosisResult) {
  const { events, gatedEvents, populations } = r;
  return { events, gatedEvents, populations };
}

function apoptosisText(r: FlowApoptosisResult): string {
  const rows = Object.entries(r.populations).map(([name, p]) => [name, p.count, p.percent.toFixed(2)]);
  return `${r.gatedEvents} of ${r.events} events; thresholds ${r.thresholds.annexin} / ${r.thresholds.pi} (${r.thresholds.source})${r.compensated ? ", compensated" : ""}\n${formatTable(["population", "events", "% of gated"], rows)}`;
}

/**
 * The flags' parameters with the schema's defaults, checked by the same rules as the `flow.apoptosis`
 * schema (a test compares this path with the kind's): the fast path without zod.
 * @throws ValidationError naming each bad parameter.
 */
function withApoptosisDefaults(
  raw: Record<string, unknown>,
  defaults: typeof APOPTOSIS_DEFAULTS,
): ApoptosisParameters {
  const p = { ...defaults, singletBand: [...defaults.singletBand], ...raw } as ApoptosisParameters;
  const issues: { path: string; message: string }[] = [];
  for (const key of ["annexin", "pi", "fscArea", "fscHeight", "sscArea"] as const)
    if (typeof p[key] !== "string" || p[key] === "")
      issues.push({ path: `parameters.${key}`, message: "expected a non-empty channel name" });
  if (p.cellGateId === "") issues.push({ path: "parameters.cellGateId", message: "expected a gate id" });
  if (!(p.controlPercentile > 0 && p.controlPercentile < 100))
    issues.push({ path: "parameters.controlPercentile", message: "expected a number > 0 and < 100" });
  if (!(p.singletBand[0] > 0 && p.singletBand[1] > 0))
    issues.push({ path: "parameters.singletBand", message: "expected two numbers > 0" });
  if (issues.length > 0) throw new ValidationError(issues, "flow.apoptosis: invalid parameters");
  return p;
}

/**
 * Renders an SVG document to PNG in headless Chromium (playwright-core), at the SVG's own size.
 * @throws InputError (exit 2) when Chromium or playwright-core is not available, naming what is missing.
 */
async function renderSvgToPng(svg: string): Promise<Uint8Array> {
  const { existsSync } = await import("node:fs");
  if (!existsSync(CHROMIUM))
    throw new InputError(`--plot .png needs Chromium at ${CHROMIUM} (not found); write an .svg plot instead`);
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new InputError(
      "--plot .png needs the playwright-core package (not installed); write an .svg plot instead",
    );
  }
  const size = (attribute: string) =>
    Number(new RegExp(`<svg[^>]*\\s${attribute}="([\\d.]+)"`).exec(svg)?.[1] ?? 600);
  const width = Math.ceil(size("width"));
  const height = Math.ceil(size("height"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return await page.screenshot({ clip: { x: 0, y: 0, width, height }, type: "png" });
  } finally {
    await browser.close();
  }
}
