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
        <NumberBox
          id={`${props.id}-days`}
          label={t("duration.days")}
          max={365}
          value={props.value.days}
          describedBy={describedBy}
          onInput={(days) => props.onInput({ ...props.value, days })}
        />
        <NumberBox
          id={`${props.id}-hours`}
          label={t("duration.hours")}
          max={23}
          value={props.value.hours}
          describedBy={describedBy}
          onInput={(hours) => props.onInput({ ...props.value, hours })}
        />
      </div>
    </fieldset>
  );
}

/** One whole-number box of a duration (days or hours), described by the field's hint and default. */
function NumberBox(props: {
  id: string;
  label: string;
  max: number;
  value: string;
  describedBy: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={0}
        max={props.max}
        step={1}
        value={props.value}
        aria-describedby={props.describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
