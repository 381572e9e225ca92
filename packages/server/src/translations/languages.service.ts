import {
  type CreateLanguageInput,
  pluralFormsOf,
  type SetupLanguage,
  type UpdateLanguageInput,
} from "@openclm/contracts";
import { asc, eq, sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { languages } from "../platform/platform.schema.js";
import { isMachineAssisted, isShipped } from "./shipped-catalogues.js";

/** Languages are data (issue 16): a country administrator adds one in Set-up and every surface offers it at once. */

type LanguageRow = typeof languages.$inferSelect;

export async function allLanguages(db: Db): Promise<LanguageRow[]> {
  return db.select().from(languages).orderBy(asc(languages.sort), asc(languages.code));
}

/**
 * Where a string missing in `code` is looked up, this language first and English last: its own fallback (tg → ru),
 * that one's fallback, and so on; without one its base language (pt-MZ → pt). A cycle cannot form (createLanguage
 * and updateLanguage refuse one) but is cut anyway.
 */
export function fallbackChain(code: string, rows: Pick<LanguageRow, "code" | "fallback">[]): string[] {
  const chain: string[] = [];
  let next: string | null | undefined = code;
  while (next && !chain.includes(next)) {
    chain.push(next);
    const current: string = next;
    const row = rows.find((r) => r.code === current);
    const base = current.split("-")[0];
    next = row?.fallback ?? (base && base !== current ? base : undefined);
  }
  if (!chain.includes("en")) chain.push("en");
  return chain;
}

export function presentLanguage(row: LanguageRow, rows: LanguageRow[]): SetupLanguage {
  return {
    code: row.code,
    name: row.name,
    dir: row.dir,
    fallback: row.fallback,
    chain: fallbackChain(row.code, rows),
    enabled: row.enabled,
    isDefault: row.isDefault,
    shipped: isShipped(row.code),
    machineAssisted: isMachineAssisted(row.code),
    pluralForms: pluralFormsOf(row.code),
  };
}

/** `listLanguages`: every configured language, offered or not, with its chain and plural forms. */
export async function listLanguages(ctx: Ctx): Promise<{ items: SetupLanguage[] }> {
  const rows = await allLanguages(ctx.db);
  return { items: rows.map((r) => presentLanguage(r, rows)) };
}

const invalid = (path: string, message: string) => new AppError("VALIDATION_FAILED", message, [{ path, message }]);

/** The tag as BCP 47 writes it ("ur", "pt-MZ", "uz-Cyrl"), or a refusal: Intl knows the grammar of tags. */
function canonicalTag(code: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(code)[0];
  } catch {
    throw invalid("code", "not a BCP 47 language tag");
  }
  if (canonical !== code) throw invalid("code", `write the tag as ${canonical}`);
  return code;
}

function checkFallback(code: string, fallback: string | null | undefined, rows: LanguageRow[]) {
  if (!fallback) return;
  if (fallback === code) throw invalid("fallback", "a language cannot fall back to itself");
  if (!rows.some((r) => r.code === fallback)) throw invalid("fallback", `no language has the code ${fallback}`);
  const others = rows.map((r) => (r.code === code ? { ...r, fallback } : r));
  if (fallbackChain(fallback, others).includes(code)) {
    throw invalid("fallback", `${fallback} already falls back to ${code}: the chain would go round`);
  }
}

/** `createLanguage`: offered at once (getPublicConfig lists it); its strings fall back along the chain until written. */
export async function createLanguage(ctx: Ctx, input: CreateLanguageInput): Promise<SetupLanguage> {
  await requireCountryScope(ctx);
  const code = canonicalTag(input.code);
  return withTransaction(ctx, async (tx) => {
    const rows = await allLanguages(tx);
    if (rows.some((r) => r.code.toLowerCase() === code.toLowerCase())) {
      throw new AppError("CONFLICT", `the language ${code} exists already`);
    }
    checkFallback(code, input.fallback, rows);
    const sort = Math.max(0, ...rows.map((r) => r.sort)) + 1;
    const [row] = await tx
      .insert(languages)
      .values({ code, name: input.name, dir: input.dir, fallback: input.fallback ?? null, enabled: true, sort })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(ctx, tx, {
      action: "language.create",
      entity: "language",
      entityId: code,
      details: { dir: input.dir, fallback: input.fallback ?? null },
    });
    return presentLanguage(row, [...rows, row]);
  });
}

/** `updateLanguage`: its own name, script direction or fallback; audited with what changed. */
export async function updateLanguage(ctx: Ctx, code: string, input: UpdateLanguageInput): Promise<SetupLanguage> {
  await requireCountryScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const rows = await allLanguages(tx);
    if (!rows.some((r) => r.code === code)) throw notFound("language");
    checkFallback(code, input.fallback, rows);
    const [row] = await tx
      .update(languages)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.dir !== undefined ? { dir: input.dir } : {}),
        ...(input.fallback !== undefined ? { fallback: input.fallback } : {}),
      })
      .where(eq(languages.code, code))
      .returning();
    if (!row) throw notFound("language");
    await audit(ctx, tx, {
      action: "language.update",
      entity: "language",
      entityId: code,
      details: { fields: Object.keys(input) },
    });
    return presentLanguage(
      row,
      rows.map((r) => (r.code === code ? row : r)),
    );
  });
}

/** The fallbacks of every enabled language, for getPublicConfig (the chain without the language itself). */
export async function fallbacksByLanguage(db: Db): Promise<Map<string, string[]>> {
  const rows = await allLanguages(db);
  return new Map(rows.map((r) => [r.code, fallbackChain(r.code, rows).slice(1)]));
}

/** Whether `code` is a configured language (any state). */
export async function languageExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`1` }).from(languages).where(eq(languages.code, code));
  return Boolean(row);
}
