-- Retention counts from when a report's handling ended (reports.ended_at, added by 0028): its closure, or the
-- decision that declined it. Reports closed or declined before this column existed get that moment here.
UPDATE reports SET ended_at = COALESCE(closed_at, updated_at)
 WHERE status = 'closed' AND ended_at IS NULL;
--> statement-breakpoint
UPDATE reports r SET ended_at = COALESCE(
    (SELECT max(e.at) FROM report_events e
      WHERE e.report_id = r.id AND e.type = 'status_change' AND e.to_status = 'declined'),
    r.updated_at)
 WHERE r.status = 'declined' AND r.ended_at IS NULL;
