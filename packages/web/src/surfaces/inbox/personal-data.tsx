import type { InboxReport } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { ErasedLabel, RetentionNote } from "./erasure.js";

/** The reporter's own words and phone: only for the data manager and the assigned responder (each view is audited). */
export function PersonalData(props: { report: InboxReport }) {
  const t = useT("inbox");
  const p = props.report.personal;
  return (
    <section class="detail-section personal" aria-labelledby="personal-h">
      <h3 id="personal-h">{t("personal.title")}</h3>
      {props.report.erasure ? (
        <>
          <p>
            <ErasedLabel erasure={props.report.erasure} />
          </p>
          <p>{t("erasure.body")}</p>
        </>
      ) : !p ? (
        <p class="muted">{t("personal.hidden")}</p>
      ) : (
        <>
          <p class="hint">{t("personal.audited")}</p>
          <dl class="facts">
            <div>
              <dt>{t("personal.description")}</dt>
              <dd class="free-text">{p.description || t("personal.none")}</dd>
            </div>
            <div>
              <dt>{t("personal.phone")}</dt>
              <dd translate={false}>{p.phone || t("personal.none")}</dd>
            </div>
          </dl>
        </>
      )}
      <RetentionNote report={props.report} />
    </section>
  );
}
