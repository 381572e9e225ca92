import { useT } from "../i18n/use-t.js";

export const MAIN_ID = "main";

/** First focusable element on every screen: jumps past the header to the main landmark. */
export function SkipLink() {
  const t = useT("common");
  return (
    <a class="skip-link" href={`#${MAIN_ID}`}>
      {t("skipToContent")}
    </a>
  );
}
