import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { createSmilesListParser, type SmilesListEntry } from "./parseSmilesList.js";

/** Progress of a streamed read, for progress bars. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

/**
 * Streams the entries of a SMILES list file in file order without loading it whole.
 * @throws InputError / FormatError naming the file and line.
 */
export async function* readSmilesList(
  path: string,
  onProgress?: (progress: ReadProgress) => void,
): AsyncGenerator<SmilesListEntry> {
  const totalBytes = await checkReadableFile(path);
  const stream = createReadStream(path);
  let bytesRead = 0;
  stream.on("data", (chunk) => {
    bytesRead += chunk.length;
  });
  const parse = createSmilesListParser(path);
  let line = 0;
  try {
    for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      const entry = parse(text, line);
      onProgress?.({ bytesRead, totalBytes });
      if (entry) yield entry;
    }
  } catch (error) {
    throw fileError(path, error);
  } finally {
    stream.destroy();
  }
}
