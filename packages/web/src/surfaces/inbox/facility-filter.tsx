import type { Facility, Scope } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { callApi, isAbort } from "../../api/client.js";
import { contentLanguageFor } from "../../i18n/i18n.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { facilitiesInScope, facilitiesMatching } from "./inbox-filters.js";

/** Past this many choices the list gets a search box: a district can hold dozens of facilities. */
const SEARCH_FROM = 12;

/**
 * The facilities of the chosen area, or of the whole scope when none is chosen; fetched from the public list (names in
 * the UI language) and cut to the member's scope. Empty while loading or when the list cannot be read.
 */
function useFacilityChoices(areaId: string, scope: Scope): { items: Facility[]; loading: boolean } {
  const lng = useLanguage();
  const [state, setState] = useState<{ items: Facility[]; loading: boolean }>({ items: [], loading: true });
  // A member scoped to one area lists its facilities only, not the country's.
  const listArea = areaId || (scope.type === "areas" && scope.areaIds.length === 1 ? scope.areaIds[0] : undefined);
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    callApi(
      "GET /facilities",
      { query: { areaId: listArea, lang: contentLanguageFor(lng) } },
      { signal: ctrl.signal },
    ).then(
      (res) => setState({ items: res.items, loading: false }),
      (err: unknown) => {
        if (!isAbort(err)) setState({ items: [], loading: false });
      },
    );
    return () => ctrl.abort();
  }, [listArea, lng]);
  return { items: facilitiesInScope(state.items, scope), loading: state.loading };
}

/** Facility: a select of the facilities in scope (and in the chosen area), with a search box when the list is long. */
export function FacilityFilter(props: {
  id: string;
  areaId: string;
  scope: Scope;
  value: string;
  onChange(id: string): void;
}) {
  const t = useT("inbox");
  const { items, loading } = useFacilityChoices(props.areaId, props.scope);
  const [typed, setTyped] = useState("");
  const shown = facilitiesMatching(items, typed, props.value);
  const searchable = items.length > SEARCH_FROM;
  return (
    <div class="field facility-filter">
      <label for={`${props.id}-facility`}>{t("filters.facility")}</label>
      {searchable && (
        <input
          id={`${props.id}-facility-find`}
          type="search"
          class="facility-filter__find"
          value={typed}
          placeholder={t("filters.facilityFind")}
          aria-label={t("filters.facilityFind")}
          aria-describedby={`${props.id}-facility-count`}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
      )}
      <select
        id={`${props.id}-facility`}
        value={props.value}
        aria-busy={loading}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t("filters.allFacilities")}</option>
        {shown.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      {searchable && (
        <p class="hint" id={`${props.id}-facility-count`} aria-live="polite">
          {t("filters.facilityCount", { count: shown.length })}
        </p>
      )}
    </div>
  );
}
