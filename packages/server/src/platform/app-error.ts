import { type ErrorCode, errorCodes } from "@openclm/contracts";

/** The only error domain code throws on purpose; the error handler maps its code to HTTP. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? code);
    this.status = errorCodes[code];
  }
}

export const notFound = (what = "resource") => new AppError("NOT_FOUND", `${what} not found`);
