import type { Me } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { homeFor, usablePlaces } from "./surface-access.js";

/**
 * A signed-in member whose role does not include this surface (an address typed or kept from before: menus never
 * lead here): say so, lead them to where their role works, and list the other places they may use.
 */
export function NoAccess(props: { me: Me }) {
  const t = useT("common");
  const home = homeFor(props.me);
  const label = (id: string) => (id === "assisted" ? t("staff.assistedReporting") : t(`surfaces.${id as "inbox"}`));
  const places = usablePlaces(props.me);
  const homePlace = places.find((p) => p.href === home);
  const others = places.filter((p) => p.href !== home);
  return (
    <section class="panel panel--notice" aria-labelledby="no-access">
      <h2 id="no-access">{t("staff.noAccess.title")}</h2>
      <p>{t("staff.noAccess.body", { role: t(`roles.${props.me.role}`) })}</p>
      <p>
        <a class="button" href={home}>
          {t("staff.noAccess.home", { place: homePlace ? label(homePlace.id) : t("surfaces.app") })}
        </a>
      </p>
      {others.length > 0 && (
        <>
          <p>{t("staff.noAccess.instead")}</p>
          <ul>
            {others.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{label(s.id)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
