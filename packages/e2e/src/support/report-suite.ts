import { DEFAULT_REPORT_QUESTIONS, type ReportQuestionsSetting } from "@openclm/contracts";
import { putSetting } from "../../../server/src/platform/platform.repo.js";
import { LIMITS_SETTING } from "../../../server/src/platform/rate-limit-settings.js";
import { trackingCodeHash } from "../../../server/src/reports/tracking-code.js";
import { REPORT_QUESTIONS_SETTING } from "../../../server/src/settings/report-questions.js";
import { useSuite } from "./suite.js";
import type { PageWatch } from "./watch.js";

/**
 * Like useSuite, but the test also reaches the server's database: to count reports, and to act as a responder
 * (post a message, resolve a report) without going through the staff sign-in.
 */
export function useReportSuite() {
  const suite = useSuite();
  return {
    get url() {
      return suite.url;
    },
    open: (path: string, opts?: Parameters<typeof suite.open>[1]) => suite.open(path, opts),
    /** Reports that came in through the app since `since`. */
    async appReportsSince(since: Date): Promise<string[]> {
      const { database, cipher } = suite.server;
      const { rows } = await database.exec(
        "SELECT tracking_code_enc FROM reports WHERE channel = 'app' AND created_at >= $1 ORDER BY created_at",
        [since.toISOString()],
      );
      return rows.map((r) => cipher.decrypt(String(r.tracking_code_enc)));
    },
    async responderMessage(trackingCode: string, body: string): Promise<void> {
      const { database, cipher } = suite.server;
      await database.exec(
        `INSERT INTO report_messages (report_id, "from", body_enc)
         SELECT id, 'responder', $2 FROM reports WHERE tracking_code_hash = $1`,
        [trackingCodeHash(cipher, trackingCode), cipher.encrypt(body)],
      );
    },
    /** Sets the server's rate limits of anonymous routes (the `security.limits` setting), effective at once. */
    async setRouteLimits(routes: Record<string, { burst: number; perHour: number }>): Promise<void> {
      const { db } = suite.server.database;
      await putSetting(db, LIMITS_SETTING, { routes });
    },
    /** Sets which optional questions the report flow asks (the `reportQuestions` setting); null puts the default back. */
    async setReportQuestions(questions: ReportQuestionsSetting | null): Promise<void> {
      await putSetting(suite.server.database.db, REPORT_QUESTIONS_SETTING, questions ?? DEFAULT_REPORT_QUESTIONS);
    },
    /**
     * What a data manager's merge leaves (inbox.workflow.ts `mergeDuplicateReports`): the duplicate declined as a
     * duplicate and pointing to the report kept, which is then worked on.
     */
    async merge(duplicateCode: string, intoCode: string): Promise<void> {
      const hash = (code: string) => trackingCodeHash(suite.server.cipher, code);
      await suite.server.database.exec(
        `UPDATE reports SET status = 'declined', decline_reason = 'duplicate', ended_at = now(),
           merged_into_id = (SELECT id FROM reports WHERE tracking_code_hash = $2)
         WHERE tracking_code_hash = $1`,
        [hash(duplicateCode), hash(intoCode)],
      );
      await suite.server.database.exec(
        `INSERT INTO report_events (report_id, type, from_status, to_status, actor_type, visible_to_reporter, details)
         SELECT id, 'status_change', 'submitted', 'declined', 'staff', true, '{"reason": "duplicate", "merged": true}'
           FROM reports WHERE tracking_code_hash = $1`,
        [hash(duplicateCode)],
      );
      await suite.server.database.exec(
        "UPDATE reports SET status = 'in_progress', validated_at = now() WHERE tracking_code_hash = $1",
        [hash(intoCode)],
      );
    },
    async resolve(trackingCode: string): Promise<void> {
      await suite.server.database.exec(
        "UPDATE reports SET status = 'resolved', resolved_at = now() WHERE tracking_code_hash = $1",
        [trackingCodeHash(suite.server.cipher, trackingCode)],
      );
    },
  };
}

/** Errors a test should care about: the anonymous /api/me probe (401) is expected. */
export function unexpectedErrors(watch: PageWatch): string[] {
  return watch.errors.filter((e) => !/status of 401/.test(e));
}
