import type { Erasure, InboxReport } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { useFormatters } from "./format.js";

/** "Erased by the reporter on 3 Dec 2026": what staff see where an erased report's tracking code was. */
export function useErasedText(): (erasure: Erasure) => string {
  const t = useT("inbox");
  const fmt = useFormatters();
  return (erasure) => t(`erasure.${erasure.by}`, { date: fmt.date(erasure.at) });
}

export function ErasedLabel(props: { erasure: Erasure }) {
  const text = useErasedText();
  return <span class="badge badge--erased">{text(props.erasure)}</span>;
}

/** When the retention rules (setting `retention`) erase this report's conversation and personal data. */
export function RetentionNote(props: { report: InboxReport }) {
  const t = useT("inbox");
  const fmt = useFormatters();
  const { retention: r, erasure } = props.report;
  if (erasure) return null;
  return (
    <p class="hint retention-note">
      {!r.endedAt || !r.messagesUntil || !r.personalDataUntil ? (
        t("retention.open", { messages: r.messagesMonths, personal: r.personalDataMonths })
      ) : (
        <>
          {r.messagesErasedAt
            ? t("retention.messagesErased", { date: fmt.date(r.messagesErasedAt) })
            : t("retention.messagesUntil", { date: fmt.date(r.messagesUntil) })}{" "}
          {t("retention.personalUntil", { date: fmt.date(r.personalDataUntil) })}
        </>
      )}
    </p>
  );
}
