import { reportChannels, reporterModes } from "@openclm/contracts/constants";
import { useId } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { TaxonomySelects } from "../../shared/taxonomy-selects.js";
import { defaults, quickPeriod, quickPicks } from "./dashboard-filters.js";
import { useDashboard } from "./use-indicators.js";

/** Areas in tree order (each region followed by its districts), for the area select. */
function useAreaOptions() {
  const { config } = useConfig();
  const areas = config?.areas ?? [];
  const ordered: typeof areas = [];
  const addChildren = (parentId: string | null) => {
    for (const a of areas.filter((x) => x.parentId === parentId)) {
      if (a.level > 0) ordered.push(a);
      addChildren(a.id);
    }
  };
  addChildren(null);
  return ordered;
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
  const areas = useAreaOptions();
  const f = view.filters;
  const today = new Date();
  const setPeriod = (from: string, to: string) =>
    from && to && view.set(from <= to ? { from, to } : { from: to, to: from });

  return (
    <section class="dash-filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="visually-hidden">
        {t("filters.title")}
      </h2>
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
            const current = p.from === view.period.from && p.to === view.period.to;
            return (
              <button key={pick} type="button" class="chip" aria-pressed={current} onClick={() => view.set(p)}>
                {t(`filters.${pick}`)}
              </button>
            );
          })}
        </fieldset>
      </fieldset>
      <div class="dash-filters__grid">
        <div class="field">
          <label for={`${id}-area`}>{t("filters.area")}</label>
          <select id={`${id}-area`} value={f.areaId} onChange={(e) => view.set({ areaId: value(e) })}>
            <option value="">{t("filters.allAreas")}</option>
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
