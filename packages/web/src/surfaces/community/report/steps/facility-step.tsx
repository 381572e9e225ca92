import { useLanguage, useT } from "../../../../i18n/use-t.js";
import { useFacilities } from "../../near-me/use-facilities.js";
import { ChoiceList } from "../choice-list.js";
import type { StepProps } from "./step-props.js";

const NONE = "";

/**
 * Optional: the clinic or service where it happened, among those of the chosen district. Its own step, so nobody
 * misses it: naming the place is what lets a facility be held to account.
 */
export function FacilityStep({ draft, update, titleId }: StepProps) {
  const t = useT("app");
  const lng = useLanguage();
  const facilities = useFacilities(draft.districtId ?? undefined, undefined, lng, 0);
  // Offline, the place chosen before still shows (its name is kept in the draft).
  const items =
    facilities.items ??
    (draft.facilityId && draft.facilityName ? [{ id: draft.facilityId, name: draft.facilityName }] : []);
  return (
    <>
      <p class="hint">{t("report.steps.facility.hint")}</p>
      {facilities.loading && !facilities.items && <p role="status">{t("report.steps.facility.loading")}</p>}
      {facilities.error && <p class="hint">{t("report.steps.facility.offline")}</p>}
      <ChoiceList
        name="facility"
        labelledBy={titleId}
        choices={[
          ...items.map((f) => ({ value: f.id, label: f.name })),
          { value: NONE, label: t("report.steps.facility.none") },
        ]}
        selected={draft.facilityId ? [draft.facilityId] : draft.facilityName === NONE ? [NONE] : []}
        onChange={([id]) => {
          const facilityId = id || null;
          update({ facilityId, facilityName: items.find((f) => f.id === facilityId)?.name ?? NONE });
        }}
      />
    </>
  );
}
