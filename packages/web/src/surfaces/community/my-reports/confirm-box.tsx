import type { TrackedReport } from "@openclm/contracts";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { trackCall } from "./use-tracked-report.js";

/** "Was your problem solved?" once a responder marked it resolved; "no" opens it again. */
export function ConfirmBox(props: { code: string; onAnswered(report: TrackedReport): void }) {
  const t = useT("app");
  const { busy, error, run } = useAction();
  const answer = (resolved: boolean) =>
    run(async () => props.onAnswered(await trackCall(props.code, "confirmation", { resolved })));
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
