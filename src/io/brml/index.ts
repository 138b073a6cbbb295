export { parseBrml } from "./parse.js";
