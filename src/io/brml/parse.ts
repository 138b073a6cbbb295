import { type Diffractogram, wavelengthFrom } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";
import { decodeText } from "../csv/index.js";
import { parseXmlTree, type XmlElement } from "../gatingml/xmlTree.js";
import { unzipEntries } from "../zip/index.js";

/** The largest RawData XML inflated from a .brml (a 100k-point scan is ~5 MB). */
const MAX_RAW_DATA_BYTES = 256 * 1024 ** 2;

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/**
 * Parses a Bruker DIFFRAC.SUITE `.brml` (a zip of XML): `Experiment0/RawData0.xml`, its `<Datum>` rows
 * (comma lists whose columns the `DataViews` name: the 2θ field of the `ScanAxes` view and the counter of
 * the `RecordedRawDataView`), and the wavelength from `WaveLengthAlpha1/Alpha2/Ratio`.
 * @throws FormatError when the zip has no RawData XML or a datum row is malformed.
 */
export function parseBrml(bytes: Uint8Array, source = "<memory>"): Diffractogram {
  const files = unzipEntries(
    bytes,
    source,
    (f) => /(^|\/)RawData\d+\.xml$/i.test(f.name) && f.originalSize <= MAX_RAW_DATA_BYTES,
  );
  const names = Object.keys(files).sort();
  const name = names.find((n) => /Experiment0\/RawData0\.xml$/i.test(n)) ?? names[0];
  if (!name) throw new FormatError(source, "zip entries", "Experiment0/RawData0.xml", "no RawData XML");
  const where = name;
  const root = parseXmlTree(decodeText(files[name]!, `${source}:${name}`), `${source}:${name}`);
  // Columns of a datum: from the DataViews, else the common layout (time, absorber, 2θ, θ, counts).
  let twoThetaColumn = 2;
  let countsColumn = 4;
  for (const el of walk(root)) {
    if (el.name !== "RawDataView") continue;
    const start = Number(el.attrs.Start);
    const type = el.attrs.type ?? "";
    if (/Varying/.test(type)) {
      const fields = [...walk(el)].filter((f) => f.name === "FieldDefinitions");
      const k = fields.findIndex((f) =>
        /^(TwoTheta|2Theta)$/i.test(f.attrs.AxisId ?? f.attrs.FieldName ?? ""),
      );
      if (k >= 0 && Number.isFinite(start)) twoThetaColumn = start + k;
    } else if (/Recorded/.test(type) && Number.isFinite(start)) {
      countsColumn = start;
    }
  }
  const rows = [...walk(root)].filter((e) => e.name === "Datum");
  if (rows.length < 2) throw new FormatError(source, where, "at least 2 <Datum> rows", String(rows.length));
  const twoTheta = new Float64Array(rows.length);
  const intensity = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const f = row.text.split(",");
    const x = Number(f[twoThetaColumn]);
    const y = Number(f[countsColumn]);
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new FormatError(
        source,
        `${where}: <Datum> ${i + 1}`,
        `2θ in column ${twoThetaColumn + 1} and counts in column ${countsColumn + 1}`,
        `'${row.text.slice(0, 60)}'`,
      );
    twoTheta[i] = x;
    intensity[i] = y;
  });
  const value = (tag: string) => {
    const el = [...walk(root)].find((e) => e.name === tag);
    return el?.attrs.Value === undefined ? undefined : Number(el.attrs.Value);
  };
  const wavelength = wavelengthFrom(
    value("WaveLengthAlpha1"),
    value("WaveLengthAlpha2"),
    value("WaveLengthRatio"),
    "file: WaveLengthAlpha1/Alpha2/Ratio",
  );
  const metadata: Record<string, string | number> = { format: "brml", entry: name };
  const time = [...walk(root)].find((e) => e.name === "TimePerStep")?.text;
  if (time && Number.isFinite(Number(time))) metadata.timePerStep_s = Number(time);
  const warnings = names.length > 1 ? [`${names.length} RawData entries: only ${name} is read`] : [];
  return { twoTheta, intensity, wavelength, metadata, warnings };
}
