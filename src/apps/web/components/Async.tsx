import type { ReactNode } from "react";
import type { FetchResult } from "../useFetch.js";
import { ErrorMessage } from "./ErrorMessage.js";
import { Loading } from "./Loading.js";

export interface AsyncProps<T> {
  state: FetchResult<T>;
  /** Names the data in the loading and error messages, e.g. "compounds". */
  what: string;
  children: (data: T) => ReactNode;
}

/** Renders loading and error states of a fetch, and `children(data)` once it has arrived. */
export function Async<T>({ state, what, children }: AsyncProps<T>) {
  if (state.status === "loading") return <Loading what={what} />;
  if (state.status === "error") {
    return <ErrorMessage error={state.error} action={`load ${what}`} onRetry={state.reload} />;
  }
  return <>{children(state.data)}</>;
}
