const RAD = Math.PI / 180;

/**
 * Removes the Kα2 component by Rachinger's method (J. Sci. Instrum. 25, 254 (1948)): walking up in 2θ,
 * the Kα1 profile is I₁(2θ) = I(2θ) − R·I₁(2θ′), where 2θ′ is the Kα1 angle whose Kα2 line falls at 2θ
 * (sin θ′ = (λ₁/λ₂)·sin θ) and R the Kα2/Kα1 intensity ratio. I₁ at 2θ′ is interpolated linearly in the
 * already corrected points. Apply to background-subtracted intensities.
 */
export function stripKAlpha2(
  twoTheta: Float64Array,
  net: Float64Array,
  kAlpha1_A: number,
  kAlpha2_A: number,
  ratio: number,
): Float64Array {
  const n = twoTheta.length;
  const out = new Float64Array(n);
  const q = kAlpha1_A / kAlpha2_A;
  let j = 0; // index with twoTheta[j] ≤ 2θ′ < twoTheta[j+1]; 2θ′ increases with 2θ, so j only moves up
  for (let i = 0; i < n; i++) {
    const s = q * Math.sin((twoTheta[i]! * RAD) / 2);
    let contribution = 0;
    if (s < 1) {
      const source = (2 * Math.asin(s)) / RAD;
      while (j + 1 < i && twoTheta[j + 1]! <= source) j++;
      if (source >= twoTheta[0]! && j + 1 <= i && source <= twoTheta[i]!) {
        const x0 = twoTheta[j]!;
        const x1 = twoTheta[j + 1]!;
        const t = x1 > x0 ? (source - x0) / (x1 - x0) : 0;
        if (j + 1 < i) {
          contribution = ratio * (out[j]! + t * (out[j + 1]! - out[j]!));
        } else {
          // The shift is below one step: I₁(2θ′) interpolates towards the unknown I₁ at this very point, so
          // solve I₁ = I − R·((1−t)·I₁[j] + t·I₁) for I₁.
          out[i] = (net[i]! - ratio * (1 - t) * out[j]!) / (1 + ratio * t);
          continue;
        }
      }
    }
    out[i] = net[i]! - contribution;
  }
  return out;
}
