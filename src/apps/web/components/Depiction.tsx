import { useLayoutEffect, useMemo, useRef } from "react";
import { api } from "../api.js";
import { parseSafeSvg } from "../svg.js";
import { useFetch } from "../useFetch.js";
import { ErrorMessage } from "./ErrorMessage.js";
import { Loading } from "./Loading.js";

/** The RDKit 2D depiction of a compound, inlined as SVG so it scales with its card. */
export function Depiction({ id, name }: { id: string; name: string }) {
  const state = useFetch(`depiction:${id}`, (signal) => api.depiction(id, signal));
  const text = state.status === "ok" ? state.data : null;
  const svg = useMemo(() => (text === null ? null : parseSafeSvg(text)), [text]);
  const host = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (svg) host.current?.replaceChildren(svg);
  }, [svg]);

  if (state.status === "loading") return <Loading what="the structure" />;
  if (state.status === "error") {
    return <ErrorMessage error={state.error} action="load the structure depiction" onRetry={state.reload} />;
  }
  if (!svg) {
    return <p className="muted">The server did not return an SVG depiction for {name}.</p>;
  }
  return (
    <figure className="depiction">
      <div
        className="depiction__svg"
        ref={host}
        role="img"
        aria-label={`2D structure of ${name}`}
        data-testid="depiction"
      />
      <figcaption>
        2D depiction (RDKit) ·{" "}
        <a href={api.depictionUrl(id)} target="_blank" rel="noreferrer">
          open SVG
        </a>
      </figcaption>
    </figure>
  );
}
