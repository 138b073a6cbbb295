/**
 * Test helper: the NIST StRD nonlinear-regression models used by `nistStrd.test.ts`, each with its
 * analytic Jacobian, written from the model lines of the `.dat` files. Residuals are f(x; b) − y.
 */
import type { LeastSquaresProblem } from "./levenbergMarquardt.js";

/** A model f(x; b) with its gradient ∂f/∂b written into `grad`. */
export interface NistModel {
  nParams: number;
  value(x: number, b: Float64Array): number;
  gradient(x: number, b: Float64Array, grad: Float64Array): void;
}

const exponentialRise: NistModel = {
  // y = b1·(1 − exp(−b2·x))
  nParams: 2,
  value: (x, b) => b[0]! * -Math.expm1(-b[1]! * x),
  gradient(x, b, g) {
    const e = Math.exp(-b[1]! * x);
    g[0] = -Math.expm1(-b[1]! * x);
    g[1] = b[0]! * x * e;
  },
};

/** The models, keyed by NIST dataset name. */
export const NIST_MODELS: Record<string, NistModel> = {
  Misra1a: exponentialRise,
  BoxBOD: exponentialRise,
  Thurber: {
    // y = (b1 + b2·x + b3·x² + b4·x³) / (1 + b5·x + b6·x² + b7·x³)
    nParams: 7,
    value(x, b) {
      const x2 = x * x;
      const x3 = x2 * x;
      return (b[0]! + b[1]! * x + b[2]! * x2 + b[3]! * x3) / (1 + b[4]! * x + b[5]! * x2 + b[6]! * x3);
    },
    gradient(x, b, g) {
      const x2 = x * x;
      const x3 = x2 * x;
      const num = b[0]! + b[1]! * x + b[2]! * x2 + b[3]! * x3;
      const den = 1 + b[4]! * x + b[5]! * x2 + b[6]! * x3;
      const f = num / den;
      g[0] = 1 / den;
      g[1] = x / den;
      g[2] = x2 / den;
      g[3] = x3 / den;
      g[4] = (-f * x) / den;
      g[5] = (-f * x2) / den;
      g[6] = (-f * x3) / den;
    },
  },
  Rat42: {
    // y = b1 / (1 + exp(b2 − b3·x))
    nParams: 3,
    value: (x, b) => b[0]! / (1 + Math.exp(b[1]! - b[2]! * x)),
    gradient(x, b, g) {
      const e = Math.exp(b[1]! - b[2]! * x);
      const d = 1 + e;
      g[0] = 1 / d;
      g[1] = (-b[0]! * e) / (d * d);
      g[2] = (b[0]! * x * e) / (d * d);
    },
  },
  Rat43: {
    // y = b1 / (1 + exp(b2 − b3·x))^(1/b4)
    nParams: 4,
    value: (x, b) => b[0]! / (1 + Math.exp(b[1]! - b[2]! * x)) ** (1 / b[3]!),
    gradient(x, b, g) {
      const e = Math.exp(b[1]! - b[2]! * x);
      const d = 1 + e;
      const w = d ** (-1 / b[3]!);
      g[0] = w;
      g[1] = (((-b[0]! / b[3]!) * w) / d) * e;
      g[2] = (((b[0]! / b[3]!) * w) / d) * e * x;
      g[3] = (b[0]! * w * Math.log(d)) / (b[3]! * b[3]!);
    },
  },
  MGH09: {
    // y = b1·(x² + x·b2) / (x² + x·b3 + b4)
    nParams: 4,
    value: (x, b) => (b[0]! * (x * x + x * b[1]!)) / (x * x + x * b[2]! + b[3]!),
    gradient(x, b, g) {
      const num = x * x + x * b[1]!;
      const den = x * x + x * b[2]! + b[3]!;
      g[0] = num / den;
      g[1] = (b[0]! * x) / den;
      g[2] = (-b[0]! * num * x) / (den * den);
      g[3] = (-b[0]! * num) / (den * den);
    },
  },
  MGH10: {
    // y = b1·exp(b2 / (x + b3))
    nParams: 3,
    value: (x, b) => b[0]! * Math.exp(b[1]! / (x + b[2]!)),
    gradient(x, b, g) {
      const e = Math.exp(b[1]! / (x + b[2]!));
      g[0] = e;
      g[1] = (b[0]! * e) / (x + b[2]!);
      g[2] = (-b[0]! * e * b[1]!) / ((x + b[2]!) * (x + b[2]!));
    },
  },
  Eckerle4: {
    // y = (b1/b2)·exp(−½·((x − b3)/b2)²)
    nParams: 3,
    value(x, b) {
      const z = (x - b[2]!) / b[1]!;
      return (b[0]! / b[1]!) * Math.exp(-0.5 * z * z);
    },
    gradient(x, b, g) {
      const z = (x - b[2]!) / b[1]!;
      const e = Math.exp(-0.5 * z * z);
      g[0] = e / b[1]!;
      g[1] = ((b[0]! * e) / (b[1]! * b[1]!)) * (z * z - 1);
      g[2] = ((b[0]! * e) / (b[1]! * b[1]!)) * z;
    },
  },
};

/** Builds the least-squares problem r_i = f(x_i; b) − y_i for a model and data set. */
export function nistProblem(model: NistModel, x: Float64Array, y: Float64Array): LeastSquaresProblem {
  const m = model.nParams;
  const grad = new Float64Array(m);
  return {
    nResiduals: x.length,
    nParams: m,
    residuals(b, out) {
      for (let i = 0; i < x.length; i++) out[i] = model.value(x[i]!, b) - y[i]!;
    },
    jacobian(b, out) {
      for (let i = 0; i < x.length; i++) {
        model.gradient(x[i]!, b, grad);
        for (let j = 0; j < m; j++) out[i * m + j] = grad[j]!;
      }
    },
  };
}
