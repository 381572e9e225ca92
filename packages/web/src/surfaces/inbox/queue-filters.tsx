import type { Scope } from "@openclm/contracts";
import { reportChannels, reporterModes } from "@openclm/contracts/constants";
import { useId } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { TaxonomySelects } from "../../shared/taxonomy-selects.js";
import { FacilityFilter } from "./facility-filter.js";
import { areasInScope, type InboxFilters } from "./inbox-filters.js";
import { useLabels } from "./use-labels.js";

/**
 * Category, topic, area, facility, assignee, "show only", channel, reporter mode, dates, sort and overdue: each change
 * updates the URL and the queue.
 */
export function QueueFilters(props: {
  filters: InboxFilters;
  onChange(next: Partial<InboxFilters>): void;
  scope: Scope;
}) {
  const t = useT("inbox");
  const id = useId();
  const labels = useLabels();
  const f = props.filters;
  const districts = areasInScope(labels.areas, props.scope);
  const active = [
    f.categoryCode,
    f.areaId,
    f.facilityId,
    f.assignee !== "all",
    f.overdue,
    f.channel,
    f.reporterMode,
    f.flag,
    f.from,
    f.to,
  ].filter(Boolean).length;
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;

  return (
    <details class="queue-filters">
      <summary>{active ? t("filters.titleActive", { count: active }) : t("filters.title")}</summary>
      <div class="queue-filters__grid">
        <TaxonomySelects
          id={id}
          taxonomy={labels.taxonomy}
          category={f.categoryCode}
          subcategory={f.subcategoryCode}
          onChange={(next) =>
            props.onChange({
              ...(next.category !== undefined ? { categoryCode: next.category } : {}),
              ...(next.subcategory !== undefined ? { subcategoryCode: next.subcategory } : {}),
            })
          }
          labels={{ category: t("filters.category"), subcategory: t("filters.subcategory"), any: t("filters.any") }}
        />
        <div class="field">
          <label for={`${id}-area`}>{t("filters.area")}</label>
          <select
            id={`${id}-area`}
            value={f.areaId}
            // A facility chosen in another area would match nothing here.
            onChange={(e) => props.onChange({ areaId: value(e), facilityId: "" })}
          >
            <option value="">{t("filters.any")}</option>
            {districts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.isLeaf ? `— ${a.name}` : a.name}
              </option>
            ))}
          </select>
        </div>
        <FacilityFilter
          id={id}
          areaId={f.areaId}
          scope={props.scope}
          value={f.facilityId}
          onChange={(facilityId) => props.onChange({ facilityId })}
        />
        <div class="field">
          <label for={`${id}-who`}>{t("filters.assignee")}</label>
          <select
            id={`${id}-who`}
            value={f.assignee}
            onChange={(e) => props.onChange({ assignee: value(e) as InboxFilters["assignee"] })}
          >
            <option value="all">{t("filters.assigneeAll")}</option>
            <option value="me">{t("filters.assigneeMe")}</option>
            <option value="none">{t("filters.assigneeNone")}</option>
            <option value="team">{t("filters.assigneeTeam")}</option>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-flag`}>{t("filters.flags")}</label>
          <select
            id={`${id}-flag`}
            value={f.flag}
            onChange={(e) => props.onChange({ flag: value(e) as InboxFilters["flag"] })}
          >
            <option value="">{t("filters.any")}</option>
            <option value="replied">{t("filters.replied")}</option>
            <option value="reopened">{t("filters.reopened")}</option>
            <option value="duplicate">{t("filters.duplicate")}</option>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-channel`}>{t("filters.channel")}</label>
          <select id={`${id}-channel`} value={f.channel} onChange={(e) => props.onChange({ channel: value(e) })}>
            <option value="">{t("filters.any")}</option>
            {reportChannels.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-mode`}>{t("filters.reporterMode")}</label>
          <select
            id={`${id}-mode`}
            value={f.reporterMode}
            onChange={(e) => props.onChange({ reporterMode: value(e) as InboxFilters["reporterMode"] })}
          >
            <option value="">{t("filters.any")}</option>
            {reporterModes.map((m) => (
              <option key={m} value={m}>
                {t(`reporterMode.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-from`}>{t("filters.from")}</label>
          <input id={`${id}-from`} type="date" value={f.from} onChange={(e) => props.onChange({ from: value(e) })} />
        </div>
        <div class="field">
          <label for={`${id}-to`}>{t("filters.to")}</label>
          <input id={`${id}-to`} type="date" value={f.to} onChange={(e) => props.onChange({ to: value(e) })} />
        </div>
        <div class="field">
          <label for={`${id}-sort`}>{t("filters.sort")}</label>
          <select
            id={`${id}-sort`}
            value={f.sort}
            onChange={(e) => props.onChange({ sort: value(e) === "oldest" ? "oldest" : "newest" })}
          >
            <option value="newest">{t("filters.newest")}</option>
            <option value="oldest">{t("filters.oldest")}</option>
          </select>
        </div>
        <div class="check">
          <input
            id={`${id}-late`}
            type="checkbox"
            checked={f.overdue}
            onChange={(e) => props.onChange({ overdue: e.currentTarget.checked })}
          />
          <label for={`${id}-late`}>{t("filters.overdue")}</label>
        </div>
      </div>
    </details>
  );
}
