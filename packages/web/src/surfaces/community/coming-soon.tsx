import { useRoute } from "preact-iso";
import { useT } from "../../i18n/use-t.js";
import { SectionIcon } from "./section-icon.js";
import { sectionBySlug } from "./sections.js";
import { SubPage } from "./sub-page.js";

/** Placeholder for sections that later releases fill in. */
export function ComingSoon() {
  const t = useT("app");
  const { path } = useRoute();
  const section = sectionBySlug(path.replace(/^\//, ""));
  if (!section) return null;
  return (
    <SubPage title={t(`sections.${section.id}.title`)}>
      <p class="lead">{t(`sections.${section.id}.summary`)}</p>
      <div class="notice">
        <span class="notice__icon">
          <SectionIcon name={section.icon} />
        </span>
        <div>
          <h2>{t("comingSoon.title")}</h2>
          <p>{t("comingSoon.body")}</p>
        </div>
      </div>
    </SubPage>
  );
}
