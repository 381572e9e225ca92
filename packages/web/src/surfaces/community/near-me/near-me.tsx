import type { Facility, FacilityType } from "@openclm/contracts";
import { isOpenAt } from "@openclm/contracts/constants";
import { useId, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useConfig } from "../../../api/public-config.js";
import { contentLanguageFor } from "../../../i18n/i18n.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { districtLevel } from "../../../map/boundaries.js";
import { facilityTypes } from "../../../shared/domain-lists.js";
import { Problem } from "../../../shared/problem.js";
import { SubPage } from "../sub-page.js";
import { groupAreas } from "./area-options.js";
import { byDistance } from "./distance.js";
import { FacilityCard } from "./facility-card.js";
import { FacilityMapLoader, ViewToggle } from "./facility-map-loader.js";
import { serviceLabel } from "./services.js";
import { useFacilities } from "./use-facilities.js";
import { type PositionState, usePosition } from "./use-position.js";

function isFacilityType(value: string | undefined): value is FacilityType {
  return !!value && (facilityTypes as readonly string[]).includes(value);
}

interface Shown {
  item: Facility;
  metres?: number;
}

/** Service and "open now" filters, then nearest first when the position is known (all on the phone). */
function applyFilters(
  items: Facility[] | null,
  opts: { service?: string; openNow: boolean; timeZone: string; position?: { lat: number; lng: number } },
): Shown[] | null {
  if (!items) return null;
  let kept = opts.service ? items.filter((f) => f.services.includes(opts.service as string)) : items;
  if (opts.openNow) {
    const now = new Date();
    kept = kept.filter((f) => isOpenAt(f.openingHours, now, opts.timeZone));
  }
  return opts.position ? byDistance(kept, opts.position) : kept.map((item) => ({ item }));
}

function LocationNotice(props: { state: PositionState }) {
  const t = useT("app");
  const { status } = props.state;
  const text =
    status === "on"
      ? t("nearMe.locationOn")
      : status === "denied"
        ? t("nearMe.locationDenied")
        : status === "unavailable"
          ? t("nearMe.locationUnavailable")
          : status === "locating"
            ? t("nearMe.locating")
            : t("nearMe.locationNote");
  return (
    <p class={`locate__note${status === "denied" || status === "unavailable" ? " locate__note--problem" : ""}`}>
      {text}
    </p>
  );
}

/**
 * Get access / Near me. Filters live in the URL (?area=…&type=…&service=…&open=1&view=map) so they survive a reload
 * and work offline from the service worker's cache. The list is the default view; the map (loaded only when chosen)
 * shows the whole country's places until an area is chosen. The person's position, when they ask for it, lives only in memory: the
 * whole country's list is fetched (no position in the request) and sorted by distance here.
 */
export function NearMe() {
  const t = useT("app");
  const tc = useT("common");
  const lng = useLanguage();
  const locale = contentLanguageFor(lng);
  const { config, error: configError, retry: retryConfig } = useConfig();
  const { path, query, route } = useLocation();
  const [attempt, setAttempt] = useState(0);
  const areaSelectId = useId();
  const typeSelectId = useId();
  const serviceSelectId = useId();
  const openId = useId();
  const located = usePosition();
  const position = located.state.status === "on" ? located.state.position : undefined;

  const groups = useMemo(() => groupAreas(config?.areas ?? [], locale), [config, locale]);
  const areaId = config?.areas.some((a) => a.id === query.area) ? query.area : undefined;
  const type = isFacilityType(query.type) ? query.type : undefined;
  const service = query.service || undefined;
  const openNow = query.open === "1";
  const mapView = query.view === "map";
  const facilities = useFacilities(position || (mapView && !areaId) ? "all" : areaId, type, lng, attempt);

  const services = useMemo(() => {
    const codes = new Set((facilities.items ?? []).flatMap((f) => f.services));
    if (service) codes.add(service);
    const collator = new Intl.Collator(locale);
    return [...codes]
      .map((code) => ({ code, label: serviceLabel(t, code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [facilities.items, service, t, locale]);
  const shown = useMemo(
    () => applyFilters(facilities.items, { service, openNow, timeZone: config?.timeZone ?? "UTC", position }),
    [facilities.items, service, openNow, config, position],
  );

  const setQuery = (next: { area?: string; type?: string; service?: string; open?: string; view?: string }) => {
    const current = { area: areaId, type, service, open: openNow ? "1" : undefined, view: mapView ? "map" : undefined };
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...current, ...next })) if (v) params.set(k, v);
    const qs = params.toString();
    route(`${path}${qs ? `?${qs}` : ""}`, true);
  };

  const chosen = !!position || !!areaId || mapView;
  return (
    <SubPage title={t("sections.access.title")}>
      <p class="lead">{t("nearMe.intro")}</p>
      {configError && !config && <Problem error={configError} onRetry={retryConfig} />}
      <div class="locate">
        {position ? (
          <button type="button" class="button button--secondary" onClick={located.forget}>
            {t("nearMe.stopLocation")}
          </button>
        ) : (
          <button
            type="button"
            class="button"
            onClick={located.locate}
            disabled={located.state.status === "locating"}
            aria-busy={located.state.status === "locating"}
          >
            {t("nearMe.useLocation")}
          </button>
        )}
        <LocationNotice state={located.state} />
      </div>
      <form class="filters" aria-label={t("nearMe.filters")} onSubmit={(e) => e.preventDefault()}>
        {!position && (
          <div class="field">
            <label for={areaSelectId}>{t("nearMe.area")}</label>
            <select
              id={areaSelectId}
              value={areaId ?? ""}
              disabled={!config}
              onChange={(e) => setQuery({ area: e.currentTarget.value || undefined })}
            >
              <option value="">{t("nearMe.chooseArea")}</option>
              {groups.map((g) => (
                <optgroup key={g.parent.id} label={g.label}>
                  <option value={g.parent.id}>{t("nearMe.allOf", { name: g.parent.name })}</option>
                  {g.districts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for={typeSelectId}>{t("nearMe.type")}</label>
          <select
            id={typeSelectId}
            value={type ?? ""}
            onChange={(e) => setQuery({ type: e.currentTarget.value || undefined })}
          >
            <option value="">{t("nearMe.allTypes")}</option>
            {facilityTypes.map((ft) => (
              <option key={ft} value={ft}>
                {t(`nearMe.types.${ft}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={serviceSelectId}>{t("nearMe.service")}</label>
          <select
            id={serviceSelectId}
            value={service ?? ""}
            onChange={(e) => setQuery({ service: e.currentTarget.value || undefined })}
          >
            <option value="">{t("nearMe.allServices")}</option>
            {services.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <label class="open-now" for={openId}>
          <input
            id={openId}
            type="checkbox"
            checked={openNow}
            onChange={(e) => setQuery({ open: e.currentTarget.checked ? "1" : undefined })}
          />
          <span>{t("nearMe.openNow")}</span>
        </label>
      </form>

      <ViewToggle map={mapView} onChange={(map) => setQuery({ view: map ? "map" : undefined })} />
      <div class="results" aria-busy={facilities.loading}>
        <p class="results__status" role="status">
          {!chosen
            ? t("nearMe.pickFirst")
            : facilities.loading && !facilities.items
              ? tc("loading")
              : shown
                ? shown.length === 0
                  ? t("nearMe.empty")
                  : t("nearMe.results", { count: shown.length })
                : ""}
        </p>
        {facilities.error && <Problem error={facilities.error} onRetry={() => setAttempt((n) => n + 1)} />}
        {mapView && config && shown && (
          <FacilityMapLoader
            places={shown}
            position={position}
            locale={locale}
            level={districtLevel(config)}
            tiles={config.map}
            wholeCountry={!position && !areaId}
          />
        )}
        {!mapView && chosen && shown && shown.length > 0 && (
          <ul class="facility-list">
            {shown.map(({ item, metres }) => (
              <li key={item.id}>
                <FacilityCard facility={item} locale={locale} metres={metres} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </SubPage>
  );
}
