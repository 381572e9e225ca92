import type { IndicatorDimension, IndicatorResult } from "@openclm/contracts";
import { useId, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { ChartFrame } from "./chart-frame.js";
import type { Cell, TableData } from "./csv.js";
import { type CrossKey, crossKeys, filtersToSearch } from "./dashboard-filters.js";
import { formatMetric, valueLabel } from "./format.js";
import { type IndicatorState, useDashboard, useIndicators } from "./use-indicators.js";

const METRIC = "reports_validated";
/** Row dimensions that are places: each row's name leads to the dashboard of that place (as the map does). */
const AREA_KEYS: ReadonlySet<string> = new Set(["region", "district"]);

/**
 * Any two dimensions as a table of validated reports, with a total per row and per column and a grand total. The
 * totals are asked for themselves rather than summed: published figures are adjusted cell by cell, so a sum would
 * be a new figure (docs/disclosure-control.md). Two personal dimensions at once (gender by age) are not answered.
 */
export function CrossTab() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const id = useId();
  const view = useDashboard();
  const { xrows, xcols } = view.filters;
  const cols: CrossKey = xcols === xrows ? (crossKeys.find((k) => k !== xrows) ?? xcols) : xcols;
  const cells = useIndicators([METRIC], [xrows, cols] as IndicatorDimension[]);
  const rowTotals = useIndicators([METRIC], [xrows]);
  const colTotals = useIndicators([METRIC], [cols]);
  const total = useIndicators([METRIC]);
  const ready = (s: IndicatorState) => (s.status === "ready" ? s.result : null);
  // Drill-down: an area's name is a link to the same view narrowed to that area (the filters stay), by keyboard too.
  const loc = useLocation();
  const drill = (areaId: string) => `${loc.path}${filtersToSearch({ ...view.filters, areaId })}`;

  const table = useMemo((): TableData | null => {
    const all = ready(cells);
    const byRow = ready(rowTotals);
    const byCol = ready(colTotals);
    const grand = ready(total);
    if (!all || !byRow || !byCol || !grand) return null;
    const labels = { ...byRow.labels, ...byCol.labels, ...all.labels };
    const rowIds = valuesOf(byRow, xrows);
    const colIds = valuesOf(byCol, cols);
    const cell = (r: IndicatorResult["rows"][number] | undefined): Cell => {
      const v = r?.metrics[METRIC];
      if (r?.suppressed && (v === null || v === undefined)) return { text: t("hidden"), value: null, hidden: true };
      return { text: formatMetric(t, lng, METRIC, v ?? 0), value: v ?? 0 };
    };
    const find = (res: IndicatorResult, match: Record<string, string>) =>
      res.rows.find((r) => Object.entries(match).every(([d, v]) => r.dimensions[d] === v));
    const name = (d: string, v: string) => valueLabel(t, labels, d, v);
    return {
      columns: [
        {
          label: `${t(`dimensions.${xrows}`)} / ${t(`dimensions.${cols}`)}`,
          code: t("download.codeOf", { label: t(`dimensions.${xrows}`) }),
        },
        ...colIds.map((c) => ({ label: name(cols, c), numeric: true })),
        { label: t("crossTab.total"), numeric: true },
      ],
      rows: [
        ...rowIds.map((r) => [
          {
            text: name(xrows, r),
            value: name(xrows, r),
            code: r,
            ...(AREA_KEYS.has(xrows) && r ? { href: drill(r) } : {}),
          },
          ...colIds.map((c) => cell(find(all, { [xrows]: r, [cols]: c }))),
          cell(find(byRow, { [xrows]: r })),
        ]),
        [
          { text: t("crossTab.total"), value: t("crossTab.total"), code: "" },
          ...colIds.map((c) => cell(find(byCol, { [cols]: c }))),
          cell(grand.rows[0]),
        ],
      ],
    };
  }, [cells, rowTotals, colTotals, total, xrows, cols, t, lng, loc.path, view.filters]);

  const choose = (which: "xrows" | "xcols", label: string, value: CrossKey) => (
    <div class="field">
      <label for={`${id}-${which}`}>{label}</label>
      <select
        id={`${id}-${which}`}
        value={value}
        onChange={(e) => view.set({ [which]: e.currentTarget.value as CrossKey })}
      >
        {crossKeys.map((k) => (
          <option key={k} value={k}>
            {t(`dimensions.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
  const failed = [cells, rowTotals, colTotals, total].find((s) => s.status === "error");

  return (
    <ChartFrame
      id="cross-tab"
      title={t("crossTab.title")}
      hint={view.source === "public" ? `${t("crossTab.hint")} ${t("download.adjusted")}` : t("crossTab.hint")}
      table={table}
      tableOpen
      busy={[cells, rowTotals, colTotals, total].some((s) => s.status === "loading")}
      controls={
        <>
          {choose("xrows", t("crossTab.rows"), xrows)}
          {choose("xcols", t("crossTab.columns"), cols)}
        </>
      }
    >
      {AREA_KEYS.has(xrows) && table && <p class="hint">{t("crossTab.drillHint")}</p>}
      {cells.status === "impossible" && <p class="notice">{t("crossTab.impossible")}</p>}
      {failed?.status === "error" && <Problem error={failed.error} onRetry={failed.retry} />}
    </ChartFrame>
  );
}

/** A dimension's values in the order people read them (by name), as the server answered them. */
function valuesOf(result: IndicatorResult, dimension: string): string[] {
  const ids = [...new Set(result.rows.map((r) => r.dimensions[dimension] ?? ""))];
  const label = (v: string) => result.labels[dimension]?.[v] ?? v;
  return ids.sort((a, b) => label(a).localeCompare(label(b)));
}
