import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/**
 * Reads a file of the built web UI, or its index.html for client-side routes. Paths that climb out of
 * the root are refused. Returns undefined when the UI has not been built.
 */
export async function readWebFile(
  webRoot: string,
  urlPath: string,
): Promise<{ body: Uint8Array; contentType: string; immutable: boolean } | undefined> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, "");
  const path = join(webRoot, relative);
  if (path !== webRoot && !path.startsWith(webRoot + sep)) return undefined;
  for (const candidate of extname(relative) ? [path] : [join(webRoot, "index.html")]) {
    try {
      const body = new Uint8Array(await readFile(candidate));
      const contentType = CONTENT_TYPES[extname(candidate)] ?? "application/octet-stream";
      // Vite puts a content hash in asset names, so they can be cached for good.
      return { body, contentType, immutable: relative.startsWith("assets/") };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
