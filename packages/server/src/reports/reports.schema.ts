import type { AssistantKind, ConsentMethod } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { communityAccounts } from "../community/community.schema.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import { teams } from "../teams/teams.schema.js";

/**
 * One challenge reported by a person affected by TB (PRODUCT.md 3.2). Personal data (free text, phone) is stored
 * encrypted with the field key; matching uses keyed hashes. Precise coordinates are never stored, only the district.
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Made on the device: the idempotency key. The unique constraint makes a replay return the same report. */
    clientId: uuid("client_id").notNull().unique(),
    /**
     * The tracking code (`K7QM-3XPA`) is a bearer secret: whoever holds it reads the conversation, replies and changes
     * consent. So it is never stored in clear: a keyed hash finds the report (tracking-code.ts), the code itself is
     * kept encrypted for staff, who read it out to the reporter.
     */
    trackingCodeHash: text("tracking_code_hash").unique(),
    /** Keyed hash of the code's first group (`K7QM`): staff find a report by the half a caller reads out. */
    trackingPrefixHash: text("tracking_prefix_hash"),
    trackingCodeEnc: text("tracking_code_enc"),
    /**
     * The code in clear, as reports stored before it was hashed hold it until the start-up backfill
     * (reports/protect-tracking-codes.ts) moves it into the columns above and empties this one. Never written now.
     */
    legacyTrackingCode: text("tracking_code").unique(),
    channel: text("channel").notNull(),
    reporterMode: text("reporter_mode").$type<"self" | "on_behalf">().notNull(),
    /** The peer supporter who reported on someone's behalf. */
    assistedBy: uuid("assisted_by").references(() => staffUsers.id),
    consentRecordedBy: uuid("consent_recorded_by").references(() => staffUsers.id),
    consentRecordedAt: timestamp("consent_recorded_at", { withTimezone: true }),
    /**
     * Who helped (`on_behalf` only, PRODUCT.md 7): the kind of assistant and how the person agreed. The assisting
     * account is `assisted_by` (staff) or `community_account_id` (a family member or treatment supporter).
     */
    assistantKind: text("assistant_kind").$type<AssistantKind>(),
    consentMethod: text("consent_method").$type<ConsentMethod>(),
    /** The paper form's reference for a signed or thumbprinted consent, encrypted (it may name the person). */
    consentReferenceEnc: text("consent_reference_enc"),
    categoryCode: text("category_code").notNull(),
    subcategoryCode: text("subcategory_code").notNull(),
    challengeTypes: text("challenge_types").array().notNull().default(sql`'{}'::text[]`),
    descriptionEnc: text("description_enc"),
    /**
     * Blind index of the description: keyed tokens of its words (reports/search-words.ts, ADR 0011), never a word in
     * clear. Empty for no description; null until the reindex (`npm run search:reindex`) reached an older report.
     */
    searchTokens: text("search_tokens").array(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => areas.id),
    /** The district's region (its level-1 ancestor), kept here so dashboards group without joins. */
    regionId: uuid("region_id").references(() => areas.id),
    facilityId: uuid("facility_id").references(() => facilities.id),
    gender: text("gender").notNull().default("undisclosed"),
    ageGroup: text("age_group").notNull().default("undisclosed"),
    keyPopulations: text("key_populations").array().notNull().default(sql`'{}'::text[]`),
    consentContactMe: boolean("consent_contact_me").notNull().default(false),
    consentShareDeidentified: boolean("consent_share_deidentified").notNull().default(false),
    consentUseInAdvocacy: boolean("consent_use_in_advocacy").notNull().default(false),
    /**
     * Permanent random record key 0…65535 for disclosure control (dashboard/disclosure.ts): a published cell's noise
     * is chosen by the sum of its reports' keys, so the same reports always get the same noise. Never shown anywhere.
     * Intake draws it from the CSPRNG; other writers (seed, bench) get the default.
     */
    recordKey: integer("record_key").notNull().default(sql`floor(random() * 65536)::int`),
    phoneEnc: text("phone_enc"),
    /** Keyed hash of the normalised phone number, for duplicate detection without decrypting. */
    phoneHash: text("phone_hash"),
    deviceHash: text("device_hash"),
    communityAccountId: uuid("community_account_id").references(() => communityAccounts.id, {
      onDelete: "set null",
    }),
    language: text("language"),
    status: text("status").notNull().default("submitted"),
    declineReason: text("decline_reason"),
    /** Optimistic locking for the inbox: every update increments it. */
    version: integer("version").notNull().default(1),
    assigneeId: uuid("assignee_id").references(() => staffUsers.id),
    /** A team may hold a report on its own (its members handle it) or together with one of its members. */
    assigneeTeamId: uuid("assignee_team_id").references(() => teams.id),
    /** Whether the reporter is registered with the TB programme (`yes`, `no`, `unknown`), set by the data manager. */
    registeredWithProgramme: text("registered_with_programme")
      .$type<"yes" | "no" | "unknown">()
      .notNull()
      .default("unknown"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    validatedAt: timestamp("validated_at", { withTimezone: true }),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * When handling ended: the report was closed or declined (null again if reopened). The retention periods (setting
     * `retention`, reports/retention.ts) count from here.
     */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /**
     * When the report's personal data was erased (reports/erasure.ts): tracking code, description, phone, device and
     * account links, messages and notes. What stays is de-identified and keeps counting in the indicators.
     */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    erasedBy: text("erased_by").$type<"reporter" | "retention" | "account">(),
    /** When the conversation (messages with the reporter, internal notes) was erased, by retention or with the rest. */
    messagesErasedAt: timestamp("messages_erased_at", { withTimezone: true }),
    /**
     * Set when a data manager merged this report into another about the same problem (a duplicate): it is declined
     * as a duplicate, counts once through the other, and its reporter follows the other's progress.
     */
    mergedIntoId: uuid("merged_into_id"),
    /** The reporter's answer to "was it resolved?" (loop closure); null until asked and answered. */
    reporterConfirmed: boolean("reporter_confirmed"),
    reporterConfirmedAt: timestamp("reporter_confirmed_at", { withTimezone: true }),
    /**
     * When the reporter last said "not solved" and the report opened again: its resolution clock counts from here,
     * not from creation (protocols/protocol-sla.ts). Kept after a later resolution, so that it is judged on time
     * against the restarted clock.
     */
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    /**
     * A practice report (training mode, ADR 0023): made in the community app's Practice mode or by staff training in the
     * inbox. It never counts, is never exported and never notifies anyone; live readers exclude it through
     * reports/training.ts, and a country administrator erases all of them at once. It can hold no phone number and no
     * community account (constraint below), so nothing can ever be sent about it and no "my reports" lists it.
     */
    training: boolean("training").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "reports_training_anonymous",
      sql`NOT ${t.training} OR (${t.phoneEnc} IS NULL AND ${t.phoneHash} IS NULL AND ${t.communityAccountId} IS NULL)`,
    ),
    // The training inbox and the reset read practice reports only: a small partial index (live reports are not in it).
    index("reports_training_idx").on(t.createdAt, t.id).where(sql`${t.training}`),
    index("reports_status_created_idx").on(t.status, t.createdAt),
    // A peer supporter's own assisted reports (listMyAssistedReports).
    index("reports_assisted_by_idx").on(t.assistedBy, t.createdAt).where(sql`${t.assistedBy} IS NOT NULL`),
    index("reports_district_status_created_idx").on(t.districtId, t.status, t.createdAt),
    index("reports_facility_created_idx").on(t.facilityId, t.createdAt),
    index("reports_assignee_status_idx").on(t.assigneeId, t.status),
    // "Assigned to me" and "assigned to my team" page by (created_at, id) within one person's or team's reports, and
    // count them per status in scope from the index alone. Partial: a new report (intake) touches none of these.
    index("reports_assignee_created_idx").on(t.assigneeId, t.createdAt, t.id).where(sql`${t.assigneeId} IS NOT NULL`),
    index("reports_team_created_idx")
      .on(t.assigneeTeamId, t.createdAt, t.id)
      .where(sql`${t.assigneeTeamId} IS NOT NULL`),
    index("reports_assignee_count_idx")
      .on(t.assigneeId, t.districtId, t.status)
      .where(sql`${t.assigneeId} IS NOT NULL`),
    index("reports_team_count_idx")
      .on(t.assigneeTeamId, t.districtId, t.status)
      .where(sql`${t.assigneeTeamId} IS NOT NULL`),
    // The open reports of the recent window, with what the overdue rule reads: the queue's "overdue" counts count
    // them from the index alone (see inbox.service.ts statusCounts).
    index("reports_open_window_idx")
      .on(t.districtId, t.createdAt, t.status, t.subcategoryCode, t.firstResponseAt, t.categoryCode)
      .where(sql`${t.status} IN ('submitted', 'validated', 'in_progress', 'referred', 'escalated')`),
    // Keyset pagination orders by (created_at, id): this index serves the queue's first and later pages.
    index("reports_created_id_idx").on(t.createdAt, t.id),
    // The dashboard by month of validation reads the reports validated in a running month directly (dashboard/).
    index("reports_validated_at_idx").on(t.validatedAt).where(sql`${t.validatedAt} IS NOT NULL`),
    // Staff search by the first group of a tracking code.
    index("reports_tracking_prefix_hash_idx").on(t.trackingPrefixHash),
    // Text search in the queue: `search_tokens @> ARRAY[…]` (every word searched is in the description).
    index("reports_search_tokens_idx").using("gin", t.searchTokens),
    // The reports the reindex has still to reach: empty once done, so a start-up check costs nothing.
    index("reports_search_pending_idx").on(t.id).where(sql`${t.searchTokens} IS NULL`),
    index("reports_phone_dup_idx")
      .on(t.phoneHash, t.subcategoryCode, t.createdAt)
      .where(sql`${t.phoneHash} IS NOT NULL`),
    index("reports_device_dup_idx")
      .on(t.deviceHash, t.subcategoryCode, t.createdAt)
      .where(sql`${t.deviceHash} IS NOT NULL`),
    // What the retention job has still to erase, oldest first; empty of erased reports.
    index("reports_retention_personal_idx")
      .on(t.endedAt)
      .where(sql`${t.erasedAt} IS NULL AND ${t.endedAt} IS NOT NULL`),
    index("reports_retention_messages_idx")
      .on(t.endedAt)
      .where(sql`${t.messagesErasedAt} IS NULL AND ${t.endedAt} IS NOT NULL`),
    index("reports_account_dup_idx")
      .on(t.communityAccountId, t.subcategoryCode, t.createdAt)
      .where(sql`${t.communityAccountId} IS NOT NULL`),
  ],
);

/** The timeline of a report: status changes, messages, notes, assignments. Reporters see only what is marked so. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** `status_change`, `message`, `note`, `assignment`, `confirmation`, … */
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** `reporter`, `staff`, `system`. */
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    visibleToReporter: boolean("visible_to_reporter").notNull().default(false),
    /** Internal note or reason, encrypted (it may hold personal data). */
    noteEnc: text("note_enc"),
    /** Codes only (decline reason, assignee id …), never personal data. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("report_events_report_idx").on(t.reportId, t.at)],
);

/** Two-way messages between the reporter and the responder, shown to the reporter on the tracking page. */
export const reportMessages = pgTable(
  "report_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    from: text("from").$type<"reporter" | "responder">().notNull(),
    authorId: uuid("author_id"),
    bodyEnc: text("body_enc").notNull(),
  },
  (t) => [index("report_messages_report_idx").on(t.reportId, t.at)],
);
