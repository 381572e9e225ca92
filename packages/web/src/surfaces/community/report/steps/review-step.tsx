import type { ComponentChildren } from "preact";
import { useT } from "../../../../i18n/use-t.js";
import { activeSteps, type StepId } from "../draft.js";
import { areaName, findCategory, findSubcategory } from "../taxonomy.js";
import type { StepProps } from "./step-props.js";

function Row(props: { label: string; step: StepId; onEdit(step: StepId): void; children: ComponentChildren }) {
  const t = useT("app");
  return (
    <div class="review__row">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
      <dd class="review__edit">
        <button type="button" class="link-button" onClick={() => props.onEdit(props.step)}>
          {t("report.change")}
          <span class="visually-hidden">: {props.label}</span>
        </button>
      </dd>
    </div>
  );
}

/** Everything the person entered, each with a way back to change it. */
export function ReviewStep(props: StepProps & { onEdit(step: StepId): void }) {
  const t = useT("app");
  const { draft, config, onEdit } = props;
  const category = findCategory(config, draft.categoryCode);
  const sub = findSubcategory(config, draft.subcategoryCode);
  const challenges = (sub?.challengeTypes ?? []).filter((c) => draft.challengeTypes.includes(c.code));
  const none = t("report.review.none");
  const preferNot = t("report.steps.about.preferNot");
  const place = draft.position
    ? t("report.review.myLocation")
    : [areaName(config, draft.districtId), draft.facilityName].filter(Boolean).join(" · ");
  const consents = (["contactMe", "shareDeidentified", "useInAdvocacyStories"] as const).filter(
    (p) => draft.consent[p],
  );
  const other = draft.reporterMode === "on_behalf" ? "other" : "self";
  return (
    <>
      <p class="hint">{t("report.review.intro")}</p>
      <dl class="review">
        {draft.reporterMode === "on_behalf" && (
          <Row label={t("report.review.mode")} step="consent" onEdit={onEdit}>
            {t("report.mode.onBehalf")}
          </Row>
        )}
        <Row label={t("report.review.category")} step="category" onEdit={onEdit}>
          {category?.label ?? none}
        </Row>
        <Row label={t("report.review.subcategory")} step="subcategory" onEdit={onEdit}>
          {sub?.label ?? none}
        </Row>
        <Row label={t("report.review.challenges")} step="challenges" onEdit={onEdit}>
          {challenges.length ? challenges.map((c) => c.label).join(", ") : none}
        </Row>
        <Row label={t("report.review.place")} step="place" onEdit={onEdit}>
          {place || none}
        </Row>
        {config.questions.occurredOn && (
          <Row label={t("report.review.date")} step="story" onEdit={onEdit}>
            {draft.occurredOn}
          </Row>
        )}
        <Row label={t("report.review.description")} step="story" onEdit={onEdit}>
          <span class="review__text">{draft.description.trim() || none}</span>
        </Row>
        {activeSteps(draft, config.questions).includes("about") && (
          <Row label={t("report.review.about")} step="about" onEdit={onEdit}>
            {[
              draft.gender && (draft.gender === "undisclosed" ? preferNot : t(`report.genders.${draft.gender}`)),
              draft.ageGroup &&
                (draft.ageGroup === "undisclosed" ? preferNot : t(`report.ageGroups.${draft.ageGroup}`)),
              ...(draft.keyPopulationsUndisclosed
                ? [preferNot]
                : draft.keyPopulations.map((k) => config.keyPopulations.find((kp) => kp.code === k)?.label ?? k)),
            ]
              .filter(Boolean)
              .join(", ") || none}
          </Row>
        )}
        <Row label={t("report.review.consent")} step="consent" onEdit={onEdit}>
          {consents.length ? (
            <ul class="review__list">
              {consents.map((p) => (
                <li key={p}>{t(`report.consent.${p}.${other}`)}</li>
              ))}
            </ul>
          ) : (
            t("report.review.noConsent")
          )}
        </Row>
        {draft.consent.contactMe && (
          <Row label={t("report.review.phone")} step="contact" onEdit={onEdit}>
            {draft.phone.trim() || none}
          </Row>
        )}
      </dl>
    </>
  );
}
