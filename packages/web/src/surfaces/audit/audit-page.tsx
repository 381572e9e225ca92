import "./audit.css";
import { useCallback, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useLoad } from "../../shared/use-load.js";
import { auditApi } from "./audit-api.js";
import { AuditEventList } from "./audit-event-list.js";
import { AuditFilterForm } from "./audit-filter-form.js";
import { type AuditFilters, auditApiQuery, auditFiltersFromQuery, auditFiltersToSearch } from "./audit-filters.js";
import { IntegrityCheck } from "./integrity-check.js";

/** The integrity check, the filters and one page of the log; every filter and the page are in the URL. */
export function AuditPage() {
  const t = useT("audit");
  const loc = useLocation();
  const filters = useMemo(() => auditFiltersFromQuery(loc.query), [loc.query]);
  const go = (next: AuditFilters) => loc.route(`${loc.path}${auditFiltersToSearch(next)}`);
  const load = useCallback(() => auditApi.list(auditApiQuery(filters)), [filters]);
  const { data: page, error, reload } = useLoad(load);

  return (
    <>
      <p class="lead">{t("intro")}</p>
      <IntegrityCheck />
      <AuditFilterForm filters={filters} onApply={(f) => go({ ...f, cursor: "" })} />
      <section class="audit-log" aria-labelledby="audit-log-title" aria-busy={!page && !error}>
        <h2 id="audit-log-title">{filters.cursor ? t("log.titleOlder") : t("log.title")}</h2>
        {error && <Problem error={error} onRetry={reload} />}
        {!page && !error && <p aria-live="polite">{t("log.loading")}</p>}
        {page && page.items.length === 0 && <p class="muted">{t("log.none")}</p>}
        {page && page.items.length > 0 && (
          <AuditEventList items={page.items} onFilter={(next) => go({ ...filters, ...next, cursor: "" })} />
        )}
        {page && (filters.cursor || page.nextCursor) && (
          <nav class="audit-pager" aria-label={t("log.pages")}>
            {filters.cursor && (
              <a href={`${loc.path}${auditFiltersToSearch({ ...filters, cursor: "" })}`}>{t("log.newest")}</a>
            )}
            {page.nextCursor && (
              <a href={`${loc.path}${auditFiltersToSearch({ ...filters, cursor: page.nextCursor })}`}>
                {t("log.older")}
              </a>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
