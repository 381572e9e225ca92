import type { ContentSuggestion, CreateContentInput } from "@openclm/contracts";
import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getPublicIndicators, suppressionRule } from "../dashboard/indicators.service.js";
import { areas } from "../geography/geography.schema.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { reports } from "../reports/reports.schema.js";
import { liveReports } from "../reports/training.js";
import { subcategories } from "../taxonomy/taxonomy.schema.js";
import { contentItems } from "./content.schema.js";

/** The draft's words per language (an editor rewrites them); other languages are left to translate. */
const TEMPLATES: Record<string, { title: string; body: string; label: string }> = {
  en: {
    title: "{district}: reports about {challenge} are being resolved",
    body: "Since January {year}, first responders have resolved reports about **{challenge}** in {district}. The number above is updated as more are resolved.\n\nThank you to everyone who reported: each report helps change things. If this happens to you, report it in the app and a first responder will follow it up.",
    label: "Reports resolved since January",
  },
  fr: {
    title: "{district} : les signalements sur « {challenge} » sont résolus",
    body: "Depuis janvier {year}, les intervenants ont résolu des signalements sur **{challenge}** à {district}. Le nombre ci-dessus se met à jour au fil des résolutions.\n\nMerci à toutes les personnes qui ont signalé : chaque signalement aide à faire changer les choses. Si cela vous arrive, signalez-le dans l’application et un intervenant s’en occupera.",
    label: "Signalements résolus depuis janvier",
  },
  pt: {
    title: "{district}: os relatos sobre «{challenge}» estão a ser resolvidos",
    body: "Desde janeiro de {year}, os agentes de resposta resolveram relatos sobre **{challenge}** em {district}. O número acima é atualizado à medida que mais são resolvidos.\n\nObrigado a todas as pessoas que relataram: cada relato ajuda a mudar as coisas. Se isto lhe acontecer, relate-o na aplicação e um agente de resposta vai acompanhá-lo.",
    label: "Relatos resolvidos desde janeiro",
  },
  ru: {
    title: "{district}: обращения по теме «{challenge}» решаются",
    body: "С января {year} года специалисты решили обращения по теме **{challenge}** в районе {district}. Число выше обновляется по мере решения новых обращений.\n\nСпасибо всем, кто сообщил: каждое обращение помогает что-то изменить. Если это случилось с вами, сообщите об этом в приложении, и специалист займётся вашим обращением.",
    label: "Решено обращений с января",
  },
};

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? "");
const slugPart = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** How many candidates are checked against the public figures, and how many suggestions are offered. */
const CANDIDATES = 15;
const OFFERED = 5;

/**
 * Suggested announcements (issue 15 item 4): the districts and challenges (subcategories) where first responders
 * resolved the most reports made this year. Each comes with the figure readers would see, read through the public
 * indicators (perturbed, never below the suppression threshold), and a ready draft in every language there is a
 * template for: a live "resolved since January" figure for that district and challenge, meant for that district.
 * Only aggregates go in: no report, text or person is ever named. A pair that already has an announcement with
 * that figure is not offered again.
 */
export async function listContentSuggestions(ctx: Ctx, now = new Date()): Promise<{ items: ContentSuggestion[] }> {
  const year = now.getUTCFullYear();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { threshold } = await suppressionRule(ctx.db);
  const candidates = await ctx.db
    .select({ districtId: reports.districtId, subcategoryCode: reports.subcategoryCode, n: sql<number>`count(*)::int` })
    .from(reports)
    .where(
      and(
        gte(reports.createdAt, new Date(`${from}T00:00:00Z`)),
        lt(reports.createdAt, new Date(`${year + 1}-01-01T00:00:00Z`)),
        inArray(reports.status, ["resolved", "closed"]),
        isNotNull(reports.resolvedAt),
        eq(reports.consentShareDeidentified, true),
        liveReports,
      ),
    )
    .groupBy(reports.districtId, reports.subcategoryCode)
    .having(sql`count(*) >= ${threshold}`)
    .orderBy(desc(sql`count(*)`), reports.districtId, reports.subcategoryCode)
    .limit(CANDIDATES);
  if (!candidates.length) return { items: [] };

  const [drafted, names, labels, { langs, lang, defaultLang }] = await Promise.all([
    ctx.db
      .select({ figure: contentItems.figure })
      .from(contentItems)
      .where(and(eq(contentItems.kind, "announcement"), sql`${contentItems.status} <> 'archived'`)),
    ctx.db
      .select({ id: areas.id, code: areas.code, names: areas.names })
      .from(areas)
      .where(
        inArray(
          areas.id,
          candidates.map((c) => c.districtId),
        ),
      ),
    ctx.db.select({ code: subcategories.code, labels: subcategories.labels }).from(subcategories),
    resolveLanguage(ctx, ctx.language),
  ]);
  const taken = new Set(
    drafted.map((d) => d.figure && `${d.figure.districtId}:${d.figure.subcategoryCode}:${d.figure.from}`),
  );
  const area = new Map(names.map((a) => [a.id, a]));
  const label = new Map(labels.map((l) => [l.code, l.labels]));

  const items: ContentSuggestion[] = [];
  for (const c of candidates) {
    if (items.length >= OFFERED) break;
    if (taken.has(`${c.districtId}:${c.subcategoryCode}:${from}`)) continue;
    const published = await getPublicIndicators(ctx, {
      metrics: ["reports_resolved"],
      dimensions: [],
      filters: [
        ["is", "district", [c.districtId]],
        ["is", "subcategory", [c.subcategoryCode]],
      ],
      from,
      to,
    });
    const resolved = published.rows[0]?.metrics.reports_resolved;
    if (typeof resolved !== "number" || resolved < threshold) continue;
    const district = area.get(c.districtId);
    const challenge = label.get(c.subcategoryCode);
    const draft: CreateContentInput = {
      kind: "announcement",
      slug: `resolved-${slugPart(c.subcategoryCode)}-${slugPart(district?.code ?? c.districtId.slice(0, 8))}-${year}`.slice(
        0,
        80,
      ),
      translations: {},
      tags: [c.subcategoryCode],
      areaIds: [c.districtId],
      figure: {
        metric: "reports_resolved",
        from,
        to,
        districtId: c.districtId,
        subcategoryCode: c.subcategoryCode,
        label: {},
      },
    };
    for (const { code } of langs) {
      const template = TEMPLATES[code.split("-")[0] ?? code];
      if (!template) continue;
      const words = {
        district: pickText(district?.names, code, defaultLang),
        challenge: pickText(challenge, code, defaultLang).toLocaleLowerCase(code),
        year: String(year),
      };
      draft.translations[code] = { title: fill(template.title, words), body: fill(template.body, words) };
      if (draft.figure) draft.figure.label[code] = template.label;
    }
    items.push({
      key: `${c.districtId}:${c.subcategoryCode}:${year}`,
      districtId: c.districtId,
      districtName: pickText(district?.names, lang, defaultLang),
      subcategoryCode: c.subcategoryCode,
      subcategoryLabel: pickText(challenge, lang, defaultLang),
      from,
      to,
      resolved,
      draft,
    });
  }
  return { items };
}
