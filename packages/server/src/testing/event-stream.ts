import http from "node:http";
import { sql } from "drizzle-orm";
import { createSession, sessionPolicy } from "../identity/sessions.js";
import type { TestApp } from "./test-app.js";

export interface EventStream {
  status: number;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the text received matches; rejects if the stream ends first. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens a Server-Sent Events stream on a listening server, as a browser's EventSource would. */
export function openEventStream(url: string, cookie: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, accept: "text/event-stream" } }, (res) => {
      let text = "";
      let done = false;
      const waiters = new Set<{ pattern: RegExp; resolve: () => void; reject: (e: Error) => void }>();
      const settle = () => {
        for (const w of waiters) {
          if (w.pattern.test(text)) {
            waiters.delete(w);
            w.resolve();
          } else if (done) {
            waiters.delete(w);
            w.reject(new Error(`stream ended without ${w.pattern}; received:\n${text}`));
          }
        }
      };
      const ended = new Promise<void>((end) => {
        const finish = () => {
          done = true;
          settle();
          end();
        };
        res.on("end", finish);
        res.on("close", finish);
      });
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        settle();
      });
      resolve({
        status: res.statusCode ?? 0,
        text: () => text,
        waitFor: (pattern) =>
          new Promise<void>((ok, fail) => {
            waiters.add({ pattern, resolve: ok, reject: fail });
            settle();
          }),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}

/** A fully signed-in session for a staff account, made directly (no password or second factor): its Cookie header. */
export async function staffSessionCookie(t: TestApp, email: string): Promise<string> {
  const { db } = t.database;
  const [user] = await t.database.rows<{ id: string }>(sql`SELECT id FROM staff_users WHERE email = ${email}`);
  if (!user) throw new Error(`no staff user ${email}`);
  const token = await createSession(db, user.id, "full", new Date(), await sessionPolicy(db));
  return `clm_session=${token}`;
}
