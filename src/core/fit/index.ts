export {
  type LeastSquaresCovariance,
  type LeastSquaresProblem,
  type LevenbergMarquardtOptions,
  type LevenbergMarquardtReason,
  type LevenbergMarquardtResult,
  LM_DEFAULTS,
  leastSquaresCovariance,
  levenbergMarquardt,
} from "./levenbergMarquardt.js";
export {
  applyQTranspose,
  choleskyDecompose,
  choleskySolve,
  householderQr,
  invertSpd,
  invertSpdInto,
  norm2,
  SINGULAR_RCOND,
  type SpdInverse,
  solveUpperTriangular,
} from "./linearAlgebra.js";
