import { useT } from "../../../i18n/use-t.js";
import { AppLink } from "../app-link.js";
import { useDeviceReports } from "../outbox/use-outbox.js";
import { APP_BASE } from "../sections.js";
import { STAFF_SIGN_IN_HREF } from "./assist-role.js";

/**
 * On every screen of the app while reports made for someone wait for their sender's expired session: they are safe
 * on the phone and go as soon as the person signs in again (the staff sign-in brings a peer supporter back here).
 */
export function SignInNeeded() {
  const t = useT("app");
  const { outbox } = useDeviceReports();
  const waiting = outbox.filter((e) => e.state === "waiting" && e.signIn);
  if (!waiting.length) return null;
  const community = waiting.every((e) => e.signInAs === "community");
  return (
    <div class="sign-in-needed" role="status">
      <p class="sign-in-needed__title">{t("assist.waitingTitle")}</p>
      <p>{t("assist.waitingBody", { count: waiting.length })}</p>
      {community ? (
        <AppLink class="button" href={`${APP_BASE}/my-reports`}>
          {t("assist.signInAccount")}
        </AppLink>
      ) : (
        <a class="button" href={STAFF_SIGN_IN_HREF}>
          {t("assist.signIn")}
        </a>
      )}
    </div>
  );
}
