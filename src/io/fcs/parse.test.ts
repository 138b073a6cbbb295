import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FormatError } from "../../core/errors.js";
import { parseFcs, readFcsFile, scaleValues } from "./index.js";
import { parseTextSegment } from "./text.js";

const FLOW = fileURLToPath(new URL("../../../../shared/testdata/flow/", import.meta.url));
const path = (rel: string) => join(FLOW, rel);

/**
 * Version, $TOT and $PAR of every data set, as listed in shared/testdata/flow/MANIFEST.md ("what it is"
 * column, e.g. `FCS3.0 I byteord=4,3,2,1 events=23126 params=8`).
 */
const EXPECTED: [string, [string, number, number][]][] = [
  ["fcs/fcsparser/Cytek_xP5.fcs", [["FCS3.0", 23126, 8]]],
  ["fcs/fcsparser/FACSCaliburHTS_Sample_Well_A02.fcs", [["FCS2.0", 37395, 8]]],
  ["fcs/fcsparser/FACS_Diva_facs_diva_test.fcs", [["FCS3.0", 83411, 12]]],
  ["fcs/fcsparser/Fortessa_FCS_3.0_PBS_Specimen_001_A1_A01.fcs", [["FCS3.0", 11585, 11]]],
  ["fcs/fcsparser/HTS_BD_LSR_II_Mixed_Specimen_001_D6_D06.fcs", [["FCS3.0", 14945, 11]]],
  ["fcs/fcsparser/MACSQuant_FCS2.0_EY_2013-07-19_PBS_Well_A1.fcs", [["FCS2.0", 10000, 16]]],
  ["fcs/fcsparser/MACSQuant_FCS3.0_Custom_Compatible.fcs", [["FCS3.0", 10000, 16]]],
  ["fcs/fcsparser/MACSQuant_FCS3.1_EY_2013-07-19_PBS_Well_A1.fcs", [["FCS3.1", 10000, 19]]],
  ["fcs/fcsparser/MACSQuant_FCS3.1_SG_2014-09-26_Duplicate_Names.fcs", [["FCS3.1", 8129, 9]]],
  ["fcs/fcsparser/Sysmex_Partec_CyFlow_Cube_8.fcs", [["FCS3.0", 725, 10]]],
  ["fcs/fcsparser/Beckman_Navios_bitmask_fcs1_cleaned.lmd", [["FCS2.0", 50000, 7]]],
  ["fcs/fcsparser/fake_large_fcs_header_offsets_zero.fcs", [["FCS3.0", 11585, 11]]],
  ["gatingml2/data1.fcs", [["FCS2.0", 13367, 8]]],
  ["fcs/flowkit/100715_FACSAria_FCS2.0_float.fcs", [["FCS2.0", 65016, 16]]],
  ["compensation/flowkit/test_comp_example.fcs", [["FCS3.0", 10703, 18]]],
  ["fcs/flowkit/index_sorted_example_FACSAriaIII.fcs", [["FCS3.0", 384, 13]]],
  ["fcs/flowkit/NONCOMPLIANT_data_start_offset_discrepancy.fcs", [["FCS3.0", 2, 26]]],
  ["fcs/flowkit/NONCOMPLIANT_data_stop_offset_discrepancy.fcs", [["FCS3.0", 2, 26]]],
  [
    "fcs/flowkit/coulter_FC500_two_datasets.lmd",
    [
      ["FCS2.0", 18110, 8],
      ["FCS3.0", 18110, 8],
    ],
  ],
  ["fcs/flowkit/test_data_2d_01_synthetic.fcs", [["FCS3.1", 10000, 2]]],
  ["fcs/flowkit/data_set_simple_line_100_synthetic.fcs", [["FCS3.1", 100, 2]]],
  ["fcs/flowio/3FITC_4PE_004_FACScan.fcs", [["FCS2.0", 94569, 4]]],
  ["fcs/flowio/B01_KC-A-W---91-US_Accuri_C6_Plus.fcs", [["FCS3.1", 1589, 14]]],
  ["fcs/flowio/G11_Attune_NxT.fcs", [["FCS3.1", 5785, 12]]],
  ["fcs/flowio/variable_int_example_Stratedigm.fcs", [["FCS3.0", 2, 26]]],
  ["fcs/flowcore/0877408774.B08", [["FCS2.0", 10000, 8]]],
  ["compensation/flowcore_compdata/060909.001", [["FCS2.0", 10000, 7]]],
  ["compensation/flowcore_compdata/060909.002", [["FCS2.0", 8805, 7]]],
  ["compensation/flowcore_compdata/060909.003", [["FCS2.0", 7485, 7]]],
  ["compensation/flowcore_compdata/060909.004", [["FCS2.0", 10000, 7]]],
  ["compensation/flowcore_compdata/060909.005", [["FCS2.0", 10000, 7]]],
  ["fcs/cytoflow_instruments/Accuri_C6.fcs", [["FCS3.0", 60661, 14]]],
  ["fcs/cytoflow_instruments/Applied_Biosystems_Attune.fcs", [["FCS3.0", 22188, 26]]],
  ["fcs/cytoflow_instruments/Beckman_Coulter_CyAn.fcs", [["FCS3.0", 5789, 12]]],
  [
    "fcs/cytoflow_instruments/Beckman_Coulter_Cytomics_FC500.LMD",
    [
      ["FCS2.0", 27072, 4],
      ["FCS3.0", 27072, 8],
    ],
  ],
  [
    "fcs/cytoflow_instruments/Beckman_Coulter_Gallios.LMD",
    [
      ["FCS2.0", 26383, 6],
      ["FCS3.0", 26383, 5],
    ],
  ],
  ["fcs/cytoflow_instruments/Beckman_Coulter_MoFlo_Astrios_log.fcs", [["FCS3.0", 5826, 68]]],
  ["fcs/cytoflow_instruments/Cytek_DxP10.fcs", [["FCS3.0", 20177, 15]]],
  ["fcs/cytoflow_instruments/Cytek_NL-2000_Aurora.fcs", [["FCS3.1", 20000, 27]]],
  ["fcs/cytoflow_instruments/Partec_CyFlow_v2.9.fcs", [["FCS3.0", 72989, 4]]],
  ["fcs/cytoflow_instruments/Partec_PAS.FCS", [["FCS2.0", 33649, 8]]],
  ["fcs/cytoflow_instruments/Stratedigm_S1400.fcs", [["FCS3.0", 10000, 38]]],
  ["fcs/cytoflow_instruments/Coulter_System_II_extra_bits_D10-D15.LMD", [["FCS2.0", 10358, 6]]],
  ["fcs/cytoflow_instruments/iCyt_Eclipse.lmd", [["FCS3.0", 19330, 18]]],
  ["fcs/facejava/ascii-4_events.fcs", [["FCS3.0", 4, 2]]],
  ["fcs/facejava/ascii-2_events_missing_parameter_names.fcs", [["FCS3.0", 2, 4]]],
  ["fcs/facejava/double-5_events.fcs", [["FCS3.0", 5, 4]]],
  ["fcs/facejava/float-1_event.fcs", [["FCS2.0", 1, 10]]],
  [
    "fcs/facejava/int-multiple_datasets.fcs",
    [
      ["FCS3.0", 4, 2],
      ["FCS3.0", 4, 2],
    ],
  ],
  [
    "fcs/facejava/int-4_ds_2_events_2_parameters.fcs",
    [
      ["FCS3.0", 2, 2],
      ["FCS3.0", 2, 2],
      ["FCS3.0", 2, 2],
      ["FCS3.0", 2, 2],
    ],
  ],
  ["fcs/facejava/int-scale_conversion.fcs", [["FCS3.0", 3, 2]]],
  ["fcs/facejava/INVALID_duplicate_parameter_name.fcs", [["FCS2.0", 15, 2]]],
  ["fcs/facejava/INVALID_no_crc.fcs", [["FCS3.0", 4, 2]]],
  ["fcs/facejava/int-15_events.fcs", [["FCS2.0", 15, 2]]],
  ["fcs/facejava/int-10_events_4_parameters.fcs", [["FCS3.0", 10, 4]]],
];

/** Broken files and the problem their refusal must name (MANIFEST: "Expected reader behaviour"). */
const NEGATIVE: [string, string][] = [
  [
    "fcs/fcsparser/NEGATIVE_Cytek_NL-2000_truncated_header_only.fcs",
    "DATA segment: expected $TOT × bytes per event = 20000 × 108 = 2160000 bytes, found 0 bytes in the file after the DATA start (HEADER offsets 5912–2165911, TEXT offsets 5912–2165911, file 3931 bytes). The file is truncated or its DATA offsets are wrong",
  ],
  [
    "fcs/fcsparser/NEGATIVE_corrupted_10_bytes.fcs",
    "HEADER at byte 0: expected at least 58 bytes, found 10 bytes ('oi21j0'). This is not an FCS file, or it is truncated",
  ],
  [
    "fcs/facejava/NEGATIVE_invalid-bad_data_set_type.fcs",
    "TEXT keyword $MODE: expected 'L' (list mode), found 'U'. Histogram data sets ($MODE C or U, deprecated in FCS 3.1) are not supported",
  ],
];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe("parseFcs on every shared test file", () => {
  it("covers every FCS file under fcs/ (by FCS magic, not extension) plus data1.fcs", () => {
    const listed = new Set([...EXPECTED.map(([f]) => f), ...NEGATIVE.map(([f]) => f)]);
    const onDisk = listFiles(path("fcs"))
      .filter((p) => !p.endsWith(".txt"))
      .map((p) => relative(FLOW, p));
    for (const f of onDisk) expect(listed.has(f), f).toBe(true);
    expect(listed.has("gatingml2/data1.fcs")).toBe(true);
  });

  it.each(EXPECTED)("%s parses with MANIFEST version, events and parameters", async (file, expected) => {
    const fcs = await readFcsFile(path(file));
    expect(fcs.datasets.map((d) => [d.version, d.events, d.parameters.length])).toEqual(expected);
    for (const d of fcs.datasets) {
      expect(Number(d.keywords.$TOT!.trim())).toBe(d.events);
      expect(Number(d.keywords.$PAR!.trim())).toBe(d.parameters.length);
      expect(d.data).toHaveLength(d.parameters.length);
      for (const col of d.data) expect(col.length).toBe(d.events);
      for (const p of d.parameters) {
        const n = d.keywords[`$P${p.index}N`];
        if (n !== undefined) expect(p.name).toBe(n.trim());
      }
    }
  });

  it.each(NEGATIVE)("%s is refused with a FormatError naming the problem", async (file, message) => {
    const error = await readFcsFile(path(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toBe(`${path(file)}: ${message}`);
  });
});

describe("known values", () => {
  it("data1.fcs (GatingML 2.0 compliance): 13,367 × 8, $PnE 4,0 logs and $PnG gains give scale values", async () => {
    const [d] = (await readFcsFile(path("gatingml2/data1.fcs"))).datasets;
    expect(d!.parameters.map((p) => p.name)).toEqual([
      "FSC-H",
      "SSC-H",
      "FL1-H",
      "FL2-H",
      "FL3-H",
      "FL2-A",
      "FL4-H",
      "Time",
    ]);
    const fsc = d!.parameters[0]!;
    expect([fsc.gain, fsc.range, fsc.bits]).toEqual([3.67, 1024, 16]);
    expect(d!.parameters[1]!.gain).toBe(8);
    const fl1 = d!.parameters[2]!;
    expect([fl1.decades, fl1.offset]).toEqual([4, 0]);
    const fscScale = scaleValues(d!, 1);
    const fl1Scale = scaleValues(d!, 3);
    for (let i = 0; i < 100; i++) {
      expect(fscScale[i]).toBeCloseTo(d!.data[0]![i]! / 3.67, 12);
      expect(fl1Scale[i]).toBeCloseTo(10 ** ((4 * d!.data[2]![i]!) / 1024), 9);
    }
  });

  it("int-scale_conversion.fcs matches its FACEJava description exactly", async () => {
    const [d] = (await readFcsFile(path("fcs/facejava/int-scale_conversion.fcs"))).datasets;
    expect(Array.from(d!.data[0]!)).toEqual([256, 512, 768]);
    expect(Array.from(scaleValues(d!, 1))).toEqual([25.6, 51.2, 76.8]);
    const log = scaleValues(d!, 2); // $PnG 10 ignored for the log parameter; f2 = 0 read as 1
    for (const [i, v] of [10, 100, 1000].entries()) expect(log[i]).toBeCloseTo(v, 9);
  });

  it("double-5_events.fcs: HEADER DATA offsets win over TEXT, values as in its description", async () => {
    const [d] = (await readFcsFile(path("fcs/facejava/double-5_events.fcs"))).datasets;
    expect(d!.data[0]).toBeInstanceOf(Float64Array);
    expect(d!.data.map((c) => c[0])).toEqual([100, 200, 300, 400]);
    expect(d!.data.map((c) => c[4])).toEqual([
      0.8213456498421, 0.0003463842624, 0.0000006422416, 0.0000000000042,
    ]);
    expect(d!.warnings[0]).toMatch(/using HEADER offsets/);
  });

  it("ascii-4_events.fcs: fixed-width ASCII data", async () => {
    const [d] = (await readFcsFile(path("fcs/facejava/ascii-4_events.fcs"))).datasets;
    expect(Array.from(d!.data[0]!)).toEqual([125, 175, 150, 150]);
    expect(Array.from(d!.data[1]!)).toEqual([150, 150, 125, 175]);
  });

  it.each([
    ["fcs/cytoflow_instruments/Coulter_System_II_extra_bits_D10-D15.LMD", 0],
    ["fcs/fcsparser/Beckman_Navios_bitmask_fcs1_cleaned.lmd", 0],
    ["fcs/cytoflow_instruments/Beckman_Coulter_Cytomics_FC500.LMD", 0],
    ["fcs/fcsparser/Cytek_xP5.fcs", 0],
    ["fcs/fcsparser/Sysmex_Partec_CyFlow_Cube_8.fcs", 0],
    ["fcs/flowio/variable_int_example_Stratedigm.fcs", 0],
  ])("%s: integers are masked to the bits of $PnR", async (file, ds) => {
    const d = (await readFcsFile(path(file))).datasets[ds]!;
    for (const [i, p] of d.parameters.entries()) {
      let max = 0;
      for (const v of d.data[i]!) max = Math.max(max, v);
      expect(max, p.name).toBeLessThan(2 ** Math.ceil(Math.log2(p.range)));
    }
  });

  it("HEADER/TEXT DATA offset disagreements are resolved as the MANIFEST says, with a warning", async () => {
    const cases: [string, string][] = [
      ["fcs/cytoflow_instruments/Accuri_C6.fcs", "HEADER"],
      ["fcs/cytoflow_instruments/Beckman_Coulter_CyAn.fcs", "HEADER"],
      ["fcs/flowkit/NONCOMPLIANT_data_start_offset_discrepancy.fcs", "TEXT"],
      ["fcs/flowkit/NONCOMPLIANT_data_stop_offset_discrepancy.fcs", "TEXT"],
    ];
    for (const [file, used] of cases) {
      const [d] = (await readFcsFile(path(file))).datasets;
      expect(d!.warnings.join("\n")).toContain(`using ${used} offsets`);
    }
  });

  it("Partec CyFlow keeps its ANALYSIS segment raw", async () => {
    const [d] = (await readFcsFile(path("fcs/cytoflow_instruments/Partec_CyFlow_v2.9.fcs"))).datasets;
    expect(d!.analysis?.length).toBeGreaterThan(0);
  });

  it("INVALID_duplicate_parameter_name.fcs keeps both columns and warns", async () => {
    const [d] = (await readFcsFile(path("fcs/facejava/INVALID_duplicate_parameter_name.fcs"))).datasets;
    expect(d!.parameters.map((p) => p.name)).toEqual(["FCS", "FCS"]);
    expect(d!.warnings).toContain("$P2N 'FCS' repeats $P1N (FCS requires unique names); both columns kept");
  });
});

describe("TEXT segment", () => {
  const seg = (s: string) => {
    const b = new TextEncoder().encode(s);
    return parseTextSegment(b, 0, b.length - 1);
  };
  it("reads a doubled delimiter inside a value as one literal delimiter", () => {
    expect(seg("/$SYS/RSX-11//M/$cyt/X/").keywords).toEqual({ $SYS: "RSX-11/M", $CYT: "X" });
  });
  it("reads a doubled delimiter ending a keyword as an empty value (data1.fcs)", () => {
    expect(seg("\\A\\\\B\\x\\").keywords).toEqual({ A: "", B: "x" });
  });
  it("tolerates a missing final delimiter and padding, and upper-cases padded keys", () => {
    expect(seg("|  $p1n |FSC|$TOT|5912        ").keywords).toEqual({ $P1N: "FSC", $TOT: "5912        " });
    expect(seg("/A/1/   \0\0").keywords).toEqual({ A: "1" });
  });
});

describe("bad input", () => {
  it("refuses a random byte string", () => {
    expect(() => parseFcs(new Uint8Array(100).fill(65), "x.fcs")).toThrow(
      "x.fcs: HEADER at byte 0: expected a version FCS2.0, FCS3.0, FCS3.1 or FCS3.2, found 'AAAAAA'. This is not an FCS file",
    );
  });
});
