import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FormatError } from "../../core/errors.js";

/** An XML element with namespace prefixes removed (Gating-ML 2.0 uses gating:, transforms:, data-type:). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ":@");
  if (name === undefined || name === "#text" || name.startsWith("?")) return undefined;
  const raw = (node[name] as OrderedNode[]) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of raw) {
    if ("#text" in child) text += String(child["#text"]);
    else {
      const el = toElement(child);
      if (el) children.push(el);
    }
  }
  return { name, attrs: node[":@"] ?? {}, children, text: text.trim() };
}

/** Parses XML text into a tree of {@link XmlElement}; malformed XML is a FormatError naming the file. */
export function parseXmlTree(xmlText: string, source: string): XmlElement {
  const valid = XMLValidator.validate(xmlText);
  if (valid !== true) {
    throw new FormatError(source, `line ${valid.err.line}`, "well-formed XML", valid.err.msg);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xmlText) as OrderedNode[];
  } catch (error) {
    // The validator passes some documents the parser then rejects (e.g. an unclosed <?…?>).
    throw new FormatError(source, "document", "well-formed XML", (error as Error).message);
  }
  const roots = nodes.map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new FormatError(source, "document", "one root element", `${roots.length}`);
  return roots[0]!;
}
