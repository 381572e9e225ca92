import { auditCheckpointJob } from "./audit/audit.checkpoint.js";
import { messengerOutboxJob } from "./channels/messenger-outbound.js";
import { channelCleanupJob, smsOutboxJob } from "./channels/sms-outbound.js";
import { dhis2PushJob } from "./dhis2/dhis2-push.job.js";
import { forumRetentionJob } from "./forum/forum-retention.js";
import { staffMailJob } from "./notifications/staff-mail.js";
import { pushOutboxJob } from "./notifications/web-push.service.js";
import type { JobDefinition } from "./platform/job-runner.js";
import { rateLimitCleanupJob } from "./platform/rate-limit-cleanup.js";
import { escalateOverdueJob } from "./protocols/escalate-overdue.js";
import { ratingCommentRetentionJob } from "./ratings/ratings-retention.js";
import { retentionJob } from "./reports/retention.js";

/** Every background job the server runs (started in main.ts, stopped on shutdown). A domain adds its jobs here. */
export const allJobs: JobDefinition<never>[] = [
  escalateOverdueJob as JobDefinition<never>,
  rateLimitCleanupJob as JobDefinition<never>,
  auditCheckpointJob as JobDefinition<never>,
  retentionJob as JobDefinition<never>,
  ratingCommentRetentionJob as JobDefinition<never>,
  forumRetentionJob as JobDefinition<never>,
  dhis2PushJob as JobDefinition<never>,
  smsOutboxJob as JobDefinition<never>,
  channelCleanupJob as JobDefinition<never>,
  messengerOutboxJob as JobDefinition<never>,
  pushOutboxJob as JobDefinition<never>,
  staffMailJob as JobDefinition<never>,
];
