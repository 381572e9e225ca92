import type { ApiRequest, ApiResponse, ApiRoute, ErrorCode } from "@openclm/contracts";
import { ApiError, apiUrl } from "../../../api/client.js";

export interface RawResponse<T> {
  status: number;
  data: T | null;
  code: ErrorCode | null;
  /** Seconds the server asked us to wait (`Retry-After` on 429 and 503), if it said. */
  retryAfterSeconds: number | null;
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

type PostRoute = Extract<ApiRoute, `POST ${string}`>;

/**
 * A same-origin JSON POST to one of the contracts' routes (typed from its schemas) that tells apart "no answer"
 * (throws ApiError status 0, NETWORK) from any answer, which it returns with its status so the outbox can decide
 * between retrying and giving up.
 */

export async function postJson<R extends PostRoute>(
  route: R,
  body: ApiRequest<R>["body"],
): Promise<RawResponse<ApiResponse<R>>> {
  let res: Response;
  try {
    res = await fetch(apiUrl(route.slice("POST ".length)), {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      // A route without a body still gets "{}": a JSON request with an empty body is refused.
      body: JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached");
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return { status: res.status, data: data as ApiResponse<R>, code: null, retryAfterSeconds: null };
  const error = (data as { error?: { code?: ErrorCode } } | null)?.error;
  return {
    status: res.status,
    data: null,
    code: error?.code ?? (res.status >= 500 ? "INTERNAL" : "NOT_FOUND"),
    retryAfterSeconds: parseRetryAfter(res.headers.get("Retry-After")),
  };
}

/** A POST that throws ApiError on any failure (replies, confirmations). */
export async function sendJson<R extends PostRoute>(route: R, body: ApiRequest<R>["body"]): Promise<ApiResponse<R>> {
  const res = await postJson<R>(route, body as never);
  if (res.code || res.data === null) throw new ApiError(res.status, res.code ?? "INTERNAL", "");
  return res.data;
}
