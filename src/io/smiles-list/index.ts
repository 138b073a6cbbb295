export { createSmilesListParser, type SmilesListEntry, splitDelimited } from "./parseSmilesList.js";
export { type ReadProgress, readSmilesList } from "./readSmilesList.js";
