import "./setup-nav.css";
import { useEffect, useRef } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { useMe } from "../staff/session-store.js";
import { sectionHref, sectionsFor } from "./setup-sections.js";

/**
 * The navigation on every Set-up page: the overview, then each section this member may use, the current one marked.
 * A list down the side on wide screens; on a phone, one row that scrolls sideways, kept with the current page in view.
 */
export function SetupNav(props: { current: string }) {
  const t = useT("setup");
  const me = useMe();
  const list = useRef<HTMLUListElement>(null);
  const items = [
    { href: "/setup", label: t("nav.overview") },
    ...sectionsFor(me).map((id) => ({ href: sectionHref(id), label: t(`nav.${id}`) })),
  ];
  useEffect(() => {
    const row = list.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    // Scroll the row itself (not the page), and only when it scrolls at all (the phone layout).
    if (row && current && row.scrollWidth > row.clientWidth)
      row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
  }, [props.current]);
  return (
    <nav class="setup-nav" aria-label={t("nav.label")}>
      <ul ref={list}>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={item.href === props.current ? "page" : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
