export {
  isJeolJdf,
  type JeolFile,
  type JeolParameter,
  jeolGroupDelay,
  parseJeol,
  parseJeolHeader,
} from "./parse.js";
export { readJeolFile } from "./read.js";
