/** Turns SVG text from the API into a safe, scalable element for inlining. */

const FORBIDDEN = ["script", "foreignObject", "iframe", "object", "embed"];

/**
 * Parses SVG markup, drops scripts, event handlers and javascript: links, and gives it a viewBox so CSS
 * can scale it. Returns null when the text is not an SVG document.
 */
export function parseSafeSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!(root instanceof SVGSVGElement) || doc.getElementsByTagName("parsererror").length > 0) return null;
  for (const tag of FORBIDDEN) {
    for (const node of Array.from(root.getElementsByTagName(tag))) node.remove();
  }
  for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const unsafeLink = name.endsWith("href") && /^\s*javascript:/i.test(attribute.value);
      if (name.startsWith("on") || unsafeLink) element.removeAttribute(attribute.name);
    }
  }
  if (!root.hasAttribute("viewBox")) {
    const width = Number.parseFloat(root.getAttribute("width") ?? "");
    const height = Number.parseFloat(root.getAttribute("height") ?? "");
    if (width > 0 && height > 0) root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  }
  root.removeAttribute("width");
  root.removeAttribute("height");
  root.setAttribute("preserveAspectRatio", "xMidYMid meet");
  return document.importNode(root, true);
}
