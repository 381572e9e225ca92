import { useT } from "../../i18n/use-t.js";
import { splitHours } from "./duration.js";

/** 336 → "14 days"; 36 → "1 day 12 hours"; 5 → "5 hours"; in the reader's language. */
export function useHoursText(): (hours: number) => string {
  const t = useT("setup");
  return (total) => {
    const { days, hours } = splitHours(total);
    return [
      days ? t("settings.duration.days", { count: days }) : "",
      hours || !days ? t("settings.duration.hours", { count: hours }) : "",
    ]
      .filter(Boolean)
      .join(" ");
  };
}

/**
 * A duration typed as days and hours (two boxes under one legend), stored by the caller as hours. Both boxes empty
 * means "no value of its own", and the hint says what applies then.
 */
export function DurationField(props: {
  id: string;
  label: string;
  value: { days: string; hours: string };
  /** The value that applies when both boxes are left empty, in hours. */
  fallback: number;
  hintId: string;
  onInput(value: { days: string; hours: string }): void;
}) {
  const t = useT("setup");
  const hoursText = useHoursText();
  const describedBy = `${props.hintId} ${props.id}-default`;
  return (
    <fieldset class="duration-field">
      <legend>{props.label}</legend>
      <p class="hint" id={`${props.id}-default`}>
        {t("protocols.targetDefault", { duration: hoursText(props.fallback) })}
      </p>
      <div class="duration-field__boxes">
        <div class="field">
          <label for={`${props.id}-days`}>{t("duration.days")}</label>
          <input
            id={`${props.id}-days`}
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            step={1}
            value={props.value.days}
            aria-describedby={describedBy}
            onInput={(e) => props.onInput({ ...props.value, days: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${props.id}-hours`}>{t("duration.hours")}</label>
          <input
            id={`${props.id}-hours`}
            type="number"
            inputMode="numeric"
            min={0}
            max={23}
            step={1}
            value={props.value.hours}
            aria-describedby={describedBy}
            onInput={(e) => props.onInput({ ...props.value, hours: e.currentTarget.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}
