import type { IndicatorMetric, IndicatorResult, IndicatorRow } from "@openclm/contracts";
import type { TFunction } from "i18next";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useConfig } from "../../api/public-config.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { type BoundaryFeature, districtLevel, fetchBoundaries } from "../../map/boundaries.js";
import { Problem } from "../../shared/problem.js";
import { ChartFrame } from "./chart-frame.js";
import { colourClasses, colourOf, mapSvg, noValueColor } from "./choropleth.js";
import type { Cell, TableData } from "./csv.js";
import { filtersToSearch, type MapMetric, mapMetrics } from "./dashboard-filters.js";
import { withoutImpossibleMedians } from "./dashboard-queries.js";
import type { MapValue } from "./district-map.js";
import { DistrictMapWhenVisible } from "./district-map-loader.js";
import { formatMetric, metricCell, valueLabel } from "./format.js";
import { type IndicatorState, useDashboard, useIndicators } from "./use-indicators.js";

type T = TFunction<"dashboard">;
type Place = "district" | "facility";

const districtMetrics: IndicatorMetric[] = [
  "reports_total",
  "reports_validated",
  "pct_resolved",
  "per_1000_affected",
  "coverage_pct",
  "median_hours_to_resolution",
];
const facilityMetrics: IndicatorMetric[] = ["reports_total", "reports_validated", "pct_resolved"];

/** The server answers only each place's most reported challenge type, not every type of every place. */
const TOP_ONE = { n: 1, by: "reports_validated" } as const;

/** The most reported challenge type per place (PRODUCT.md 3.4 item 7), from a [place, challenge_type] query. */
function topChallenges(state: IndicatorState, place: Place): Map<string, { code: string; n: number }> {
  const top = new Map<string, { code: string; n: number }>();
  if (state.status !== "ready") return top;
  for (const r of state.result.rows) {
    const id = r.dimensions[place];
    const code = r.dimensions.challenge_type;
    const n = r.metrics.reports_validated;
    if (!id || !code || typeof n !== "number" || n <= 0) continue;
    if ((top.get(id)?.n ?? 0) < n) top.set(id, { code, n });
  }
  return top;
}

/** Rows of a place table: name, the metrics, and the top challenge type when it could be asked. */
function placeTable(
  t: T,
  lng: string,
  place: Place,
  metrics: IndicatorMetric[],
  result: IndicatorResult,
  rows: IndicatorRow[],
  challenges: IndicatorState,
  hrefOf?: (id: string) => string,
): TableData {
  const top = topChallenges(challenges, place);
  const section = place === "district" ? "districts" : "facilities";
  const withTop = challenges.status === "ready";
  const challengeLabels = challenges.status === "ready" ? challenges.result.labels : {};
  return {
    columns: [
      { label: section === "districts" ? t("districts.district") : t("facilities.facility") },
      ...metrics.map((m) => ({ label: t(`metrics.${m}`), numeric: true })),
      ...(withTop
        ? [
            {
              label: t(`${section}.topChallenge`),
              code: t("download.codeOf", { label: t(`${section}.topChallenge`) }),
            },
          ]
        : []),
    ],
    rows: rows.map((r) => {
      const id = r.dimensions[place] ?? "";
      const best = top.get(id);
      const challenge: Cell = best
        ? {
            text: valueLabel(t, challengeLabels, "challenge_type", best.code),
            value: valueLabel(t, challengeLabels, "challenge_type", best.code),
            code: best.code,
          }
        : { text: t("notAvailable"), value: null };
      return [
        {
          text: valueLabel(t, result.labels, place, id),
          value: valueLabel(t, result.labels, place, id),
          href: hrefOf?.(id),
        },
        ...metrics.map((m) => metricCell(t, lng, r, m)),
        ...(withTop ? [challenge] : []),
      ];
    }),
  };
}

const busy = (s: IndicatorState) => s.status === "loading" || (s.status === "ready" && s.refreshing);

function StateNotes(props: { state: IndicatorState }) {
  const t = useT("dashboard");
  const s = props.state;
  if (s.status === "impossible") return <p class="notice">{t("incompatible")}</p>;
  if (s.status === "error") return <Problem error={s.error} onRetry={s.retry} />;
  if (s.status === "loading") return <p aria-live="polite">{t("loading")}</p>;
  if (s.result.rows.length === 0) return <p class="muted">{t("noData")}</p>;
  return null;
}

/** The level whose areas are districts: the one named so, else the deepest. */
function useDistrictLevel(): number | null {
  const { config } = useConfig();
  return config ? districtLevel(config) : null;
}

function useBoundaries(level: number | null) {
  const [state, setState] = useState<{ features: BoundaryFeature[] } | { error: true } | null>(null);
  useEffect(() => {
    if (level === null) return;
    let live = true;
    fetchBoundaries(level).then(
      (b) => live && setState({ features: b.features }),
      () => live && setState({ error: true }),
    );
    return () => {
      live = false;
    };
  }, [level]);
  return state;
}

/** Districts in the current area filter (a region's districts, one district, or null for all). */
function useFocus(): Set<string> | null {
  const { config } = useConfig();
  const { areaId } = useDashboard().filters;
  return useMemo(() => {
    if (!areaId || !config) return null;
    const ids = new Set([areaId]);
    // Areas come parents first, so one pass collects every descendant.
    for (const a of config.areas) if (a.parentId && ids.has(a.parentId)) ids.add(a.id);
    return ids;
  }, [areaId, config]);
}

/** The district map and the district table, from one query. */
export function DistrictSections() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const id = useId();
  const view = useDashboard();
  const metrics = withoutImpossibleMedians(districtMetrics, ["district"], view.apiFilters);
  const state = useIndicators(metrics, ["district"]);
  const challenges = useIndicators(["reports_validated"], ["district", "challenge_type"], [], TOP_ONE);
  const boundaries = useBoundaries(useDistrictLevel());
  const focus = useFocus();
  const result = state.status === "ready" ? state.result : null;
  const mapMetric = view.filters.map;

  const rows = useMemo(() => {
    if (!result) return [];
    const name = (r: IndicatorRow) => valueLabel(t, result.labels, "district", r.dimensions.district ?? "");
    return [...result.rows].sort((a, b) => name(a).localeCompare(name(b), lng));
  }, [result, t, lng]);

  // Drill-down: a district's name leads to the same view of that district (the filters stay).
  const loc = useLocation();
  const drill = (districtId: string) => `${loc.path}${filtersToSearch({ ...view.filters, areaId: districtId })}`;
  const table = result ? placeTable(t, lng, "district", metrics, result, rows, challenges, drill) : null;

  const choropleth = useMemo(() => {
    if (!result) return null;
    const numbers = rows.map((r) => r.metrics[mapMetric]).filter((v): v is number => typeof v === "number");
    const classes = colourClasses(numbers);
    const values = new Map<string, MapValue>();
    for (const r of rows) {
      const district = r.dimensions.district ?? "";
      const cell = metricCell(t, lng, r, mapMetric);
      const v = r.metrics[mapMetric];
      values.set(district, {
        color: colourOf(classes, v),
        text: `${valueLabel(t, result.labels, "district", district)}: ${cell.text}`,
      });
    }
    const legend = [
      ...classes.map((c) => ({
        color: c.color,
        label: `${formatMetric(t, lng, mapMetric, c.from)} – ${formatMetric(t, lng, mapMetric, c.to)}`,
      })),
      { color: noValueColor, label: t("map.noValue") },
    ];
    return { values, legend };
  }, [result, rows, mapMetric, t, lng]);

  const mapTitle = `${t("map.title")}: ${t(`metrics.${mapMetric}`)}`;
  const features = boundaries && "features" in boundaries ? boundaries.features : null;
  const mapTable: TableData | null =
    table && result
      ? {
          columns: [table.columns[0]!, { label: t(`metrics.${mapMetric}`), numeric: true }],
          rows: rows.map((r, i) => [table.rows[i]![0]!, metricCell(t, lng, r, mapMetric)]),
        }
      : null;

  return (
    <>
      <ChartFrame
        id="map"
        title={mapTitle}
        table={mapTable}
        busy={busy(state)}
        image={
          features && choropleth
            ? {
                svg: async (caption) =>
                  mapSvg({
                    caption,
                    shapes: features
                      .filter((f) => !focus || focus.has(f.properties.id))
                      .map((f) => ({ id: f.properties.id, geometry: f.geometry })),
                    fillOf: (d) => choropleth.values.get(d)?.color ?? noValueColor,
                    title: mapTitle,
                    legend: choropleth.legend,
                  }),
              }
            : null
        }
        controls={
          <div class="field">
            <label for={`${id}-map`}>{t("map.metric")}</label>
            <select
              id={`${id}-map`}
              value={mapMetric}
              onChange={(e) => view.set({ map: e.currentTarget.value as MapMetric })}
            >
              {mapMetrics.map((m) => (
                <option key={m} value={m}>
                  {t(`metrics.${m}`)}
                </option>
              ))}
            </select>
          </div>
        }
      >
        <StateNotes state={state} />
        {features && choropleth && <p class="hint">{t("map.drillHint")}</p>}
        {boundaries && "error" in boundaries && <p class="notice">{t("map.loadFailed")}</p>}
        {features && choropleth && (
          <div class="map-wrap">
            <DistrictMapWhenVisible
              features={features}
              focusIds={focus}
              values={choropleth.values}
              onSelect={(districtId) => view.set({ areaId: districtId })}
            />
            <ul class="map-legend" aria-label={t("map.legend")}>
              {choropleth.legend.map((item) => (
                <li key={item.label}>
                  <span class="map-legend__swatch" style={{ background: item.color }} aria-hidden="true" />
                  {item.label}
                </li>
              ))}
            </ul>
          </div>
        )}
      </ChartFrame>
      <ChartFrame
        id="districts"
        title={t("districts.title")}
        table={rows.length ? table : null}
        tableOpen
        busy={busy(state)}
      >
        <StateNotes state={state} />
      </ChartFrame>
    </>
  );
}

/** Facilities, most validated reports first, with their top challenge type. */
export function FacilitySection() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const state = useIndicators(facilityMetrics, ["facility"]);
  const challenges = useIndicators(["reports_validated"], ["facility", "challenge_type"], [], TOP_ONE);
  const result = state.status === "ready" ? state.result : null;
  const rows = useMemo(
    () =>
      result
        ? [...result.rows].sort((a, b) => (b.metrics.reports_validated ?? -1) - (a.metrics.reports_validated ?? -1))
        : [],
    [result],
  );
  const table = result ? placeTable(t, lng, "facility", facilityMetrics, result, rows, challenges) : null;
  return (
    <ChartFrame
      id="facilities"
      title={t("facilities.title")}
      table={rows.length ? table : null}
      tableOpen
      busy={busy(state)}
    >
      <StateNotes state={state} />
    </ChartFrame>
  );
}
