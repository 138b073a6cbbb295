export { parseMsCsv } from "./parse.js";
