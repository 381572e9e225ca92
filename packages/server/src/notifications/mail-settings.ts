import type { SendTestEmailResult, SmtpSettings, UpdateSmtpSettingsBody } from "@openclm/contracts";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { mailSettings } from "./notifications.schema.js";

/** A send that takes longer than this (connection, greeting, each reply) counts as failed and is tried again later. */
const SMTP_TIMEOUT_MS = 10_000;

/** What sending needs: the SMTP server, the account (if it asks for one), and the sender address. */
export interface SmtpAccount {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

/** `SMTP_URL` (`smtp[s]://user:password@host:port?from=…`) as an account; null when it names no sender. */
export function smtpAccountFromUrl(url: string): SmtpAccount | null {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  const from = u.searchParams.get("from");
  if (!u.hostname || !from) return null;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    pass: u.password ? decodeURIComponent(u.password) : undefined,
    from,
  };
}

async function storedRow(db: Db) {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.name, "smtp"));
  return row;
}

/**
 * The SMTP account mail goes through, read at each send: `SMTP_URL` when the environment sets it, else what a system
 * administrator saved in Set-up; null when neither gives a host and a sender (then nothing is sent, and staff
 * notifications wait in the outbox).
 */
export async function smtpAccount(ctx: Ctx, db: Db = ctx.db): Promise<SmtpAccount | null> {
  if (ctx.services.config.smtpUrl) return smtpAccountFromUrl(ctx.services.config.smtpUrl);
  const row = await storedRow(db);
  if (!row?.host || !row.fromAddress) return null;
  return {
    host: row.host,
    port: row.port ?? (row.secure ? 465 : 587),
    secure: row.secure,
    user: row.username ?? undefined,
    pass: row.passwordEnc ? ctx.services.cipher.decrypt(row.passwordEnc) : undefined,
    from: row.fromAddress,
  };
}

/** `getSmtpSettings`: what is stored, never the password (only whether one is). */
export async function getSmtpSettings(ctx: Ctx): Promise<SmtpSettings> {
  const row = await storedRow(ctx.db);
  const fromEnvironment = Boolean(ctx.services.config.smtpUrl);
  return {
    host: row?.host ?? null,
    port: row?.port ?? null,
    secure: row?.secure ?? false,
    username: row?.username ?? null,
    passwordSet: Boolean(row?.passwordEnc),
    from: row?.fromAddress ?? null,
    fromEnvironment,
    configured: (await smtpAccount(ctx)) !== null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * `updateSmtpSettings`: stores the SMTP server (password encrypted; absent keeps it, null removes it). Audited with
 * the plain values before and after and, for the password, only whether it was set, replaced or removed.
 */
export async function updateSmtpSettings(ctx: Ctx, body: UpdateSmtpSettingsBody): Promise<SmtpSettings> {
  await withTransaction(ctx, async (tx) => {
    const before = await storedRow(tx);
    const { cipher } = ctx.services;
    const passwordEnc =
      body.password === undefined
        ? (before?.passwordEnc ?? null)
        : body.password
          ? cipher.encrypt(body.password)
          : null;
    const values = {
      host: body.host,
      port: body.port,
      secure: body.secure,
      username: body.username,
      passwordEnc,
      fromAddress: body.from,
      updatedAt: new Date(),
    };
    if (before) await tx.update(mailSettings).set(values).where(eq(mailSettings.id, before.id));
    else await tx.insert(mailSettings).values({ name: "smtp", ...values });
    const plain = (r: typeof before | typeof values | undefined) =>
      r ? { host: r.host, port: r.port, secure: r.secure, username: r.username, from: r.fromAddress } : null;
    const password =
      body.password === undefined
        ? "kept"
        : body.password === null
          ? before?.passwordEnc
            ? "removed"
            : "kept"
          : before?.passwordEnc
            ? "replaced"
            : "set";
    await audit(ctx, tx, {
      action: "notifications.smtp_update",
      entity: "setting",
      entityId: "mail.smtp",
      details: { before: plain(before), after: plain(values), password },
    });
  });
  return getSmtpSettings(ctx);
}

/** Sends one mail (plain text); the SMTP server's message id. Throws with the server's answer, never the password. */
export async function sendMail(
  account: SmtpAccount,
  mail: { to: string; subject: string; text: string },
): Promise<string> {
  const transport = nodemailer.createTransport({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: account.user ? { user: account.user, pass: account.pass ?? "" } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: account.from, to: mail.to, subject: mail.subject, text: mail.text });
    return info.messageId;
  } finally {
    transport.close();
  }
}

/**
 * `sendTestEmail`: one mail through the settings in use, to the administrator's own address (or the one given); the
 * answer says whether the SMTP server took it, and if not what it said. Audited.
 */
export async function sendTestEmail(ctx: Ctx, body: { to?: string }): Promise<SendTestEmailResult> {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  const [me] = await ctx.db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(eq(staffUsers.id, ctx.actor.userId));
  const to = body.to ?? me?.email ?? "";
  const account = await smtpAccount(ctx);
  if (!account) {
    throw new AppError("SERVICE_UNAVAILABLE", "No SMTP server is set up: enter a host and a sender address first");
  }
  let error: string | null = null;
  try {
    await sendMail(account, {
      to,
      subject: "OpenCLM: test e-mail",
      text: "This is a test e-mail from OpenCLM. Staff notifications will come from this address.",
    });
  } catch (err) {
    error = (err as Error).message.slice(0, 300);
  }
  await withTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: "notifications.smtp_test",
      entity: "setting",
      entityId: "mail.smtp",
      details: { sent: error === null },
    }),
  );
  return { sent: error === null, to, error };
}
