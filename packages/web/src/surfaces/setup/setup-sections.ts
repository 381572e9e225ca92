/**
 * Set-up's sections, in the order a country starting out works through them: its profile, the map (geography, then
 * facilities), what the report form asks, how responders answer (protocols, teams), who works here, what the
 * dashboard measures against, and the platform's own settings and DHIS2 link. The overview, the navigation on every
 * Set-up page and each page's gate read this one list, so a section shows only to roles that may use it (the server
 * checks every call again).
 */
export const setupSectionIds = [
  "profile",
  "geography",
  "facilities",
  "forms",
  "content",
  "forum",
  "languages",
  "protocols",
  "teams",
  "staff",
  "targets",
  "benchmarks",
  "settings",
  "dhis2",
  "channels",
  "simulator",
  "training",
] as const;
export type SetupSectionId = (typeof setupSectionIds)[number];

/** What a section's rule looks at: the member's permissions and whether their scope is the whole country. */
export interface SectionReader {
  permissions: readonly string[];
  scope: { type: string };
}

const can = (me: SectionReader, permission: string) => me.permissions.includes(permission);

/** Who may use each section; the same rules the single Set-up page applied before it was split. */
const sectionRules: Record<SetupSectionId, (me: SectionReader) => boolean> = {
  profile: (me) => can(me, "setup:manage"),
  geography: (me) => can(me, "setup:manage"),
  facilities: (me) => can(me, "setup:manage"),
  // The taxonomy is the whole country's: a region's administrator cannot change it.
  forms: (me) => can(me, "setup:manage") && me.scope.type === "country",
  // Know Your Rights, Get Information, FAQs, announcements: administrators and content editors.
  content: (me) => can(me, "content:write"),
  // Get Connected's rules (pre-moderation, crisis keywords, helpline) are the whole country's, like the taxonomy.
  forum: (me) => can(me, "setup:manage") && me.scope.type === "country",
  // Languages and translations are the whole country's, like the taxonomy.
  languages: (me) => can(me, "setup:manage") && me.scope.type === "country",
  protocols: (me) => can(me, "setup:manage"),
  teams: (me) => can(me, "setup:manage"),
  staff: (me) => can(me, "users:manage"),
  targets: (me) => can(me, "setup:manage"),
  benchmarks: (me) => can(me, "setup:manage"),
  settings: (me) => can(me, "security:manage"),
  dhis2: (me) => can(me, "integrations:manage"),
  channels: (me) => can(me, "integrations:manage"),
  simulator: (me) => can(me, "setup:manage"),
  // Training mode (ADR 0023): erasing the practice reports is country-wide.
  training: (me) => can(me, "setup:manage") && me.scope.type === "country",
};

export const sectionHref = (id: SetupSectionId) => `/setup/${id}`;

/** The sections this member may use, in order. */
export function sectionsFor(me: SectionReader): SetupSectionId[] {
  return setupSectionIds.filter((id) => sectionRules[id](me));
}

/** The section a Set-up path names (`/setup/teams/` too), or null for the overview or an unknown page. */
export function sectionOfPath(path: string): SetupSectionId | null {
  const name = path.replace(/\/+$/, "").replace(/^\/setup\/?/, "");
  return (setupSectionIds as readonly string[]).includes(name) ? (name as SetupSectionId) : null;
}

/** Anchors of the one long Set-up page that came before, so old links and bookmarks still arrive. */
const legacyAnchors: Record<string, SetupSectionId> = {
  "staff-accounts": "staff",
  geography: "geography",
  "area-editor": "geography",
  facilities: "facilities",
  protocols: "protocols",
  teams: "teams",
  targets: "targets",
  benchmarks: "benchmarks",
};

/** Where `/setup#anchor` now lives, or null when the anchor names no section. */
export function pageForAnchor(hash: string): string | null {
  const section = legacyAnchors[hash.replace(/^#/, "")];
  return section ? sectionHref(section) : null;
}
