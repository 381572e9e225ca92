import {
  DEFAULT_REPORT_QUESTIONS,
  type ReportQuestionsSetting,
  reportQuestionsSettingSchema,
} from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table that holds which optional questions the report flow asks (contracts: settings.ts). */
export const REPORT_QUESTIONS_SETTING = "reports.questions";

/** Which optional questions the report flow asks; all of them where nothing (or nothing that still parses) is stored. */
export async function reportQuestions(db: Db): Promise<ReportQuestionsSetting> {
  const parsed = reportQuestionsSettingSchema.safeParse(await getSetting(db, REPORT_QUESTIONS_SETTING));
  return parsed.success ? parsed.data : DEFAULT_REPORT_QUESTIONS;
}
