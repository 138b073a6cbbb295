import { describe, expect, it } from "vitest";
import { parsePlateTable } from "./parsePlateTable.js";

describe("plate table", () => {
  it("reads detector_max and keeps every other column as text", () => {
    const table = parsePlateTable(
      "plate,detector_max,min_control,reader_gain\nPA01,260000,ref_inhibitor,915.2\n",
      "p.csv",
    );
    expect(table).toEqual({
      source: "p.csv",
      plates: [
        {
          plate: "PA01",
          detectorMax: 260000,
          extra: { min_control: "ref_inhibitor", reader_gain: "915.2" },
          line: 2,
        },
      ],
    });
  });
  it("names file, line and column of each kind of bad input", () => {
    const cases: [string, string][] = [
      [
        "plate,detector_max\nP,0\n",
        "p.csv: line 2, column 2 (detector_max): expected the reader's saturation level in RFU, a number > 0, found '0'",
      ],
      [
        "plate,detector_max\nP,\n",
        "p.csv: line 2, column 2 (detector_max): expected the reader's saturation level in RFU, a number > 0, found an empty field",
      ],
      [
        "plate,detector_max\nP,65535\nP,65535\n",
        "p.csv: line 3, column 1 (plate): expected each plate once, found plate P again (first on line 2)",
      ],
      [
        "plate,gain\nP,1\n",
        "p.csv: line 1 (header): expected columns 'plate', 'detector_max', found columns 'plate', 'gain'. Add the missing column 'detector_max'",
      ],
      ["plate,detector_max\n", "p.csv: line 2: expected plates below the header, found none"],
      ["", "p.csv: file: expected a header line 'plate,detector_max', found an empty file"],
    ];
    for (const [text, message] of cases) expect(() => parsePlateTable(text, "p.csv"), text).toThrow(message);
  });
});
