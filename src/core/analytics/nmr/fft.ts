import FFT from "fft.js";

const cache = new Map<number, { fft: FFT; input: Float64Array; output: Float64Array }>();

/** The next power of two ≥ n (n ≥ 1). */
export function nextPowerOfTwo(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}

/**
 * Forward complex FFT of `re + i·im` zero-filled to `size` (a power of two ≥ 4), returned with the zero
 * frequency in the middle (`fftshift`): index j holds frequency (j − size/2)·SW/size.
 */
export function fftShifted(
  re: Float64Array,
  im: Float64Array,
  size: number,
): { re: Float64Array; im: Float64Array } {
  let entry = cache.get(size);
  if (!entry) {
    entry = { fft: new FFT(size), input: new Float64Array(2 * size), output: new Float64Array(2 * size) };
    if (cache.size > 8) cache.clear();
    cache.set(size, entry);
  }
  const { fft, input, output } = entry;
  input.fill(0);
  const n = Math.min(re.length, size);
  for (let i = 0; i < n; i++) {
    input[2 * i] = re[i]!;
    input[2 * i + 1] = im[i]!;
  }
  fft.transform(output, input);
  const half = size / 2;
  const outRe = new Float64Array(size);
  const outIm = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const j = k < half ? k + half : k - half;
    outRe[j] = output[2 * k]!;
    outIm[j] = output[2 * k + 1]!;
  }
  return { re: outRe, im: outIm };
}
