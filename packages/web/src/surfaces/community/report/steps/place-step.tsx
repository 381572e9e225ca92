import { useMemo } from "preact/hooks";
import { contentLanguageFor } from "../../../../i18n/i18n.js";
import { useLanguage, useT } from "../../../../i18n/use-t.js";
import { groupAreas } from "../../near-me/area-options.js";
import { ChoiceList } from "../choice-list.js";
import { useLocate } from "../use-geolocation.js";
import type { StepProps } from "./step-props.js";

/** Where: region, then district; or the device's position. The place in the district is the next step. */
export function PlaceStep({ draft, update, errors, config }: StepProps) {
  const t = useT("app");
  const lng = useLanguage();
  const groups = useMemo(() => groupAreas(config.areas, contentLanguageFor(lng)), [config, lng]);
  const group = groups.find((g) => g.parent.id === draft.regionId);
  const { state, locate } = useLocate((position) =>
    update({ position, regionId: null, districtId: null, facilityId: null, facilityName: null }),
  );
  const placeError = errors.place && t(`report.errors.${errors.place}`);

  if (draft.position) {
    return (
      <div class="notice notice--located" role="status">
        <p>{t("report.steps.place.located")}</p>
        <button type="button" class="button button--secondary" onClick={() => update({ position: null })}>
          {t("report.steps.place.chooseInstead")}
        </button>
      </div>
    );
  }

  return (
    <>
      <div class="locate">
        <button type="button" class="button button--secondary" onClick={locate} disabled={state === "locating"}>
          {t(state === "locating" ? "report.steps.place.locating" : "report.steps.place.useLocation")}
        </button>
        <p class="hint" role="status">
          {state === "failed" ? t("report.steps.place.locationFailed") : t("report.steps.place.locationHint")}
        </p>
      </div>
      <ChoiceList
        name="region"
        legend={t("report.steps.place.region")}
        error={!draft.regionId ? placeError : undefined}
        choices={groups.map((g) => ({ value: g.parent.id, label: g.label }))}
        selected={draft.regionId ? [draft.regionId] : []}
        onChange={([regionId]) => {
          if (regionId !== draft.regionId)
            update({ regionId: regionId ?? null, districtId: null, facilityId: null, facilityName: null });
        }}
      />
      {group && (
        <ChoiceList
          name="district"
          legend={t("report.steps.place.district", { region: group.label })}
          error={placeError}
          choices={group.districts.map((d) => ({ value: d.id, label: d.name }))}
          selected={draft.districtId ? [draft.districtId] : []}
          onChange={([districtId]) => {
            if (districtId !== draft.districtId)
              update({ districtId: districtId ?? null, facilityId: null, facilityName: null });
          }}
        />
      )}
    </>
  );
}
