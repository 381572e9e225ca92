import type { Me } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { ASSISTED_REPORTING_HREF, usableSurfaces } from "./surface-access.js";

/** A signed-in member whose role does not include this surface: say so, and point to the ones it does include. */
export function NoAccess(props: { me: Me }) {
  const t = useT("common");
  const allowed: { href: string; label: string }[] = usableSurfaces(props.me).map((s) => ({
    href: s.href,
    label: t(`surfaces.${s.id}`),
  }));
  if (props.me.permissions.includes("report:submit_on_behalf"))
    allowed.push({ href: ASSISTED_REPORTING_HREF, label: t("staff.assistedReporting") });
  return (
    <section class="panel panel--notice" aria-labelledby="no-access">
      <h2 id="no-access">{t("staff.noAccess.title")}</h2>
      <p>{t("staff.noAccess.body", { role: t(`roles.${props.me.role}`) })}</p>
      {allowed.length > 0 && (
        <>
          <p>{t("staff.noAccess.instead")}</p>
          <ul>
            {allowed.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
