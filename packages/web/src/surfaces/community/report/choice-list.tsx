import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

export interface Choice {
  value: string;
  label: string;
  description?: string;
  icon?: ComponentChildren;
}

interface Props {
  /** Visible group label; without it, `labelledBy` names the group (the step's heading). */
  legend?: string;
  labelledBy?: string;
  hint?: string;
  error?: string;
  multiple?: boolean;
  choices: Choice[];
  selected: readonly string[];
  onChange(selected: string[]): void;
  /** A radio group's name; checkboxes share it too. */
  name: string;
}

/** Big tappable radio buttons or checkboxes, each a whole-row label with an optional icon and description. */
export function ChoiceList(props: Props) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const toggle = (value: string, checked: boolean) => {
    if (!props.multiple) props.onChange([value]);
    else props.onChange(checked ? [...props.selected, value] : props.selected.filter((v) => v !== value));
  };
  return (
    <fieldset
      class={`choices ${props.error ? "choices--invalid" : ""}`}
      aria-labelledby={props.legend ? undefined : props.labelledBy}
      aria-describedby={describedBy}
    >
      {props.legend && <legend class="choices__legend">{props.legend}</legend>}
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
      <div class="choices__list">
        {props.choices.map((c) => {
          const inputId = `${id}-${c.value}`;
          const descId = c.description ? `${inputId}-desc` : undefined;
          return (
            <label key={c.value} class="choice" for={inputId}>
              <input
                id={inputId}
                type={props.multiple ? "checkbox" : "radio"}
                name={props.name}
                value={c.value}
                checked={props.selected.includes(c.value)}
                aria-describedby={descId}
                aria-invalid={props.error ? true : undefined}
                onChange={(e) => toggle(c.value, e.currentTarget.checked)}
              />
              {c.icon && <span class="choice__icon">{c.icon}</span>}
              <span class="choice__text">
                <span class="choice__label">{c.label}</span>
                {c.description && (
                  <span id={descId} class="choice__desc">
                    {c.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
