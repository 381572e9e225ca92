import type { AnchorHTMLAttributes, TargetedMouseEvent } from "preact";
import { useLocation } from "preact-iso";

/**
 * A link inside the community app that replaces the current history entry instead of adding one. The whole visit
 * then occupies one entry, which the quick exit replaces: pressing Back afterwards does not reveal app pages on a
 * shared phone. The in-app header and "back to home" links stand in for the Back button.
 */
export function AppLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { route } = useLocation();
  const { onClick, href, ...rest } = props;
  const handle = (e: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (typeof onClick === "function") onClick(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    // Keep the router's own link handler (on window) from pushing a history entry.
    e.stopPropagation();
    route(href, true);
  };
  return <a {...rest} href={href} onClick={handle} />;
}
