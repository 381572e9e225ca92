import crypto from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  outcome: string;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Canonical JSON: object keys sorted at every depth, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const content = canonical({ ...row, at: row.at.toISOString() });
  return crypto.createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}
