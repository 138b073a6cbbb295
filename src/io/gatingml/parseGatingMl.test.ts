import { describe, expect, it } from "vitest";
import { FormatError } from "../../core/errors.js";
import { parseGatingMl } from "./parseGatingMl.js";

const wrap = (body: string) => `<?xml version="1.0"?>
<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"
  xmlns:transforms="http://www.isac-net.org/std/Gating-ML/v2.0/transformations"
  xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">${body}</gating:Gating-ML>`;

describe("parseGatingMl", () => {
  it("reads transformations, dimensions with references, and quadrant dividers", () => {
    const s = parseGatingMl(
      wrap(`
      <transforms:transformation transforms:id="L"><transforms:logicle transforms:T="1000" transforms:W="1" transforms:M="4" transforms:A="0"/></transforms:transformation>
      <gating:RectangleGate gating:id="R" gating:parent_id="P">
        <gating:dimension gating:compensation-ref="FCS" gating:transformation-ref="L" gating:min="0.2">
          <data-type:fcs-dimension data-type:name="FL1-H"/>
        </gating:dimension>
      </gating:RectangleGate>
      <gating:QuadrantGate gating:id="Q">
        <gating:divider gating:id="d" gating:compensation-ref="uncompensated">
          <data-type:fcs-dimension data-type:name="FL2-H"/><gating:value>3.5</gating:value>
        </gating:divider>
        <gating:Quadrant gating:id="q1"><gating:position gating:divider_ref="d" gating:location="1"/></gating:Quadrant>
      </gating:QuadrantGate>`),
      "mem.xml",
    );
    expect(s.transformations.L).toEqual({ kind: "logicle", T: 1000, W: 1, M: 4, A: 0 });
    expect(s.gates[0]).toEqual({
      type: "RectangleGate",
      id: "R",
      parentId: "P",
      dimensions: [{ name: "FL1-H", compensationRef: "FCS", transformationRef: "L", min: 0.2 }],
    });
    expect(s.gates[1]).toMatchObject({
      type: "QuadrantGate",
      dividers: [{ id: "d", values: [3.5] }],
      quadrants: [{ id: "q1", positions: [{ dividerId: "d", location: 1 }] }],
    });
  });

  it("refuses unknown elements with a FormatError naming the element and the file", () => {
    const xml = wrap(`<gating:RectangleGate gating:id="R"><gating:dimensionn/></gating:RectangleGate>`);
    expect(() => parseGatingMl(xml, "bad.xml")).toThrow(FormatError);
    expect(() => parseGatingMl(xml, "bad.xml")).toThrow(/bad\.xml.*<dimensionn>/);
    expect(() => parseGatingMl(wrap("<gating:CurlyGate/>"), "c.xml")).toThrow(/c\.xml.*<CurlyGate>/);
  });

  it("refuses malformed XML and non-numeric limits", () => {
    expect(() => parseGatingMl("<gating:Gating-ML>", "m.xml")).toThrow(FormatError);
    const xml = wrap(
      `<gating:RectangleGate gating:id="R"><gating:dimension gating:min="abc"><data-type:fcs-dimension data-type:name="X"/></gating:dimension></gating:RectangleGate>`,
    );
    expect(() => parseGatingMl(xml, "n.xml")).toThrow(/n\.xml.*min/);
  });
});
