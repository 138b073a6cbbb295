import { type UnzipFileInfo, unzipSync } from "fflate";
import { FormatError, InputError } from "../../core/errors.js";

/** Deflate expands at most 1032:1 (a 258-byte match per 2 bits, RFC 1951 §3.2.5); more is a corrupt size. */
const MAX_DEFLATE_RATIO = 1032;

/** A central-directory record takes at least 46 bytes (APPNOTE 4.3.12), which bounds the entry count. */
const CENTRAL_RECORD_BYTES = 46;

/**
 * The entries of a zip archive that `keep` selects, inflated, by path. The sizes each entry claims are
 * checked before anything is allocated from them (fflate allocates the claimed uncompressed size): the
 * compressed size must lie inside the archive, and the uncompressed size within what those bytes can
 * inflate to. An entry that inflates to fewer bytes than it claims is refused as truncated.
 * @throws FormatError naming the file (and the entry) when the archive is unreadable, corrupt or truncated.
 * @example unzipEntries(bytes, "run.zip", (f) => f.name.endsWith("acqus")) // { "1/acqus": Uint8Array }
 */
export function unzipEntries(
  bytes: Uint8Array,
  source: string,
  keep: (entry: UnzipFileInfo) => boolean,
): Record<string, Uint8Array> {
  const claimed = new Map<string, number>();
  const maxEntries = Math.floor(bytes.length / CENTRAL_RECORD_BYTES);
  let listed = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        // A corrupt entry count would otherwise walk past the directory for up to 2^32 records.
        if (++listed > maxEntries) {
          throw new FormatError(
            source,
            "zip central directory",
            `at most ${maxEntries} entries in ${bytes.length} bytes`,
            "more",
            "Is the file truncated?",
          );
        }
        if (!keep(entry)) return false;
        const limit = entry.compression === 0 ? entry.size : entry.size * MAX_DEFLATE_RATIO;
        if (entry.size > bytes.length || entry.originalSize > limit) {
          throw new FormatError(
            source,
            `zip entry ${entry.name}`,
            `sizes that fit the archive (${entry.size} compressed bytes inflate to at most ${limit})`,
            `${entry.size} compressed, ${entry.originalSize} uncompressed bytes`,
            "The archive is corrupt",
          );
        }
        claimed.set(entry.name, entry.originalSize);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new FormatError(source, "zip", "a readable zip archive", (error as Error).message);
  }
  for (const [name, data] of Object.entries(entries)) {
    if (data.length !== claimed.get(name)) {
      throw new FormatError(
        source,
        `zip entry ${name}`,
        `${claimed.get(name)} bytes`,
        `${data.length}`,
        "The archive is truncated or corrupt",
      );
    }
  }
  return entries;
}
