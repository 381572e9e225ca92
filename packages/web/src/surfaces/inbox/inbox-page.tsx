import "./inbox.css";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { BulkBar } from "./bulk-bar.js";
import { actionAttrs } from "./inbox-actions.js";
import { filtersToSearch } from "./inbox-filters.js";
import { InboxQueue } from "./inbox-queue.js";
import { ReportDetail } from "./report-detail.js";
import { SavedViewsMenu } from "./saved-views-menu.js";
import { ShortcutsDialog } from "./shortcuts-dialog.js";
import { useInboxEvents } from "./use-inbox-events.js";
import { useInboxList } from "./use-inbox-list.js";
import { useInboxLocation } from "./use-inbox-location.js";
import { useInboxShortcuts } from "./use-inbox-shortcuts.js";
import { useReportDetail } from "./use-report-detail.js";

/**
 * The inbox: the queue and the open report side by side on wide screens, one at a time on phones. The list and the
 * open report refresh themselves from the live event stream; outcomes are announced in a polite live region.
 */
export function InboxPage() {
  const t = useT("inbox");
  const me = useMe();
  const loc = useInboxLocation();
  // A trainee account works on practice reports only (ADR 0023 addendum): its inbox is always the training view, and
  // the server answers the same whatever the address asks for.
  const trainee = me.trainee === true;
  const filters = trainee && !loc.filters.training ? { ...loc.filters, training: true } : loc.filters;
  const list = useInboxList(filters);
  const detail = useReportDetail(loc.selectedId);
  const [announcement, setAnnouncement] = useState("");
  const [help, setHelp] = useState(false);
  const ownWriteAt = useRef(0);
  const search = filtersToSearch(filters);
  const hrefFor = useCallback((id: string) => `/inbox/${id}${search}`, [search]);

  const say = useCallback((text: string) => {
    // Clearing first makes a repeated sentence ("Inbox updated") be announced again.
    setAnnouncement("");
    setTimeout(() => setAnnouncement(text), 50);
  }, []);
  const announceOwn = useCallback(
    (text: string) => {
      ownWriteAt.current = Date.now();
      say(text);
      void list.refresh();
    },
    [say, list.refresh],
  );

  useInboxEvents(async (all) => {
    // The live view and the training view each hear only of their own reports (ADR 0023).
    const changes = all.filter((c) => Boolean(c.training) === filters.training);
    if (all.length > 0 && changes.length === 0) return;
    const added = await list.refresh();
    const openChanged = loc.selectedId && changes.some((c) => c.id === loc.selectedId);
    if (openChanged) await detail.reload();
    const mine = Date.now() - ownWriteAt.current < 3000;
    // A reporter's "not solved" is news for whoever handled it: the report is back, flagged, in their queue.
    const reopened = changes.some((c) => c.type === "report.resolution_rejected");
    if (added > 0) say(t("live.new", { count: added }));
    else if (reopened) say(t("live.reopened"));
    else if (openChanged && !mine) say(t("live.openChanged"));
  });

  const bulk = useBulkSelection(
    search,
    list.items.map((i) => i.id),
  );
  const canValidate = hasPermission(me, "report:decide");
  const canAssign = hasPermission(me, "report:assign");
  const selectable = canValidate || canAssign;
  const chosen = list.items.filter((i) => bulk.ids.has(i.id));

  useInboxShortcuts({ loc, onHelp: () => setHelp(true) });

  return (
    <div class={`inbox ${loc.selectedId ? "inbox--open" : ""}`}>
      <div class="inbox__toolbar">
        <SavedViewsMenu filters={loc.filters} onApply={loc.setFilters} announce={say} />
        {hasPermission(me, "stories:review") && !trainee && <a href="/inbox/stories">{t("stories.link")}</a>}
        {hasPermission(me, "ratings:moderate") && <a href="/inbox/ratings">{t("ratings.link")}</a>}
        {hasPermission(me, "forum:moderate") && <a href="/inbox/forum">{t("forum.link")}</a>}
        {!trainee && (
          <button
            type="button"
            class="button button--secondary inbox__training-switch"
            aria-pressed={loc.filters.training}
            onClick={() => loc.setFilters({ ...loc.filters, training: !loc.filters.training })}
          >
            {t("training.switch")}
          </button>
        )}
        <button
          type="button"
          class="button button--link"
          onClick={() => setHelp(true)}
          {...actionAttrs("help", t("actions.help"))}
        >
          {t("shortcuts.show")}
        </button>
      </div>
      {filters.training && (
        <p class="inbox__training" role="note">
          <strong>{t("training.title")}</strong> {t("training.body")}
          {trainee && <> {t("training.trainee")}</>}
        </p>
      )}
      <div class="inbox__panes">
        <InboxQueue
          filters={filters}
          onFilters={loc.setFilters}
          items={list.items}
          counts={list.counts}
          loading={list.loading}
          loadingMore={list.loadingMore}
          error={list.error}
          hasMore={Boolean(list.nextCursor)}
          onLoadMore={list.loadMore}
          onRetry={() => void list.refresh()}
          hrefFor={hrefFor}
          selectedId={loc.selectedId}
          meId={me.id}
          scope={me.scope}
          selection={selectable ? bulk : undefined}
          bulkBar={
            selectable &&
            chosen.length > 0 && (
              <BulkBar
                selected={chosen}
                canValidate={canValidate}
                canAssign={canAssign}
                onDone={(ids) => {
                  bulk.drop(ids);
                  ownWriteAt.current = Date.now();
                  void list.refresh();
                }}
                onClear={bulk.clear}
                announce={say}
              />
            )
          }
        />
        {loc.selectedId ? (
          <ReportDetail
            id={loc.selectedId}
            report={detail.report}
            error={detail.error}
            onBack={loc.close}
            context={{ me, reload: detail.reload, announce: announceOwn, hrefFor }}
          />
        ) : (
          <section class="inbox__detail inbox__detail--empty" aria-label={t("detail.none")}>
            <p class="muted">{t("detail.none")}</p>
          </section>
        )}
      </div>
      <p role="status" class="visually-hidden">
        {announcement}
      </p>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

/** The rows chosen for a bulk action: cleared when the filters change, and kept to rows still in the list. */
function useBulkSelection(search: string, visibleIds: string[]) {
  const [ids, setIds] = useState<Set<string>>(new Set());
  useEffect(() => setIds(new Set()), [search]);
  const visible = visibleIds.join(",");
  useEffect(() => {
    const shown = new Set(visible.split(","));
    setIds((cur) => ([...cur].every((id) => shown.has(id)) ? cur : new Set([...cur].filter((id) => shown.has(id)))));
  }, [visible]);
  const onToggle = useCallback((id: string) => {
    setIds((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const onToggleAll = useCallback((all: string[], on: boolean) => {
    setIds((cur) => {
      const next = new Set(cur);
      for (const id of all) on ? next.add(id) : next.delete(id);
      return next;
    });
  }, []);
  const drop = useCallback((done: string[]) => {
    setIds((cur) => new Set([...cur].filter((id) => !done.includes(id))));
  }, []);
  return { ids, onToggle, onToggleAll, drop, clear: () => setIds(new Set()) };
}
