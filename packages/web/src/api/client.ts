import type { ApiRequest, ApiResponse, ApiRoute, ErrorCode, ErrorEnvelope } from "@openclm/contracts";

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
  return answer<T>(res);
}

export type SendMethod = "POST" | "PATCH" | "PUT" | "DELETE";

/** A same-origin write: JSON, or a file (a logo) as itself with its own type. */
export async function apiSend<T>(method: SendMethod, path: string, body?: unknown): Promise<T> {
  let res: Response;
  const file = body instanceof Blob;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: {
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": file ? body.type : "application/json" }),
      },
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached");
  }
  return answer<T>(res);
}

/** The parsed JSON of a success; a failure becomes an ApiError with the server's code. */
async function answer<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorEnvelope(body)) throw new ApiError(res.status, body.error.code, body.error.message);
    throw new ApiError(res.status, res.status >= 500 ? "INTERNAL" : "NOT_FOUND", res.statusText);
  }
  return body as T;
}

/** "/teams/:id/members/:userId" with `{ id, userId }`, each segment encoded. */
export function routePath(pattern: string, params: object = {}): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown>)[name] ?? "")),
  );
}

/**
 * A call to one of the contracts' `apiRoutes` ("METHOD /path"): the request (path parameters, query, body; `{}` when
 * the operation needs none) and the answer are typed from the schemas the server's route declares — types only, so
 * no zod in the bundle.
 */
export function callApi<R extends ApiRoute>(
  route: R,
  request: NoInfer<ApiRequest<R>>,
  init?: { signal?: AbortSignal },
): Promise<ApiResponse<R>> {
  const [method, pattern] = route.split(" ") as ["GET" | SendMethod, string];
  const { params, query, body } = request as { params?: object; query?: object; body?: unknown };
  const path = routePath(pattern, params);
  return method === "GET" ? apiGet(path, query as Query, init) : apiSend(method, path, body);
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
