import "./landing.css";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { PageHeading } from "../../shared/page-heading.js";
import { PlainLayout } from "../../shared/plain-layout.js";
import { useSession } from "../staff/session-store.js";
import { usableSurfaces } from "../staff/surface-access.js";

const surfaces = [
  { id: "app", href: "/app/" },
  { id: "inbox", href: "/inbox", staff: true },
  { id: "publicDashboard", href: "/dashboard/public" },
  { id: "dashboard", href: "/dashboard", staff: true },
  { id: "setup", href: "/setup", staff: true },
] as const;

/** Every card to someone signed out (each staff card opens its sign-in); a signed-in member sees only their own. */
function useCards() {
  const session = useSession();
  if (session.status !== "signed-in") return surfaces;
  const usable = new Set<string>(usableSurfaces(session.me).map((s) => s.id));
  return surfaces.filter((s) => !("staff" in s) || usable.has(s.id));
}

/** "/": a small page pointing to the four surfaces and the public figures (no sign-in). */
export default function Landing() {
  const t = useT("common");
  useDocumentTitle();
  const cards = useCards();
  return (
    <PlainLayout>
      <PageHeading>{t("landing.title")}</PageHeading>
      <p class="lead">{t("landing.intro")}</p>
      <nav aria-label={t("landing.surfacesLabel")}>
        <ul class="surface-list">
          {cards.map((s) => (
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
