import { useId, useState } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { MAX_MESSAGE } from "../report/report-lists.js";
import { trackCall } from "./use-tracked-report.js";

/** The reporter writes to the responders. */
export function ReplyForm(props: { code: string; onSent(): void }) {
  const t = useT("app");
  const id = useId();
  const [body, setBody] = useState("");
  const { busy, error, run } = useAction();
  const [empty, setEmpty] = useState(false);
  const [done, setDone] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    await run(async () => {
      await trackCall(props.code, "messages", { body: body.trim() });
      setBody("");
      setDone(true);
      props.onSent();
    });
  };
  return (
    <form class="reply-form" noValidate onSubmit={send}>
      <div class="field">
        <label for={id}>{t("track.reply")}</label>
        <textarea
          id={id}
          rows={4}
          maxLength={MAX_MESSAGE}
          value={body}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? `${id}-error` : undefined}
          onInput={(e) => {
            setBody(e.currentTarget.value);
            setEmpty(false);
            setDone(false);
          }}
        />
        {empty && (
          <p id={`${id}-error`} class="field-error">
            {t("track.replyEmpty")}
          </p>
        )}
      </div>
      {error && <Problem error={error} />}
      <p role="status" class="hint">
        {done ? t("track.replySent") : ""}
      </p>
      <button type="submit" class="button" disabled={busy} aria-busy={busy}>
        {t("track.send")}
      </button>
    </form>
  );
}
