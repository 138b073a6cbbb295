import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * Builds the web UI (src/apps/web) into dist/web, which the server serves. React's JSX goes through
 * Vite's built-in Oxc transform with the automatic runtime, so no React plugin is needed.
 * `npx vite --config vite.config.ts` serves the UI and proxies /api to a server on port 8080.
 */
export default defineConfig({
  root: `${repoRoot}src/apps/web`,
  base: "/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
