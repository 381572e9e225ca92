import type { TrackedReport } from "@openclm/contracts";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { formatDate } from "./format-date.js";

/** Public messages between the reporter and the responders. */
export function ReportMessages(props: { messages: TrackedReport["messages"] }) {
  const t = useT("app");
  const lng = useLanguage();
  if (props.messages.length === 0) return <p>{t("track.noMessages")}</p>;
  return (
    <ol class="messages">
      {props.messages.map((m) => (
        <li key={`${m.from}-${m.at}`} class={`message message--${m.from}`}>
          <p class="message__meta">
            <span class="message__from">{t(m.from === "reporter" ? "track.fromYou" : "track.fromResponder")}</span>{" "}
            <time dateTime={m.at}>{formatDate(m.at, lng, true)}</time>
          </p>
          <p class="message__body">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
