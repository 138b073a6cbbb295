import { median } from "./baseline.js";

/** Zero- and first-order phase, degrees; the first-order term pivots on the spectrum's centre. */
export interface Phase {
  ph0: number;
  ph1: number;
}

/**
 * Applies `φ_j = ph0 + ph1·(j/N − ½)` to a complex spectrum in place: (re + i·im)·e^{iφ_j}. The rotation
 * advances by one complex multiplication per point, so no trigonometry runs per point.
 */
export function applyPhase(re: Float64Array, im: Float64Array, phase: Phase): void {
  const n = re.length;
  const rad = Math.PI / 180;
  const start = (phase.ph0 - phase.ph1 / 2) * rad;
  const step = (phase.ph1 * rad) / n;
  let c = Math.cos(start);
  let s = Math.sin(start);
  const dc = Math.cos(step);
  const ds = Math.sin(step);
  for (let j = 0; j < n; j++) {
    const r = re[j]!;
    const q = im[j]!;
    re[j] = r * c - q * s;
    im[j] = r * s + q * c;
    const c2 = c * dc - s * ds;
    s = s * dc + c * ds;
    c = c2;
    if ((j & 1023) === 1023) {
      // renormalise against rounding drift of the recurrence
      const m = 1 / Math.hypot(c, s);
      c *= m;
      s *= m;
    }
  }
}

/**
 * ACME objective (Chen, Weng, Goh, Garland, J. Magn. Reson. 158 (2002) 164–168): the Shannon entropy of
 * the normalised absolute first derivative of the phased real spectrum, plus a penalty γ·Σ R_j² over
 * negative points (R scaled to a unit maximum). Lower is better phased.
 */
export function acmeCost(
  re: Float64Array,
  im: Float64Array,
  phase: Phase,
  scratch: Float64Array,
  gamma: number,
): number {
  const n = re.length;
  const rad = Math.PI / 180;
  const start = (phase.ph0 - phase.ph1 / 2) * rad;
  const step = (phase.ph1 * rad) / n;
  let c = Math.cos(start);
  let s = Math.sin(start);
  const dc = Math.cos(step);
  const ds = Math.sin(step);
  let max = 0;
  for (let j = 0; j < n; j++) {
    const r = re[j]! * c - im[j]! * s;
    scratch[j] = r;
    const a = r < 0 ? -r : r;
    if (a > max) max = a;
    const c2 = c * dc - s * ds;
    s = s * dc + c * ds;
    c = c2;
  }
  if (max === 0) return 0;
  let sumD = 0;
  for (let j = 1; j < n; j++) sumD += Math.abs(scratch[j]! - scratch[j - 1]!);
  let entropy = 0;
  for (let j = 1; j < n; j++) {
    const h = Math.abs(scratch[j]! - scratch[j - 1]!) / sumD;
    if (h > 0) entropy -= h * Math.log(h);
  }
  if (gamma === 0) return entropy;
  // The penalty counts points below the baseline level (the median), not below zero: before baseline
  // correction an offset would otherwise bias the phase.
  const level = median(scratch);
  let penalty = 0;
  for (let j = 0; j < n; j++) {
    const r = (scratch[j]! - level) / max;
    if (r < 0) penalty += r * r;
  }
  return entropy + gamma * penalty;
}

/**
 * Automatic phase correction from the peaks. At the exact centre of a Lorentzian line the dispersion
 * part vanishes, so the complex spectrum there points along the line's phase error. For up to 40 strong
 * maxima of the magnitude spectrum (≥ 2 % of the tallest), the centre is located by a parabola through
 * the magnitude and the complex value is interpolated linearly at it; a height-weighted least-squares
 * line through the peak phases (unwrapped outwards from the tallest) gives ph0 and ph1 (pivot at the
 * centre). With fewer than three well-separated peaks, or peaks spanning < 5 % of the width, only ph0 is
 * fitted. Run it on the zero-filled full-resolution spectrum (points much finer than the line width).
 *
 * ACME entropy minimisation (Chen et al., J. Magn. Reson. 158 (2002) 164) was tried first: on real ¹H
 * spectra its minimum was flat and biased by the noise points' derivatives (ph0 off by ~6° even on a
 * synthetic single line), so {@link acmeCost} is kept for diagnostics only.
 */
export function autoPhase(re: Float64Array, im: Float64Array, indexRunsWithFrequency = false): Phase {
  const p = peakPhase(re, im, indexRunsWithFrequency);
  return { ph0: normaliseDegrees(p.ph0), ph1: p.ph1 };
}

/**
 * The peak-based phase estimate described in {@link autoPhase}. The dispersion tails of neighbouring
 * lines (a multiplet's other lines) tilt a line's phase; each peak's phase is corrected by the argument
 * of Σⱼ hⱼ/(1 − i·s·Δᵢⱼ/γ) — Lorentzians of the measured half-width γ and heights hⱼ at the other
 * maxima — where s = ±1 is the direction of frequency along the index.
 */
export function peakPhase(re: Float64Array, im: Float64Array, indexRunsWithFrequency = false): Phase {
  const n = re.length;
  const mag = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const m = Math.hypot(re[i]!, im[i]!);
    mag[i] = m;
    if (m > max) max = m;
  }
  const candidates: number[] = [];
  for (let i = 2; i < n - 2; i++) {
    if (mag[i]! > 0.02 * max && mag[i]! >= mag[i - 1]! && mag[i]! > mag[i + 1]!) candidates.push(i);
  }
  candidates.sort((a, b) => mag[b]! - mag[a]!);
  const neighbours = candidates.slice(0, 400);
  const gamma = halfWidthPoints(mag, neighbours[0] ?? 0);
  const sign = indexRunsWithFrequency ? -1 : 1;
  const points: { x: number; theta: number; w: number }[] = [];
  for (const p of candidates) {
    if (points.some((q) => Math.abs((q.x + 0.5) * n - p) < 3)) continue;
    const a = mag[p - 1]!;
    const b = mag[p]!;
    const c = mag[p + 1]!;
    const denom = a - 2 * b + c;
    const f = denom < 0 ? (0.5 * (a - c)) / denom : 0;
    const k = f >= 0 ? p : p - 1;
    const t = f >= 0 ? f : 1 + f;
    const zr = re[k]! * (1 - t) + re[k + 1]! * t;
    const zi = im[k]! * (1 - t) + im[k + 1]! * t;
    let cr = 0;
    let ci = 0;
    for (const q of neighbours) {
      const u = (sign * (p + f - q)) / gamma;
      const h = mag[q]!;
      cr += h / (1 + u * u);
      ci += (h * u) / (1 + u * u);
    }
    const tilt = Math.atan2(ci, cr);
    points.push({ x: (p + f) / n - 0.5, theta: ((-Math.atan2(zi, zr) + tilt) * 180) / Math.PI, w: b });
    if (points.length >= 40) break;
  }
  if (points.length === 0) return { ph0: 0, ph1: 0 };
  points.sort((a, b) => a.x - b.x);
  let k0 = 0;
  points.forEach((p, i) => {
    if (p.w > points[k0]!.w) k0 = i;
  });
  const unwrap = (i: number, j: number) => {
    const d = points[i]!.theta - points[j]!.theta;
    points[i]!.theta -= 360 * Math.round(d / 360);
  };
  for (let i = k0 + 1; i < points.length; i++) unwrap(i, i - 1);
  for (let i = k0 - 1; i >= 0; i--) unwrap(i, i + 1);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sw += p.w;
    sx += p.w * p.x;
    sy += p.w * p.theta;
    sxx += p.w * p.x * p.x;
    sxy += p.w * p.x * p.theta;
  }
  const span = points[points.length - 1]!.x - points[0]!.x;
  const det = sw * sxx - sx * sx;
  if (points.length < 3 || span < 0.05 || det <= 1e-12 * sw * sw) {
    // ph0 alone: the weighted circular mean of the peak phases
    let cs = 0;
    let sn = 0;
    for (const p of points) {
      cs += p.w * Math.cos((p.theta * Math.PI) / 180);
      sn += p.w * Math.sin((p.theta * Math.PI) / 180);
    }
    return { ph0: (Math.atan2(sn, cs) * 180) / Math.PI, ph1: 0 };
  }
  const ph1 = (sw * sxy - sx * sy) / det;
  return { ph0: (sy - ph1 * sx) / sw, ph1 };
}

/** Half width at half height of the magnitude peak at `p`, points (≥ 0.5). */
function halfWidthPoints(mag: Float64Array, p: number): number {
  const half = mag[p]! / 2;
  let a = p;
  while (a > 0 && mag[a]! > half) a--;
  let b = p;
  while (b < mag.length - 1 && mag[b]! > half) b++;
  return Math.max(0.5, (b - a) / 2);
}

/** An angle folded into (−180°, 180°]. */
export function normaliseDegrees(a: number): number {
  let x = a % 360;
  if (x > 180) x -= 360;
  if (x <= -180) x += 360;
  return x;
}

/** A plain Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction ½, shrink ½). */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  steps: number[],
  maxEvaluations: number,
  tolerance = 1e-3,
): { x: number[]; f: number } {
  const dim = start.length;
  let simplex = [start.slice()];
  for (let i = 0; i < dim; i++) {
    const p = start.slice();
    p[i] = p[i]! + steps[i]!;
    simplex.push(p);
  }
  let values = simplex.map(f);
  let evaluations = values.length;
  while (evaluations < maxEvaluations) {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    simplex = order.map(([, i]) => simplex[i]!);
    values = order.map(([v]) => v);
    const spread = Math.max(
      ...simplex.slice(1).map((p) => Math.max(...p.map((v, k) => Math.abs(v - simplex[0]![k]!)))),
    );
    if (spread < tolerance) break;
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let k = 0; k < dim; k++) centroid[k]! += simplex[i]![k]! / dim;
    const worst = simplex[dim]!;
    const along = (t: number) => centroid.map((c, k) => c + t * (worst[k]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      evaluations++;
      if (fe < fr) {
        simplex[dim] = expanded;
        values[dim] = fe;
      } else {
        simplex[dim] = reflected;
        values[dim] = fr;
      }
    } else if (fr < values[dim - 1]!) {
      simplex[dim] = reflected;
      values[dim] = fr;
    } else {
      const contracted = fr < values[dim]! ? along(-0.5) : along(0.5);
      const fc = f(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[dim]!)) {
        simplex[dim] = contracted;
        values[dim] = fc;
      } else {
        for (let i = 1; i <= dim; i++) {
          simplex[i] = simplex[i]!.map((v, k) => simplex[0]![k]! + 0.5 * (v - simplex[0]![k]!));
          values[i] = f(simplex[i]!);
          evaluations++;
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[bi]!) bi = i;
  return { x: simplex[bi]!, f: values[bi]! };
}
