/**
 * Where each screen's Help link goes: a manual (docs/manual/<lang>/<manual>.md, served at /help) and the anchor of
 * its section (`## Title {#anchor}`, the same in every language). help/manual-references.test.ts checks that every
 * target here is a section of every language's manual, so a Help link cannot point at a section that went away.
 */
export interface HelpTarget {
  manual: "community" | "inbox" | "dashboard" | "setup" | "operations";
  section: string;
}

/** Path prefixes, most specific first. */
const targets: [prefix: string, target: HelpTarget][] = [
  ["/inbox/stories", { manual: "inbox", section: "reviews" }],
  ["/inbox/ratings", { manual: "inbox", section: "reviews" }],
  ["/inbox/forum", { manual: "inbox", section: "forum" }],
  ["/inbox", { manual: "inbox", section: "queue" }],
  ["/dashboard/cases", { manual: "dashboard", section: "cases" }],
  ["/dashboard/stories", { manual: "dashboard", section: "stories" }],
  ["/dashboard", { manual: "dashboard", section: "filters" }],
  ["/setup/profile", { manual: "setup", section: "profile" }],
  ["/setup/languages", { manual: "setup", section: "languages" }],
  ["/setup/geography", { manual: "setup", section: "geography" }],
  ["/setup/facilities", { manual: "setup", section: "facilities" }],
  ["/setup/forms", { manual: "setup", section: "forms" }],
  ["/setup/content", { manual: "setup", section: "content" }],
  ["/setup/forum", { manual: "setup", section: "forum" }],
  ["/setup/protocols", { manual: "setup", section: "protocols" }],
  ["/setup/teams", { manual: "setup", section: "protocols" }],
  ["/setup/staff", { manual: "setup", section: "staff" }],
  ["/setup/targets", { manual: "setup", section: "targets" }],
  ["/setup/benchmarks", { manual: "setup", section: "targets" }],
  ["/setup/simulator", { manual: "setup", section: "simulator" }],
  ["/setup/training", { manual: "setup", section: "training" }],
  ["/setup/settings", { manual: "operations", section: "settings" }],
  ["/setup/dhis2", { manual: "operations", section: "integrations" }],
  ["/setup/channels", { manual: "operations", section: "integrations" }],
  ["/setup", { manual: "setup", section: "overview" }],
  ["/audit", { manual: "operations", section: "audit" }],
  ["/account", { manual: "operations", section: "account" }],
  ["/app", { manual: "community", section: "start" }],
];

export const helpTargets: readonly HelpTarget[] = targets.map(([, t]) => t);

/** The manual section for a page's path (the most specific prefix), or the community manual's start. */
export function helpFor(path: string): HelpTarget {
  const clean = path.replace(/\/+$/, "") || "/";
  const found = targets.find(([prefix]) => clean === prefix || clean.startsWith(`${prefix}/`));
  return found?.[1] ?? { manual: "community", section: "start" };
}

/** The address of a section in the reader's language; the server answers with English where it has no manual yet. */
export function helpHref(lang: string, target: HelpTarget): string {
  const primary = lang.split("-")[0]?.toLowerCase() || "en";
  return `/help/${primary}/${target.manual}#${target.section}`;
}
