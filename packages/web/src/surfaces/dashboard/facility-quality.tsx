import type { FacilityQuality, PublicFacilityQuality, RatingAspect } from "@openclm/contracts";
import { useCallback, useId } from "preact/hooks";
import { callApi } from "../../api/client.js";
import { staffApi } from "../../api/staff-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useLoad } from "../../shared/use-load.js";
import { ChartFrame } from "./chart-frame.js";
import type { Cell, TableData } from "./csv.js";
import { type QualityBy, qualityGroupings } from "./dashboard-filters.js";
import { useDashboard } from "./use-indicators.js";

const ASPECTS: RatingAspect[] = ["respect", "confidentiality", "waiting", "cost", "medicines"];
/** A group's figures as either view gives them: the public one may hide the count too (`suppressed`). */
type Cells = Omit<FacilityQuality["total"], "count"> & { count: number | null; suppressed?: boolean };
type Answer = FacilityQuality | PublicFacilityQuality;

/** Staff ask within their scope (exact counts); the public view asks the public endpoint (disclosure-controlled). */
function askQuality(source: "staff" | "public", body: { from: string; to: string; by: QualityBy; areaId?: string }) {
  return source === "staff"
    ? staffApi("POST /dashboard/facility-quality", { body })
    : callApi("POST /public/facility-quality", { body });
}

/**
 * Facility quality from community ratings (issue 17 item 5): per region, district or facility, the number of ratings
 * and the average per aspect, and the same by month. An average of fewer ratings than the platform's minimum comes
 * back null from the server and shows as hidden, in the table and in the CSV. The public dashboard shows the same
 * panel from the public endpoint (perturbed counts, small groups hidden whole). The grouping is kept in the URL
 * (`?quality=district`), so a reload or a shared link shows the same table.
 */
export function FacilityQualityPanel() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const view = useDashboard();
  const id = useId();
  const by = view.filters.quality;
  const source = view.source;
  const from = view.period.from.slice(0, 7);
  const to = view.period.to.slice(0, 7);
  const areaId = view.filters.areaId || undefined;
  const load = useCallback(
    (): Promise<Answer> => askQuality(source, { from, to, by, areaId }),
    [source, from, to, by, areaId],
  );
  const { data, error, reload } = useLoad(load);
  const hidden: Cell = { text: t("quality.hidden"), value: null, hidden: true };
  const number = new Intl.NumberFormat(lng, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const cells = (c: Cells): Cell[] => [
    c.count === null ? hidden : { text: String(c.count), value: c.count },
    ...[c.overall, ...ASPECTS.map((a) => c[a])].map(
      (v): Cell => (v === null ? hidden : { text: number.format(v), value: v }),
    ),
  ];
  const hint = !data
    ? undefined
    : "threshold" in data
      ? t("quality.publicHint", { minimum: data.minimum })
      : t("quality.hint", { minimum: data.minimum });
  const columns = (first: string): TableData["columns"] => [
    { label: first },
    { label: t("quality.count"), numeric: true },
    { label: t("quality.overall"), numeric: true },
    ...ASPECTS.map((a) => ({ label: t(`quality.aspects.${a}`), numeric: true })),
  ];
  const table: TableData | null = data
    ? {
        columns: columns(t(`quality.by.${by}`)),
        rows: [
          ...data.rows.map((r) => [{ text: r.label, value: r.label }, ...cells(r)]),
          [{ text: t("quality.total"), value: t("quality.total") }, ...cells(data.total)],
        ],
      }
    : null;
  const trend: TableData | null = data
    ? {
        columns: columns(t("quality.month")),
        rows: data.trend.map((m) => [{ text: m.month, value: m.month }, ...cells(m)]),
      }
    : null;
  return (
    <>
      <ChartFrame
        id="facility-quality"
        title={t("quality.title")}
        hint={hint}
        table={table}
        tableOpen
        busy={!data && !error}
        controls={
          <div class="field">
            <label for={`${id}-by`}>{t("quality.byLabel")}</label>
            <select
              id={`${id}-by`}
              value={by}
              onChange={(e) => view.set({ quality: e.currentTarget.value as QualityBy })}
            >
              {qualityGroupings.map((k) => (
                <option key={k} value={k}>
                  {t(`quality.by.${k}`)}
                </option>
              ))}
            </select>
          </div>
        }
      >
        {error && <Problem error={error} onRetry={reload} />}
        {data && data.rows.length === 0 && <p>{t("quality.none")}</p>}
      </ChartFrame>
      {trend && data && (data.total.count ?? 1) > 0 && (
        <ChartFrame id="facility-quality-trend" title={t("quality.trendTitle")} table={trend} />
      )}
    </>
  );
}
