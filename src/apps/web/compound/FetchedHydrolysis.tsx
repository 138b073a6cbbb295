import { ApiError, api } from "../api.js";
import { Async } from "../components/Async.js";
import { useFetch } from "../useFetch.js";
import { HydrolysisBody } from "./HydrolysisBody.js";

/** Loads the hydrolysis when the compound record does not embed it; a 404 means there is none. */
export function FetchedHydrolysis({ id }: { id: string }) {
  const state = useFetch(`hydrolysis:${id}`, (signal) =>
    api.hydrolysis(id, signal).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  if (state.status === "ok" && state.data === null) {
    return <p className="muted">No hydrolysis reaction is defined for this compound.</p>;
  }
  return (
    <Async state={state} what="the hydrolysis">
      {(data) => data && <HydrolysisBody hydrolysis={data} />}
    </Async>
  );
}
