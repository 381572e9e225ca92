import type { IndicatorMetric, IndicatorResult } from "@openclm/contracts";
import { useId } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import type { TargetItem } from "./dashboard-api.js";
import { isPartOfAll } from "./dashboard-filters.js";
import { isMedian } from "./dashboard-queries.js";
import { formatMetric, formatNumber, metricCell } from "./format.js";
import { tileTarget } from "./targets.js";
import { useTargets } from "./trend-chart.js";
import { useDashboard, useIndicators } from "./use-indicators.js";

const tileMetrics = [
  "reports_total",
  "reports_validated",
  "reports_declined",
  "pct_resolved",
  "pct_confirmed",
  "pct_on_behalf",
  "per_1000_affected",
  "coverage_pct",
  "median_hours_to_first_response",
  "median_hours_to_validation",
  "median_hours_to_resolution",
] as const satisfies readonly IndicatorMetric[];
type TileMetric = (typeof tileMetrics)[number];
const countMetrics: TileMetric[] = tileMetrics.filter((m) => !isMedian(m));
const medianTiles: TileMetric[] = tileMetrics.filter(isMedian);

/**
 * The framework's coverage target by programme size (PRODUCT.md 3.4): people affected below 10,000 is a test,
 * up to 100,000 subnational, above that national. The size is read back from the coverage itself.
 */
export function coverageBand(validated: number, coveragePct: number) {
  const people = (validated * 100) / coveragePct;
  if (people < 10_000) return { level: "test", low: 20, high: 25 } as const;
  if (people <= 100_000) return { level: "subnational", low: 10, high: 15 } as const;
  return { level: "national", low: 3, high: 5 } as const;
}

/** Headline figures for the period and filters; medians come in a second query, as not every filter allows them. */
export function HeadlineTiles() {
  const t = useT("dashboard");
  const headingId = useId();
  const counts = useIndicators(countMetrics);
  const medians = useIndicators(medianTiles);
  const targets = useTargets();
  const state = counts.status === "ready" ? counts : null;
  const lng = useLanguage();

  return (
    <section class="dash-tiles" aria-labelledby={headingId} aria-busy={counts.status !== "ready" || counts.refreshing}>
      <h2 id={headingId}>{t("tiles.title")}</h2>
      {counts.status === "error" && <Problem error={counts.error} onRetry={counts.retry} />}
      {counts.status === "loading" && <p aria-live="polite">{t("loading")}</p>}
      {state && (
        <dl class="tiles">
          {countMetrics.map((m) => (
            <Tile key={m} metric={m} result={state.result} targets={targets} />
          ))}
          {medianTiles.map((m) => (
            <Tile key={m} metric={m} result={medians.status === "ready" ? medians.result : null} targets={targets} />
          ))}
        </dl>
      )}
      {state && medians.status === "impossible" && <p class="hint">{t("mediansUnavailable")}</p>}
      {state?.result.perturbed && <p class="notice">{t("perturbedNote")}</p>}
      {state?.result.suppression && <SuppressionNote rule={state.result.suppression} />}
      {!!state?.result.withheld && <p class="hint">{t("withheld", { count: state.result.withheld })}</p>}
      {state && <p class="hint">{t("asOf", { date: formatDateTime(lng, state.result.asOf) })}</p>}
    </section>
  );
}

function Tile(props: { metric: TileMetric; result: IndicatorResult | null; targets: TargetItem[] }) {
  const t = useT("dashboard");
  const lng = useLanguage();
  const view = useDashboard();
  const row = props.result?.rows[0];
  const cell = props.result ? metricCell(t, lng, row, props.metric) : { text: t("notAvailable"), value: null };
  const validated = row?.metrics.reports_validated;
  const f = view.filters;
  const partial = isPartOfAll(f);
  const band =
    props.metric === "coverage_pct" && !partial && typeof cell.value === "number" && cell.value > 0 && validated
      ? coverageBand(validated, cell.value)
      : null;
  const target = partial ? null : tileTarget(props.targets, props.metric, view.period, f.areaId, new Date());
  const format = (v: number) => formatMetric(t, lng, props.metric, v);
  return (
    <div class={`tile ${cell.hidden ? "tile--hidden" : ""}`}>
      <dt>{t(`tiles.${props.metric}`)}</dt>
      <dd class="tile__value" data-metric={props.metric}>
        {cell.text}
      </dd>
      {band && (
        <dd class="tile__note">
          {t("tiles.coverageTarget", {
            level: t(`tiles.levels.${band.level}`),
            range: `${formatNumber(lng, band.low)}–${formatNumber(lng, band.high)} %`,
          })}
        </dd>
      )}
      {props.metric === "coverage_pct" && partial && <dd class="tile__note">{t("tiles.coveragePart")}</dd>}
      {target && (
        <dd class="tile__note" data-target={props.metric}>
          {target.expected === null
            ? t("tiles.target", { value: format(target.value) })
            : t("tiles.targetSoFar", { value: format(target.value), expected: format(target.expected) })}
        </dd>
      )}
    </div>
  );
}

function SuppressionNote(props: { rule: NonNullable<IndicatorResult["suppression"]> }) {
  const t = useT("dashboard");
  const strict = Math.max(props.rule.threshold, ...Object.values(props.rule.categoryThresholds));
  return <p class="notice">{t("suppressionNote", { n: props.rule.threshold, strict })}</p>;
}

const formatDateTime = (lng: string, iso: string) =>
  new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
