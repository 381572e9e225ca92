import { useMemo } from "preact/hooks";
import { useLanguage } from "../../i18n/use-t.js";

/** Dates and times in the UI language. */
export function useFormatters() {
  const lng = useLanguage();
  return useMemo(() => {
    const locale = lng === "en-XA" ? "en" : lng;
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)),
    };
  }, [lng]);
}
