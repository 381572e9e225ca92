import { audit } from "../audit/audit.service.js";
import { createContent, publishContent } from "../content/content.service.js";
import { withTransaction } from "../db/database.js";
import { insertMessage } from "../inbox/inbox.repo.js";
import { reporterNotice } from "../inbox/reporter-notices.js";
import { notifyReporter } from "../notifications/notify-reporter.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import * as repo from "./advocacy.repo.js";
import { caseThreshold, controlledCount } from "./advocacy-figures.js";

/** At most this many reporters are told when a case is resolved (a bigger case tells the first ones, oldest first). */
export const NOTIFY_LIMIT = 5000;

const figureLine = {
  counted: {
    en: "This change follows {n} reports from the community.",
    fr: "Ce changement fait suite à {n} signalements de la communauté.",
    pt: "Esta mudança resulta de {n} relatos da comunidade.",
    ru: "Сообщений от сообщества, которые привели к этому изменению: {n}.",
    id: "Perubahan ini menindaklanjuti {n} laporan dari komunitas.",
    sw: "Mabadiliko haya yanafuatia ripoti {n} kutoka kwa jamii.",
    km: "ការផ្លាស់ប្ដូរនេះកើតឡើងបន្ទាប់ពីរបាយការណ៍ {n} ពីសហគមន៍។",
    tg: "Ин тағйирот дар натиҷаи {n} хабари аъзоёни ҷамъият ба амал омад.",
    uk: "Звернень від громади, що привели до цієї зміни: {n}.",
    kk: "Бұл өзгеріс қоғамдастықтан түскен {n} өтініштің нәтижесі.",
  },
  few: {
    en: "This change follows reports from the community.",
    fr: "Ce changement fait suite à des signalements de la communauté.",
    pt: "Esta mudança resulta de relatos da comunidade.",
    ru: "Это изменение стало результатом сообщений от сообщества.",
    id: "Perubahan ini menindaklanjuti laporan dari komunitas.",
    sw: "Mabadiliko haya yanafuatia ripoti kutoka kwa jamii.",
    km: "ការផ្លាស់ប្ដូរនេះកើតឡើងបន្ទាប់ពីរបាយការណ៍ពីសហគមន៍។",
    tg: "Ин тағйирот дар натиҷаи хабарҳои аъзоёни ҷамъият ба амал омад.",
    uk: "Ця зміна стала результатом звернень від громади.",
    kk: "Бұл өзгеріс қоғамдастықтан түскен өтініштердің нәтижесі.",
  },
} as const;

/**
 * Publishes the "What changed" announcement of a resolved case: the text the analyst wrote and one line with the
 * case's count of publishable reports, under disclosure control (a hidden count is not given). Content is
 * country-wide: a reader without a country-wide scope leaves it as a draft for the content team to publish.
 */
export async function announceCase(
  ctx: Ctx,
  row: repo.CaseRow,
  announcement: { language: string; title: string; body: string },
): Promise<string> {
  const threshold = await caseThreshold(ctx.db, row.filters);
  const n = await controlledCount(ctx.db, repo.caseReportsSql(row, true), threshold);
  const line =
    n === null || n === 0
      ? pickText(figureLine.few, announcement.language)
      : pickText(figureLine.counted, announcement.language).replace("{n}", String(n));
  const slug = `what-changed-${row.id.slice(0, 8)}`;
  const categories = row.filters.find(([, d]) => d === "category")?.[2] ?? [];
  const { id } = await createContent(ctx, {
    kind: "announcement",
    slug,
    translations: {
      [announcement.language]: { title: announcement.title, body: `${announcement.body}\n\n${line}` },
    },
    tags: categories,
  });
  try {
    await publishContent(ctx, id);
  } catch (e) {
    if (!(e instanceof AppError && e.code === "COUNTRY_SCOPE_REQUIRED")) throw e;
  }
  await withTransaction(ctx, async (tx) => {
    await repo.updateCase(tx, row.id, { announcementId: id });
    await audit(ctx, tx, {
      action: "advocacy_case.announce",
      entity: "advocacy_case",
      entityId: row.id,
      details: { contentId: id },
    });
  });
  return id;
}

/**
 * Tells the reporters of the case's reports that their report led to a change, through the notice mechanism every
 * status change uses: a message on the report's page, an SMS to those who agreed to be contacted, a web push to
 * browsers that follow it — in the report's language and TB-free (inbox/reporter-notices.ts `changed`).
 */
export async function notifyCaseReporters(ctx: Ctx, row: repo.CaseRow): Promise<number> {
  const targets = await repo.caseReportsToNotify(ctx.db, repo.caseReportsSql(row, false), NOTIFY_LIMIT);
  const texts = new Map<string | null, string>(); // one catalogue read per language, not per reporter
  for (const r of targets) {
    let text = texts.get(r.language);
    if (text === undefined) {
      text = await reporterNotice(ctx.db, "changed", r.language);
      texts.set(r.language, text);
    }
    await withTransaction(ctx, async (tx) => {
      await insertMessage(tx, { reportId: r.id, from: "responder", bodyEnc: ctx.services.cipher.encrypt(text) });
      // The same path as a responder's message: push, then the reporter's chat or SMS, in TB-free wording.
      await notifyReporter(ctx, tx, r, { kind: "reply", from: "system", body: text });
    });
  }
  await withTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: "advocacy_case.notify",
      entity: "advocacy_case",
      entityId: row.id,
      details: { reports: targets.length },
    }),
  );
  return targets.length;
}
