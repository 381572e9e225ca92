import crypto from "node:crypto";
import { type SubmitReportInput, submitReportBodySchema } from "@openclm/contracts";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { checkReport, submitReport } from "../reports/submit-report.js";
import * as repo from "./channel-sessions.repo.js";
import { advance, type ConversationState, render, startConversation } from "./conversation.js";
import { type ConversationWorld, loadConversationWorld } from "./conversation-world.js";
import { findRepliedReport, takeReporterReply } from "./sms-notify.js";

/** How long a conversation waits for the next answer. USSD sessions end within minutes; SMS answers come slowly. */
export const SESSION_LIFETIME_MS = {
  ussd: 10 * 60_000,
  sms: 24 * 3_600_000,
  telegram: 24 * 3_600_000,
  whatsapp: 24 * 3_600_000,
} as const;

/** The text channels a conversation runs on (the report's `channel`). */
export type ConversationChannel = keyof typeof SESSION_LIFETIME_MS;

/**
 * A conversation run from the Set-up simulator (docs/channels.md): the same turns, but its final turn runs intake's
 * checks and stores no report, and nothing is sent to a provider.
 */
export interface TurnOptions {
  simulated?: boolean;
}
const TURN_ATTEMPTS = 4;

export interface Reply {
  text: string;
  /** True when the conversation ended (USSD `END`). */
  final: boolean;
}

/**
 * Takes the person's answers into the conversation and submits the report once every question is answered. The
 * submission goes through `submitReport` like the app's, with the conversation's own clientId: a replayed final
 * turn, or two processes taking it at once, answer the one report (the unique clientId decides).
 */
export async function completeTurn(
  ctx: Ctx,
  channel: ConversationChannel,
  state: ConversationState,
  world: ConversationWorld,
  turn: { clientId: string; phone: string | null; now: Date; simulated?: boolean },
): Promise<Reply> {
  const { clientId, phone, now } = turn;
  if (state.step !== "submit") return { text: render(state, world), final: false };
  const language = state.language ?? world.defaultLanguage;
  try {
    if (turn.simulated) {
      const input = reportInput(state, world, { clientId, channel, phone, now });
      await checkReport({ ...ctx, actor: { type: "anonymous" } }, submitReportBodySchema.parse(input), now);
      return { text: world.text("simulated", language), final: true };
    }
    const { result } = await submitReport(
      { ...ctx, actor: { type: "anonymous" } },
      reportInput(state, world, { clientId, channel, phone, now }),
      now,
    );
    return { text: world.text("done", language, { code: result.trackingCode }), final: true };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // A configuration changed under the conversation (a retired district, say): the code is logged, not the answers.
    ctx.log.warn({ code: err.code, channel }, "channel report refused");
    return { text: world.text("failed", language), final: true };
  }
}

/** The report the answers make: an ordinary report, its channel the conversation's. */
export function reportInput(
  state: ConversationState,
  world: ConversationWorld,
  opts: { clientId: string; channel: ConversationChannel; phone: string | null; now: Date },
): SubmitReportInput {
  const occurred = new Date(opts.now.getTime() - (state.occurredDaysAgo ?? 0) * 86_400_000);
  return {
    clientId: opts.clientId,
    channel: opts.channel,
    reporterMode: "self",
    // Channels have no practice mode: a report by USSD, SMS or chat is always live (ADR 0023).
    training: false,
    categoryCode: state.category ?? "",
    subcategoryCode: state.subcategory ?? "",
    challengeTypes: state.challengeType ? [state.challengeType] : [],
    occurredOn: occurred.toISOString().slice(0, 10),
    districtId: state.district ?? null,
    facilityId: state.facility ?? null,
    gender: state.gender ?? "undisclosed",
    ageGroup: state.ageGroup ?? "undisclosed",
    keyPopulations: state.keyPopulation ? [state.keyPopulation] : [],
    consent: {
      contactMe: state.contactMe ?? false,
      shareDeidentified: state.shareDeidentified ?? false,
      useInAdvocacyStories: state.useInAdvocacyStories ?? false,
    },
    // The number is kept with the report only when the person agreed to be contacted on it.
    contact: state.contactMe && opts.phone ? { phone: opts.phone } : null,
    language: state.language ?? world.defaultLanguage,
  };
}

/**
 * One USSD request (Africa's Talking): `text` holds every answer of the session so far, joined by `*`. The inputs
 * not taken yet are applied; a request repeating what was already taken (a retry) answers the same screen again. The
 * session's state is read from and saved to the database, so any process, or the same one after a restart, goes on.
 */
export async function takeUssdTurn(
  ctx: Ctx,
  input: { sessionId: string; serviceCode: string; phoneNumber: string; text: string },
  now = new Date(),
  opts: TurnOptions = {},
): Promise<Reply> {
  const sessionKey = ctx.services.cipher.hash(
    opts.simulated ? "ussd-session-simulated" : "ussd-session",
    `${input.serviceCode}\u0000${input.sessionId}`,
  );
  const inputs = input.text === "" ? [] : input.text.split("*");
  for (let attempt = 1; ; attempt++) {
    const world = await loadConversationWorld(ctx.db);
    let row = await repo.findSession(ctx.db, "ussd", sessionKey);
    if (!row) {
      row = await repo.createSession(ctx.db, {
        channel: "ussd",
        sessionKey,
        clientId: crypto.randomUUID(),
        state: startConversation(world),
        phoneEnc: null,
        expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS.ussd),
      });
    }
    let state = row.state;
    for (const answer of inputs.slice(row.inputs)) {
      if (state.step === "submit") break;
      state = advance(state, answer, world);
    }
    const reply = await completeTurn(ctx, "ussd", state, world, {
      clientId: row.clientId,
      phone: input.phoneNumber,
      now,
      simulated: opts.simulated,
    });
    if (inputs.length <= row.inputs) return reply;
    const saved = await repo.saveTurn(ctx.db, row, {
      state,
      inputs: inputs.length,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS.ussd),
    });
    if (saved) return reply;
    if (attempt >= TURN_ATTEMPTS) throw new AppError("CONFLICT", "The session changed meanwhile; try again");
  }
}

/** Words that start a report by SMS, in each language the platform ships (case does not matter). */
const SMS_KEYWORDS = new Set(["report", "signaler", "relatar", "сообщить"]);

/**
 * One inbound SMS: a keyword starts a conversation with the sender's number, each later message answers the
 * current question; outside a conversation, a text from a number with an open report is the reporter's answer to it. `messageId` is the provider's: recorded in the same transaction as the turn, so a replayed
 * message changes nothing and answers nothing (null).
 */
export async function takeSmsTurn(
  ctx: Ctx,
  input: { provider: "africastalking" | "twilio"; messageId: string; from: string; text: string },
  now = new Date(),
  opts: TurnOptions = {},
): Promise<Reply | null> {
  const { cipher } = ctx.services;
  // A simulated conversation never meets a real one, whatever number the trainer types.
  const sim = opts.simulated ? "-simulated" : "";
  const sessionKey = cipher.hash(`sms-sender${sim}`, input.from.replace(/[^\d+]/g, ""));
  const messageKey = cipher.hash(`sms-message${sim}`, `${input.provider}\u0000${input.messageId}`);
  const typed = input.text.trim();
  for (let attempt = 1; ; attempt++) {
    const world = await loadConversationWorld(ctx.db);
    const row = await repo.findSession(ctx.db, "sms", sessionKey);
    const active = row && row.expiresAt > now && row.state.step !== "submit";
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS.sms);
    const keyword = SMS_KEYWORDS.has(typed.toLowerCase());
    let state: ConversationState;
    let clientId: string;
    if (!active && !keyword) {
      // An answer to a responder, from a number that has an open report (sms-notify.ts says which report).
      const report = await findRepliedReport(ctx, input.from, typed);
      if (report && typed) {
        return takeReporterReply(ctx, report, { channel: "sms", messageKey, text: typed }, now);
      }
      // Nothing to answer: say how to start (recorded, so a replay does not say it twice).
      const fresh = await withTransaction(ctx.db, (tx) => repo.recordMessage(tx, "sms", messageKey));
      return fresh ? { text: world.text("smsStart", world.defaultLanguage), final: true } : null;
    }
    if (!active || keyword) {
      state = startConversation(world);
      clientId = crypto.randomUUID();
    } else {
      state = advance(row.state, typed, world);
      clientId = row.clientId;
    }
    const reply = await completeTurn(ctx, "sms", state, world, {
      clientId,
      phone: input.from,
      now,
      simulated: opts.simulated,
    });
    const outcome = await withTransaction(ctx.db, async (tx) => {
      if (!(await repo.recordMessage(tx, "sms", messageKey))) return "replay" as const;
      const phoneEnc = cipher.encrypt(input.from);
      const saved = !row
        ? (await repo.createSession(tx, { channel: "sms", sessionKey, clientId, state, phoneEnc, expiresAt }))
            .clientId === clientId
        : active && !keyword
          ? await repo.saveTurn(tx, row, { state, inputs: row.inputs + 1, expiresAt })
          : await repo.restartSession(tx, row, { clientId, state, phoneEnc, expiresAt });
      if (!saved) throw new RetryTurn();
      return "saved" as const;
    }).catch((err: unknown) => {
      if (err instanceof RetryTurn) return "retry" as const;
      throw err;
    });
    if (outcome === "replay") return null;
    if (outcome === "saved") return reply;
    if (attempt >= TURN_ATTEMPTS) throw new AppError("CONFLICT", "The conversation changed meanwhile; try again");
  }
}

class RetryTurn extends Error {}
