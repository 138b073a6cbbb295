import { ApiError, api } from "../api.js";
import { Async } from "../components/Async.js";
import { useFetch } from "../useFetch.js";
import { HydrolysisBody } from "./HydrolysisBody.js";

/** Loads the hydrolysis when the compound record does not embed it; a 4xx answer means there is none. */
export function FetchedHydrolysis({ id }: { id: string }) {
  const state = useFetch(`hydrolysis:${id}`, (signal) =>
    api.hydrolysis(id, signal).catch((error: unknown) => {
      // 4xx: the compound has no hydrolysis reaction; the server's message says which ones do.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) return error.message;
      throw error;
    }),
  );
  if (state.status === "ok" && typeof state.data === "string") {
    return <p className="muted">No hydrolysis reaction: {state.data}</p>;
  }
  return (
    <Async state={state} what="the hydrolysis">
      {(data) => typeof data !== "string" && <HydrolysisBody hydrolysis={data} />}
    </Async>
  );
}
