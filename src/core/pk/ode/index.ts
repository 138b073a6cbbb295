export { luDecompose, luSolve } from "./lu.js";
export type { OdeOptions, OdeSolution, OdeSystem } from "./odeSystem.js";
export { ODE_DEFAULTS, solveOde } from "./rodas4.js";
