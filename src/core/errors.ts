/**
 * The typed error hierarchy. `InputError` and its subclasses mean the user's data or request is wrong
 * (CLI exit 2, HTTP 4xx); anything else is a bug (exit 1, HTTP 500).
 */
export class InputError extends Error {
  override name = "InputError";
}

/** A file or text does not follow its format: says which file, where, what was expected and found. */
export class FormatError extends InputError {
  override name = "FormatError";
  constructor(
    readonly file: string,
    readonly where: string,
    readonly expected: string,
    readonly found: string,
    readonly hint?: string,
  ) {
    super(`${file}: ${where}: expected ${expected}, found ${found}${hint ? `. ${hint}` : ""}`);
  }
}

/** One problem in a request or parameter set, located by a path such as `parameters.smiles`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A request or parameter set breaks one or more rules; every issue is reported, not just the first. */
export class ValidationError extends InputError {
  override name = "ValidationError";
  constructor(
    readonly issues: ValidationIssue[],
    context = "invalid input",
  ) {
    super(`${context}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
  }
}

/** A named thing (compound id, analysis id, file hash) does not exist. */
export class NotFoundError extends InputError {
  override name = "NotFoundError";
  constructor(
    readonly what: string,
    readonly id: string,
    hint?: string,
  ) {
    super(`${what} '${id}' not found${hint ? `. ${hint}` : ""}`);
  }
}

/** True for errors caused by the user's input rather than by a bug. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
