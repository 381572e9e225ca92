import { useId } from "preact/hooks";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { localToday, type OccurredWhen, occurredWhens } from "../draft.js";
import type { StepProps } from "./step-props.js";

/** The date each quick answer stands for; "earlier" keeps what the date field holds, "unknown" gives none. */
function dateFor(when: OccurredWhen, current: string): string {
  if (when === "today") return localToday();
  if (when === "yesterday") return localToday(new Date(), 1);
  return when === "earlier" ? current : "";
}

/** "When did it happen?": asked, never filled in silently. Today, yesterday, another day, or not remembered. */
export function WhenStep({ draft, update, errors, titleId }: StepProps) {
  const t = useT("app");
  const id = useId();
  const dateError = errors.occurredOn;
  return (
    <>
      <ChoiceList
        name="occurredWhen"
        labelledBy={titleId}
        error={errors.occurredWhen && t(`report.errors.${errors.occurredWhen}`)}
        choices={occurredWhens.map((w) => ({ value: w, label: t(`report.steps.when.${w}`) }))}
        selected={draft.occurredWhen ? [draft.occurredWhen] : []}
        onChange={([w]) => {
          const when = w as OccurredWhen;
          update({
            occurredWhen: when,
            occurredOn: dateFor(when, draft.occurredWhen === "earlier" ? draft.occurredOn : ""),
          });
        }}
      />
      {draft.occurredWhen === "earlier" && (
        <div class="field">
          <label for={id}>{t("report.steps.when.date")}</label>
          <input
            id={id}
            type="date"
            class="input input--date"
            value={draft.occurredOn}
            max={localToday()}
            aria-describedby={dateError ? `${id}-error` : undefined}
            aria-invalid={dateError ? true : undefined}
            onInput={(e) => update({ occurredOn: e.currentTarget.value })}
          />
          {dateError && (
            <p id={`${id}-error`} class="field-error">
              {t(`report.errors.${dateError}`)}
            </p>
          )}
        </div>
      )}
    </>
  );
}
