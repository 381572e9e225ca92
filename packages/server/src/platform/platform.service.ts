import { sql } from "drizzle-orm";
import type { Ctx } from "./context.js";
import { negotiateLanguage } from "./i18n-text.js";
import { listEnabledLanguages } from "./platform.repo.js";

export interface CountrySettings {
  code: string;
  names: Record<string, string>;
  /** Names of the hierarchy levels, root first ("country", "region", "district"). */
  levels: string[];
}

export async function resolveLanguage(ctx: Ctx, requested: string | undefined) {
  const langs = await listEnabledLanguages(ctx.db);
  const defaultLang = langs.find((l) => l.isDefault)?.code ?? langs[0]?.code ?? "en";
  return {
    langs,
    lang: negotiateLanguage(
      requested,
      langs.map((l) => l.code),
      defaultLang,
    ),
    defaultLang,
  };
}

/** Whether the database answers (`getHealth`); throws what the driver threw. */
export async function pingDatabase(ctx: Ctx): Promise<void> {
  await ctx.db.execute(sql`SELECT 1`);
}
