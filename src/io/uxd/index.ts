export { parseUxd } from "./parse.js";
