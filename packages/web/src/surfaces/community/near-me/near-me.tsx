import type { FacilityType } from "@openclm/contracts";
import { useId, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useConfig } from "../../../api/public-config.js";
import { contentLanguageFor } from "../../../i18n/i18n.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { facilityTypes } from "../../../shared/domain-lists.js";
import { Problem } from "../../../shared/problem.js";
import { SubPage } from "../sub-page.js";
import { groupAreas } from "./area-options.js";
import { FacilityCard } from "./facility-card.js";
import { useFacilities } from "./use-facilities.js";

function isFacilityType(value: string | undefined): value is FacilityType {
  return !!value && (facilityTypes as readonly string[]).includes(value);
}

/**
 * Get access / Near me: services in a chosen area. The choice lives in the URL (?area=…&type=…) so it survives a
 * reload and works offline from the service worker's cache; it is not stored anywhere else.
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

  const groups = useMemo(() => groupAreas(config?.areas ?? [], locale), [config, locale]);
  const areaId = config?.areas.some((a) => a.id === query.area) ? query.area : undefined;
  const type = isFacilityType(query.type) ? query.type : undefined;
  const facilities = useFacilities(areaId, type, lng, attempt);

  const setQuery = (next: { area?: string; type?: string }) => {
    const params = new URLSearchParams();
    const area = "area" in next ? next.area : areaId;
    const kind = "type" in next ? next.type : type;
    if (area) params.set("area", area);
    if (kind) params.set("type", kind);
    const qs = params.toString();
    route(`${path}${qs ? `?${qs}` : ""}`, true);
  };

  return (
    <SubPage title={t("sections.access.title")}>
      <p class="lead">{t("nearMe.intro")}</p>
      {configError && !config && <Problem error={configError} onRetry={retryConfig} />}
      <form class="filters" aria-label={t("nearMe.filters")} onSubmit={(e) => e.preventDefault()}>
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
      </form>

      <div class="results" aria-busy={facilities.loading}>
        <p class="results__status" role="status">
          {!areaId
            ? t("nearMe.pickFirst")
            : facilities.loading && !facilities.items
              ? tc("loading")
              : facilities.items
                ? facilities.items.length === 0
                  ? t("nearMe.empty")
                  : t("nearMe.results", { count: facilities.items.length })
                : ""}
        </p>
        {facilities.error && <Problem error={facilities.error} onRetry={() => setAttempt((n) => n + 1)} />}
        {facilities.items && facilities.items.length > 0 && (
          <ul class="facility-list">
            {facilities.items.map((f) => (
              <li key={f.id}>
                <FacilityCard facility={f} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </SubPage>
  );
}
