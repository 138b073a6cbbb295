import { isInputError, NotFoundError, ValidationError } from "../../core/errors.js";

/** The JSON body of every API error. */
export interface ErrorBody {
  error: { type: string; message: string; issues?: { path: string; message: string }[] };
}

/** Maps an error to an HTTP status and body in one place: input errors → 4xx, anything else → 500. */
export function errorResponse(error: unknown): { status: 400 | 404 | 500; body: ErrorBody } {
  if (error instanceof NotFoundError) {
    return { status: 404, body: { error: { type: error.name, message: error.message } } };
  }
  if (error instanceof ValidationError) {
    return {
      status: 400,
      body: { error: { type: error.name, message: error.message, issues: error.issues } },
    };
  }
  if (isInputError(error))
    return { status: 400, body: { error: { type: error.name, message: error.message } } };
  return {
    status: 500,
    body: { error: { type: "InternalError", message: "internal error: see the server log" } },
  };
}
