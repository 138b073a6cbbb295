export { splitDelimited } from "../csv/splitDelimited.js";
export { createSmilesListParser, type SmilesListEntry } from "./parseSmilesList.js";
export { type ReadProgress, readSmilesList } from "./readSmilesList.js";
