/** Client-side routing on the History API: the server answers index.html for every non-/api path. */
import { useMemo, useSyncExternalStore } from "react";

const NAVIGATE_EVENT = "ixalab:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to an app path without reloading the page. */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!options.keepScroll) window.scrollTo(0, 0);
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

/** The current path and query; re-renders on navigation and on the browser's back/forward. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
    return { pathname, search: url.searchParams };
  }, [href]);
}

export type Route =
  | { name: "compounds" }
  | { name: "compound"; id: string }
  | { name: "compare"; ids: string[] }
  | { name: "analyses"; kind: string | null }
  | { name: "analysis"; id: string }
  | { name: "audit" }
  | { name: "pk" }
  | { name: "synthesisRoutes" }
  | { name: "synthesisRoute"; id: string }
  | { name: "synthesisPlan"; id: string }
  | { name: "batches" }
  | { name: "batch"; id: string }
  | { name: "batchRelease"; id: string }
  | { name: "notFound"; path: string };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Maps a location to one of the app's pages. */
export function matchRoute({ pathname, search }: Location): Route {
  const parts = pathname.split("/").filter(Boolean).map(decode);
  const [first, second, ...rest] = parts;
  if (first === "synthesis" && second !== undefined && rest.length === 1 && rest[0] === "plan")
    return { name: "synthesisPlan", id: second };
  if (first === "batches" && second !== undefined && rest.length === 1 && rest[0] === "release")
    return { name: "batchRelease", id: second };
  if (rest.length > 0) return { name: "notFound", path: pathname };
  if (first === undefined || (first === "compounds" && second === undefined)) return { name: "compounds" };
  if (first === "compounds" && second !== undefined) return { name: "compound", id: second };
  if (first === "compare" && second === undefined)
    return { name: "compare", ids: (search.get("ids") ?? "").split(",").filter((id) => id !== "") };
  if (first === "analyses" && second === undefined) return { name: "analyses", kind: search.get("kind") };
  if (first === "analyses" && second !== undefined) return { name: "analysis", id: second };
  if (first === "audit" && second === undefined) return { name: "audit" };
  if (first === "pk" && second === undefined) return { name: "pk" };
  if (first === "synthesis")
    return second === undefined ? { name: "synthesisRoutes" } : { name: "synthesisRoute", id: second };
  if (first === "batches") return second === undefined ? { name: "batches" } : { name: "batch", id: second };
  return { name: "notFound", path: pathname };
}

/** Paths of the app's pages, so links are spelled once. */
export const paths = {
  compounds: () => "/",
  compound: (id: string) => `/compounds/${encodeURIComponent(id)}`,
  compare: (ids: readonly string[]) => `/compare?ids=${ids.map(encodeURIComponent).join(",")}`,
  analyses: (kind?: string) => (kind ? `/analyses?kind=${encodeURIComponent(kind)}` : "/analyses"),
  analysis: (id: string) => `/analyses/${encodeURIComponent(id)}`,
  audit: () => "/audit",
  pk: () => "/pk",
  synthesisRoutes: () => "/synthesis",
  synthesisRoute: (id: string) => `/synthesis/${encodeURIComponent(id)}`,
  synthesisPlan: (id: string, query?: { targetG: string; yields: string }) =>
    `/synthesis/${encodeURIComponent(id)}/plan${query ? `?targetG=${encodeURIComponent(query.targetG)}&yields=${encodeURIComponent(query.yields)}` : ""}`,
  batches: () => "/batches",
  batch: (id: string) => `/batches/${encodeURIComponent(id)}`,
  batchRelease: (id: string) => `/batches/${encodeURIComponent(id)}/release`,
};
