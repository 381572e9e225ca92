import type { declineReasons } from "@openclm/contracts";
import { eq, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Config } from "../config/config.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Db } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import { phoneKey } from "../reports/phone.js";
import { reportEvents, reportMessages, reports } from "../reports/reports.schema.js";
import { searchTokens } from "../reports/search-words.js";
import { TRACKING_ALPHABET, trackingCodeColumns } from "../reports/tracking-code.js";
import { challengeTypes, subcategories } from "../taxonomy/taxonomy.schema.js";
import { mulberry32 } from "./grid-geometry.js";

/**
 * About two thousand historic reports for Demoland, over the last 13 months, with the shapes a real programme sees:
 * more barriers to health services than anything else, busier districts where more people live, most people aged
 * 25–44, one in eight reports made with a peer supporter, and full workflow histories (validation, first response,
 * referral, resolution, confirmation) with plausible delays. A seeded generator makes every run identical.
 */
export interface DemoReportsOptions {
  count?: number;
  now?: Date;
  seed?: number;
  /** The channels the invented reports come through (default: all of `CHANNELS`); see `demoChannels`. */
  channels?: readonly string[];
}

/**
 * The channels a demo's reports may have come through: the app and the web always; USSD and SMS only when a provider
 * that carries them is configured on this server (Africa's Talking for both, Twilio for SMS), so the demo never shows
 * reports from a channel this installation could not have received (issue 14 item 7). The chat channels are kept.
 */
export function demoChannels(channels: Pick<Config["channels"], "africastalking" | "twilio"> | undefined): string[] {
  const at = channels?.africastalking;
  const twilio = channels?.twilio;
  const atAccount = Boolean(at?.username && at.apiKey);
  const twilioAccount = Boolean(twilio?.accountSid && twilio.authToken);
  return CHANNELS.map(([c]) => c).filter((c) => {
    if (c === "ussd") return atAccount;
    if (c === "sms") return atAccount || twilioAccount;
    return true;
  });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN_DAYS = 395;
const BATCH = 1000;

type Weighted<T> = [T, number][];
type ReportInsert = typeof reports.$inferInsert;
type Change = { from: string | null; to: string; at: number; by: string | null };

const CATEGORY_WEIGHTS: Weighted<string> = [
  ["health_services", 0.42],
  ["stigma", 0.25],
  ["support_services", 0.2],
  ["rights", 0.13],
];
const CHANNELS: Weighted<string> = [
  ["app", 0.55],
  ["web", 0.15],
  ["ussd", 0.12],
  ["sms", 0.08],
  ["telegram", 0.05],
  ["whatsapp", 0.05],
];
const GENDERS: Weighted<string> = [
  ["female", 0.47],
  ["male", 0.42],
  ["transgender", 0.02],
  ["other", 0.01],
  ["undisclosed", 0.08],
];
const AGE_GROUPS: Weighted<string> = [
  ["0-4", 0.02],
  ["5-14", 0.05],
  ["15-24", 0.14],
  ["25-34", 0.27],
  ["35-44", 0.24],
  ["45-54", 0.13],
  ["55-64", 0.08],
  ["65+", 0.04],
  ["undisclosed", 0.03],
];
const KEY_POPULATIONS: Weighted<string> = [
  ["plhiv", 0.22],
  ["urban_poor", 0.14],
  ["rural_poor", 0.14],
  ["migrant", 0.1],
  ["people_who_use_drugs", 0.07],
  ["prisoner", 0.06],
  ["miner", 0.07],
  ["health_worker", 0.05],
  ["diabetes", 0.06],
  ["woman", 0.04],
  ["homeless", 0.03],
  ["child", 0.02],
];
const LANGUAGES: Weighted<string> = [
  ["en", 0.45],
  ["ru", 0.25],
  ["fr", 0.15],
  ["pt", 0.15],
];
const DECLINE_WEIGHTS: Weighted<(typeof declineReasons)[number]> = [
  ["duplicate", 0.3],
  ["insufficient_information", 0.25],
  ["spam", 0.14],
  ["out_of_scope", 0.15],
  ["not_registered", 0.1],
  ["other", 0.06],
];

const DESCRIPTIONS: Record<string, string[]> = {
  health_services: [
    "The clinic had no TB medicines for two weeks and sent me home.",
    "They asked me to pay for the X-ray although TB tests should be free.",
    "The bus to the TB clinic costs more than I earn in a day.",
    "I waited the whole day and nobody saw me.",
    "The nurse shouted at me when I said I had side effects.",
    "My family members were never tested for TB.",
  ],
  stigma: [
    "My neighbours stopped talking to us after they saw the TB nurse visit.",
    "At work they told me not to come back because of TB.",
    "The nurse at the clinic would not touch me and wore two masks only with me.",
    "My child was sent home from school because I have TB.",
    "I am afraid to tell my husband I have TB.",
  ],
  support_services: [
    "I cannot buy enough food to take the tablets on a full stomach.",
    "I lost my income during treatment and nobody told me about the allowance.",
    "I feel very low and there is nobody to talk to.",
    "I need help with a lawyer because my landlord wants to evict me.",
  ],
  rights: [
    "The hospital told my employer about my diagnosis without asking me.",
    "They refused to treat me because I have no residence papers.",
    "I was kept in the ward and not allowed to leave or call my family.",
  ],
};
const RESPONDER_MESSAGES = [
  "Thank you for your report. We are looking into it and will contact the clinic this week.",
  "We spoke with the facility manager. Please tell us if anything changes.",
  "A social worker will call you. Is the number you gave still the best one?",
  "The medicines have arrived at the clinic again. Please go back on Monday.",
  "We have referred your case to the legal aid team.",
];
const REPORTER_MESSAGES = [
  "Thank you. Yes, you can call me after 5 pm.",
  "Nothing has changed yet.",
  "They gave me the medicines today, thank you.",
  "Please do not call, send a message instead.",
];
const NOTES = [
  "Called the facility in charge; stock-out confirmed at district store.",
  "Reporter prefers SMS. Second report about this clinic this month.",
  "Discussed at the weekly case meeting.",
];

/**
 * Bulk insert through one JSON parameter per batch (json_populate_recordset): far fewer bind parameters than a
 * multi-row VALUES list, which keeps seeding fast on PGlite. Columns absent from every row keep their defaults.
 */
async function insertJson<T extends PgTable>(db: Db, table: T, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table)).filter(([prop]) => rows.some((r) => r[prop] !== undefined));
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => {
      const out: Record<string, unknown> = {};
      for (const [prop, c] of columns) {
        const v = r[prop];
        out[c.name] = v instanceof Date ? v.toISOString() : (v ?? null);
      }
      return out;
    });
    await db.execute(
      sql`INSERT INTO ${name} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(batch)}::json)`,
    );
  }
}

export async function seedDemoReports(
  db: Db,
  cipher: FieldCipher,
  opts: DemoReportsOptions = {},
): Promise<{ reports: number; events: number; messages: number }> {
  const count = opts.count ?? 2000;
  const channelMix = opts.channels ? CHANNELS.filter(([c]) => opts.channels?.includes(c)) : CHANNELS;
  const now = (opts.now ?? new Date()).getTime();
  const rnd = mulberry32(opts.seed ?? 20_251_123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const weighted = <T>(items: Weighted<T>): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items.at(-1) as [T, number])[0];
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(rnd() * 4)] as string;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const trackingCode = () => {
    const c = Array.from({ length: 8 }, () => pick([...TRACKING_ALPHABET]));
    return `${c.slice(0, 4).join("")}-${c.slice(4).join("")}`;
  };
  /** Log-normal-ish delay: mostly near `typical`, with a long tail (the weeks some cases take). */
  const delay = (typicalMs: number, minMs: number, maxMs: number) =>
    Math.min(maxMs, Math.max(minMs, typicalMs * Math.exp((rnd() + rnd() + rnd() - 1.5) * 1.6)));

  // What the demo country holds. One query after another: `db` is the seeding transaction, one connection, which
  // must not be sent a query while it is busy (pg 9 refuses it).
  const areaRows = await db
    .select({
      id: areas.id,
      level: areas.level,
      isLeaf: areas.isLeaf,
      ancestorIds: areas.ancestorIds,
      population: areas.population,
    })
    .from(areas);
  const facilityRows = await db
    .select({ id: facilities.id, districtId: facilities.districtId })
    .from(facilities)
    .where(eq(facilities.active, true));
  const subRows = await db
    .select({ code: subcategories.code, categoryCode: subcategories.categoryCode })
    .from(subcategories)
    .where(eq(subcategories.active, true));
  const typeRows = await db
    .select({ code: challengeTypes.code, subcategoryCode: challengeTypes.subcategoryCode })
    .from(challengeTypes)
    .where(eq(challengeTypes.active, true));
  const staff = await db
    .select({ id: staffUsers.id, role: staffUsers.role, scopeAreaIds: staffUsers.scopeAreaIds })
    .from(staffUsers);
  const levelOf = new Map(areaRows.map((a) => [a.id, a.level]));
  const districts: Weighted<{ id: string; regionId: string | null }> = areaRows
    .filter((a) => a.isLeaf)
    .map((a) => [
      { id: a.id, regionId: a.ancestorIds.find((id) => levelOf.get(id) === 1) ?? null },
      Math.max(50, a.population ?? 300),
    ]);
  if (districts.length === 0) throw new Error("demo reports need the demo geography first");
  const facilitiesOf = new Map<string, string[]>();
  for (const f of facilityRows) facilitiesOf.set(f.districtId, [...(facilitiesOf.get(f.districtId) ?? []), f.id]);
  const subsOf = new Map<string, string[]>();
  for (const s of subRows) subsOf.set(s.categoryCode, [...(subsOf.get(s.categoryCode) ?? []), s.code]);
  const typesOf = new Map<string, string[]>();
  for (const t of typeRows) typesOf.set(t.subcategoryCode, [...(typesOf.get(t.subcategoryCode) ?? []), t.code]);
  const categoryWeights = CATEGORY_WEIGHTS.filter(([c]) => subsOf.has(c));

  const byRole = (role: string) => staff.filter((s) => s.role === role);
  const dataManager = byRole("data_manager")[0]?.id ?? null;
  const peer = byRole("peer_supporter")[0]?.id ?? null;
  const responders = byRole("first_responder");
  const responderFor = (districtId: string) =>
    responders.find((r) => r.scopeAreaIds.includes(districtId))?.id ?? responders[0]?.id ?? null;

  const reportRows: ReportInsert[] = [];
  const eventRows: (typeof reportEvents.$inferInsert)[] = [];
  const messageRows: (typeof reportMessages.$inferInsert)[] = [];
  const start = now - SPAN_DAYS * DAY;

  const at = (ms: number) => new Date(Math.min(ms, now - 60_000));
  const workflow = (id: string, r: ReportInsert, c: Change[], validatedAt: number, responder: string | null) => {
    const firstResponse = validatedAt + delay(18 * HOUR, 30 * 60_000, 10 * DAY);
    // Recent reports may still wait for their responder.
    if (firstResponse >= now || (now - validatedAt < 21 * DAY && rnd() < 0.3)) return;
    r.firstResponseAt = at(firstResponse);
    c.push({ from: "validated", to: "in_progress", at: firstResponse, by: responder });
    if (rnd() < 0.45) {
      messageRows.push({
        reportId: id,
        at: at(firstResponse),
        from: "responder",
        authorId: responder,
        bodyEnc: cipher.encrypt(pick(RESPONDER_MESSAGES)),
      });
      if (rnd() < 0.4)
        messageRows.push({
          reportId: id,
          at: at(firstResponse + delay(6 * HOUR, 10 * 60_000, 3 * DAY)),
          from: "reporter",
          bodyEnc: cipher.encrypt(pick(REPORTER_MESSAGES)),
        });
    }
    if (rnd() < 0.15)
      eventRows.push({
        reportId: id,
        at: at(firstResponse + HOUR),
        type: "note",
        actorType: "staff",
        actorId: responder,
        noteEnc: cipher.encrypt(pick(NOTES)),
      });
    let cursor = firstResponse;
    let status = "in_progress";
    if (rnd() < 0.15) {
      const referredAt = cursor + delay(2 * DAY, HOUR, 14 * DAY);
      if (referredAt >= now) return;
      c.push({ from: status, to: "referred", at: referredAt, by: responder });
      status = "referred";
      cursor = referredAt;
    }
    const outcomeAt = cursor + delay(6 * DAY, 4 * HOUR, 60 * DAY);
    if (outcomeAt >= now) return;
    const outcome = rnd() < 0.16 ? "escalated" : "resolved";
    c.push({ from: status, to: outcome, at: outcomeAt, by: responder });
    if (outcome === "resolved") {
      r.resolvedAt = at(outcomeAt);
      const answer = rnd();
      const answeredAt = outcomeAt + delay(DAY, HOUR, 10 * DAY);
      if (answer < 0.42 && answeredAt < now) {
        r.reporterConfirmed = true;
        r.reporterConfirmedAt = at(answeredAt);
        eventRows.push({
          reportId: id,
          at: at(answeredAt),
          type: "confirmation",
          actorType: "reporter",
          details: { resolved: true },
        });
      } else if (answer < 0.47 && answeredAt < now) {
        r.reporterConfirmed = false;
        r.reporterConfirmedAt = at(answeredAt);
        r.reopenedAt = at(answeredAt);
        r.resolvedAt = null;
        c.push({ from: "resolved", to: "in_progress", at: answeredAt, by: null });
        return;
      }
    }
    const closeAt = outcomeAt + delay(10 * DAY, DAY, 45 * DAY);
    if (closeAt < now && rnd() < 0.35) {
      r.closedAt = at(closeAt);
      r.endedAt = r.closedAt;
      c.push({ from: outcome, to: "closed", at: closeAt, by: dataManager });
    }
  };

  for (let i = 0; i < count; i++) {
    const firstMessage = messageRows.length;
    // Reporting grows as the programme becomes known: the last months carry about twice the first months' volume.
    let t: number;
    do t = rnd();
    while (rnd() > 0.5 + 0.5 * t);
    const dayStart = start + Math.floor(t * (SPAN_DAYS - 0.1)) * DAY;
    const createdAt = Math.min(now - HOUR, dayStart + (6 + rnd() * 15) * HOUR);
    const ageDays = (now - createdAt) / DAY;

    const id = uuid();
    const category = weighted(categoryWeights);
    const sub = pick(subsOf.get(category) ?? []);
    const types = typesOf.get(sub) ?? [];
    const challenge = types.length ? [pick(types)] : [];
    if (types.length > 1 && rnd() < 0.25) challenge.push(pick(types.filter((c) => c !== challenge[0])));
    const district = weighted(districts);
    const districtFacilities = facilitiesOf.get(district.id) ?? [];
    const facilityId = districtFacilities.length && rnd() < 0.65 ? pick(districtFacilities) : null;
    const onBehalf = peer !== null && rnd() < 0.12;
    const contactMe = rnd() < 0.55;
    const phone =
      contactMe && rnd() < 0.7
        ? `+99 ${70 + Math.floor(rnd() * 20)} ${String(Math.floor(rnd() * 1e7)).padStart(7, "0")}`
        : null;
    const keyPops =
      rnd() < 0.35
        ? [...new Set([weighted(KEY_POPULATIONS), ...(rnd() < 0.2 ? [weighted(KEY_POPULATIONS)] : [])])]
        : [];
    const description = rnd() < 0.45 ? pick(DESCRIPTIONS[category] ?? DESCRIPTIONS.health_services ?? []) : null;

    // The workflow so far, as a list of status changes with their times.
    const changes: Change[] = [{ from: null, to: "submitted", at: createdAt, by: onBehalf ? peer : null }];
    const row: ReportInsert = {
      id,
      clientId: uuid(),
      ...trackingCodeColumns(cipher, trackingCode()),
      channel: onBehalf
        ? weighted<string>([
            ["app", 0.6],
            ["web", 0.4],
          ])
        : weighted(channelMix),
      reporterMode: onBehalf ? "on_behalf" : "self",
      assistedBy: onBehalf ? peer : null,
      consentRecordedBy: onBehalf ? peer : null,
      consentRecordedAt: onBehalf ? new Date(createdAt) : null,
      // From the time rather than rnd(): drawing more numbers would change every demo report after this one.
      ...(onBehalf && demoAssistance(cipher, createdAt)),
      categoryCode: category,
      subcategoryCode: sub,
      challengeTypes: challenge,
      descriptionEnc: description ? cipher.encrypt(description) : null,
      searchTokens: searchTokens(cipher, description),
      occurredOn: new Date(createdAt - Math.floor(rnd() * rnd() * 20) * DAY).toISOString().slice(0, 10),
      districtId: district.id,
      regionId: district.regionId,
      facilityId,
      gender: weighted(GENDERS),
      ageGroup: weighted(AGE_GROUPS),
      keyPopulations: keyPops,
      consentContactMe: contactMe,
      consentShareDeidentified: rnd() < 0.8,
      consentUseInAdvocacy: rnd() < 0.3,
      phoneEnc: phone ? cipher.encrypt(phone) : null,
      phoneHash: phone ? cipher.hash("phone", phoneKey(phone, null)) : null,
      deviceHash: !onBehalf && rnd() < 0.6 ? cipher.hash("device", `demo-device-${Math.floor(rnd() * 1500)}`) : null,
      language: weighted(LANGUAGES),
      status: "submitted",
      createdAt: new Date(createdAt),
    };

    const stillNew = rnd() < (ageDays < 7 ? 0.9 : ageDays < 30 ? 0.45 : 0.03);
    const assignee = responderFor(district.id);
    if (!stillNew) {
      const decisionAt = createdAt + delay(20 * HOUR, HOUR, 12 * DAY);
      if (decisionAt < now) {
        if (rnd() < 0.11) {
          row.declineReason = weighted(DECLINE_WEIGHTS);
          row.firstResponseAt = at(decisionAt);
          row.endedAt = at(decisionAt);
          changes.push({ from: "submitted", to: "declined", at: decisionAt, by: dataManager });
        } else {
          row.validatedAt = at(decisionAt);
          changes.push({ from: "submitted", to: "validated", at: decisionAt, by: dataManager });
          row.assigneeId = assignee;
          if (assignee)
            eventRows.push({
              reportId: id,
              at: at(decisionAt + 60_000),
              type: "assignment",
              actorType: "staff",
              actorId: dataManager,
              details: { assigneeId: assignee },
            });
          workflow(id, row, changes, decisionAt, assignee);
        }
      }
    }

    const last = changes.at(-1) as (typeof changes)[number];
    row.status = last.to;
    row.updatedAt = at(Math.max(last.at, ...messageRows.slice(firstMessage).map((m) => (m.at as Date).getTime())));
    row.version = changes.length;
    for (const ch of changes) {
      eventRows.push({
        reportId: id,
        at: at(ch.at),
        type: "status_change",
        fromStatus: ch.from,
        toStatus: ch.to,
        actorType: ch.by ? "staff" : ch.from === null ? "reporter" : "system",
        actorId: ch.by,
        visibleToReporter: true,
        details: ch.to === "declined" ? { reason: row.declineReason } : {},
      });
    }
    reportRows.push(row);
  }

  for (const e of eventRows) {
    e.visibleToReporter ??= false;
    e.details ??= {};
  }
  await insertJson(db, reports, reportRows);
  await insertJson(db, reportEvents, eventRows);
  await insertJson(db, reportMessages, messageRows);
  return { reports: reportRows.length, events: eventRows.length, messages: messageRows.length };
}

const DEMO_ASSISTANT_KINDS = ["peer_supporter", "peer_supporter", "treatment_supporter", "health_worker"] as const;
const DEMO_CONSENT_METHODS = ["spoken", "spoken", "signed", "thumbprint"] as const;

/** How a demo peer supporter's report was assisted, spread over the kinds and consent methods a staff account records. */
function demoAssistance(cipher: FieldCipher, createdAt: number) {
  const minute = Math.floor(createdAt / 60_000);
  const consentMethod = DEMO_CONSENT_METHODS[minute % 4] ?? "spoken";
  return {
    assistantKind: DEMO_ASSISTANT_KINDS[Math.floor(minute / 4) % 4] ?? "peer_supporter",
    consentMethod,
    consentReferenceEnc:
      consentMethod === "spoken" ? null : cipher.encrypt(`FORM-${String(minute % 10_000).padStart(4, "0")}`),
  };
}
