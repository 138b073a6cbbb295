/** Loads data for a component with loading and error states; aborts when the key changes or on unmount. */
import { useCallback, useEffect, useRef, useState } from "react";

export type FetchState<T> =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ok"; data: T; refreshing: boolean };

export type FetchResult<T> = FetchState<T> & { reload: () => void };

/**
 * Runs `load` whenever `key` changes (or `reload()` is called). Keeps showing the previous data while a
 * reload of the same key is under way, so tables do not flash.
 */
export function useFetch<T>(key: string, load: (signal: AbortSignal) => Promise<T>): FetchResult<T> {
  const [state, setState] = useState<FetchState<T> & { key: string }>({ status: "loading", key });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) =>
      previous.status === "ok" && previous.key === key && tick > 0
        ? { ...previous, refreshing: true }
        : { status: "loading", key },
    );
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ok", data, refreshing: false, key });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error, key });
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  // A render between a key change and its effect must not show the old key's data.
  const current: FetchState<T> = state.key === key ? state : { status: "loading" };
  return { ...current, reload };
}
