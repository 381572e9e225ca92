import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The text part, decoded (quoted-printable soft breaks and escapes undone). */
  text: string;
}

/** Undoes quoted-printable (nodemailer's encoding for text with long lines or non-ASCII characters). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? joined.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] as string, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A subject header, decoded when it is an RFC 2047 encoded word (=?UTF-8?Q?…?= or ?B?). */
function decodeSubject(raw: string): string {
  return raw.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function parse(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? "";
  const qp = /^Content-Transfer-Encoding: quoted-printable/im.test(head);
  const b64 = /^Content-Transfer-Encoding: base64/im.test(head);
  const text = qp ? decodeQuotedPrintable(body) : b64 ? Buffer.from(body, "base64").toString("utf8") : body;
  return { ...envelope, subject: decodeSubject(subject), text };
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) for tests: it takes mail with or without the account
 * given (`user`/`pass`: then AUTH is required and checked), without TLS, and keeps what it received. `rejectNext(n)`
 * answers the next n messages with a 451 (a temporary failure: the sender retries).
 */
export async function startFakeSmtp(opts: { user?: string; pass?: string } = {}) {
  const received: ReceivedMail[] = [];
  let rejections = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: !opts.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === opts.user && auth.password === opts.pass) return done(null, { user: auth.username });
      done(new Error("Invalid username or password"));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (rejections > 0) {
          rejections--;
          const err = new Error("Try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          return done(err);
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push(parse(Buffer.concat(chunks).toString("utf8"), envelope));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    /** What reached one address. */
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    rejectNext: (n: number) => {
      rejections = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
