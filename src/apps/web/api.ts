/** Typed client for the Ixalab HTTP API (src/apps/server). Every call throws `ApiError` on failure. */

export interface Health {
  status: string;
  version: string;
  store: "pglite" | "postgres" | string;
}

export interface CompoundSummary {
  id: string;
  name: string;
  cas: string | null;
  formula: string;
  averageMass: number;
  inchiKey: string;
  smiles: string;
  roles: string[];
}

export interface ComputedProperties {
  formula: string;
  averageMass: number;
  monoisotopicMass: number;
  clogp: number;
  tpsa: number;
  hbd: number;
  hba: number;
  lipinskiHbd: number;
  lipinskiHba: number;
  rotatableBonds: number;
  rings: number;
  formalCharge: number;
  canonicalSmiles: string;
  /** Null when InChI cannot represent the structure. */
  inchi: string | null;
  inchiKey: string | null;
}

export interface ReferenceRow {
  table: "physicochemical" | "pharmacokinetic" | string;
  property: string;
  value: number | string;
  unit: string | null;
  source: string;
  note?: string;
  computed?: number | string;
  computedMethod?: string;
  agrees?: boolean;
}

export interface HydrolysisSpecies {
  id: string;
  name: string;
  formula: string;
  coefficient: number;
  averageMass: number;
  monoisotopicMass: number;
}

export interface Hydrolysis {
  equation: string;
  reactants: HydrolysisSpecies[];
  products: HydrolysisSpecies[];
  balanced: boolean;
  elements: Record<string, { reactants: number; products: number }>;
  charge?: { reactants: number; products: number };
  massBalance: { reactants: number; products: number; unit: string };
}

export interface CompoundDetail {
  id: string;
  name: string;
  synonyms: string[];
  cas: string | null;
  pubchemCid: number | string | null;
  smiles: string;
  /** The InChIKey recorded with the identity (the computed one is in `computed`). */
  inchiKey?: string;
  identitySource: string;
  roles: string[];
  computed: ComputedProperties;
  /** Null when an element has no IUPAC conventional atomic weight. */
  conventionalAverageMass: { value: number; unit: string; method: string } | null;
  reference: ReferenceRow[];
  hydrolysis?: Hydrolysis;
  /** Whether the guide's mechanism of action covers it (`GET /api/compounds/:id/mechanism.svg`). */
  mechanism: boolean;
}

/** A JSON Schema fragment, as the server derives it from a kind's parameter schema. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  items?: JsonSchema | boolean;
  /** Tuple members (JSON Schema 2020-12). */
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  contentMediaType?: string;
}

/** A file a kind reads: a file picker in the form, a multipart field named `name` in the request. */
export interface InputSpec {
  name: string;
  /** The io format id recorded in the provenance envelope, e.g. "molfile", "ic50-kinetics". */
  format: string;
  description: string;
  required: boolean;
  /** File name patterns for the picker, e.g. ".csv,.txt". */
  accept?: string;
}

export interface Kind {
  id: string;
  title: string;
  description: string;
  /** The same analysis on the command line, e.g. "ixalab chem props". */
  command?: string;
  parameters: JsonSchema;
  /** Input files; absent from servers that predate file inputs. */
  inputs?: InputSpec[];
}

/** One input file of an analysis, identified by content. */
export interface InputFileRef {
  name: string;
  bytes: number;
  sha256: string;
  format: string;
}

export interface Envelope {
  kind: string;
  ixalabVersion: string;
  startedAt: string;
  durationMs: number;
  inputs: InputFileRef[];
  parameters: unknown;
  warnings: string[];
  result: unknown;
}

export interface AnalysisRun {
  id?: string;
  envelope: Envelope;
}

export interface StoredAnalysis {
  id: string;
  kind: string;
  compoundId: string | null;
  /** The batch the analysis is of; absent from servers that predate batches. */
  batchId?: string | null;
  createdAt: string;
  parameters: unknown;
  result: unknown;
  /** The whole provenance envelope the analysis was stored with. */
  provenance: unknown;
}

/** A row of `GET /api/analyses?view=summary`: the result's headline lines instead of the result. */
export type AnalysisSummaryRow = Omit<StoredAnalysis, "result" | "provenance"> & {
  summary: [string, string][];
};

export interface AuditEvent {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface ApiIssue {
  path: string;
  message: string;
}

/** A failed API call: HTTP status (0 when the server could not be reached) and the server's error body. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function errorFromResponse(path: string, response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.message === "string") {
    const issues = Array.isArray(error.issues)
      ? error.issues
          .filter(isRecord)
          .map((i) => ({ path: String(i.path ?? ""), message: String(i.message ?? "") }))
      : [];
    return new ApiError(response.status, String(error.type ?? "Error"), error.message, issues);
  }
  const detail = text && !text.trimStart().startsWith("<") ? `: ${text.slice(0, 200)}` : "";
  return new ApiError(
    response.status,
    "HttpError",
    `${path} failed with HTTP ${response.status} ${response.statusText}${detail}`,
  );
}

/** fetch() with the API's errors as `ApiError` (network failures as status 0). */
export async function send(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, "NetworkError", `Could not reach the Ixalab server for ${path} (${why}).`);
  }
  if (!response.ok) throw await errorFromResponse(path, response);
  return response;
}

/** GET a JSON document; `ApiError` for errors and for a non-JSON answer. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { signal, headers: { accept: "application/json" } });
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) {
    throw new ApiError(
      response.status,
      "HttpError",
      `${path} answered with ${type || "no content type"} instead of JSON. Is the API server running?`,
    );
  }
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const enc = encodeURIComponent;

export const api = {
  health: (signal?: AbortSignal) => getJson<Health>("/api/health", signal),
  compounds: (signal?: AbortSignal) => getJson<CompoundSummary[]>("/api/compounds", signal),
  compound: (id: string, signal?: AbortSignal) =>
    getJson<CompoundDetail>(`/api/compounds/${enc(id)}`, signal),
  hydrolysis: (id: string, signal?: AbortSignal) =>
    getJson<Hydrolysis>(`/api/compounds/${enc(id)}/hydrolysis`, signal),
  depictionUrl: (id: string) => `/api/compounds/${enc(id)}/depiction.svg`,
  mechanismUrl: (id: string) => `/api/compounds/${enc(id)}/mechanism.svg`,
  async depiction(id: string, signal?: AbortSignal): Promise<string> {
    const path = `/api/compounds/${enc(id)}/depiction.svg`;
    const response = await send(path, { signal, headers: { accept: "image/svg+xml" } });
    return response.text();
  },
  kinds: (signal?: AbortSignal) => getJson<Kind[]>("/api/kinds", signal),
  /**
   * Runs an analysis. Without files the body is JSON `{parameters, save}`; with any file it is
   * multipart/form-data: `parameters` (JSON text), `save` and one file field per input, named as the input.
   */
  async runAnalysis(
    kind: string,
    parameters: Record<string, unknown>,
    files: Readonly<Record<string, File>> = {},
    save = true,
  ): Promise<AnalysisRun> {
    const path = `/api/analyses/${enc(kind)}`;
    const chosen = Object.entries(files);
    let init: RequestInit;
    if (chosen.length === 0) {
      init = {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ parameters, save }),
      };
    } else {
      const form = new FormData();
      form.set("parameters", JSON.stringify(parameters));
      form.set("save", String(save));
      for (const [name, file] of chosen) form.set(name, file, file.name);
      // No content-type header: the browser writes the multipart boundary itself.
      init = { method: "POST", headers: { accept: "application/json" }, body: form };
    }
    const response = await send(path, init);
    return (await response.json()) as AnalysisRun;
  },
  analyses: (options: { kind?: string; limit?: number } = {}, signal?: AbortSignal) =>
    getJson<StoredAnalysis[]>(`/api/analyses${query(options)}`, signal),
  analysisSummaries: (options: { kind?: string; limit?: number } = {}, signal?: AbortSignal) =>
    getJson<AnalysisSummaryRow[]>(`/api/analyses${query({ ...options, view: "summary" })}`, signal),
  analysis: (id: string, signal?: AbortSignal) => getJson<StoredAnalysis>(`/api/analyses/${enc(id)}`, signal),
  /** Dose-response plot (SVG) of a stored IC50 analysis; `plate` "pooled" for a pooled curve. */
  curvePlotUrl: (id: string, plate: string, compound: string) =>
    `/api/analyses/${enc(id)}/plots/curve.svg${query({ plate, compound })}`,
  /** Plate heat map (SVG) of a stored IC50 run: well rates or % activity. */
  heatmapUrl: (id: string, plate: string, value: "rate" | "pct") =>
    `/api/analyses/${enc(id)}/plots/heatmap.svg${query({ plate, value })}`,
  /** PK plot (SVG) of a stored pk.simulate (concentration, % β5 inhibition) or pk.population (percentile band). */
  pkPlotUrl: (id: string) => `/api/analyses/${enc(id)}/plots/pk.svg`,
  /** The IC50 table of a stored analysis as CSV. */
  curvesCsvUrl: (id: string) => `/api/analyses/${enc(id)}/curves.csv`,
  /** A self-contained HTML report of a stored analysis. */
  reportUrl: (id: string) => `/api/analyses/${enc(id)}/report.html`,
  /** The newest audit events, of one kind of entity when `entity` is given. */
  audit: (limit: number, signal?: AbortSignal, entity?: string) =>
    getJson<AuditEvent[]>(`/api/audit${query({ limit, ...(entity && { entity }) })}`, signal),
};

/** The input files named in a provenance envelope; an empty list for anything else. */
export function envelopeInputs(envelope: unknown): InputFileRef[] {
  if (!isRecord(envelope) || !Array.isArray(envelope.inputs)) return [];
  return envelope.inputs.filter(
    (i): i is InputFileRef => isRecord(i) && typeof i.name === "string" && typeof i.sha256 === "string",
  );
}

/** A readable one-line message for anything thrown by a fetch. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
