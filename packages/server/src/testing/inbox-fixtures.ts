import assert from "node:assert/strict";
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { trackingCodeHash } from "../reports/tracking-code.js";
import type { TestApp } from "./test-app.js";

/** Submits a report as a member of the public would (201) and answers its id and tracking code. */
/** A submitReport body with a fresh clientId: a health-services report in `districtId`, with `extra` over it. */
export function reportPayload(districtId: string, extra: Record<string, unknown> = {}) {
  return {
    clientId: crypto.randomUUID(),
    channel: "app",
    reporterMode: "self",
    categoryCode: "health_services",
    subcategoryCode: "health_services.availability",
    description: "No medicines at the clinic",
    districtId,
    ...extra,
  };
}

export async function submitReport(t: TestApp, districtId: string, extra: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: "POST", url: "/api/reports", payload: reportPayload(districtId, extra) });
  assert.equal(res.statusCode, 201, res.body);
  const code = res.json().trackingCode as string;
  const [row] = await t.database.rows<{ id: string }>(
    sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
  );
  return { id: row!.id, code };
}

/** Staff calls through inject with a session cookie. */
export function staffCalls(t: TestApp) {
  const call = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", cookie: string, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as object | undefined });
  return {
    get: (cookie: string, url: string) => call("GET", cookie, url),
    post: (cookie: string, url: string, payload: unknown) => call("POST", cookie, url, payload),
    patch: (cookie: string, url: string, payload: unknown) => call("PATCH", cookie, url, payload),
    put: (cookie: string, url: string) => call("PUT", cookie, url),
    del: (cookie: string, url: string) => call("DELETE", cookie, url),
  };
}

/** The audit actions recorded for one report, oldest first. */
export async function auditActionsFor(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.database.rows<{ action: string }>(
    sql`SELECT action FROM audit_events WHERE entity_id = ${entityId} ORDER BY seq`,
  );
  return rows.map((r) => r.action);
}
