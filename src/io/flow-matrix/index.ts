/** Flow cytometry tables: spillover matrices (FlowJo/FlowKit/flowCore CSV) and series designs. */
export { type FlowDesignRow, parseFlowDesign } from "./parseFlowDesign.js";
export { formatSpilloverMatrix, parseSpilloverMatrix } from "./parseSpilloverMatrix.js";
