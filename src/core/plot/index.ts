export { formatPowerOfTen, linearScale, logScale, type Scale } from "./scales.js";
export { bottomAxis, escapeXml, type Frame, innerBox, leftAxis, px, svgDocument } from "./svg.js";
