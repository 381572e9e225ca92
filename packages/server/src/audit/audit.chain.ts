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

/**
 * A row's canonical JSON without its closing `,"seq":N}`: `seq` sorts last, so the database, which assigns `seq`
 * at commit, completes the text and hashes it exactly as `chainHash` would (migration 0012, `audit_seal`).
 */
export function chainContent(row: Omit<ChainedFields, "seq">): string {
  const full = canonical({ ...row, at: row.at.toISOString(), seq: 0 });
  if (!full.endsWith(SEQ_TAIL)) throw new Error("audit fields must sort before seq");
  return full.slice(0, -SEQ_TAIL.length);
}
const SEQ_TAIL = ',"seq":0}';

/** What `audit_seal` computes in SQL: sha256 of the previous hash, a newline and the completed canonical JSON. */
export function sealHash(prevHash: string, content: string, seq: number): string {
  return crypto.createHash("sha256").update(`${prevHash}\n${content},"seq":${seq}}`).digest("hex");
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const content = canonical({ ...row, at: row.at.toISOString() });
  return crypto.createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}
