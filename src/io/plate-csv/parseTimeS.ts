/** Seconds per unit named in a time column's header, e.g. `Time [s]`, `Time (min)`. */
const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  seconds: 1,
  min: 60,
  minutes: 60,
  h: 3600,
};

/**
 * The unit of plain numbers in a time column, from its header: `[s]`/`(s)`/`[sec]` seconds,
 * `[min]`/`(min)` minutes, `[h]` hours, `[ms]` milliseconds; none means seconds.
 * @returns seconds per unit
 * @example timeUnitSeconds("Time [min]") // 60
 */
export function timeUnitSeconds(header: string): number {
  const match = /[[(]\s*([a-z]+)\s*[\])]/i.exec(header);
  return (match && UNIT_SECONDS[match[1]!.toLowerCase()]) || 1;
}

const CLOCK = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$|^(\d+):(\d{1,2}(?:\.\d+)?)$/;
const WORDS = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*min)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;

/**
 * Reads a plate reader's time cell as seconds: `h:mm:ss` or `hh:mm:ss` (fractional seconds allowed),
 * `mm:ss`, words such as `1 h 5 min 30 s` or `5 min`, or a plain number in `unitSeconds`.
 * `NaN` when the text is none of these or minutes/seconds of a clock time are 60 or more.
 * @example parseTimeS("0:01:30") // 90
 * @example parseTimeS("12.5", 60) // 750
 */
export function parseTimeS(text: string, unitSeconds = 1): number {
  const s = text.trim();
  if (s === "") return Number.NaN;
  if (s.includes(":")) {
    const m = CLOCK.exec(s);
    if (!m) return Number.NaN;
    if (m[4] !== undefined) {
      const seconds = Number(m[5]);
      return seconds < 60 ? Number(m[4]) * 60 + seconds : Number.NaN;
    }
    const minutes = Number(m[2]);
    const seconds = Number(m[3]);
    return minutes < 60 && seconds < 60 ? Number(m[1]) * 3600 + minutes * 60 + seconds : Number.NaN;
  }
  if (/[a-z]/i.test(s)) {
    const m = WORDS.exec(s);
    if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return Number.NaN;
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s) * unitSeconds;
}
