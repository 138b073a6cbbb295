/** Gating-ML 2.0 transformations (§5) and gates (§4) as pure functions over typed arrays. */
export { type ApplyGatingOptions, applyGatingStrategy, applyTransformation } from "./applyGatingStrategy.js";
export { compensate } from "./compensate.js";
export { ellipsoidMask, invertMatrix, polygonMask, quadrantMask, rectangleMask } from "./gateMasks.js";
export { hyperlog, hyperlogInverse, hyperlogScale } from "./hyperlog.js";
export { invertMonotone, type MonotoneScale } from "./invertMonotone.js";
export { type LogicleScale, logicle, logicleInverse, logicleScale } from "./logicle.js";
export { fasinh, fasinhInverse, flin, flinInverse, flog, flogInverse, fratio } from "./transforms.js";
export type * from "./types.js";
