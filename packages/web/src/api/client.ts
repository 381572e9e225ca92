import type { ErrorCode, ErrorEnvelope } from "@openclm/contracts";

/**
 * The one way the web app talks to /api. Failures become an ApiError carrying the server's stable error code
 * (or NETWORK when the server could not be reached), which screens translate with `errors.<code>`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK",
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Query = Record<string, string | number | undefined | null>;

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  return !!body && typeof body === "object" && "error" in body && typeof body.error === "object" && !!body.error;
}

export async function apiGet<T>(path: string, query?: Query, init: { signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: init.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", "The server could not be reached");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorEnvelope(body)) throw new ApiError(res.status, body.error.code, body.error.message);
    throw new ApiError(res.status, res.status >= 500 ? "INTERNAL" : "NOT_FOUND", res.statusText);
  }
  return body as T;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
