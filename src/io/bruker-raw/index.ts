export { parseBrukerRaw } from "./parse.js";
