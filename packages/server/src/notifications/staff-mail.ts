import {
  DEFAULT_EMAIL_NOTIFICATIONS,
  type EmailNotificationChoice,
  type LocalizedText,
  type MyNotificationPreferences,
} from "@openclm/contracts";
import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, queryRows, withTransaction } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { roleHas } from "../identity/roles.js";
import { resolveScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { defineJob } from "../platform/job-runner.js";
import { getSetting, listEnabledLanguages, putSetting } from "../platform/platform.repo.js";
import { liveReportsSql } from "../reports/training.js";
import { type SmtpAccount, sendMail, smtpAccount } from "./mail-settings.js";
import { staffNotifications } from "./notifications.schema.js";

/**
 * E-mail to staff (issue 14 item 5): a new report in their scope, a report assigned to them (or to their team), an
 * escalation to them (protocols/escalate-overdue.ts names the supervisors). A collector turns what happened into rows
 * of `staff_notifications` (one per person and event, so each is told once), the sender mails them: `immediate` ones
 * each on its own within a minute, `digest` ones together once a day. Both run in the `notifications.staff-mail` job
 * (pg-boss, every minute), which retries failures with back-off.
 *
 * What a mail says (docs/notifications.md): what happened, the report's district, and a link to the inbox item, where
 * the reader signs in and their scope and the audit log apply. Never the reporter's words, contact or tracking code
 * (the code opens the report to whoever holds it), and not the category either: a category's name can name the
 * illness ("TB medicines out of stock"), and a mailbox is read on phones, shared computers and by forwarding, beyond
 * the platform's access control.
 */

export type StaffNotificationKind = "new_report" | "assignment" | "escalation";

export const MAX_MAIL_ATTEMPTS = 8;
/** The hour (UTC) the daily digest goes. */
export const DIGEST_HOUR_UTC = 6;
/** A mail being sent is left alone by other senders this long (well past the send's timeouts). */
const LEASE_MS = 5 * 60_000;
/** How far back the collector looks again each run: a report committed late (long transaction) is still seen. */
const OVERLAP_MS = 10 * 60_000;
/** The first run looks back this far (and no further after a long stop: older news is in the inbox anyway). */
const FIRST_LOOK_BACK_MS = 3_600_000;
const WATERMARK = "notifications.staffMailCollectedUntil";

/** When the next digest goes: today's digest hour if it is still ahead, else tomorrow's. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  return at > now ? at : new Date(at.getTime() + 86_400_000);
}

interface Recipient {
  id: string;
  choice: EmailNotificationChoice;
  role: string;
  districtIds: Set<string>;
  facilityIds: Set<string>;
  createdAt: Date;
}

/** Staff who may be mailed (not disabled, not off), with their scope (identity/scope.ts, the inbox's read rule). */
async function recipients(db: Db): Promise<Recipient[]> {
  const rows = await db
    .select()
    .from(staffUsers)
    // Trainee accounts hear nothing of live reports (reports/training.ts), and practice reports send no e-mail.
    .where(
      and(isNull(staffUsers.disabledAt), eq(staffUsers.trainee, false), sql`${staffUsers.emailNotifications} <> 'off'`),
    );
  const out: Recipient[] = [];
  for (const r of rows) {
    const scope = await resolveScope(db, { areaIds: r.scopeAreaIds, facilityIds: r.scopeFacilityIds });
    out.push({
      id: r.id,
      choice: r.emailNotifications,
      role: r.role,
      districtIds: new Set(scope.areaDistrictIds),
      facilityIds: new Set(scope.facilityIds),
      createdAt: r.createdAt,
    });
  }
  return out;
}

interface Candidate {
  reportId: string;
  kind: StaffNotificationKind;
  eventKey: string;
  /** Who is told: everyone whose inbox shows the report (new reports), or the people named. */
  to: { inScopeOf: { districtId: string; facilityId: string | null } } | { staffIds: string[] };
  at: Date;
}

/**
 * What happened since `from`: new reports, assignments (not one's own taking), escalations. All of it, not a first
 * page: the watermark moves past the window once this run is done, so anything a LIMIT cut off (a busy hour, an
 * import) would never be told. The window is bounded (the time since the last run plus the overlap).
 */
async function happenedSince(db: Db, from: Date): Promise<Candidate[]> {
  const since = from.toISOString();
  const fresh = await queryRows<{ id: string; district_id: string; facility_id: string | null; created_at: string }>(
    db,
    sql`SELECT id, district_id, facility_id, created_at FROM reports r
         WHERE created_at >= ${since}::timestamptz AND erased_at IS NULL AND ${sql.raw(liveReportsSql("r"))}
         ORDER BY created_at`,
  );
  const events = await queryRows<{
    id: number;
    report_id: string;
    type: string;
    actor_id: string | null;
    details: Record<string, unknown>;
    at: string;
  }>(
    db,
    sql`SELECT e.id, e.report_id, e.type, e.actor_id, e.details, e.at FROM report_events e
         JOIN reports r ON r.id = e.report_id AND ${sql.raw(liveReportsSql("r"))}
         WHERE e.at >= ${since}::timestamptz AND e.type IN ('assignment', 'escalation') ORDER BY e.id`,
  );
  const teamIds = events.map((e) => e.details.assigneeTeamId).filter((t): t is string => typeof t === "string");
  const members = teamIds.length
    ? await queryRows<{ team_id: string; user_id: string }>(
        db,
        sql`SELECT team_id, user_id FROM team_members WHERE team_id = ANY(${`{${teamIds.join(",")}}`}::uuid[])`,
      )
    : [];
  const candidates: Candidate[] = fresh.map((r) => ({
    reportId: r.id,
    kind: "new_report",
    eventKey: `report:${r.id}`,
    to: { inScopeOf: { districtId: r.district_id, facilityId: r.facility_id } },
    at: new Date(r.created_at),
  }));
  for (const e of events) {
    const d = e.details;
    let staffIds: string[];
    if (e.type === "escalation") {
      staffIds = Array.isArray(d.supervisorIds)
        ? d.supervisorIds.filter((s): s is string => typeof s === "string")
        : [];
    } else if (typeof d.assigneeId === "string") {
      staffIds = [d.assigneeId];
    } else {
      staffIds = members.filter((m) => m.team_id === d.assigneeTeamId).map((m) => m.user_id);
    }
    // Nobody is told of what they did themselves (taking a report, assigning it to themselves).
    staffIds = staffIds.filter((s) => s !== e.actor_id);
    if (staffIds.length === 0) continue;
    const kind = e.type === "escalation" ? "escalation" : "assignment";
    candidates.push({ reportId: e.report_id, kind, eventKey: `event:${e.id}`, to: { staffIds }, at: new Date(e.at) });
  }
  return candidates;
}

/**
 * Turns what happened since the last run (with an overlap) into notification rows, each person and event once (the
 * unique index). New reports go to staff who read the inbox and whose scope covers the report, if they had an
 * account when it came.
 */
export async function collectStaffNotifications(ctx: Ctx, now = new Date()): Promise<number> {
  const mark = await getSetting<string>(ctx.db, WATERMARK);
  const from = new Date(
    Math.max(mark ? new Date(mark).getTime() - OVERLAP_MS : 0, now.getTime() - FIRST_LOOK_BACK_MS - OVERLAP_MS),
  );
  const candidates = await happenedSince(ctx.db, from);
  let added = 0;
  if (candidates.length > 0) {
    const people = await recipients(ctx.db);
    const byId = new Map(people.map((p) => [p.id, p]));
    const rows = candidates.flatMap((c) => {
      const to = c.to;
      const told =
        "staffIds" in to
          ? to.staffIds.flatMap((id) => byId.get(id) ?? [])
          : people.filter((p) => roleHas(p.role, "inbox:read") && p.createdAt <= c.at && covers(p, to.inScopeOf));
      return told.map((p) => ({
        staffId: p.id,
        reportId: c.reportId,
        kind: c.kind,
        eventKey: c.eventKey,
        delivery: p.choice === "immediate" ? ("immediate" as const) : ("digest" as const),
        nextAttemptAt: p.choice === "immediate" ? now : nextDigestAt(now),
      }));
    });
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await ctx.db
        .insert(staffNotifications)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: staffNotifications.id });
      added += inserted.length;
    }
  }
  await putSetting(ctx.db, WATERMARK, now.toISOString());
  return added;
}

function covers(p: Recipient, at: { districtId: string; facilityId: string | null }): boolean {
  return p.districtIds.has(at.districtId) || (!!at.facilityId && p.facilityIds.has(at.facilityId));
}

const texts = {
  new_report: {
    en: "New report",
    fr: "Nouveau signalement",
    pt: "Novo relato",
    ru: "Новое обращение",
    id: "Laporan baru",
    sw: "Ripoti mpya",
    km: "របាយការណ៍ថ្មី",
    tg: "Хабари нав",
    uk: "Нове звернення",
    kk: "Жаңа өтініш",
  },
  assignment: {
    en: "Report assigned to you",
    fr: "Signalement qui vous est attribué",
    pt: "Relato atribuído a si",
    ru: "Обращение назначено вам",
    id: "Laporan ditugaskan kepada Anda",
    sw: "Ripoti imekabidhiwa kwako",
    km: "របាយការណ៍ត្រូវបានចាត់ឱ្យអ្នក",
    tg: "Хабар ба шумо супорида шуд",
    uk: "Звернення призначено вам",
    kk: "Өтініш сізге тағайындалды",
  },
  escalation: {
    en: "Report escalated to you",
    fr: "Signalement escaladé vers vous",
    pt: "Relato escalado para si",
    ru: "Обращение передано вам (эскалация)",
    id: "Laporan dieskalasi kepada Anda",
    sw: "Ripoti imepandishwa kwako",
    km: "របាយការណ៍ត្រូវបានបញ្ជូនបន្តមកអ្នក",
    tg: "Хабар барои баррасӣ ба шумо фиристода шуд (эскалатсия)",
    uk: "Звернення передано вам (ескалація)",
    kk: "Өтініш сізге жіберілді (эскалация)",
  },
  digest: {
    en: "OpenCLM: {n} updates in your inbox",
    fr: "OpenCLM : {n} nouveautés dans votre boîte",
    pt: "OpenCLM: {n} novidades na sua caixa",
    ru: "OpenCLM: новых событий во входящих: {n}",
    id: "OpenCLM: {n} pembaruan di kotak masuk Anda",
    sw: "OpenCLM: taarifa mpya {n} kwenye kikasha chako",
    km: "OpenCLM: ព័ត៌មានថ្មី {n} នៅក្នុងប្រអប់សំបុត្ររបស់អ្នក",
    tg: "OpenCLM: {n} навигарӣ дар қуттии воридотӣ",
    uk: "OpenCLM: нових подій у вхідних: {n}",
    kk: "OpenCLM: кіріс жәшігіңізде {n} жаңалық",
  },
  open: {
    en: "Open it in the inbox (sign in first):",
    fr: "Ouvrez-le dans la boîte de réception (connectez-vous d'abord) :",
    pt: "Abra-o na caixa de entrada (inicie sessão primeiro):",
    ru: "Откройте во входящих (сначала войдите):",
    id: "Buka di kotak masuk (masuk terlebih dahulu):",
    sw: "Ifungue kwenye kikasha (ingia kwanza):",
    km: "បើកវានៅក្នុងប្រអប់សំបុត្រ (ចូលគណនីជាមុនសិន)៖",
    tg: "Онро дар қуттии воридотӣ кушоед (аввал ворид шавед):",
    uk: "Відкрийте у вхідних (спершу увійдіть):",
    kk: "Оны кіріс жәшігінде ашыңыз (алдымен кіріңіз):",
  },
  footer: {
    en: "You get these e-mails because of the choice on your account page ({url}). They never hold the reporter's words or contact.",
    fr: "Vous recevez ces e-mails selon le choix fait sur votre page de compte ({url}). Ils ne contiennent jamais les mots ni les coordonnées de la personne.",
    pt: "Recebe estes e-mails pela escolha feita na página da sua conta ({url}). Nunca contêm as palavras nem o contacto de quem relatou.",
    ru: "Вы получаете эти письма по настройке на странице учётной записи ({url}). В них никогда нет слов или контактов заявителя.",
    id: "Anda menerima e-mail ini karena pilihan di halaman akun Anda ({url}). E-mail ini tidak pernah memuat kata-kata atau kontak pelapor.",
    sw: "Unapokea barua pepe hizi kwa sababu ya chaguo kwenye ukurasa wa akaunti yako ({url}). Hazibebi kamwe maneno wala mawasiliano ya mtoa ripoti.",
    km: "អ្នកទទួលបានអ៊ីមែលទាំងនេះដោយសារជម្រើសនៅលើទំព័រគណនីរបស់អ្នក ({url})។ វាមិនដែលមានពាក្យ ឬទំនាក់ទំនងរបស់អ្នករាយការណ៍ឡើយ។",
    tg: "Шумо ин мактубҳоро аз рӯи интихоби худ дар саҳифаи ҳисоб ({url}) мегиред. Дар онҳо ҳеҷ гоҳ суханон ё тамоси хабардиҳанда нест.",
    uk: "Ви отримуєте ці листи за налаштуванням на сторінці облікового запису ({url}). У них ніколи немає слів чи контактів заявника.",
    kk: "Бұл хаттарды тіркелгі бетіндегі ({url}) таңдауыңыз бойынша аласыз. Оларда ешқашан өтініш берушінің сөздері немесе байланысы болмайды.",
  },
} satisfies Record<string, LocalizedText>;

interface Due {
  id: number;
  staffId: string;
  reportId: string;
  kind: StaffNotificationKind;
  delivery: "immediate" | "digest";
  attempts: number;
}

/** One line per event: what happened and in which district; and the inbox item's address. */
async function describe(ctx: Ctx, items: Due[], lang: string): Promise<string[]> {
  const ids = [...new Set(items.map((i) => i.reportId))];
  const rows = await queryRows<{ id: string; district: LocalizedText | null }>(
    ctx.db,
    sql`SELECT r.id, a.names AS district FROM reports r LEFT JOIN areas a ON a.id = r.district_id
         WHERE r.id = ANY(${`{${ids.join(",")}}`}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const base = ctx.services.config.publicUrl ?? "";
  return items.map((i) => {
    const where = pickText(byId.get(i.reportId)?.district, lang);
    return `${pickText(texts[i.kind], lang)}${where ? ` — ${where}` : ""}\n${base}/inbox/${i.reportId}`;
  });
}

/** The mail for one person's items: one event on its own, or a digest of several. */
async function compose(ctx: Ctx, items: Due[], lang: string): Promise<{ subject: string; text: string }> {
  const lines = await describe(ctx, items, lang);
  const footer = pickText(texts.footer, lang).replace("{url}", `${ctx.services.config.publicUrl ?? ""}/account`);
  const first = items[0];
  const subject =
    items.length === 1 && first && first.delivery === "immediate"
      ? `OpenCLM: ${pickText(texts[first.kind], lang)}`
      : pickText(texts.digest, lang).replace("{n}", String(items.length));
  return { subject, text: `${pickText(texts.open, lang)}\n\n${lines.join("\n\n")}\n\n--\n${footer}\n` };
}

/**
 * Mails what is due, outside any transaction: each person's immediate items one by one, their digest items in one
 * mail. Each batch is first taken (its next attempt moved past the lease) so that two processes never both send it.
 * A person switched off or disabled since gets nothing (their rows go). Without an SMTP server nothing moves.
 */
export async function deliverStaffMail(ctx: Ctx, now = new Date()): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  const account = await smtpAccount(ctx);
  if (!account) return result;
  const due = (await ctx.db
    .select()
    .from(staffNotifications)
    .where(
      and(
        isNull(staffNotifications.sentAt),
        lte(staffNotifications.nextAttemptAt, now),
        lt(staffNotifications.attempts, MAX_MAIL_ATTEMPTS),
      ),
    )
    .orderBy(asc(staffNotifications.staffId), asc(staffNotifications.id))
    .limit(1000)) as Due[];
  if (due.length === 0) return result;
  const lang = (await listEnabledLanguages(ctx.db)).find((l) => l.isDefault)?.code ?? "en";
  const people = await ctx.db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      choice: staffUsers.emailNotifications,
      off: staffUsers.disabledAt,
    })
    .from(staffUsers)
    .where(inArray(staffUsers.id, [...new Set(due.map((d) => d.staffId))]));
  for (const person of people) {
    const mine = due.filter((d) => d.staffId === person.id);
    if (person.off || person.choice === "off") {
      await ctx.db.delete(staffNotifications).where(
        inArray(
          staffNotifications.id,
          mine.map((d) => d.id),
        ),
      );
      continue;
    }
    const batches = [...mine.filter((d) => d.delivery === "immediate").map((d) => [d])];
    const digest = mine.filter((d) => d.delivery === "digest");
    if (digest.length > 0) batches.push(digest);
    for (const batch of batches) {
      if (!(await claim(ctx.db, batch, now))) continue;
      const ok = await sendBatch(ctx, account, person.email, batch, lang, now);
      if (ok) result.sent++;
      else result.failed++;
    }
  }
  return result;
}

async function claim(db: Db, batch: Due[], now: Date): Promise<boolean> {
  const ids = batch.map((d) => d.id);
  const taken = await db
    .update(staffNotifications)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        inArray(staffNotifications.id, ids),
        isNull(staffNotifications.sentAt),
        lte(staffNotifications.nextAttemptAt, now),
      ),
    )
    .returning({ id: staffNotifications.id });
  return taken.length === ids.length;
}

async function sendBatch(
  ctx: Ctx,
  account: SmtpAccount,
  to: string,
  batch: Due[],
  lang: string,
  now: Date,
): Promise<boolean> {
  const ids = batch.map((d) => d.id);
  try {
    await sendMail(account, { to, ...(await compose(ctx, batch, lang)) });
    await ctx.db
      .update(staffNotifications)
      .set({ sentAt: now, lastError: null })
      .where(inArray(staffNotifications.id, ids));
    return true;
  } catch (err) {
    const attempts = Math.max(...batch.map((d) => d.attempts)) + 1;
    // The SMTP server's answer, never the address or the content.
    const error = (err as Error).message.slice(0, 200);
    await ctx.db
      .update(staffNotifications)
      .set({ attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** attempts) })
      .where(inArray(staffNotifications.id, ids));
    ctx.log.warn({ error, items: ids.length }, "staff e-mail not sent; will retry");
    return false;
  }
}

/** Collects and mails every minute; forgets what was sent (or given up) after 7 days. */
export const staffMailJob = defineJob({
  id: "notifications.staff-mail",
  payload: z.object({}),
  cron: "* * * * *",
  async handler(ctx) {
    await collectStaffNotifications(ctx);
    await deliverStaffMail(ctx);
    await ctx.db
      .delete(staffNotifications)
      .where(lt(staffNotifications.createdAt, new Date(Date.now() - 7 * 86_400_000)));
  },
});

/** `getMyNotificationPreferences`. */
export async function myNotificationPreferences(ctx: Ctx): Promise<MyNotificationPreferences> {
  const [row] = await ctx.db
    .select({ emailNotifications: staffUsers.emailNotifications })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffIdOf(ctx)));
  return { emailNotifications: row?.emailNotifications ?? DEFAULT_EMAIL_NOTIFICATIONS };
}

/**
 * `updateMyNotificationPreferences`: the signed-in person's own choice, audited. What is already waiting follows it:
 * switched off, nothing waiting goes; the other way, waiting items keep the delivery they were given.
 */
export async function updateMyNotificationPreferences(
  ctx: Ctx,
  input: MyNotificationPreferences,
): Promise<MyNotificationPreferences> {
  const id = staffIdOf(ctx);
  await withTransaction(ctx, async (tx) => {
    const [before] = await tx
      .select({ choice: staffUsers.emailNotifications })
      .from(staffUsers)
      .where(eq(staffUsers.id, id));
    if (before?.choice === input.emailNotifications) return;
    await tx.update(staffUsers).set({ emailNotifications: input.emailNotifications }).where(eq(staffUsers.id, id));
    if (input.emailNotifications === "off") {
      await tx
        .delete(staffNotifications)
        .where(and(eq(staffNotifications.staffId, id), isNull(staffNotifications.sentAt)));
    }
    await audit(ctx, tx, {
      action: "notifications.preferences_update",
      entity: "staff_user",
      entityId: id,
      details: { before: before?.choice ?? null, after: input.emailNotifications },
    });
  });
  return myNotificationPreferences(ctx);
}

function staffIdOf(ctx: Ctx): string {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor.userId;
}
