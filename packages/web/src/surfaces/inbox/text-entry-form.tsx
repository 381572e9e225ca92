import { useEffect, useId, useState } from "preact/hooks";
import { FormError } from "../staff/form-error.js";

/** A labelled text box with a send button; clears itself when the write succeeds. */
export function TextEntryForm(props: {
  id: string;
  label: string;
  hint?: string;
  submit: string;
  busy: boolean;
  error: unknown;
  onSubmit(text: string): Promise<boolean>;
  title?: string;
  keyshortcut?: string;
  class?: string;
  /** Text put into the box from outside (a message template); a new `n` fills it again. */
  prefill?: { text: string; n: number };
}) {
  const [text, setText] = useState("");
  useEffect(() => {
    if (props.prefill) setText(props.prefill.text);
  }, [props.prefill?.n]);
  const hintId = useId();
  return (
    <form
      class={`text-entry ${props.class ?? ""}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() && (await props.onSubmit(text.trim()))) setText("");
      }}
    >
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <textarea
        id={props.id}
        rows={3}
        maxLength={2000}
        value={text}
        required
        onInput={(e) => setText(e.currentTarget.value)}
        aria-describedby={props.hint ? hintId : undefined}
        title={props.title}
        aria-keyshortcuts={props.keyshortcut}
      />
      <FormError error={props.error} />
      <button type="submit" class="button" disabled={props.busy}>
        {props.submit}
      </button>
    </form>
  );
}
