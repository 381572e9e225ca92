import type {
  BulkResult,
  ChangePasswordInput,
  DeclineReason,
  InboxItem,
  InboxReport,
  ListInboxQuery,
  Me,
  PasswordResetLink,
  RegistrationStatus,
  ReportProtocol,
  ReportStatus,
  ResolutionOutcome,
  SavedView,
  SavedViewFilters,
  StaffRoleCode,
} from "@openclm/contracts";
import { ApiError, apiGet, apiUrl } from "./client.js";

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

export async function apiSend<T>(
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  // A file (a logo) goes as itself, with its own type; anything else as JSON.
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
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      res.status,
      (error?.code as ApiError["code"]) ?? (res.status >= 500 ? "INTERNAL" : "NOT_FOUND"),
      error?.message ?? res.statusText,
    );
  }
  return data as T;
}

/** A staff write: like apiSend, but a lost session sends the person back to the sign-in form. */
export function staffSend<T>(method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  return apiSend<T>(method, path, body).catch(noticeSessionLoss);
}

// ── Identity ──

export const auth = {
  me: () => apiGet<Me>("/me"),
  login: (email: string, password: string) =>
    apiSend<{ mfaRequired: true; enrolmentRequired: boolean }>("POST", "/auth/login", { email, password }),
  startEnrolment: () => apiSend<{ secret: string; otpauthUri: string; qrCode: string }>("POST", "/auth/mfa/enrolment"),
  verify: (body: { code: string } | { recoveryCode: string }) =>
    apiSend<{ me: Me; recoveryCodes?: string[] }>("POST", "/auth/mfa", body),
  logout: () => apiSend<{ ok: true }>("POST", "/auth/logout"),
  logoutAll: () => apiSend<{ ok: true }>("POST", "/auth/logout-all"),
  reauth: (password: string, code: string) => staffSend<{ ok: true }>("POST", "/auth/reauth", { password, code }),
  changePassword: (body: ChangePasswordInput) => staffSend<{ ok: true }>("POST", "/auth/password", body),
  completeReset: (token: string, newPassword: string) =>
    apiSend<{ ok: true }>("POST", "/auth/password-reset", { token, newPassword }),
};

// ── Inbox ──

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  counts: Record<string, number>;
}
export interface DuplicateCandidate {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  createdAt: string;
  match: string[];
}
export interface Assignee {
  id: string;
  displayName: string;
  email: string;
  role: string;
}
export interface AssigneeTeam {
  id: string;
  name: string;
}
export interface AssigneeChoices {
  items: Assignee[];
  teams: AssigneeTeam[];
}
export interface MutationResult {
  id: string;
  status: ReportStatus;
  version: number;
}

type QueryValues = Record<string, string | number | undefined>;
const reportPath = (id: string, rest = "") => `/inbox/reports/${encodeURIComponent(id)}${rest}`;

export const inboxApi = {
  list: (query: ListInboxQuery & QueryValues) => staffGet<InboxPage>("/inbox/reports", query as QueryValues),
  get: (id: string) => staffGet<InboxReport>(reportPath(id)),
  duplicates: (id: string) => staffGet<{ items: DuplicateCandidate[] }>(reportPath(id, "/duplicates")),
  assignees: (id: string) => staffGet<AssigneeChoices>(reportPath(id, "/assignees")),
  bulkAssignees: (districtIds: string[]) =>
    staffGet<AssigneeChoices>("/inbox/assignees", { districtIds: [...new Set(districtIds)].join(",") }),
  decide: (
    id: string,
    body: { decision: "validate" | "decline"; reason?: DeclineReason; note?: string; version: number },
  ) => staffSend<MutationResult>("POST", reportPath(id, "/decision"), body),
  reopen: (id: string, body: { note: string; version: number }) =>
    staffSend<MutationResult>("POST", reportPath(id, "/reopen"), body),
  assign: (id: string, body: { assigneeId: string | null; assigneeTeamId: string | null; version: number }) =>
    staffSend<MutationResult>("POST", reportPath(id, "/assignment"), body),
  registration: (id: string, body: { registeredWithProgramme: RegistrationStatus; version: number }) =>
    staffSend<MutationResult>("POST", reportPath(id, "/registration"), body),
  bulkValidate: (items: { id: string; version: number }[]) =>
    staffSend<BulkResult>("POST", "/inbox/bulk/validate", { items }),
  bulkAssign: (
    items: { id: string; version: number }[],
    to: { assigneeId: string | null; assigneeTeamId: string | null },
  ) => staffSend<BulkResult>("POST", "/inbox/bulk/assign", { items, ...to }),
  merge: (id: string, intoId: string, version: number) =>
    staffSend<MutationResult>("POST", reportPath(id, "/merge"), { intoId, version }),
  take: (id: string, version: number) => staffSend<MutationResult>("POST", reportPath(id, "/take"), { version }),
  status: (
    id: string,
    body: {
      status: ReportStatus;
      note?: string;
      outcome?: ResolutionOutcome;
      referredTo?: string;
      version: number;
    },
  ) => staffSend<MutationResult>("POST", reportPath(id, "/status"), body),
  message: (id: string, body: string) => staffSend<MutationResult>("POST", reportPath(id, "/messages"), { body }),
  note: (id: string, body: string) => staffSend<MutationResult>("POST", reportPath(id, "/notes"), { body }),
};

export const viewsApi = {
  list: () => staffGet<{ items: SavedView[] }>("/inbox/views"),
  create: (name: string, filters: SavedViewFilters) => staffSend<SavedView>("POST", "/inbox/views", { name, filters }),
  rename: (id: string, name: string) =>
    staffSend<SavedView>("PATCH", `/inbox/views/${encodeURIComponent(id)}`, { name }),
  remove: (id: string) => staffSend<{ ok: true }>("DELETE", `/inbox/views/${encodeURIComponent(id)}`),
};

// ── Staff accounts (system admin) ──

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: StaffRoleCode;
  scopeAreaIds: string[];
  scopeFacilityIds: string[];
  mfaEnrolled: boolean;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}
export interface NewStaffUser {
  email: string;
  displayName: string;
  role: StaffRoleCode;
  scopeAreaIds: string[];
  scopeFacilityIds: string[];
  password: string;
}

export const staffUsersApi = {
  list: () => staffGet<{ items: StaffUser[] }>("/staff-users"),
  create: (body: NewStaffUser) => staffSend<StaffUser>("POST", "/staff-users", body),
  update: (id: string, body: Partial<Pick<StaffUser, "role" | "displayName" | "scopeAreaIds" | "disabled">>) =>
    staffSend<StaffUser>("PATCH", `/staff-users/${encodeURIComponent(id)}`, body),
  resetMfa: (id: string) => staffSend<{ ok: true }>("POST", `/staff-users/${encodeURIComponent(id)}/mfa-reset`),
  resetPassword: (id: string) =>
    staffSend<PasswordResetLink>("POST", `/staff-users/${encodeURIComponent(id)}/password-reset`),
};

// ── Response protocols (inbox) ──

export const protocolApi = {
  forReport: (id: string) => staffGet<ReportProtocol>(reportPath(id, "/protocol")),
  tick: (id: string, body: { stepCode: string; done: boolean }) =>
    staffSend<ReportProtocol>("POST", reportPath(id, "/protocol-steps"), body),
};
