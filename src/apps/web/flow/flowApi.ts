/** Client for the flow routes of the API (src/apps/server/flowRoutes.ts). */
import { ApiError } from "../api.js";
import type { DensityJson, QuadrantCounts } from "./types.js";

const enc = encodeURIComponent;

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NetworkError", `Could not reach the Ixalab server for ${path}.`);
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      String(error?.type ?? "HttpError"),
      String(error?.message ?? `${path} failed with HTTP ${response.status}`),
      Array.isArray(error?.issues) ? error.issues : [],
    );
  }
  return body as T;
}

export const flowApi = {
  /** The 2-D histogram of a stored run on logicle or asinh axes. */
  density: (id: string, transform: "logicle" | "asinh", signal?: AbortSignal) =>
    json<DensityJson>(`/api/analyses/${enc(id)}/flow/density.json?transform=${transform}`, { signal }),
  /** Exact quadrant counts of a stored run for other thresholds (compensated scale units). */
  quadrants: (id: string, thresholds: [number, number], signal?: AbortSignal) =>
    json<QuadrantCounts>(`/api/analyses/${enc(id)}/flow/quadrants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ thresholds }),
      signal,
    }),
  densityPlotUrl: (id: string) => `/api/analyses/${enc(id)}/plots/density.svg`,
  histogramUrl: (id: string, channel: string) =>
    `/api/analyses/${enc(id)}/plots/histogram.svg?channel=${enc(channel)}`,
};
