export { DelimitedCursor } from "./DelimitedCursor.js";
export { decodeText, MAX_TEXT_BYTES } from "./decodeText.js";
export { detectDelimiter } from "./detectDelimiter.js";
export { parseDecimal } from "./parseDecimal.js";
export { splitDelimited } from "./splitDelimited.js";
