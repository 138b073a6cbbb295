export { type LabSolutionsOptions, looksLikeLabSolutions, parseLabSolutionsAscii } from "./parse.js";
export { readLabSolutionsAscii } from "./read.js";
