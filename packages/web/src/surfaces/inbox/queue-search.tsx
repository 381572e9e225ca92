import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { actionAttrs } from "./inbox-actions.js";

export const SEARCH_ID = "inbox-search";
const HINT_ID = "inbox-search-hint";

/**
 * Search by tracking code (whole or its beginning) or by whole words of the description (the server matches them
 * against a blind index, ADR 0011); submitted on Enter or the button.
 */
export function QueueSearch(props: { value: string; onSearch(q: string): void }) {
  const t = useT("inbox");
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  return (
    <search class="queue-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSearch(text.trim());
        }}
      >
        <label for={SEARCH_ID}>{t("search.label")}</label>
        <p class="hint" id={HINT_ID}>
          {t("search.hint")}
        </p>
        <div class="queue-search__row">
          <input
            id={SEARCH_ID}
            type="search"
            value={text}
            autocomplete="off"
            spellcheck={false}
            maxLength={100}
            aria-describedby={HINT_ID}
            placeholder={t("search.placeholder")}
            onInput={(e) => setText(e.currentTarget.value)}
            {...actionAttrs("search", t("actions.search"))}
          />
          <button type="submit" class="button">
            {t("search.submit")}
          </button>
        </div>
      </form>
    </search>
  );
}
