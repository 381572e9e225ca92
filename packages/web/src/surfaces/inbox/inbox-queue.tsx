import type { InboxItem, Scope } from "@openclm/contracts";
import type { ApiError } from "../../api/client.js";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import type { InboxFilters } from "./inbox-filters.js";
import { QueueFilters } from "./queue-filters.js";
import { QueueRow } from "./queue-row.js";
import { QueueSearch } from "./queue-search.js";
import { StatusChips } from "./status-chips.js";

export interface QueueProps {
  filters: InboxFilters;
  onFilters(next: Partial<InboxFilters>): void;
  items: InboxItem[];
  counts: Record<string, number>;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  hasMore: boolean;
  onLoadMore(): void;
  onRetry(): void;
  hrefFor(id: string): string;
  selectedId: string | null;
  meId: string;
  /** The member's scope: the area filter offers only areas inside it. */
  scope: Scope;
  /** Bulk selection, when the person may act on several reports at once. */
  selection?: { ids: Set<string>; onToggle(id: string): void; onToggleAll(ids: string[], on: boolean): void };
  bulkBar?: preact.ComponentChildren;
}

/** The queue: search, status chips with counts, more filters, the rows and "load more". */
export function InboxQueue(props: QueueProps) {
  const t = useT("inbox");
  const total = Object.entries(props.counts)
    .filter(([s]) => !props.filters.status.length || props.filters.status.includes(s as never))
    .reduce((n, [, c]) => n + c, 0);
  return (
    <section class="inbox__queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="visually-hidden">
        {t("queue.heading")}
      </h2>
      <QueueSearch value={props.filters.q} onSearch={(q) => props.onFilters({ q })} />
      <StatusChips
        selected={props.filters.status}
        counts={props.counts}
        onChange={(status) => props.onFilters({ status })}
      />
      <QueueFilters filters={props.filters} onChange={props.onFilters} scope={props.scope} />
      {props.error && <Problem error={props.error} onRetry={props.onRetry} />}
      <p class="queue-count" aria-busy={props.loading}>
        {props.loading ? t("queue.loading") : t("queue.count", { count: total })}
      </p>
      {!props.loading && props.items.length === 0 && !props.error && <p>{t("queue.empty")}</p>}
      {props.selection && props.items.length > 0 && (
        <div class="check queue-select-all">
          <input
            id="queue-select-all"
            type="checkbox"
            checked={props.items.every((i) => props.selection?.ids.has(i.id))}
            onChange={(e) =>
              props.selection?.onToggleAll(
                props.items.map((i) => i.id),
                e.currentTarget.checked,
              )
            }
          />
          <label for="queue-select-all">{t("queue.selectAll")}</label>
        </div>
      )}
      {props.bulkBar}
      <ol class="queue" aria-labelledby="queue-heading">
        {props.items.map((item) => (
          <QueueRow
            key={item.id}
            item={item}
            href={props.hrefFor(item.id)}
            current={item.id === props.selectedId}
            meId={props.meId}
            selection={
              props.selection && {
                selected: props.selection.ids.has(item.id),
                onToggle: props.selection.onToggle,
              }
            }
          />
        ))}
      </ol>
      {props.hasMore && (
        <button
          type="button"
          class="button button--secondary load-more"
          onClick={props.onLoadMore}
          disabled={props.loadingMore}
        >
          {props.loadingMore ? t("queue.loading") : t("queue.loadMore")}
        </button>
      )}
    </section>
  );
}
