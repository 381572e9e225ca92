import type { ComponentChildren } from "preact";
import { useConfig } from "../api/public-config.js";
import { usePlatformName } from "./document.js";

/**
 * The header band every surface starts with: the platform's name (linking to the surface's home) and a slot for
 * actions (language switcher, quick exit, later the signed-in user's menu).
 */
export function SiteHeader(props: { homeHref: string; children?: ComponentChildren; class?: string }) {
  const name = usePlatformName();
  const logo = useConfig().config?.branding.logoUrl;
  return (
    <header class={`site-header ${props.class ?? ""}`}>
      <div class="site-header__inner">
        <a class="brand" href={props.homeHref} translate={false}>
          <img class="brand__mark" src={logo ?? "/icons/icon.svg"} alt="" width={32} height={32} />
          <span class="brand__name">{name}</span>
        </a>
        <div class="site-header__actions">{props.children}</div>
      </div>
    </header>
  );
}
