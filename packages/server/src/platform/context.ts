import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config/config.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Database, Db } from "../db/database.js";
import { withReader } from "../db/read-replica.js";

/** Who is acting. Staff carry a role and a geographic scope (filled in by the identity domain). */
export type Actor =
  | { type: "anonymous" }
  /** The platform itself: a scheduled job, a start-up task or an operator's command, named by `process`. */
  | { type: "system"; process: string }
  | { type: "community"; accountId: string }
  /** A facility desk's device (desks/desks.hooks.ts): reports on visitors' behalf, at its facility, nothing else. */
  | { type: "desk"; deskId: string; facilityId: string }
  | {
      type: "staff";
      userId: string;
      role: string;
      email: string;
      scopeAreaIds: string[];
      scopeFacilityIds: string[];
      /** Hash of the session token: sign-out and re-authentication act on this session. */
      sessionHash: string;
      /** `password`: only the second factor may follow. */
      stage: "password" | "full";
      /** An administrator chose the password: only changing it (and reading who one is) is allowed. */
      mustChangePassword?: boolean;
      /** A trainee account: practice reports only (identity/trainee.ts). */
      trainee?: boolean;
    };

/** Long-lived things a process holds; built once at boot and shared by routes, jobs and the CLI. */
export interface Services {
  config: Config;
  database: Database;
  log: FastifyBaseLogger;
  cipher: FieldCipher;
}

/** What every service verb receives: who acts, in which language, on which database handle (or transaction). */
export interface Ctx {
  services: Services;
  db: Db;
  log: FastifyBaseLogger;
  requestId: string;
  actor: Actor;
  language: string;
  /** Client address, for throttling sign-in; never stored in clear. */
  ip?: string;
  /** The actor's resolved geographic scope, memoised for the request (see identity/scope.ts). */
  scopeCache?: Promise<import("../identity/scope.js").ResolvedScope>;
  /** The teams the staff actor belongs to, memoised for the request (see teams/teams.service.ts). */
  teamCache?: Promise<string[]>;
}

/**
 * The context of work nobody asked for over HTTP: a job, a start-up task, a CLI command. Its actor is the system,
 * named by `process` (the job id or command), so the audit log tells the auditor which part of the platform acted.
 */
export function systemCtx(services: Services, requestId = "system", process = requestId): Ctx {
  return {
    services,
    db: services.database.db,
    log: services.log.child({ reqId: requestId }),
    requestId,
    actor: { type: "system", process },
    language: "en",
  };
}

/**
 * Runs reads that tolerate a few seconds' staleness (dashboard aggregates, exports) on the read replica while it is
 * fresh enough (`REPLICA_MAX_LAG_SECONDS`), else on the primary; if the replica fails during them, they run again on
 * the primary (db/read-replica.ts `withReader`), logged as a warning for the operator. Inside a transaction, or for
 * anything that must see the caller's own write, use `ctx.db`.
 */
export function readStale<T>(ctx: Ctx, read: (db: Db) => Promise<T>): Promise<T> {
  return withReader(ctx.services.database, ctx.services.config.replicaMaxLagSeconds, read, (err) =>
    ctx.log.warn({ err }, "the read replica failed a read; it ran again on the primary"),
  );
}
