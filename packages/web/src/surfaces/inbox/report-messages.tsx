import type { InboxReport, ReportProtocol } from "@openclm/contracts";
import { useRef, useState } from "preact/hooks";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useFormatters } from "./format.js";
import { actionAttrs } from "./inbox-actions.js";
import { ProtocolTemplates } from "./protocol-templates.js";
import { TextEntryForm } from "./text-entry-form.js";
import { useReportWrite } from "./use-report-write.js";

export const REPLY_ID = "reply-body";

/** The conversation with the reporter, and a reply box (the reporter sees replies on their tracking page). */
export function ReportMessages(props: {
  report: InboxReport;
  canReply: boolean;
  templates?: ReportProtocol["templates"];
}) {
  const t = useT("inbox");
  const write = useReportWrite();
  const fmt = useFormatters();
  const r = props.report;
  const attrs = actionAttrs("message", t("actions.message"));
  // A chosen template fills the reply box (counter: the same template twice fills it again).
  const [prefill, setPrefill] = useState<{ text: string; n: number } | undefined>(undefined);
  const fills = useRef(0);
  return (
    <section class="detail-section" aria-labelledby="messages-h">
      <h3 id="messages-h">{t("messages.title")}</h3>
      {r.messages.length === 0 ? (
        <p class="muted">{t("messages.none")}</p>
      ) : r.personal === null ? (
        <p class="muted">{t("messages.hidden")}</p>
      ) : (
        <ol class="messages">
          {r.messages.map((m) => (
            <li key={`${m.at}-${m.from}`} class={`message message--${m.from}`}>
              <p class="message__from">
                {m.from === "reporter" ? t("messages.fromReporter") : t("messages.fromTeam")} ·{" "}
                <time dateTime={m.at}>{fmt.dateTime(m.at)}</time>
              </p>
              <p class="free-text">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <SmsNoticeLine report={r} />
      {props.canReply && (
        <ProtocolTemplates
          templates={props.templates ?? []}
          onUse={(text) => {
            fills.current += 1;
            setPrefill({ text, n: fills.current });
            document.getElementById(REPLY_ID)?.focus();
          }}
        />
      )}
      {props.canReply && (
        <TextEntryForm
          prefill={prefill}
          id={REPLY_ID}
          label={t("messages.replyLabel")}
          hint={t("messages.replyHint")}
          submit={t("messages.send")}
          busy={write.busy}
          error={write.error}
          title={attrs.title}
          keyshortcut={attrs["aria-keyshortcuts"]}
          onSubmit={(body) => write.run(() => inboxApi.message(r.id, body), t("messages.sent"))}
        />
      )}
    </section>
  );
}

/**
 * The latest SMS notice to the reporter about this report (channels/sms-notify.ts): whether it went, and when the
 * monthly SMS limit held it, who can lift that. Nothing when no notice was sent (no consent, no number, no provider).
 */
function SmsNoticeLine({ report }: { report: InboxReport }) {
  const t = useT("inbox");
  const fmt = useFormatters();
  const last = report.smsNotices?.at(-1);
  if (!last) return null;
  return (
    <div class="sms-notice">
      <p class="muted">
        {t("messages.smsNotice", { date: fmt.dateTime(last.at), status: t(`messages.smsStatus.${last.status}`) })}
      </p>
      {last.status === "held" && <p class="form-error">{t("messages.smsHeld")}</p>}
    </div>
  );
}
