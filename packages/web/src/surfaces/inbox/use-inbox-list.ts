import type { InboxItem } from "@openclm/contracts";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { inboxApi } from "../../api/staff-client.js";
import { filtersToApi, type InboxFilters } from "./inbox-filters.js";

const PAGE = 25;

interface ListState {
  items: InboxItem[];
  nextCursor: string | null;
  counts: Record<string, number>;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
}

const initial: ListState = { items: [], nextCursor: null, counts: {}, loading: true, loadingMore: false, error: null };

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err));
}

/**
 * The queue for a set of filters: first page, "load more" by cursor, and `refresh()` (after a live event), which
 * reloads as many rows as are on screen and answers how many of them are new.
 */
export function useInboxList(filters: InboxFilters) {
  const [state, setState] = useState<ListState>(initial);
  const key = JSON.stringify(filtersToApi(filters));
  const generation = useRef(0);
  const shown = useRef<InboxItem[]>([]);
  shown.current = state.items;

  useEffect(() => {
    const gen = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    inboxApi.list({ ...JSON.parse(key), limit: PAGE }).then(
      (page) => gen === generation.current && setState({ ...initial, ...page, loading: false }),
      (err: unknown) =>
        gen === generation.current && setState((s) => ({ ...s, loading: false, error: asApiError(err) })),
    );
  }, [key]);

  const loadMore = useCallback(() => {
    const gen = generation.current;
    setState((s) => {
      if (!s.nextCursor || s.loadingMore) return s;
      inboxApi.list({ ...JSON.parse(key), limit: PAGE, cursor: s.nextCursor }).then(
        (page) =>
          gen === generation.current &&
          setState((cur) => ({
            ...cur,
            items: [...cur.items, ...page.items.filter((i) => !cur.items.some((c) => c.id === i.id))],
            nextCursor: page.nextCursor,
            counts: page.counts,
            loadingMore: false,
          })),
        (err: unknown) =>
          gen === generation.current && setState((cur) => ({ ...cur, loadingMore: false, error: asApiError(err) })),
      );
      return { ...s, loadingMore: true };
    });
  }, [key]);

  const refresh = useCallback(async (): Promise<number> => {
    const gen = generation.current;
    const before = new Set(shown.current.map((i) => i.id));
    const limit = Math.min(100, Math.max(PAGE, shown.current.length));
    try {
      const page = await inboxApi.list({ ...JSON.parse(key), limit });
      if (gen !== generation.current) return 0;
      setState((s) => ({ ...s, ...page, error: null }));
      return page.items.filter((i) => !before.has(i.id)).length;
    } catch {
      return 0; // The next event or a manual reload tries again.
    }
  }, [key]);

  return { ...state, loadMore, refresh };
}
