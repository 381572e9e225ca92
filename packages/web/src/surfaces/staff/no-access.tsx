import type { Me } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { staffSurfaces, surfacePermissions } from "./surface-access.js";

/** A signed-in member whose role does not include this surface: say so, and point to the ones it does include. */
export function NoAccess(props: { me: Me }) {
  const t = useT("common");
  const allowed = staffSurfaces.filter((s) => surfacePermissions[s.id].some((p) => props.me.permissions.includes(p)));
  return (
    <section class="panel panel--notice" aria-labelledby="no-access">
      <h2 id="no-access">{t("staff.noAccess.title")}</h2>
      <p>{t("staff.noAccess.body", { role: t(`roles.${props.me.role}`) })}</p>
      {allowed.length > 0 && (
        <>
          <p>{t("staff.noAccess.instead")}</p>
          <ul>
            {allowed.map((s) => (
              <li key={s.id}>
                <a href={s.href}>{t(`surfaces.${s.id}`)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
