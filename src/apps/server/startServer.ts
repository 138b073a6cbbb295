import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { InputError } from "../../core/errors.js";
import { openAppStore } from "../shared/appStore.js";
import { closeSystemRunContext, systemRunContext } from "../shared/runContext.js";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "./createApp.js";

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** @default 8080; 0 picks a free port */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** PGlite data folder, unless DATABASE_URL is set. @default "./data" */
  dataDir?: string;
}

/** The built web UI: dist/web beside dist/apps/server. */
const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web");

/**
 * The upload limit from IXALAB_MAX_UPLOAD_MB, or the default.
 * @throws InputError when it is set but not a positive number.
 */
export function maxBodyBytesFrom(env: NodeJS.ProcessEnv): number {
  const text = env.IXALAB_MAX_UPLOAD_MB;
  if (text === undefined || text === "") return DEFAULT_MAX_BODY_BYTES;
  const mb = Number(text);
  if (!(Number.isFinite(mb) && mb > 0))
    throw new InputError(`IXALAB_MAX_UPLOAD_MB: expected a positive number of MiB, found '${text}'`);
  return Math.round(mb * 1024 ** 2);
}

/** Opens the store (seeding the reference compounds), then listens. */
export async function startServer(options: ServerOptions = {}) {
  const maxBodyBytes = maxBodyBytesFrom(process.env);
  const store = await openAppStore({ dataDir: options.dataDir ?? "./data" });
  const app = createApp({
    store,
    ctx: systemRunContext(),
    webRoot: existsSync(WEB_ROOT) ? WEB_ROOT : undefined,
    onInternalError: (error) => console.error(error),
    maxBodyBytes,
  });
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
    s.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new InputError(`port ${options.port} is already in use: pick another with --port`)
          : error,
      ),
    );
  }).catch(async (error) => {
    await store.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await closeSystemRunContext();
    },
  };
}

/** @throws InputError naming the flag when the value is not a whole number from 0 to 65535. */
export function positiveIntegerOrZero(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError(`${flag}: expected a port number 0–65535, found '${value}'`);
  return n;
}
