import type { ModuleCode, Modules } from "@openclm/contracts";

/**
 * The seven sections of the community app (PRODUCT.md §2), in the order people see them. The home tiles, routes
 * and page titles all come from this list. URLs are kept plain: they show in the browser history.
 */
export const sections = [
  // Reporting a problem is the product's core: it comes first, then following one's reports.
  { id: "involved", slug: "report", icon: "megaphone", module: null },
  { id: "reports", slug: "my-reports", icon: "clipboard", module: null },
  { id: "rights", slug: "rights", icon: "shield", module: "rights" },
  { id: "info", slug: "information", icon: "info", module: "information" },
  { id: "access", slug: "near-me", icon: "pin", module: "nearMe" },
  { id: "connected", slug: "connect", icon: "people", module: "forum" },
  { id: "changes", slug: "updates", icon: "bell", module: null },
] as const satisfies readonly { id: string; slug: string; icon: string; module: ModuleCode | null }[];

export type Section = (typeof sections)[number];

/**
 * The sections the country has switched on (country profile, `modules`); reporting and one's reports are always
 * there. Until the config has loaded, every section shows.
 */
export function sectionsOn(modules: Modules | undefined): Section[] {
  return sections.filter((s) => s.module === null || !modules || modules[s.module]);
}
export type SectionId = Section["id"];
export type IconName = Section["icon"];

export const APP_BASE = "/app";

export function sectionHref(section: Section): string {
  return `${APP_BASE}/${section.slug}`;
}

export function sectionBySlug(slug: string): Section | undefined {
  return sections.find((s) => s.slug === slug);
}
