import { ageGroups } from "@openclm/contracts/constants";
import { useId, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useConfig } from "../../api/public-config.js";
import { contentLanguageFor } from "../../i18n/i18n.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { useSession } from "../staff/session-store.js";
import { DistrictSections, FacilitySection } from "./area-sections.js";
import { BreakdownChart } from "./breakdown-chart.js";
import { CrossTab } from "./cross-tab.js";
import { exportLinks, type Source } from "./dashboard-api.js";
import {
  type BreakdownKey,
  breakdownKeys,
  effectivePeriod,
  filtersFromQuery,
  filtersToSearch,
  publicPeriod,
  publishablePeriod,
  staffOnlyBreakdowns,
} from "./dashboard-filters.js";
import { apiFilters } from "./dashboard-queries.js";
import { FacilityQualityPanel } from "./facility-quality.js";
import { FilterBar } from "./filter-bar.js";
import { HeadlineTiles } from "./headline-tiles.js";
import { TrendChart } from "./trend-chart.js";
import { DashboardContext, type DashboardView, useDashboard } from "./use-indicators.js";
import "./dashboard.css";

/** The view every panel reads: the URL's filters, the period they mean today, and where to ask. */
function useView(source: Source): DashboardView {
  const loc = useLocation();
  const lng = useLanguage();
  const { config } = useConfig();
  const filters = useMemo(() => filtersFromQuery(loc.query), [loc.query]);
  const from = filters.from;
  const to = filters.to;
  // Published figures come for one calendar month, quarter or year only (docs/disclosure-control.md).
  const period = useMemo(
    () => (source === "public" ? publicPeriod({ from, to }, new Date()) : effectivePeriod({ from, to }, new Date())),
    [from, to, source],
  );
  const areas = config?.areas;
  const filterList = useMemo(() => apiFilters(filters, areas ?? []), [filters, areas]);
  return {
    source,
    filters,
    period,
    apiFilters: filterList,
    contentLang: contentLanguageFor(lng),
    set(next) {
      loc.route(`${loc.path}${filtersToSearch({ ...filters, ...next })}`, true);
    },
  };
}

/**
 * The accountability dashboard: filters, headline figures, the trend, who reports and how, challenge types,
 * declines, the district map and tables. Signed-in staff see their scope; the public view sees the country with
 * small cells hidden by the server.
 */
export function DashboardPage(props: { source: Source }) {
  const t = useT("dashboard");
  const view = useView(props.source);
  const { config } = useConfig();
  // Areas name the area filter; panels wait for them so the first query already carries it.
  if (!config && view.filters.areaId) return null;
  return (
    <DashboardContext.Provider value={view}>
      <div class="dashboard">
        <FilterBar />
        <HeadlineTiles />
        <div class="dash-grid">
          <TrendChart />
          <WhoReports />
          <BreakdownChart
            id="challenges"
            title={t("challenges.title")}
            hint={t("challenges.hint")}
            dimension="challenge_type"
            metrics={["reports_validated"]}
            bars={["reports_validated"]}
            sortBy="reports_validated"
            top={10}
          />
          <BreakdownChart
            id="declines"
            title={t("declines.title")}
            hint={t("declines.hint")}
            dimension="decline_reason"
            metrics={["reports_declined"]}
            bars={["reports_declined"]}
            sortBy="reports_declined"
          />
        </div>
        <DistrictSections />
        <CrossTab />
        <FacilitySection />
        <FacilityQualityPanel />
        {props.source === "staff" && <StaffDownloads />}
      </div>
    </DashboardContext.Provider>
  );
}

/** Disaggregation by the chosen dimension (gender, age group, key population, channel, reporter mode, category). */
function WhoReports() {
  const t = useT("dashboard");
  const id = useId();
  const view = useDashboard();
  // A public address naming a staff-only breakdown shows the default one instead.
  const by = view.source === "public" && staffOnlyBreakdowns.includes(view.filters.by) ? "gender" : view.filters.by;
  return (
    <BreakdownChart
      key={by}
      id={`breakdown-${by}`}
      title={`${t("breakdown.title")}: ${t(`dimensions.${by}`)}`}
      dimension={by}
      metrics={["reports_total", "reports_validated", "reports_resolved", "pct_resolved"]}
      bars={["reports_total", "reports_validated"]}
      sortBy={by === "age_group" ? undefined : "reports_total"}
      order={by === "age_group" ? ageGroups : undefined}
      controls={
        <div class="field">
          <label for={`${id}-by`}>{t("breakdown.by")}</label>
          <select id={`${id}-by`} value={by} onChange={(e) => view.set({ by: e.currentTarget.value as BreakdownKey })}>
            {breakdownKeys
              .filter((k) => view.source !== "public" || !staffOnlyBreakdowns.includes(k))
              .map((k) => (
                <option key={k} value={k}>
                  {t(`dimensions.${k}`)}
                </option>
              ))}
          </select>
        </div>
      }
    />
  );
}

/** Links to what the server builds: the de-identified report export (export:reports) and the factsheet. */
function StaffDownloads() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const view = useDashboard();
  const session = useSession();
  const headingId = useId();
  const canExport = session.status === "signed-in" && session.me.permissions.includes("export:reports");
  const { from, to } = view.period;
  const areaId = view.filters.areaId;
  return (
    <section class="dash-card dash-exports" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("exports.title")}</h2>
      <ul class="dash-exports__list">
        {canExport && (
          <li>
            <a href={exportLinks.reports({ from, to, areaId, categoryCode: view.filters.category })} download>
              {t("exports.reports")}
            </a>
            <p class="hint">{t("exports.reportsHint")}</p>
          </li>
        )}
        <li>
          <a
            href={exportLinks.factsheet({ ...publishablePeriod({ from, to }), areaId, lang: contentLanguageFor(lng) })}
            download
          >
            {t("exports.factsheet")}
          </a>
        </li>
      </ul>
    </section>
  );
}
