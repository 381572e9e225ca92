import type { Dhis2Mapping, updateDhis2MappingSchema } from "@openclm/contracts";
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { dhis2Config } from "./dhis2.schema.js";

type MappingInput = z.output<typeof updateDhis2MappingSchema>;
/** What is kept in `dhis2_config.mapping` (the address, token and switch have columns of their own). */
type StoredMapping = Pick<MappingInput, "periodType" | "dataElements" | "orgUnits" | "idScheme">;

const EMPTY: StoredMapping = { periodType: "monthly", dataElements: [], orgUnits: [], idScheme: "uid" };

/** The link as the push uses it: the environment's address and token win over the stored ones. */
export interface Dhis2Link extends StoredMapping {
  baseUrl: string | null;
  token: string | null;
  autoPush: boolean;
}

async function storedRow(db: Db) {
  const [row] = await db.select().from(dhis2Config).limit(1);
  return row;
}

export async function dhis2Link(ctx: Ctx): Promise<Dhis2Link> {
  const row = await storedRow(ctx.db);
  const env = ctx.services.config.dhis2;
  return {
    ...EMPTY,
    ...((row?.mapping as StoredMapping | undefined) ?? {}),
    baseUrl: env.baseUrl ?? row?.baseUrl ?? null,
    token: env.token ?? ctx.services.cipher.decryptOptional(row?.tokenEnc),
    autoPush: row?.autoPush ?? false,
  };
}

/** `getDhis2Mapping`: the mapping and where it goes; never the token. */
export async function getDhis2Mapping(ctx: Ctx): Promise<Dhis2Mapping> {
  const row = await storedRow(ctx.db);
  const env = ctx.services.config.dhis2;
  return {
    ...EMPTY,
    ...((row?.mapping as StoredMapping | undefined) ?? {}),
    baseUrl: env.baseUrl ?? row?.baseUrl ?? null,
    hasToken: Boolean(env.token ?? row?.tokenEnc),
    autoPush: row?.autoPush ?? false,
    fromEnvironment: { baseUrl: Boolean(env.baseUrl), token: Boolean(env.token) },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Every mapped area exists, none twice; one data element row per (metric, disaggregation). */
async function checkMapping(db: Db, input: MappingInput): Promise<void> {
  const ids = input.orgUnits.map((o) => o.areaId);
  if (new Set(ids).size !== ids.length) throw new AppError("VALIDATION_FAILED", "An area is mapped twice");
  if (ids.length > 0) {
    const found = await db.select({ id: areas.id }).from(areas).where(inArray(areas.id, ids));
    const known = new Set(found.map((a) => a.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError("UNKNOWN_AREA", "Some mapped areas do not exist", { areaIds: unknown });
  }
  const keys = input.dataElements.map(
    (d) => `${d.metric}|${d.disaggregation?.dimension ?? ""}|${d.disaggregation?.value ?? ""}`,
  );
  if (new Set(keys).size !== keys.length) {
    throw new AppError("VALIDATION_FAILED", "The same figure is mapped twice (same indicator and disaggregation)");
  }
}

/** `updateDhis2Mapping`: replaces the mapping; the token is kept unless given (or removed with null). Audited. */
export async function updateDhis2Mapping(ctx: Ctx, input: MappingInput): Promise<Dhis2Mapping> {
  await checkMapping(ctx.db, input);
  const mapping: StoredMapping = {
    periodType: input.periodType,
    dataElements: input.dataElements,
    orgUnits: input.orgUnits,
    idScheme: input.idScheme,
  };
  await withTransaction(ctx, async (tx) => {
    const before = await storedRow(tx);
    const tokenEnc =
      input.token === undefined ? (before?.tokenEnc ?? null) : ctx.services.cipher.encryptOptional(input.token);
    const values = {
      mapping,
      baseUrl: input.baseUrl === undefined ? (before?.baseUrl ?? null) : input.baseUrl,
      tokenEnc,
      autoPush: input.autoPush,
      updatedAt: new Date(),
    };
    if (before) await tx.update(dhis2Config).set(values).where(eq(dhis2Config.id, before.id));
    else await tx.insert(dhis2Config).values(values);
    await audit(ctx, tx, {
      action: "dhis2.mapping_update",
      entity: "dhis2_config",
      details: {
        before: before
          ? { ...(before.mapping as StoredMapping), baseUrl: before.baseUrl, autoPush: before.autoPush }
          : null,
        after: { ...mapping, baseUrl: values.baseUrl, autoPush: values.autoPush },
        // Never the token itself: only whether it changed.
        token: input.token === undefined ? "kept" : input.token === null ? "removed" : "replaced",
      },
    });
  });
  return getDhis2Mapping(ctx);
}
