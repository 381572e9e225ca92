import "./advocacy-cases.css";
import { useCallback } from "preact/hooks";
import { useLocation } from "preact-iso";
import { callApi } from "../../api/client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { dateTimeFormat } from "../../shared/intl-format.js";
import { useLoad } from "../../shared/use-load.js";
import { filtersFromQuery, filtersToSearch } from "./dashboard-filters.js";

// What the dashboard's own pages show of advocacy cases. The case pages (advocacy-cases.tsx) load only when opened:
// the public dashboard's first load stays within its JavaScript budget (budget.e2e.ts).

export function useDate() {
  const lng = useLanguage();
  return (iso: string | null) =>
    iso
      ? dateTimeFormat(lng, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
      : "—";
}

/** The dashboard's link: open a case from the current selection, or see the cases. */
export function AdvocacyCasesLinks() {
  const t = useT("dashboard");
  const loc = useLocation();
  const search = filtersToSearch(filtersFromQuery(loc.query));
  return (
    <section class="dash-card case-links" aria-labelledby="case-links-title">
      <h2 id="case-links-title">{t("cases.title")}</h2>
      <p class="hint">{t("cases.fromSelectionHint")}</p>
      <p class="case-links__row">
        <a class="button" href={`/dashboard/cases/new${search}`}>
          {t("cases.open")}
        </a>
        <a href="/dashboard/cases">{t("cases.list")}</a>
      </p>
    </section>
  );
}

/** The public dashboard: resolved cases the programme chose to publish (no report ids; counts controlled). */
export function PublicCases() {
  const t = useT("dashboard");
  const date = useDate();
  const load = useCallback(() => callApi("GET /public/advocacy-cases", {}), []);
  const { data } = useLoad(load);
  if (!data?.items.length) return null;
  return (
    <section class="dash-card public-cases" aria-labelledby="public-cases-h">
      <h2 id="public-cases-h">{t("cases.public.title")}</h2>
      <ul class="case-actions">
        {data.items.map((c) => (
          <li key={c.id}>
            <strong>{c.title}</strong>
            <p>{c.outcome}</p>
            <p class="hint">
              {c.dutyBearer} · {date(c.resolvedOn)}
              {c.reportCount !== null && c.reportCount > 0 && <> · {t("cases.public.reports", { n: c.reportCount })}</>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
