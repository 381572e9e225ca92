import { type ErrorCode, type ErrorEnvelope, errorCodes, errorEnvelopeSchema } from "@openclm/contracts";

export function errorEnvelope(code: ErrorCode, message: string, details?: unknown): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Declares the error answers of a route in its schema (OpenAPI), e.g. `...errors(400, 404)`. */
export function errors(...statuses: number[]): Record<number, typeof errorEnvelopeSchema> {
  const known = new Set<number>(Object.values(errorCodes));
  return Object.fromEntries(statuses.filter((s) => known.has(s)).map((s) => [s, errorEnvelopeSchema]));
}
