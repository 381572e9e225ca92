import type {
  ApiRequest,
  ApiResponse,
  ApiRoute,
  ChangePasswordInput,
  ListInboxQuery,
  SavedViewFilters,
} from "@openclm/contracts";
import { ApiError, apiGet, apiSend, callApi, type SendMethod } from "./client.js";

export { apiSend } from "./client.js";

/**
 * Staff API calls (cookie session). Reads go through apiGet; writes are same-origin JSON fetches, which the server
 * accepts as not cross-site. A 401 that means "no session" tells the session store, which shows the sign-in form.
 */

type SessionLostHandler = () => void;
let onSessionLost: SessionLostHandler = () => {};
export function setSessionLostHandler(handler: SessionLostHandler): void {
  onSessionLost = handler;
}

const sessionLostCodes = new Set(["UNAUTHENTICATED", "SESSION_EXPIRED", "MFA_REQUIRED"]);

function noticeSessionLoss(err: unknown): never {
  if (err instanceof ApiError && err.status === 401 && sessionLostCodes.has(err.code)) onSessionLost();
  throw err;
}

export async function staffGet<T>(path: string, query?: Record<string, string | number | undefined | null>) {
  return apiGet<T>(path, query).catch(noticeSessionLoss);
}

/** A staff write: like apiSend, but a lost session sends the person back to the sign-in form. */
export function staffSend<T>(method: SendMethod, path: string, body?: unknown): Promise<T> {
  return apiSend<T>(method, path, body).catch(noticeSessionLoss);
}

/** A staff call to one of the contracts' `apiRoutes`, typed from its schemas (callApi), that notices a lost session. */
export function staffApi<R extends ApiRoute>(route: R, request: NoInfer<ApiRequest<R>>): Promise<ApiResponse<R>> {
  return callApi<R>(route, request as never).catch(noticeSessionLoss);
}

// ── Identity ──

export const auth = {
  me: () => callApi("GET /me", {}),
  login: (email: string, password: string) => callApi("POST /auth/login", { body: { email, password } }),
  startEnrolment: () => callApi("POST /auth/mfa/enrolment", {}),
  verify: (body: ApiRequest<"POST /auth/mfa">["body"]) => callApi("POST /auth/mfa", { body }),
  logout: () => callApi("POST /auth/logout", {}),
  logoutAll: () => callApi("POST /auth/logout-all", {}),
  reauth: (password: string, code: string) => staffApi("POST /auth/reauth", { body: { password, code } }),
  changePassword: (body: ChangePasswordInput) => staffApi("POST /auth/password", { body }),
  completeReset: (token: string, newPassword: string) =>
    callApi("POST /auth/password-reset", { body: { token, newPassword } }),
};

// ── Inbox ──

export type InboxPage = ApiResponse<"GET /inbox/reports">;
export type DuplicateCandidate = ApiResponse<"GET /inbox/reports/:id/duplicates">["items"][number];
export type AssigneeChoices = ApiResponse<"GET /inbox/reports/:id/assignees">;
export type Assignee = AssigneeChoices["items"][number];
export type AssigneeTeam = AssigneeChoices["teams"][number];
export type MutationResult = ApiResponse<"POST /inbox/reports/:id/decision">;

type ReportBody<R extends ApiRoute> = ApiRequest<R>["body"];
const report = (id: string) => ({ params: { id } });

export const inboxApi = {
  list: (query: ListInboxQuery) => staffApi("GET /inbox/reports", { query }),
  get: (id: string) => staffApi("GET /inbox/reports/:id", report(id)),
  duplicates: (id: string) => staffApi("GET /inbox/reports/:id/duplicates", report(id)),
  assignees: (id: string) => staffApi("GET /inbox/reports/:id/assignees", report(id)),
  bulkAssignees: (districtIds: string[]) =>
    staffApi("GET /inbox/assignees", { query: { districtIds: [...new Set(districtIds)].join(",") } }),
  decide: (id: string, body: ReportBody<"POST /inbox/reports/:id/decision">) =>
    staffApi("POST /inbox/reports/:id/decision", { ...report(id), body }),
  reopen: (id: string, body: ReportBody<"POST /inbox/reports/:id/reopen">) =>
    staffApi("POST /inbox/reports/:id/reopen", { ...report(id), body }),
  assign: (id: string, body: ReportBody<"POST /inbox/reports/:id/assignment">) =>
    staffApi("POST /inbox/reports/:id/assignment", { ...report(id), body }),
  registration: (id: string, body: ReportBody<"POST /inbox/reports/:id/registration">) =>
    staffApi("POST /inbox/reports/:id/registration", { ...report(id), body }),
  bulkValidate: (items: { id: string; version: number }[]) =>
    staffApi("POST /inbox/bulk/validate", { body: { items } }),
  bulkAssign: (
    items: { id: string; version: number }[],
    to: { assigneeId: string | null; assigneeTeamId: string | null },
  ) => staffApi("POST /inbox/bulk/assign", { body: { items, ...to } }),
  merge: (id: string, intoId: string, version: number) =>
    staffSend<MutationResult>("POST", `/inbox/reports/${encodeURIComponent(id)}/merge`, { intoId, version }),
  take: (id: string, version: number) =>
    staffSend<MutationResult>("POST", `/inbox/reports/${encodeURIComponent(id)}/take`, { version }),
  status: (id: string, body: ReportBody<"POST /inbox/reports/:id/status">) =>
    staffApi("POST /inbox/reports/:id/status", { ...report(id), body }),
  message: (id: string, body: string) =>
    staffApi("POST /inbox/reports/:id/messages", { ...report(id), body: { body } }),
  note: (id: string, body: string) => staffApi("POST /inbox/reports/:id/notes", { ...report(id), body: { body } }),
};

export const viewsApi = {
  list: () => staffApi("GET /inbox/views", {}),
  create: (name: string, filters: SavedViewFilters) => staffApi("POST /inbox/views", { body: { name, filters } }),
  rename: (id: string, name: string) => staffApi("PATCH /inbox/views/:id", { params: { id }, body: { name } }),
  remove: (id: string) => staffApi("DELETE /inbox/views/:id", { params: { id } }),
};

// ── Staff accounts (system admin) ──

export type StaffUser = ApiResponse<"POST /staff-users">;
export type NewStaffUser = ApiRequest<"POST /staff-users">["body"];

export const staffUsersApi = {
  list: () => staffApi("GET /staff-users", {}),
  create: (body: NewStaffUser) => staffApi("POST /staff-users", { body }),
  update: (id: string, body: ApiRequest<"PATCH /staff-users/:id">["body"]) =>
    staffApi("PATCH /staff-users/:id", { params: { id }, body }),
  resetMfa: (id: string) => staffApi("POST /staff-users/:id/mfa-reset", { params: { id } }),
  resetPassword: (id: string) => staffApi("POST /staff-users/:id/password-reset", { params: { id } }),
};

// ── Response protocols (inbox) ──

export const protocolApi = {
  forReport: (id: string) => staffApi("GET /inbox/reports/:id/protocol", report(id)),
  tick: (id: string, body: ReportBody<"POST /inbox/reports/:id/protocol-steps">) =>
    staffApi("POST /inbox/reports/:id/protocol-steps", { ...report(id), body }),
};
