import type { Me } from "@openclm/contracts";
import { useId } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { signOut } from "./session-store.js";

/** Who is signed in, with sign-out here and everywhere (a lost phone or a shared computer). */
export function UserMenu(props: { me: Me }) {
  const t = useT("common");
  const id = useId();
  return (
    <details class="user-menu">
      <summary aria-describedby={`${id}-role`}>
        <span class="user-menu__name" translate={false}>
          {props.me.displayName || props.me.email}
        </span>
        <span class="user-menu__role" id={`${id}-role`}>
          {t(`roles.${props.me.role}`)}
        </span>
      </summary>
      <div class="user-menu__panel">
        <p class="user-menu__email" translate={false}>
          {props.me.email}
        </p>
        <a class="button button--secondary" href="/account">
          {t("staff.password.title")}
        </a>
        <button type="button" class="button" onClick={() => void signOut()}>
          {t("staff.account.signOut")}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void signOut("signed-out", true)}>
          {t("staff.account.signOutEverywhere")}
        </button>
      </div>
    </details>
  );
}
