import type { ReportStatus } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { reportStatuses } from "./inbox-lists.js";

/** Toggle buttons per status, with how many reports each has under the other filters. */
export function StatusChips(props: {
  selected: ReportStatus[];
  counts: Record<string, number>;
  onChange(next: ReportStatus[]): void;
}) {
  const t = useT("inbox");
  const toggle = (s: ReportStatus) =>
    props.onChange(props.selected.includes(s) ? props.selected.filter((x) => x !== s) : [...props.selected, s]);
  return (
    <fieldset class="chips">
      <legend class="visually-hidden">{t("filters.status")}</legend>
      <button type="button" class="chip" aria-pressed={props.selected.length === 0} onClick={() => props.onChange([])}>
        {t("filters.allStatuses")}
      </button>
      {reportStatuses.map((s) => (
        <button key={s} type="button" class="chip" aria-pressed={props.selected.includes(s)} onClick={() => toggle(s)}>
          {t(`status.${s}`)} <span class="chip__count">{props.counts[s] ?? 0}</span>
        </button>
      ))}
    </fieldset>
  );
}
