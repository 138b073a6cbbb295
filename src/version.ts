import pkg from "../package.json" with { type: "json" };

/** Ixalab's version, as recorded in every provenance envelope. */
export const IXALAB_VERSION: string = pkg.version;
