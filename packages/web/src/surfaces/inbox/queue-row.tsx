import type { InboxItem } from "@openclm/contracts";
import type { TFunction } from "i18next";
import { useT } from "../../i18n/use-t.js";
import { useErasedText } from "./erasure.js";
import { useFormatters } from "./format.js";
import { StatusBadge } from "./status-badge.js";
import { useLabels } from "./use-labels.js";

/** Who holds a report, in words: you, a colleague or a team by name, or nobody. */
export function holderLabel(
  t: TFunction<"inbox">,
  i: Pick<InboxItem, "assigneeId" | "assigneeName" | "assigneeTeamId" | "assigneeTeamName">,
  meId: string,
): string {
  if (i.assigneeId === meId) return t("queue.assignedToMe");
  if (i.assigneeId) return t("queue.assignedTo", { name: i.assigneeName ?? t("detail.assigned") });
  if (i.assigneeTeamId)
    return i.assigneeTeamName ? t("queue.teamNamed", { name: i.assigneeTeamName }) : t("queue.team");
  return t("queue.unassigned");
}

/** One report in the queue: a link to its detail; overdue ones are marked in words and colour. */
export function QueueRow(props: {
  item: InboxItem;
  href: string;
  current: boolean;
  meId: string;
  /** Present when bulk actions are available: the row gets a checkbox. */
  selection?: { selected: boolean; onToggle(id: string): void };
}) {
  const t = useT("inbox");
  const labels = useLabels();
  const fmt = useFormatters();
  const i = props.item;
  const erasedText = useErasedText();
  const shownAs = i.trackingCode ?? (i.erasure ? erasedText(i.erasure) : "");
  const assignee = holderLabel(t, i, props.meId);
  return (
    <li class={`queue-row ${i.overdue ? "queue-row--overdue" : ""} ${props.selection ? "queue-row--selectable" : ""}`}>
      {props.selection && (
        <input
          type="checkbox"
          class="queue-row__check"
          checked={props.selection.selected}
          aria-label={t("queue.select", { code: shownAs })}
          onChange={() => props.selection?.onToggle(i.id)}
        />
      )}
      <a href={props.href} class="queue-row__link" aria-current={props.current ? "true" : undefined} data-row>
        <span class="queue-row__top">
          {i.trackingCode ? (
            <span class="code" translate={false}>
              {i.trackingCode}
            </span>
          ) : (
            <span class="badge badge--erased">{shownAs}</span>
          )}
          <StatusBadge status={i.status} />
          {i.overdue && <span class="badge badge--overdue">{t("queue.overdue")}</span>}
          {i.reopenedByReporter && <span class="badge badge--reopened">{t("queue.reopened")}</span>}
          {i.reporterReplied && <span class="badge badge--replied">{t("queue.replied")}</span>}
          {i.possibleDuplicate && <span class="badge badge--duplicate">{t("queue.duplicate")}</span>}
        </span>
        <span class="queue-row__what">
          {labels.category(i.categoryCode)} · {labels.subcategory(i.subcategoryCode)}
        </span>
        <span class="queue-row__meta">
          {labels.area(i.districtId)} · <time dateTime={i.createdAt}>{fmt.dateTime(i.createdAt)}</time>
          {` · ${assignee}`}
        </span>
      </a>
    </li>
  );
}
