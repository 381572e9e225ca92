import { useId, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { StepHeading } from "./step-heading.js";

/** Shown once, right after enrolment: the codes that replace a lost phone. Continuing needs a confirmation. */
export function RecoveryCodes(props: { codes: string[]; onDone(): void }) {
  const t = useT("common");
  const id = useId();
  const [saved, setSaved] = useState(false);
  return (
    <section class="staff-form" aria-labelledby={`${id}-h`}>
      <StepHeading id={`${id}-h`}>{t("staff.recovery.title")}</StepHeading>
      <p>{t("staff.recovery.intro")}</p>
      <ul class="recovery-codes" translate={false}>
        {props.codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div class="check">
        <input id={`${id}-saved`} type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <label for={`${id}-saved`}>{t("staff.recovery.saved")}</label>
      </div>
      <button type="button" class="button" disabled={!saved} onClick={props.onDone}>
        {t("staff.recovery.continue")}
      </button>
    </section>
  );
}
