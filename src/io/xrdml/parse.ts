import { type Diffractogram, wavelengthFrom } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";
import { decodeText } from "../csv/index.js";
import { parseXmlTree, type XmlElement } from "../gatingml/xmlTree.js";

const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
const children = (el: XmlElement | undefined, name: string) =>
  el?.children.filter((c) => c.name === name) ?? [];

/**
 * Parses a PANalytical XRDML file (schema XRDMeasurement 1.0–2.x): the first scan's `dataPoints`, 2θ from
 * `positions axis="2Theta"` (`listPositions`, or `startPosition`/`endPosition` spread evenly over the
 * points), `counts` or `intensities`, `commonCountingTime`; the wavelength from `usedWavelength`
 * (`kAlpha1`, `kAlpha2`, `ratioKAlpha2KAlpha1`).
 * @throws FormatError when a required element is missing or its numbers do not line up.
 */
export function parseXrdml(bytes: Uint8Array | string, source = "<memory>"): Diffractogram {
  const root = parseXmlTree(decodeText(bytes, source), source);
  if (root.name !== "xrdMeasurements")
    throw new FormatError(source, "root element", "<xrdMeasurements>", `<${root.name}>`);
  const measurements = children(root, "xrdMeasurement");
  const measurement = measurements[0];
  if (!measurement) throw new FormatError(source, "<xrdMeasurements>", "an <xrdMeasurement>", "none");
  const scans = children(measurement, "scan");
  const scan = scans[0];
  const dataPoints = child(scan, "dataPoints");
  if (!dataPoints) throw new FormatError(source, "<xrdMeasurement>", "a <scan> with <dataPoints>", "none");
  const where = "<scan 1>/<dataPoints>";
  const y = child(dataPoints, "counts") ?? child(dataPoints, "intensities");
  if (!y) throw new FormatError(source, where, "<counts> or <intensities>", "neither");
  const intensity = numbers(y.text, source, `${where}/<${y.name}>`);
  const n = intensity.length;
  if (n < 2) throw new FormatError(source, `${where}/<${y.name}>`, "at least 2 values", String(n));
  const positions = children(dataPoints, "positions").find((p) => /^2theta$/i.test(p.attrs.axis ?? ""));
  if (!positions) throw new FormatError(source, where, '<positions axis="2Theta">', "none");
  const twoTheta = new Float64Array(n);
  const list = child(positions, "listPositions");
  if (list) {
    const xs = numbers(list.text, source, `${where}/<listPositions>`);
    if (xs.length !== n)
      throw new FormatError(
        source,
        `${where}/<listPositions>`,
        `${n} positions (one per count)`,
        String(xs.length),
      );
    twoTheta.set(xs);
  } else {
    const start = Number(child(positions, "startPosition")?.text);
    const end = Number(child(positions, "endPosition")?.text);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
      throw new FormatError(
        source,
        `${where}/<positions axis="2Theta">`,
        "<startPosition> < <endPosition> or <listPositions>",
        `${child(positions, "startPosition")?.text ?? "none"} and ${child(positions, "endPosition")?.text ?? "none"}`,
      );
    for (let i = 0; i < n; i++) twoTheta[i] = start + ((end - start) * i) / (n - 1);
  }
  const used = child(measurement, "usedWavelength");
  const value = (name: string) => {
    const text = child(used, name)?.text;
    return text === undefined || text === "" ? undefined : Number(text);
  };
  const wavelength = wavelengthFrom(
    value("kAlpha1"),
    value("kAlpha2"),
    value("ratioKAlpha2KAlpha1"),
    "file: usedWavelength",
  );
  const metadata: Record<string, string | number> = { format: "xrdml" };
  const time = Number(child(dataPoints, "commonCountingTime")?.text);
  if (Number.isFinite(time)) metadata.timePerStep_s = time;
  const anode = child(child(child(measurement, "incidentBeamPath"), "xRayTube"), "anodeMaterial")?.text;
  if (anode) metadata.anode = anode;
  const warnings: string[] = [];
  if (scans.length > 1 || measurements.length > 1)
    warnings.push(
      `${measurements.length} measurement(s), ${scans.length} scan(s): only the first scan is read`,
    );
  return { twoTheta, intensity, wavelength, metadata, warnings };
}

function numbers(text: string, source: string, where: string): Float64Array {
  const fields = text
    .trim()
    .split(/\s+/)
    .filter((f) => f !== "");
  const out = new Float64Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const v = Number(fields[i]);
    if (!Number.isFinite(v))
      throw new FormatError(source, `${where}, value ${i + 1}`, "a number", `'${fields[i]}'`);
    out[i] = v;
  }
  return out;
}
