/**
 * The seven sections of the community app (PRODUCT.md §2), in the order people see them. The home tiles, routes
 * and page titles all come from this list. URLs are kept plain: they show in the browser history.
 */
export const sections = [
  { id: "rights", slug: "rights", icon: "shield" },
  { id: "info", slug: "information", icon: "info" },
  { id: "access", slug: "near-me", icon: "pin" },
  { id: "connected", slug: "connect", icon: "people" },
  { id: "involved", slug: "report", icon: "megaphone" },
  { id: "reports", slug: "my-reports", icon: "clipboard" },
  { id: "changes", slug: "updates", icon: "bell" },
] as const;

export type Section = (typeof sections)[number];
export type SectionId = Section["id"];
export type IconName = Section["icon"];

export const APP_BASE = "/app";

export function sectionHref(section: Section): string {
  return `${APP_BASE}/${section.slug}`;
}

export function sectionBySlug(slug: string): Section | undefined {
  return sections.find((s) => s.slug === slug);
}
