import "./setup-dashboard.css";
import type { Settings } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

/**
 * The retention rules (setting `retention`, system administrator): how many months after a report is closed or
 * declined its messages, then the rest of its personal data, are erased by the nightly job, and how many months after
 * a facility rating its comment's text is (docs/erasure-retention.md).
 */
export function RetentionSetup() {
  const t = useT("setup");
  const id = useId();
  const [messages, setMessages] = useState("");
  const [personal, setPersonal] = useState("");
  const [comments, setComments] = useState("");
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const show = (s: Settings) => {
    setMessages(String(s.retention.messagesMonths));
    setPersonal(String(s.retention.personalDataMonths));
    setComments(String(s.retention.ratingCommentMonths));
  };
  useEffect(() => {
    staffApi("GET /settings", {}).then(show, setLoadError);
  }, []);

  const save = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      show(
        await staffApi("PATCH /settings", {
          body: {
            retention: {
              personalDataMonths: Number(personal),
              messagesMonths: Number(messages),
              ratingCommentMonths: Number(comments),
            },
          },
        }),
      );
      setSaved(true);
    });
  };

  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("retention.title")}</h2>
      <p>{t("retention.intro")}</p>
      <FormError error={loadError} />
      <form class="staff-form panel setup-form retention-form" noValidate onSubmit={save} aria-labelledby={`${id}-h`}>
        <div class="field">
          <label for={`${id}-messages`}>{t("retention.messages")}</label>
          <input
            id={`${id}-messages`}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={messages}
            onInput={(e) => setMessages(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-personal`}>{t("retention.personal")}</label>
          <input
            id={`${id}-personal`}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={personal}
            aria-describedby={`${id}-hint`}
            onInput={(e) => setPersonal(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-hint`}>
            {t("retention.hint")}
          </p>
        </div>
        <div class="field">
          <label for={`${id}-comments`}>{t("retention.ratingComments")}</label>
          <input
            id={`${id}-comments`}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={comments}
            aria-describedby={`${id}-comments-hint`}
            onInput={(e) => setComments(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-comments-hint`}>
            {t("retention.ratingCommentsHint")}
          </p>
        </div>
        <FormError error={error} />
        <p role="status" class="status-line">
          {saved ? t("retention.saved") : ""}
        </p>
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t("retention.save")}
        </button>
      </form>
    </section>
  );
}
