import "./landing.css";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { PageHeading } from "../../shared/page-heading.js";
import { PlainLayout } from "../../shared/plain-layout.js";

const surfaces = [
  { id: "app", href: "/app/" },
  { id: "inbox", href: "/inbox" },
  { id: "publicDashboard", href: "/dashboard/public" },
  { id: "dashboard", href: "/dashboard" },
  { id: "setup", href: "/setup" },
] as const;

/** "/": a small page pointing to the four surfaces and the public figures (no sign-in). */
export default function Landing() {
  const t = useT("common");
  useDocumentTitle();
  return (
    <PlainLayout>
      <PageHeading>{t("landing.title")}</PageHeading>
      <p class="lead">{t("landing.intro")}</p>
      <nav aria-label={t("landing.surfacesLabel")}>
        <ul class="surface-list">
          {surfaces.map((s) => (
            <li key={s.id}>
              <a class={`surface-card surface-card--${s.id}`} href={s.href}>
                <span class="surface-card__title">{t(`surfaces.${s.id}`)}</span>
                <span class="surface-card__text">{t(`landing.${s.id}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </PlainLayout>
  );
}
