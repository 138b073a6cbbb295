import { z } from "zod";
import { InputError } from "../../core/errors.js";
import { sha256Hex } from "../../io/files/readInputFile.js";
import type { InputSpec, SuppliedInput } from "../../kinds/index.js";

const jsonRequest = z.strictObject({
  parameters: z.unknown().optional(),
  save: z.boolean().optional(),
  batchId: z.string().min(1).optional(),
});

/** A request to run an analysis: parameters, input files by name, and whether to store the result. */
export interface AnalysisRequest {
  parameters: unknown;
  inputs: Record<string, SuppliedInput>;
  save: boolean;
  /** The batch the stored analysis is of; only with `save`. */
  batchId?: string;
}

/**
 * Reads `POST /api/analyses/:kind`: JSON `{"parameters", "save"}` when the kind needs no files, or
 * multipart/form-data with a `parameters` JSON field, an optional `save` field and one file field per
 * input (named as the kind's inputs).
 * @throws InputError describing the expected body.
 */
export async function readAnalysisRequest(request: Request, specs: InputSpec[]): Promise<AnalysisRequest> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) return readMultipart(request, specs);
  const body = jsonRequest.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    throw new InputError(
      'request body: expected JSON {"parameters": {...}, "save"?: boolean, "batchId"?: string}, or multipart/form-data with input files',
    );
  }
  return checkBatch({
    parameters: body.data.parameters,
    inputs: {},
    save: body.data.save ?? false,
    ...(body.data.batchId !== undefined && { batchId: body.data.batchId }),
  });
}

async function readMultipart(request: Request, specs: InputSpec[]): Promise<AnalysisRequest> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new InputError("request body: malformed multipart/form-data");
  }
  const inputs: Record<string, SuppliedInput> = {};
  let parameters: unknown = {};
  let save = false;
  let batchId: string | undefined;
  for (const [name, value] of form.entries()) {
    if (name === "parameters") {
      try {
        parameters = JSON.parse(String(value));
      } catch {
        throw new InputError("multipart field 'parameters': expected a JSON object");
      }
    } else if (name === "save") {
      save = String(value) === "true";
    } else if (name === "batchId") {
      batchId = String(value);
    } else if (typeof value !== "string") {
      const spec = specs.find((s) => s.name === name);
      const bytes = new Uint8Array(await value.arrayBuffer());
      inputs[name] = {
        ref: {
          name: value.name || name,
          bytes: bytes.length,
          sha256: sha256Hex(bytes),
          format: spec?.format ?? "unknown",
        },
        bytes,
      };
    } else {
      throw new InputError(
        `multipart field '${name}': expected a file, or one of 'parameters', 'save', 'batchId'`,
      );
    }
  }
  return checkBatch({ parameters, inputs, save, ...(batchId !== undefined && { batchId }) });
}

function checkBatch(request: AnalysisRequest): AnalysisRequest {
  if (request.batchId !== undefined && (!request.save || request.batchId.trim() === "")) {
    throw new InputError(
      "batchId: a non-empty batch id, with save: true (only stored analyses belong to a batch)",
    );
  }
  return request;
}
