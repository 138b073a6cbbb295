export { type Molfile, parseMolfile } from "./parseMolfile.js";
export { readMolfile } from "./readMolfile.js";
