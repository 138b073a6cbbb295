export { type AppDependencies, createApp } from "./createApp.js";
export { type ServerOptions, startServer } from "./startServer.js";
