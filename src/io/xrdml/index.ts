export { parseXrdml } from "./parse.js";
