export { readNmrInputFile } from "./readNmrInputFile.js";
