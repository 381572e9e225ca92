import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

/**
 * Training mode's structural guard (ADR 0023): every source file that reads the `reports` table either names one of
 * the training predicates of reports/training.ts (so it chose live or practice reports on purpose), or is listed
 * below with the reason it may see both. A new reader of `reports` fails this test until a person decides which.
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const READS_REPORTS =
  /\.from\(reports\)|(?:inner|left|right)?[Jj]oin\(reports\b|\b(?:FROM|JOIN) reports\b|\bLIVE_REPORTS_SQL\b/;
const NAMES_A_PREDICATE = /\b(liveReports|liveReportsSql|LIVE_REPORTS_SQL|reportsOfSet)\b/;

/** Readers that may see practice reports as well, and why. Paths relative to packages/server/src. */
const BOTH_SETS: Record<string, string> = {
  "reports/reports.repo.ts": "one report by its id, client id or tracking code (the reporter's own, practice or not)",
  "reports/erasure.repo.ts": "erasure and retention erase personal data of every report alike",
  "reports/protect-tracking-codes.ts": "the start-up backfill of tracking codes, every report alike",
  "reports/reset-training.ts": "reads practice reports only (reportsOfSet('training'))",
  "inbox/inbox.repo.ts": "queue queries take ListFilter.set (required), by-id reads act on a report the caller holds",
  "channels/sms-notify.ts": "by report id; a practice report holds no phone number (reports_training_anonymous)",
  "channels/chat-notify.ts": "by report id; practice reports never come from a chat channel (intake sets no training)",
  "desks/desks.service.ts": "one desk report by client id; a practice report holds no phone number",
  "notifications/web-push.service.ts": "by report id, to the device that followed it: the practising device itself",
  "geography/facility-editor.ts": "whether any report uses a facility: practice reports keep it from being deleted too",
  "geography/import-areas.ts": "whether any report uses a district: practice reports count as use too",
  "taxonomy/taxonomy-items.ts": "which codes are used by any report: practice reports keep them too",
  "dashboard/differencing-attack.ts": "test support (an attack simulation over every report)",
  "testing/inbox-fixtures.ts": "test support",
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

test("every reader of reports chose live or practice reports, or says why it may see both", () => {
  const unclassified: string[] = [];
  const readers = new Set<string>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, "utf8");
    if (!READS_REPORTS.test(text)) continue;
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    readers.add(rel);
    if (!NAMES_A_PREDICATE.test(text) && !BOTH_SETS[rel]) unclassified.push(rel);
  }
  assert.deepEqual(unclassified, [], "readers of reports that name no training predicate (reports/training.ts)");
  // The guard sees the readers it must: the dashboard's aggregator and the export are among them.
  for (const known of ["dashboard/aggregator.ts", "dashboard/export-reports.ts", "stories/advocacy-stories.repo.ts"])
    assert.ok(readers.has(known), `${known} is recognised as a reader`);
  const stale = Object.keys(BOTH_SETS).filter((f) => !readers.has(f));
  assert.deepEqual(stale, [], "listed files that no longer read reports (remove them from the list)");
});
