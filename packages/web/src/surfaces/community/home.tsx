import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { PageHeading } from "../../shared/page-heading.js";
import { AppLink } from "./app-link.js";
import { useAssistant } from "./assist/use-assistant.js";
import { FirstUseHint } from "./first-use-hint.js";
import { SectionIcon } from "./section-icon.js";
import { APP_BASE, sectionHref, sectionsOn } from "./sections.js";

/** The community app's home: one big tile per section, reporting first and widest; then the public figures. */
export function Home() {
  const t = useT("app");
  const { config } = useConfig();
  const assistant = useAssistant();
  useDocumentTitle();
  return (
    <>
      <PageHeading>{t("home.title")}</PageHeading>
      <p class="lead">{t("home.intro")}</p>
      <FirstUseHint id="home" manual>
        {t("hints.home")}
      </FirstUseHint>
      <nav aria-label={t("nav.label")}>
        <ul class="tiles">
          {assistant && (
            // Someone who reports for others (a peer supporter, a family member's account) starts there.
            <li>
              <AppLink class="tile tile--involved tile--assist" href={`${APP_BASE}/report?for=someone`}>
                <span class="tile__icon">
                  <SectionIcon name="megaphone" />
                </span>
                <span class="tile__title">{t("assist.home.title")}</span>
                <span class="tile__summary">{t("assist.home.summary")}</span>
              </AppLink>
            </li>
          )}
          {sectionsOn(config?.modules).map((s) => (
            <li key={s.id}>
              <AppLink class={`tile tile--${s.id}`} href={sectionHref(s)}>
                <span class="tile__icon">
                  <SectionIcon name={s.icon} />
                </span>
                <span class="tile__title">{t(`sections.${s.id}.title`)}</span>
                <span class="tile__summary">{t(`sections.${s.id}.summary`)}</span>
              </AppLink>
            </li>
          ))}
          {assistant?.moderates && (
            // Last among the small tiles. The forum's moderation queue is in the staff app (the inbox surface).
            <li>
              <a class="tile tile--connected" href="/inbox/forum">
                <span class="tile__icon">
                  <SectionIcon name="people" />
                </span>
                <span class="tile__title">{t("assist.home.moderationTitle")}</span>
                <span class="tile__summary">{t("assist.home.moderationSummary")}</span>
              </a>
            </li>
          )}
        </ul>
      </nav>
      <p class="public-figures">
        <a href="/dashboard/public">{t("home.publicFigures")}</a>
      </p>
    </>
  );
}
