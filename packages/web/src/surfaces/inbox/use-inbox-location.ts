import { useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { filtersFromQuery, filtersToSearch, type InboxFilters } from "./inbox-filters.js";

/** The inbox's place in the URL: `/inbox/<report id>?<filters>`; the open report and the filters are shareable. */
export function useInboxLocation() {
  const loc = useLocation();
  const filters = useMemo(() => filtersFromQuery(loc.query), [loc.query]);
  const match = loc.path.match(/^\/inbox\/([0-9a-f-]{36})$/i);
  const selectedId = match?.[1] ?? null;
  const search = filtersToSearch(filters);
  return {
    filters,
    selectedId,
    setFilters(next: Partial<InboxFilters>) {
      loc.route(`${loc.path}${filtersToSearch({ ...filters, ...next })}`, true);
    },
    open(id: string) {
      loc.route(`/inbox/${id}${search}`);
    },
    close() {
      loc.route(`/inbox${search}`);
    },
  };
}
