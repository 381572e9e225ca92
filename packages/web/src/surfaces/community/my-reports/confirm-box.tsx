import type { TrackedReport } from "@openclm/contracts";
import { useState } from "preact/hooks";
import type { ApiError } from "../../../api/client.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { sendJson } from "../outbox/report-api.js";
import { trackPath } from "./use-tracked-report.js";

/** "Was your problem solved?" once a responder marked it resolved; "no" opens it again. */
export function ConfirmBox(props: { code: string; onAnswered(report: TrackedReport): void }) {
  const t = useT("app");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const answer = async (resolved: boolean) => {
    setBusy(true);
    setError(null);
    try {
      props.onAnswered(await sendJson<TrackedReport>(trackPath(props.code, "/confirmation"), { resolved }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel confirm-box" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t("track.confirm.question")}</h2>
      <p>{t("track.confirm.hint")}</p>
      {error && <Problem error={error} />}
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => answer(true)}>
          {t("track.confirm.yes")}
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => answer(false)}>
          {t("track.confirm.no")}
        </button>
      </div>
    </section>
  );
}
