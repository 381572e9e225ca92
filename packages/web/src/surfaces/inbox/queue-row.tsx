import type { InboxItem } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { useFormatters } from "./format.js";
import { StatusBadge } from "./status-badge.js";
import { useLabels } from "./use-labels.js";

/** One report in the queue: a link to its detail; overdue ones are marked in words and colour. */
export function QueueRow(props: { item: InboxItem; href: string; current: boolean; meId: string }) {
  const t = useT("inbox");
  const labels = useLabels();
  const fmt = useFormatters();
  const i = props.item;
  const assignee = !i.assigneeId ? t("queue.unassigned") : i.assigneeId === props.meId ? t("queue.assignedToMe") : "";
  return (
    <li class={`queue-row ${i.overdue ? "queue-row--overdue" : ""}`}>
      <a href={props.href} class="queue-row__link" aria-current={props.current ? "true" : undefined} data-row>
        <span class="queue-row__top">
          <span class="code" translate={false}>
            {i.trackingCode}
          </span>
          <StatusBadge status={i.status} />
          {i.overdue && <span class="badge badge--overdue">{t("queue.overdue")}</span>}
        </span>
        <span class="queue-row__what">
          {labels.category(i.categoryCode)} · {labels.subcategory(i.subcategoryCode)}
        </span>
        <span class="queue-row__meta">
          {labels.area(i.districtId)} · <time dateTime={i.createdAt}>{fmt.dateTime(i.createdAt)}</time>
          {assignee && ` · ${assignee}`}
        </span>
      </a>
    </li>
  );
}
