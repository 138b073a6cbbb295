import { useState } from "react";

export interface PlotImageProps {
  src: string;
  /** Describes what the plot shows, for screen readers and when it cannot load. */
  alt: string;
  /** Intrinsic size, when known, so the page does not jump as lazy images arrive. */
  width?: number;
  height?: number;
  testId?: string;
}

/** A server-drawn SVG plot as a lazy-loaded image, with loading and error states. */
export function PlotImage({ src, alt, width, height, testId }: PlotImageProps) {
  const [status, setStatus] = useState<"loading" | "ok" | "error">("loading");
  return (
    <div className={`plot plot--${status}`} aria-busy={status === "loading" || undefined}>
      <img
        src={src}
        alt={alt}
        width={width}
        height={height}
        loading="lazy"
        decoding="async"
        data-testid={testId}
        onLoad={() => setStatus("ok")}
        onError={() => setStatus("error")}
      />
      {status === "loading" && (
        <span className="plot__status" aria-hidden="true">
          <span className="spinner" />
        </span>
      )}
      {status === "error" && (
        <p className="plot__error" role="status">
          Could not load this plot.{" "}
          <a href={src} target="_blank" rel="noreferrer">
            Open it
          </a>{" "}
          to see the server's answer.
        </p>
      )}
    </div>
  );
}
