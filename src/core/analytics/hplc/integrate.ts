import { areaAboveLine, parabolicPeak } from "../../signal/index.js";

/**
 * A peak as the integrator delimits it, in sample indices, with the straight baseline it is integrated
 * above (from (start, baselineStart) to (end, baselineEnd), on top of the curve baseline in "whittaker" mode).
 */
export interface IntegratedPeak {
  start: number;
  apex: number;
  end: number;
  /** Baseline value at `start` and at `end` (above the curve baseline, in "whittaker" mode). */
  baselineStart: number;
  baselineEnd: number;
  /**
   * How the start and end were drawn, in ChemStation's baseline-code letters: B baseline, V valley (drop
   * perpendicular), T tangent skim; a third letter A when the run ended before the peak did (aborted).
   */
  type: string;
  /** Area, signal × seconds (mAU·s for mAU data). */
  area: number;
  /** A step onto a plateau (see {@link RawPeak.step}): `apex` is where its up-slope ended. */
  step?: boolean;
  /** Where the cluster's baseline runs from and to when a method's baseline point, not a peak end, fixes it. */
  baselineFrom?: number;
  baselineTo?: number;
}

/** What the integrator needs: the raw and smoothed signal, its derivative and the event thresholds. */
export interface IntegratorInput {
  /** Minutes. */
  t: Float64Array;
  /** Raw signal minus the curve baseline (zeros when the baseline is drawn in segments). */
  y: Float64Array;
  /** Smoothed `y`. */
  s: Float64Array;
  /** d s / d t, per minute. */
  d: Float64Array;
  /** Slope threshold, signal units per minute. */
  slope: number;
  /** Samples a baseline must hold after a peak's end before the next rise starts a separate peak (else a valley). */
  baselineConfirm: number;
  /** Level within which a peak's end counts as back on the baseline (curve mode), signal units; ∞ for none. */
  endLevel: number;
  /**
   * A detected "peak" that does not rise above the chord from its own start to its own end by this much
   * (signal units) is drift, not a peak: it is dropped before baselines are drawn, so that it cannot join
   * its neighbours into one valley cluster; 0 keeps every one.
   */
  minRise: number;
  /** Parent height ≥ this × child height (both above the baseline) before a child is tangent-skimmed; 0: never. */
  skimHeightRatio: number;
  /** Skim only when child height / valley height (above the baseline) is below this. */
  skimValleyRatio: number;
}

export interface RawPeak {
  start: number;
  apex: number;
  end: number;
  startType: "B" | "V";
  endType: "B" | "V";
  /** The run ended on this peak's down-slope: its end is the last sample. */
  aborted?: boolean;
  /** A step onto a plateau: the slope fell back within the threshold but did not turn negative for W½; `apex` is where the up-slope ended. */
  step?: boolean;
}

/**
 * Slope-event peak detection in the manner of data-system integrators (Agilent ChemStation "Integration",
 * Dyson, "Chromatographic Integration Methods", 2nd ed., ch. 3): a peak starts where the smoothed slope
 * exceeds the threshold on two successive samples, its apex is where the slope turns negative (two
 * successive samples), and it ends where the slope is back within the threshold (and, with a curve
 * baseline, the signal is back near it) — or at a valley, where the slope rises through the threshold again
 * (drop perpendicular). Two cases of gradient baselines: an up-slope that ends without a maximum for W½ is
 * a step onto a plateau (apex where the up-slope ended); a tail that steepens again after a flat point is
 * a further peak (see {@link tailSplit}), which at the end of the run is aborted ("A").
 */
export function detectPeakEvents(input: IntegratorInput): RawPeak[] {
  const { s, d, slope, endLevel } = input;
  const n = s.length;
  const peaks: RawPeak[] = [];
  let state: "base" | "up" | "down" = "base";
  let current: RawPeak | undefined;
  let lastEnd = 0;
  // A peak ends on a flat stretch only after its down-slope was seen (ChemStation's down-slope accumulator):
  // a broad top where the slope is near zero is not yet the end.
  let descended = false;
  /** First sample of the current up-slope where the slope fell back within the threshold (−1: none). */
  let topFrom = -1;
  /** Where a step was recognised: its valley is looked for from there (the signal rose up to it). */
  let stepTop = -1;
  for (let i = 1; i < n; i++) {
    if (state === "base") {
      if (d[i]! > slope && d[i - 1]! > slope) {
        let k = i - 1;
        while (k > lastEnd && d[k - 1]! > 0.25 * slope) k--;
        const previous = peaks.at(-1);
        if (previous && !previous.aborted && k - previous.end <= input.baselineConfirm) {
          // The baseline was not confirmed for a peak width before the signal rose again: a valley
          // (ChemStation confirms a new baseline level over the expected peak width before accepting it).
          let valley = previous.end;
          for (let v = previous.apex; v <= i; v++) if (s[v]! < s[valley]!) valley = v;
          previous.end = valley;
          previous.endType = "V";
          current = { start: valley, apex: i, end: i, startType: "V", endType: "B" };
        } else current = { start: k, apex: i, end: i, startType: "B", endType: "B" };
        state = "up";
      }
    } else if (state === "up") {
      if (d[i]! <= 0 && d[i - 1]! <= 0) {
        current!.apex = i >= 2 && s[i - 1]! <= s[i - 2]! ? i - 2 : i - 1;
        state = "down";
        descended = false;
        topFrom = -1;
      } else if (d[i]! >= slope) topFrom = -1;
      else if (topFrom < 0) topFrom = i;
      else if (i - topFrom >= 2 * input.baselineConfirm) {
        // The up-slope ended W½ ago but the signal goes on rising slowly: a step onto a plateau (a baseline
        // that rises in steps on a gradient). It has no maximum; its apex is where its up-slope ended, which
        // is where ChemStation reports such a peak. Its end is a valley, as for any peak, looked for from here.
        current!.apex = topFrom;
        current!.step = true;
        stepTop = i;
        state = "down";
        descended = false;
        topFrom = -1;
      }
    } else {
      if (d[i]! > slope && d[i - 1]! > slope) {
        // Rising again before reaching the baseline: a valley, the next peak starts at its lowest point.
        const from = current!.step ? Math.max(current!.apex, stepTop) : current!.apex;
        let valley = from;
        for (let k = from; k <= i; k++) if (s[k]! < s[valley]!) valley = k;
        current!.end = valley;
        current!.endType = "V";
        peaks.push(current!);
        current = { start: valley, apex: i, end: i, startType: "V", endType: "B" };
        state = "up";
      } else if (d[i]! < -slope) {
        descended = true;
      } else if (descended && Math.abs(d[i]!) < slope && Math.abs(d[i - 1]!) < slope && s[i]! <= endLevel) {
        // The tail goes on while the signal still falls measurably: follow it as the start backtracks.
        let k = i;
        while (k + 1 < n && d[k + 1]! < -0.25 * slope) k++;
        // …unless it steepens again past −θ for W½/2 after a clearly flat point (|d| < ¾ θ): then the fall is
        // a further peak on the tail (e.g. a baseline hump that goes on falling to the end of the run). The
        // peak ends in a valley at the flattest point; the next one starts there, its apex the highest point
        // of the flat stretch.
        const split = tailSplit(d, slope, i, k, input.baselineConfirm);
        if (split) {
          current!.end = split.valley;
          current!.endType = "V";
          peaks.push(current!);
          let apex = split.valley;
          for (let a = split.valley; a <= split.fall; a++) if (s[a]! > s[apex]!) apex = a;
          current = { start: split.valley, apex, end: split.fall, startType: "V", endType: "B" };
          descended = true;
          i = split.fall;
          continue;
        }
        current!.end = k;
        if (k === n - 1 && d[k]! < -0.25 * slope) current!.aborted = true;
        peaks.push(current!);
        lastEnd = k;
        i = k;
        current = undefined;
        state = "base";
      }
    }
  }
  // A peak still falling when the run stops ends at the last sample (ChemStation's "A", aborted); one still
  // rising has no apex and is dropped, leaving the peak before it ended at its valley.
  if (current && state === "down") {
    current.end = n - 1;
    current.aborted = true;
    peaks.push(current);
  }
  return peaks;
}

/**
 * Within a followed tail from `from` to `to`: the first renewed fall below −θ lasting `confirm` samples
 * after a point flatter than ¾ θ; the flattest point before it (the valley) and where the fall starts.
 */
function tailSplit(
  d: Float64Array,
  slope: number,
  from: number,
  to: number,
  confirm: number,
): { valley: number; fall: number } | undefined {
  let flattest = from;
  for (let k = from; k <= to; k++) {
    if (Math.abs(d[k]!) < Math.abs(d[flattest]!)) flattest = k;
    if (d[k]! >= -slope || Math.abs(d[flattest]!) >= 0.75 * slope) continue;
    let run = k;
    while (run <= to && d[run]! < -slope) run++;
    if (run - k >= confirm) return { valley: flattest, fall: k };
    k = run;
  }
  return undefined;
}

/**
 * Integrates detected peaks: clusters joined by valleys share one straight baseline from the cluster's
 * first start to its last end, re-anchored at any valley the signal dips below it (baseline penetration);
 * peaks split at valleys by a perpendicular drop; a small peak on the tail (or front) of a much larger one
 * is tangent-skimmed. Areas are trapezoids of the raw signal, converted from signal·min to signal·s.
 */
export function integratePeaks(
  input: IntegratorInput,
  detected: RawPeak[],
  anchors: readonly number[] = [],
): IntegratedPeak[] {
  const { t, y, s } = input;
  const raw = splitAtAnchors(dropDrift(detected, input), anchors, s);
  const clusters: RawPeak[][] = [];
  let i = 0;
  while (i < raw.length) {
    let j = i;
    while (j + 1 < raw.length && raw[j]!.endType === "V" && raw[j + 1]!.start === raw[j]!.end) j++;
    clusters.push(...splitAtPenetration(raw.slice(i, j + 1), t, s));
    i = j + 1;
  }
  const out: IntegratedPeak[] = [];
  clusters.forEach((cluster, k) => {
    // A baseline point set by the method between this cluster and its neighbour replaces the cluster's own
    // end as the end of its baseline (the stretch between is then above the baseline but in no peak).
    const after = clusters[k - 1]?.at(-1)?.end ?? 0;
    const before = clusters[k + 1]?.[0]?.start ?? s.length - 1;
    const from = anchors.findLast((a) => a >= after && a <= cluster[0]!.start) ?? cluster[0]!.start;
    const to = anchors.find((a) => a >= cluster.at(-1)!.end && a <= before) ?? cluster.at(-1)!.end;
    const peaks = integrateCluster(cluster, input, from, to);
    // (For the drawing; a tangent-skimmed end has its own line, which does not reach the point.)
    if (from < cluster[0]!.start && peaks[0]!.type[0] !== "T") peaks[0]!.baselineFrom = from;
    if (to > cluster.at(-1)!.end && peaks.at(-1)!.type[1] !== "T") peaks.at(-1)!.baselineTo = to;
    out.push(...peaks);
  });
  for (const p of out) {
    p.area = 60 * areaAboveLine(t, y, p.start, p.end, p.baselineStart, p.baselineEnd);
  }
  return out;
}

/**
 * Drops detected peaks that rise less than `minRise` above the chord of their own start and end (noise
 * triggers on a sloping baseline, e.g. a gradient plateau); a valley such a peak shared with a neighbour
 * becomes a baseline point of that neighbour: the peak before ends there; the peak after starts where its
 * own rise begins (backtracked from its apex as at any peak start).
 */
function dropDrift(raw: RawPeak[], input: IntegratorInput): RawPeak[] {
  const { t, s, d, slope, minRise } = input;
  if (!(minRise > 0)) return raw;
  const kept = raw.map((p) => ({ ...p }));
  const rise = (p: RawPeak) => {
    const chord = lineThrough(t, s, p.start, p.end);
    let top = 0;
    for (let i = p.start; i <= p.end; i++) top = Math.max(top, s[i]! - chord(i));
    return top;
  };
  for (let k = 0; k < kept.length; k++) {
    const p = kept[k]!;
    if (p.aborted || rise(p) >= minRise) continue;
    const before = kept[k - 1];
    const after = kept[k + 1];
    if (before && before.end === p.start) before.endType = "B";
    if (after && after.start === p.end) {
      // The dropped stretch's chord is the drift: the rise begins where the slope exceeds it.
      const drift = Math.max(0, (s[p.end]! - s[p.start]!) / (t[p.end]! - t[p.start]!));
      after.startType = "B";
      let k = Math.max(after.start, Math.min(after.apex, after.end) - 1);
      while (k > after.start && d[k - 1]! > drift + 0.25 * slope) k--;
      after.start = k;
    }
    kept.splice(k--, 1);
  }
  return kept;
}

/**
 * Baseline points set by the method ("baseline now", an integration event): a peak that spans one is cut
 * there into two peaks that each end or start on the baseline; a valley at one becomes a baseline point.
 * Pieces without a maximum of their own inside are dropped (the signal only rises or falls to the point).
 */
function splitAtAnchors(raw: RawPeak[], anchors: readonly number[], s: Float64Array): RawPeak[] {
  if (anchors.length === 0) return raw;
  const out: RawPeak[] = [];
  const highest = (a: number, b: number) => {
    let top = a;
    for (let i = a; i <= b; i++) if (s[i]! > s[top]!) top = i;
    return top;
  };
  for (const peak of raw) {
    let rest: RawPeak | undefined = { ...peak };
    for (const a of anchors) {
      if (!rest || a < rest.start || a > rest.end) continue;
      if (a === rest.start) rest.startType = "B";
      else if (a === rest.end) rest.endType = "B";
      else {
        const left: RawPeak = { ...rest, end: a, endType: "B", aborted: false };
        left.apex = rest.apex < a ? rest.apex : highest(rest.start, a);
        const right: RawPeak = { ...rest, start: a, startType: "B" };
        right.apex = rest.apex > a ? rest.apex : highest(a, rest.end);
        if (left.apex > left.start && left.apex < left.end) out.push(left);
        rest = right.apex > right.start && (right.apex < right.end || right.aborted) ? right : undefined;
      }
    }
    if (rest) out.push(rest);
  }
  // A valley shared with a peak cut away, or on a baseline point, no longer joins two peaks.
  for (let k = 0; k < out.length; k++) {
    const p = out[k]!;
    const next = out[k + 1];
    if (p.endType === "V" && (!next || next.start !== p.end || next.startType === "B")) p.endType = "B";
    if (next && next.startType === "V" && p.endType === "B") next.startType = "B";
  }
  if (out[0]?.startType === "V") out[0].startType = "B";
  return out;
}

/** Splits a cluster where the smoothed signal at a valley lies below the line joining the cluster's ends. */
function splitAtPenetration(cluster: RawPeak[], t: Float64Array, s: Float64Array): RawPeak[][] {
  if (cluster.length < 2) return [cluster];
  const first = cluster[0]!;
  const last = cluster[cluster.length - 1]!;
  const line = lineThrough(t, s, first.start, last.end);
  let worst = -1;
  let depth = 0;
  for (let k = 0; k < cluster.length - 1; k++) {
    const v = cluster[k]!.end;
    const below = line(v) - s[v]!;
    if (below > depth) {
      depth = below;
      worst = k;
    }
  }
  if (worst < 0) return [cluster];
  const left = cluster.slice(0, worst + 1).map((p) => ({ ...p }));
  const right = cluster.slice(worst + 1).map((p) => ({ ...p }));
  left[left.length - 1]!.endType = "B";
  right[0]!.startType = "B";
  return [...splitAtPenetration(left, t, s), ...splitAtPenetration(right, t, s)];
}

function lineThrough(t: Float64Array, s: Float64Array, a: number, b: number): (i: number) => number {
  const slope = t[b]! > t[a]! ? (s[b]! - s[a]!) / (t[b]! - t[a]!) : 0;
  return (i) => s[a]! + slope * (t[i]! - t[a]!);
}

function integrateCluster(
  cluster: RawPeak[],
  input: IntegratorInput,
  baselineFrom: number,
  baselineTo: number,
): IntegratedPeak[] {
  const { t, s, skimHeightRatio, skimValleyRatio } = input;
  const base = lineThrough(t, s, baselineFrom, baselineTo);
  const peaks: IntegratedPeak[] = cluster.map((p) => ({
    start: p.start,
    apex: p.apex,
    end: p.end,
    baselineStart: base(p.start),
    baselineEnd: base(p.end),
    type: `${p.startType}${p.endType}${p.aborted ? "A" : ""}`,
    area: 0,
    ...(p.step ? { step: true } : {}),
  }));
  if (skimHeightRatio <= 0 || peaks.length < 2) return peaks;
  const heightOf = (i: number) => s[i]! - base(i);
  // Tail riders, left to right: the parent (the last peak not itself skimmed) keeps the area under the tangent.
  let parentIndex = 0;
  for (let k = 1; k < peaks.length; k++) {
    const parent = peaks[parentIndex]!;
    const child = peaks[k]!;
    const hp = heightOf(parent.apex);
    const hc = heightOf(child.apex);
    const hv = heightOf(child.start);
    if (!(hc > 0 && hp >= skimHeightRatio * hc && hv > 0 && hc / hv < skimValleyRatio)) {
      parentIndex = k;
      continue;
    }
    // Tangent from the valley: the end point with the least slope keeps the whole child above the line.
    const v = child.start;
    let touch = child.end;
    let best = Number.POSITIVE_INFINITY;
    for (let e = child.apex + 1; e <= child.end; e++) {
      const m = (s[e]! - s[v]!) / (t[e]! - t[v]!);
      if (m < best) {
        best = m;
        touch = e;
      }
    }
    if (!Number.isFinite(best)) continue;
    child.baselineStart = s[v]!;
    child.baselineEnd = s[v]! + best * (t[touch]! - t[v]!);
    child.end = touch;
    child.type = `T${child.type.slice(1)}`;
  }
  // Front riders, right to left.
  for (let k = peaks.length - 2; k >= 0; k--) {
    const parent = peaks[k + 1]!;
    const child = peaks[k]!;
    if (child.type.includes("T") || parent.type[0] === "T") continue;
    const hp = heightOf(parent.apex);
    const hc = heightOf(child.apex);
    const hv = heightOf(child.end);
    if (!(hc > 0 && hp >= skimHeightRatio * hc && hv > 0 && hc / hv < skimValleyRatio)) continue;
    let touch = child.start;
    let best = Number.NEGATIVE_INFINITY;
    const v = child.end;
    for (let b = child.start; b < child.apex; b++) {
      const m = (s[v]! - s[b]!) / (t[v]! - t[b]!);
      if (m > best) {
        best = m;
        touch = b;
      }
    }
    child.baselineEnd = s[v]!;
    child.baselineStart = s[v]! - best * (t[v]! - t[touch]!);
    child.start = touch;
    child.type = `${child.type[0]}T${child.type.slice(2)}`;
  }
  return peaks;
}

/**
 * The apex: the smoothed signal's local maximum reached by climbing from the detected apex (where the slope
 * turned negative), as ChemStation takes the apex from the signal rather than from the signal minus a sloping
 * baseline; then time and height from a parabola through the raw samples at the raw maximum next to it
 * (smoothing would shift a tailing peak's apex towards its tail), the height less the peak's baseline there.
 */
export function apexOf(
  t: Float64Array,
  y: Float64Array,
  s: Float64Array,
  p: IntegratedPeak,
): { index: number; rt: number; height: number } {
  if (p.step && p.apex > p.start && p.apex < p.end) {
    return { index: p.apex, rt: t[p.apex]!, height: s[p.apex]! - baselineAt(t, p, p.apex) };
  }
  let top = Math.min(p.end, Math.max(p.start, p.apex));
  while (top + 1 <= p.end && s[top + 1]! > s[top]!) top++;
  while (top - 1 >= p.start && s[top - 1]! > s[top]!) top--;
  // A skimmed or drop-cut peak may have its maximum at an end: then take the largest rise above the baseline.
  if (top === p.start || top === p.end) {
    for (let i = p.start; i <= p.end; i++)
      if (s[i]! - baselineAt(t, p, i) > s[top]! - baselineAt(t, p, top)) top = i;
  }
  let rawTop = top;
  for (let i = Math.max(p.start, top - 2); i <= Math.min(p.end, top + 2); i++)
    if (y[i]! > y[rawTop]!) rawTop = i;
  const rawVertex =
    rawTop > p.start && rawTop < p.end ? parabolicPeak(t, y, rawTop) : { x: t[rawTop]!, y: y[rawTop]! };
  return { index: top, rt: rawVertex.x, height: rawVertex.y - baselineAt(t, p, top) };
}

/** The peak's baseline (straight line between its start and end) at sample i. */
export function baselineAt(t: Float64Array, p: IntegratedPeak, i: number): number {
  const span = t[p.end]! - t[p.start]!;
  return span > 0
    ? p.baselineStart + ((p.baselineEnd - p.baselineStart) * (t[i]! - t[p.start]!)) / span
    : p.baselineStart;
}
