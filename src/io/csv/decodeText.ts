import { FormatError, InputError } from "../../core/errors.js";

/**
 * The largest text file decoded whole: V8 strings hold at most 2²⁹ − 24 UTF-16 code units, so bigger
 * files cannot become one string and must be split.
 */
export const MAX_TEXT_BYTES = 512 * 1024 ** 2;

/**
 * Decodes a text file's bytes: UTF-8 (with or without BOM), or UTF-16 when it starts with a UTF-16 BOM
 * (some plate-reader software exports "Unicode text"). A string passes through without its BOM.
 * @throws InputError for files over {@link MAX_TEXT_BYTES}; FormatError for binary data or invalid UTF-8.
 * @example decodeText(new TextEncoder().encode("a,b\n"), "x.csv") // "a,b\n"
 */
export function decodeText(input: string | Uint8Array, source: string): string {
  if (typeof input === "string") return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (input.length > MAX_TEXT_BYTES) {
    throw new InputError(
      `${source}: ${input.length} bytes is more than the ${MAX_TEXT_BYTES} bytes of text Ixalab reads at once. Split the file`,
    );
  }
  const utf16 =
    input[0] === 0xff && input[1] === 0xfe
      ? "utf-16le"
      : input[0] === 0xfe && input[1] === 0xff
        ? "utf-16be"
        : undefined;
  // Binary files show NUL bytes at once; scanning only the head keeps big text files fast.
  if (!utf16 && input.subarray(0, 65536).includes(0)) {
    throw new FormatError(
      source,
      "file",
      "a text file",
      "binary data (NUL bytes)",
      "Export the data as CSV text",
    );
  }
  try {
    return new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(input);
  } catch {
    throw new FormatError(source, "file", `${utf16 ?? "UTF-8"} text`, "bytes that are not valid text");
  }
}
