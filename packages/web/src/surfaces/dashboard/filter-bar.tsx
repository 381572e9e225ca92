import { reportChannels, reporterModes } from "@openclm/contracts/constants";
import { useId } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { TaxonomySelects } from "../../shared/taxonomy-selects.js";
import { useSession } from "../staff/session-store.js";
import {
  defaults,
  isRunning,
  keyOfPeriod,
  litPick,
  litPublicPick,
  periodOfKey,
  publicPeriodChoices,
  publicPicks,
  publicQuickPeriod,
  quickPeriod,
  quickPicks,
} from "./dashboard-filters.js";
import { periodLabel } from "./format.js";
import { useDashboard } from "./use-indicators.js";

type AreaOption = NonNullable<ReturnType<typeof useConfig>["config"]>["areas"][number];

/**
 * Areas in tree order (each region followed by its districts) for the area select, limited to the reader's scope, and
 * the name of the whole scope for the empty choice: a region's data manager reads their region, not "Whole country".
 */
export function useAreaOptions(): { areas: AreaOption[]; allLabel: string } {
  const t = useT("dashboard");
  const { config } = useConfig();
  const session = useSession();
  const view = useDashboard();
  const areas = config?.areas ?? [];
  const scope = view.source === "staff" && session.status === "signed-in" ? session.me.scope : null;
  const roots =
    scope && scope.type !== "country" ? new Set(scope.type === "areas" ? scope.areaIds : scope.districtIds) : null;
  const ordered: AreaOption[] = [];
  const addChildren = (parentId: string | null, inScope: boolean) => {
    for (const a of areas.filter((x) => x.parentId === parentId)) {
      const within = inScope || !roots || roots.has(a.id);
      if (a.level > 0 && within) ordered.push(a);
      addChildren(a.id, within);
    }
  };
  addChildren(null, false);
  if (!roots) return { areas: ordered, allLabel: t("filters.allAreas") };
  const names = areas.filter((a) => roots.has(a.id)).map((a) => a.name);
  const allLabel =
    scope?.type === "facilities"
      ? t("filters.allFacilities")
      : t("filters.allOfScope", { areas: new Intl.ListFormat(view.contentLang).format(names) });
  return { areas: ordered, allLabel };
}

/** The name of the area the figures are for: the chosen area, else the reader's whole scope. */
export function useAreaName(): string {
  const { areas, allLabel } = useAreaOptions();
  const areaId = useDashboard().filters.areaId;
  return areas.find((a) => a.id === areaId)?.name ?? allLabel;
}

const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;

/**
 * Period (dates and quick picks), place, topic, reporter mode and channel. Every change goes into the URL, which
 * is what the panels read, so the address always reproduces the view.
 */
export function FilterBar() {
  const t = useT("dashboard");
  const id = useId();
  const view = useDashboard();
  const { config } = useConfig();
  const { areas, allLabel } = useAreaOptions();
  const f = view.filters;
  const today = new Date();
  const setPeriod = (from: string, to: string) =>
    from && to && view.set(from <= to ? { from, to, pick: "" } : { from: to, to: from, pick: "" });
  const lit = litPick(view.period, f.pick, today);

  return (
    <section class="dash-filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="visually-hidden">
        {t("filters.title")}
      </h2>
      {view.source === "public" ? (
        <PublicPeriod />
      ) : (
        <fieldset class="dash-period">
          <legend>{t("filters.period")}</legend>
          <div class="dash-period__dates">
            <div class="field">
              <label for={`${id}-from`}>{t("filters.from")}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={view.period.from}
                max={view.period.to}
                onChange={(e) => setPeriod(value(e), view.period.to)}
              />
            </div>
            <div class="field">
              <label for={`${id}-to`}>{t("filters.to")}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={view.period.to}
                min={view.period.from}
                onChange={(e) => setPeriod(view.period.from, value(e))}
              />
            </div>
          </div>
          <fieldset class="dash-quick">
            <legend class="visually-hidden">{t("filters.quickPicks")}</legend>
            {quickPicks.map((pick) => {
              const p = quickPeriod(pick, today);
              return (
                <button
                  key={pick}
                  type="button"
                  class="chip"
                  aria-pressed={pick === lit}
                  onClick={() => view.set({ ...p, pick })}
                >
                  {t(`filters.${pick}`)}
                </button>
              );
            })}
          </fieldset>
        </fieldset>
      )}
      <div class="dash-filters__grid">
        <div class="field">
          <label for={`${id}-area`}>{t("filters.area")}</label>
          <select id={`${id}-area`} value={f.areaId} onChange={(e) => view.set({ areaId: value(e) })}>
            <option value="">{allLabel}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.isLeaf && a.level > 1 ? `— ${a.name}` : a.name}
              </option>
            ))}
          </select>
        </div>
        <TaxonomySelects
          id={id}
          taxonomy={config?.taxonomy ?? []}
          category={f.category}
          subcategory={f.subcategory}
          onChange={(next) => view.set(next)}
          labels={{ category: t("filters.category"), subcategory: t("filters.subcategory"), any: t("filters.any") }}
        />
        <div class="field">
          <label for={`${id}-mode`}>{t("filters.reporterMode")}</label>
          <select id={`${id}-mode`} value={f.reporterMode} onChange={(e) => view.set({ reporterMode: value(e) })}>
            <option value="">{t("filters.any")}</option>
            {reporterModes.map((m) => (
              <option key={m} value={m}>
                {t(`values.reporter_mode.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-channel`}>{t("filters.channel")}</label>
          <select id={`${id}-channel`} value={f.channel} onChange={(e) => view.set({ channel: value(e) })}>
            <option value="">{t("filters.any")}</option>
            {reportChannels.map((c) => (
              <option key={c} value={c}>
                {t(`values.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="dash-filters__foot">
        <p class="hint">{t("filters.shareHint")}</p>
        <button
          type="button"
          class="button button--link"
          onClick={() =>
            view.set({
              from: "",
              to: "",
              areaId: "",
              category: "",
              subcategory: "",
              reporterMode: "",
              channel: "",
              pick: "",
              ...defaults,
            })
          }
        >
          {t("filters.reset")}
        </button>
      </div>
    </section>
  );
}

/**
 * The public view's period: one calendar month, quarter or year (what the public API publishes), from a list or a
 * quick pick. A period still running is said to be so: its figures will grow.
 */
function PublicPeriod() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const id = useId();
  const view = useDashboard();
  const today = new Date();
  const choices = publicPeriodChoices(today);
  const current = keyOfPeriod(view.period) ?? "";
  // A period from an old link that the list does not offer is still shown as chosen.
  const group = current.length === 4 ? choices.years : current.includes("Q") ? choices.quarters : choices.months;
  if (current && !group.includes(current)) group.push(current);
  const lit = litPublicPick(view.period, view.filters.pick, today);
  const option = (key: string) => (
    <option key={key} value={key}>
      {key.length === 4 ? key : periodLabel(t, lng, key)}
    </option>
  );
  return (
    <fieldset class="dash-period">
      <legend>{t("filters.period")}</legend>
      <div class="field">
        <label for={`${id}-period`}>{t("filters.calendarPeriod")}</label>
        <select
          id={`${id}-period`}
          value={current}
          onChange={(e) => {
            const p = periodOfKey(value(e));
            if (p) view.set({ ...p, pick: "" });
          }}
        >
          <optgroup label={t("filters.years")}>{choices.years.map(option)}</optgroup>
          <optgroup label={t("filters.quarters")}>{choices.quarters.map(option)}</optgroup>
          <optgroup label={t("filters.months")}>{choices.months.map(option)}</optgroup>
        </select>
      </div>
      <fieldset class="dash-quick">
        <legend class="visually-hidden">{t("filters.quickPicks")}</legend>
        {publicPicks.map((pick) => (
          <button
            key={pick}
            type="button"
            class="chip"
            aria-pressed={pick === lit}
            onClick={() => view.set({ ...publicQuickPeriod(pick, today), pick })}
          >
            {t(`filters.${pick}`)}
          </button>
        ))}
      </fieldset>
      <p class="hint">
        {isRunning(view.period, today) ? `${t("filters.runningPeriod")} ` : ""}
        {t("filters.calendarOnly")}
      </p>
    </fieldset>
  );
}
