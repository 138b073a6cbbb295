/** Gating-ML 2.0 XML import. */
export { parseGatingMl } from "./parseGatingMl.js";
