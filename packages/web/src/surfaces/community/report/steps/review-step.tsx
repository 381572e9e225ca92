import type { TFunction } from "i18next";
import type { ComponentChildren } from "preact";
import { useLanguage, useT } from "../../../../i18n/use-t.js";
import { formatDay } from "../../my-reports/format-date.js";
import { CONSENT_PURPOSES } from "../consent-purposes.js";
import { type Draft, isAsked, type StepId } from "../draft.js";
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

/** The date as the person answered it, in their language. */
function when(draft: Draft, t: TFunction<"app">, lng: string): string {
  if (draft.occurredWhen === "unknown") return t("report.steps.when.unknown");
  return draft.occurredOn ? formatDay(draft.occurredOn, lng) : t("report.review.none");
}

/** "About the person": the asked answers among gender, age group and key populations, in the reader's language. */
function about(draft: Draft, config: StepProps["config"], t: TFunction<"app">): string {
  const asked = config.questions;
  const preferNot = t("report.preferNot");
  const keyPopulationName = (code: string) =>
    [...config.keyPopulations, ...config.retired].find((k) => k.code === code)?.label ?? code;
  return [
    asked.gender && draft.gender && (draft.gender === "undisclosed" ? preferNot : t(`report.genders.${draft.gender}`)),
    asked.ageGroup &&
      draft.ageGroup &&
      (draft.ageGroup === "undisclosed" ? preferNot : t(`report.ageGroups.${draft.ageGroup}`)),
    ...(!asked.keyPopulations
      ? []
      : draft.keyPopulationsUndisclosed
        ? [preferNot]
        : draft.keyPopulations.map(keyPopulationName)),
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * Each purpose, allowed or not, in words that say what it means (docs/consent.md): the report is acted on and
 * counted by the team whatever is ticked.
 */
function ConsentSummary({ draft }: { draft: Draft }) {
  const t = useT("app");
  const other = draft.reporterMode === "on_behalf" ? "other" : "self";
  return (
    <>
      <ul class="review__list">
        {CONSENT_PURPOSES.map((p) => (
          <li key={p}>
            {draft.consent[p]
              ? t(`report.consent.${p}.${other}`)
              : t(`report.review.without.${p === "contactMe" && other === "other" ? "contactMeOther" : p}`)}
          </li>
        ))}
      </ul>
      <p class="hint">{t("report.review.alwaysActed")}</p>
    </>
  );
}

/** Everything the person entered, each with a way back to change it. */
export function ReviewStep(props: StepProps & { onEdit(step: StepId): void }) {
  const t = useT("app");
  const lng = useLanguage();
  const { draft, config, onEdit } = props;
  const category = findCategory(config, draft.categoryCode);
  const sub = findSubcategory(config, draft.subcategoryCode);
  const challenges = (sub?.challengeTypes ?? []).filter((c) => draft.challengeTypes.includes(c.code));
  const none = t("report.review.none");
  const asked = (step: StepId) => isAsked(step, config.questions);
  // The "about the person" row leads back to its first asked step, and is left out when none is asked.
  const aboutStep = (["gender", "age", "keyPopulations"] as const).find(asked);
  const place = draft.position ? t("report.review.myLocation") : areaName(config, draft.districtId);
  return (
    <>
      <p class="hint">{t("report.review.intro")}</p>
      <dl class="review">
        {draft.reporterMode === "on_behalf" && (
          <Row label={t("report.review.mode")} step="consent" onEdit={onEdit}>
            {t("report.mode.onBehalf")}
            {draft.assistantKind && ` · ${t(`assist.kind.${draft.assistantKind}`)}`}
            {draft.consentMethod && ` · ${t(`assist.method.${draft.consentMethod}`)}`}
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
        {!draft.position && asked("facility") && (
          <Row label={t("report.review.facility")} step="facility" onEdit={onEdit}>
            {draft.facilityName || none}
          </Row>
        )}
        {asked("when") && (
          <Row label={t("report.review.date")} step="when" onEdit={onEdit}>
            {when(draft, t, lng)}
          </Row>
        )}
        <Row label={t("report.review.description")} step="story" onEdit={onEdit}>
          <span class="review__text">{draft.description.trim() || none}</span>
        </Row>
        {aboutStep && (
          <Row label={t("report.review.about")} step={aboutStep} onEdit={onEdit}>
            {about(draft, config, t) || none}
          </Row>
        )}
        <Row label={t("report.review.consent")} step="consent" onEdit={onEdit}>
          <ConsentSummary draft={draft} />
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
