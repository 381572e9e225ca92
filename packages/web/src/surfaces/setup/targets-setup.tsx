import "./setup-dashboard.css";
import type { IndicatorMetric, Target } from "@openclm/contracts";
import { indicatorMetrics, timeDimensions } from "@openclm/contracts/constants";
import { useCallback, useId, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { useMe } from "../staff/session-store.js";
import { areasInScope } from "./area-tree.js";
import { targetsApi } from "./dashboard-setup-api.js";
import { useSetupList } from "./use-setup-list.js";

type PeriodType = (typeof timeDimensions)[number];

/**
 * The areas the member may set up (a region's administrator: their region and its districts only, as the server
 * allows), regions followed by their districts, indented by level; "" is the whole country.
 */
export function useAreaOptions(): { id: string; label: string }[] {
  const { config } = useConfig();
  const me = useMe();
  const areas = config?.areas ?? [];
  const held = new Set(areasInScope(areas, me.scope).map((a) => a.id));
  const out: { id: string; label: string }[] = [];
  const add = (parentId: string | null) => {
    for (const a of areas.filter((x) => x.parentId === parentId)) {
      if (a.level > 0 && held.has(a.id))
        out.push({ id: a.id, label: `${"\u00a0\u00a0".repeat(a.level - 1)}${a.name}` });
      add(a.id);
    }
  };
  add(null);
  return out;
}

/** "March 2026", "Q1 2026" or "2026", in the reader's language. */
export function usePeriodLabel(): (type: string, start: string) => string {
  const lang = useLanguage();
  const td = useT("dashboard");
  return (type, start) => {
    const [year, month] = start.split("-").map(Number) as [number, number];
    if (type === "year") return String(year);
    if (type === "quarter") return td("quarter", { q: Math.floor((month - 1) / 3) + 1, year });
    return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(year, month - 1, 1)),
    );
  };
}

/** Targets per indicator, period and area (country admin): the year's list, setting one and removing one. */
export function TargetsSetup() {
  const t = useT("setup");
  const td = useT("dashboard");
  const id = useId();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const list = useSetupList(useCallback(async () => (await targetsApi.listYear(year)).items, [year]));
  const items = list.items;
  const areas = useAreaOptions();
  const countryWide = useMe().scope.type === "country";
  const periodLabel = usePeriodLabel();
  const areaName = (areaId: string | null) =>
    areaId ? (areas.find((a) => a.id === areaId)?.label.trim() ?? "—") : t("targets.wholeCountry");

  const remove = (target: Target) => list.removeThen(() => targetsApi.remove(target.id), t("targets.deleted"));

  return (
    <section class="setup-section">
      <p>{t("targets.intro")}</p>
      <div class="field field--inline">
        <label for={`${id}-year`}>{t("targets.year")}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p role="status" class="status-line">
        {list.status}
      </p>
      <FormError error={list.error} />
      {items && items.length === 0 && <p class="muted">{t("targets.none", { year })}</p>}
      {items && items.length > 0 && (
        <div class="table-scroll">
          <table class="setup-table">
            <caption class="visually-hidden">{t("targets.caption", { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("targets.metric")}</th>
                <th scope="col">{t("targets.period")}</th>
                <th scope="col">{t("targets.area")}</th>
                <th scope="col" class="num">
                  {t("targets.value")}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t("targets.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{td(`metrics.${x.metric}`)}</th>
                  <td>{periodLabel(x.periodType, x.periodStart)}</td>
                  <td>{areaName(x.areaId)}</td>
                  <td class="num">{x.value}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--secondary"
                      aria-label={t("targets.deleteFor", {
                        metric: td(`metrics.${x.metric}`),
                        period: periodLabel(x.periodType, x.periodStart),
                        area: areaName(x.areaId),
                      })}
                      onClick={() => void remove(x)}
                    >
                      {t("targets.delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!countryWide && <p class="hint">{t("targets.regionOnly")}</p>}
      <TargetForm
        areas={areas}
        countryWide={countryWide}
        defaultYear={year}
        onSaved={async (saved) => {
          list.setStatus(
            t("targets.saved", {
              metric: td(`metrics.${saved.metric}`),
              period: periodLabel(saved.periodType, saved.periodStart),
            }),
          );
          const savedYear = Number(saved.periodStart.slice(0, 4));
          if (savedYear !== year) setYear(savedYear);
          else await list.reload();
        }}
      />
    </section>
  );
}

function TargetForm(props: {
  areas: { id: string; label: string }[];
  /** Whether a target for the whole country may be set: a country-wide scope only. */
  countryWide: boolean;
  defaultYear: number;
  onSaved(target: Target): void | Promise<void>;
}) {
  const t = useT("setup");
  const td = useT("dashboard");
  const lang = useLanguage();
  const id = useId();
  const [periodType, setPeriodType] = useState<PeriodType>("quarter");
  const [metric, setMetric] = useState<IndicatorMetric>("pct_resolved");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lang, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, m, 1)));
  const isPercent = metric.startsWith("pct_") || metric === "coverage_pct";

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const year = Number(data.get("year"));
    const month =
      periodType === "month"
        ? Number(data.get("month"))
        : periodType === "quarter"
          ? Number(data.get("quarter")) * 3 - 2
          : 1;
    setBusy(true);
    setError(null);
    try {
      const saved = await targetsApi.put({
        metric,
        periodType,
        periodStart: `${year}-${String(month).padStart(2, "0")}-01`,
        areaId: String(data.get("areaId") ?? "") || null,
        value: Number(data.get("value")),
      });
      await props.onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="staff-form panel setup-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("targets.formTitle")}</h2>
      <div class="field">
        <label for={`${id}-metric`}>{t("targets.metric")}</label>
        <select
          id={`${id}-metric`}
          value={metric}
          onChange={(e) => setMetric(e.currentTarget.value as IndicatorMetric)}
        >
          {indicatorMetrics.map((m) => (
            <option key={m} value={m}>
              {td(`metrics.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-type`}>{t("targets.periodType")}</label>
        <select
          id={`${id}-type`}
          value={periodType}
          onChange={(e) => setPeriodType(e.currentTarget.value as PeriodType)}
        >
          {timeDimensions.map((p) => (
            <option key={p} value={p}>
              {t(`targets.periodTypes.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="setup-form__row">
        <div class="field">
          <label for={`${id}-year`}>{t("targets.year")}</label>
          <input
            id={`${id}-year`}
            name="year"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            required
            key={props.defaultYear}
            defaultValue={String(props.defaultYear)}
          />
        </div>
        {periodType === "month" && (
          <div class="field">
            <label for={`${id}-month`}>{t("targets.month")}</label>
            <select id={`${id}-month`} name="month">
              {Array.from({ length: 12 }, (_, m) => (
                <option key={m} value={m + 1}>
                  {monthName(m)}
                </option>
              ))}
            </select>
          </div>
        )}
        {periodType === "quarter" && (
          <div class="field">
            <label for={`${id}-quarter`}>{t("targets.quarter")}</label>
            <select id={`${id}-quarter`} name="quarter">
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {td("quarter", { q, year: "" }).trim()}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div class="field">
        <label for={`${id}-area`}>{t("targets.area")}</label>
        <select id={`${id}-area`} name="areaId">
          {props.countryWide && <option value="">{t("targets.wholeCountry")}</option>}
          {props.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-value`}>{t("targets.value")}</label>
        {isPercent && (
          <p class="hint" id={`${id}-value-hint`}>
            {t("targets.percentHint")}
          </p>
        )}
        <input
          id={`${id}-value`}
          name="value"
          type="number"
          inputMode="decimal"
          min={0}
          max={isPercent ? 100 : undefined}
          step="any"
          required
          aria-describedby={isPercent ? `${id}-value-hint` : undefined}
        />
      </div>
      <FormError error={error} />
      <button type="submit" class="button" disabled={busy}>
        {t("targets.save")}
      </button>
    </form>
  );
}
