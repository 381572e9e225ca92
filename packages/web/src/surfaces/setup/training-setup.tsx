import "./training-setup.css";
import type { TrainingSummary } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

/**
 * The roles with a printable one-page guide: those who practise in training mode, then analysts and those who run the
 * platform and check its data protection (their guides say where to go further rather than how to practise).
 */
export const guideRoles = ["community", "peer", "dataManager", "responder", "analyst", "systemAdmin"] as const;
/** The guides that end with the practice reminder (never a real name or phone number while practising). */
const practising: readonly GuideRole[] = ["community", "peer", "dataManager", "responder"];
type GuideRole = (typeof guideRoles)[number];
const STEPS = ["s1", "s2", "s3", "s4", "s5"] as const;

export const trainingApi = {
  summary: () => staffApi("GET /setup/training", {}),
  reset: () => staffApi("POST /setup/training/reset", {}),
};

/**
 * /setup/training (country-wide administrators): training mode (ADR 0023). Where practice happens (the app's
 * Practice mode, the inbox's Training mode), how many practice reports there are and erasing them all at once, and a
 * printable one-page guide per role.
 */
export function TrainingSetup() {
  const t = useT("setup");
  const [summary, setSummary] = useState<TrainingSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [role, setRole] = useState<GuideRole>("community");
  const load = useAction();
  const reset = useAction();

  useEffect(() => {
    void load.run(async () => setSummary(await trainingApi.summary()));
  }, []);

  const erase = () =>
    reset.run(async () => {
      const result = await trainingApi.reset();
      setDone(result.deleted);
      setConfirming(false);
      setSummary({ reports: 0 });
    });

  return (
    <>
      <p class="lead">{t("training.intro")}</p>
      <section class="panel" aria-labelledby="training-where-h">
        <h2 id="training-where-h">{t("training.whereTitle")}</h2>
        <ul>
          <li>
            {t("training.appLink")} <a href="/app/?practice=1">/app/?practice=1</a>
          </li>
          <li>
            {t("training.inboxLink")} <a href="/inbox?training=1">/inbox?training=1</a>
          </li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="training-reset-h">
        <h2 id="training-reset-h">{t("training.resetTitle")}</h2>
        {load.error && <FormError error={load.error} />}
        {summary && <p>{t("training.count", { count: summary.reports })}</p>}
        <p class="hint">{t("training.resetHint")}</p>
        {reset.error && <FormError error={reset.error} />}
        {confirming ? (
          <fieldset class="training-confirm">
            <legend class="visually-hidden">{t("training.confirmLabel")}</legend>
            <p>{t("training.confirm", { count: summary?.reports ?? 0 })}</p>
            <button type="button" class="button button--danger" disabled={reset.busy} onClick={() => void erase()}>
              {t("training.confirmYes")}
            </button>{" "}
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t("training.confirmNo")}
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            class="button"
            disabled={!summary || summary.reports === 0}
            onClick={() => {
              setDone(null);
              setConfirming(true);
            }}
          >
            {t("training.reset")}
          </button>
        )}
        <p role="status">{done !== null ? t("training.done", { count: done }) : ""}</p>
      </section>
      <section class="panel" aria-labelledby="training-guides-h">
        <h2 id="training-guides-h">{t("training.guidesTitle")}</h2>
        <p class="hint">{t("training.guidesHint")}</p>
        <div class="training-guide-pick">
          <label>
            {t("training.guideFor")}{" "}
            <select value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as GuideRole)}>
              {guideRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`training.guides.${r}.role`)}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="button" class="button button--secondary" onClick={() => print()}>
            {t("training.print")}
          </button>
        </div>
        <PrintableGuide role={role} />
      </section>
    </>
  );
}

/** One page, printed alone (training-setup.css hides everything else when printing). */
function PrintableGuide(props: { role: GuideRole }) {
  const t = useT("setup");
  const g = (key: string) => t(`training.guides.${props.role}.${key}` as "training.guides.community.role");
  return (
    <article class="print-guide" aria-labelledby="print-guide-h">
      <h3 id="print-guide-h">{g("title")}</h3>
      <p class="print-guide__role">{g("role")}</p>
      <ol>
        {STEPS.map((s) => (
          <li key={s}>{g(s)}</li>
        ))}
      </ol>
      <p class="print-guide__practice">{g("practice")}</p>
      {practising.includes(props.role) && <p class="print-guide__remember">{t("training.remember")}</p>}
    </article>
  );
}
