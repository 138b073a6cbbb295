/**
 * The pseudocolour ramp of flow density plots (blue, cyan, green, yellow, red, as FlowJo draws them) on a
 * log count scale. Shared by the server's SVG and the web page's canvas so both show the same colours.
 */

/** 256 RGBA entries: entry 0 is transparent (empty bins), 1–255 run from blue to red. */
export function pseudocolourPalette(): Uint8Array {
  const stops: [number, number, number, number][] = [
    [0, 0, 0, 200],
    [0.25, 0, 190, 255],
    [0.5, 40, 200, 40],
    [0.75, 255, 220, 0],
    [1, 220, 0, 0],
  ];
  const palette = new Uint8Array(256 * 4);
  for (let i = 1; i < 256; i++) {
    const t = (i - 1) / 254;
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1]![0]) k++;
    const [t0, ...c0] = stops[k]!;
    const [t1, ...c1] = stops[k + 1]!;
    const f = (t - t0) / (t1 - t0);
    for (let j = 0; j < 3; j++) palette[4 * i + j] = Math.round(c0[j]! + f * (c1[j]! - c0[j]!));
    palette[4 * i + 3] = 255;
  }
  return palette;
}

/** Palette index of a bin count: 0 when empty, else 1–255 by log(count) / log(maximum). */
export function densityLevel(count: number, maxCount: number): number {
  if (count <= 0) return 0;
  return 1 + Math.round((254 * Math.log(count)) / Math.log(Math.max(maxCount, 2)));
}
