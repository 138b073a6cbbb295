import type { Command } from "commander";

/** `ixalab serve`: the HTTP API and the web UI. */
export function addServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web UI and the HTTP API")
    .option("--port <n>", "TCP port (0 picks a free one)", process.env.PORT ?? "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--data <dir>", "PGlite data folder (PostgreSQL when DATABASE_URL is set)", "./data")
    .action(async (options: { port: string; host: string; data: string }) => {
      // The HTTP stack is loaded only by `serve`, keeping other commands' start-up short.
      const { startServer, positiveIntegerOrZero } = await import("../../server/startServer.js");
      const server = await startServer({
        port: positiveIntegerOrZero(options.port, "--port"),
        host: options.host,
        dataDir: options.data,
      });
      process.stdout.write(`Ixalab listening on ${server.url}\n`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
