import { useEffect } from "react";

/** Sets the browser tab's title to "<title> · Ixalab". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Ixalab` : "Ixalab";
  }, [title]);
}
