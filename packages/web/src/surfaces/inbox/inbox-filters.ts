import type { Facility, PublicArea, ReportStatus, SavedViewFilters, Scope } from "@openclm/contracts";
import { reportChannels, reporterModes } from "@openclm/contracts/constants";
import { reportStatuses } from "./inbox-lists.js";

/** The queue's filters. They live in the URL (shareable, survive reloads), as `?status=a,b&category=…`. */
export interface InboxFilters {
  status: ReportStatus[];
  categoryCode: string;
  subcategoryCode: string;
  areaId: string;
  /** One facility, or "" for all (offered only within the scope and the chosen area). */
  facilityId: string;
  /** `team`: held by one of my teams. */
  assignee: "all" | "me" | "none" | "team";
  overdue: boolean;
  /** One channel, or "" for all. */
  channel: string;
  /** Who reported: the person affected (`self`), someone on their behalf, or "" for both. */
  reporterMode: "" | (typeof reporterModes)[number];
  /** Only the reports the reporter answered last, possible duplicates, or those the reporter reopened. */
  flag: "" | "replied" | "duplicate" | "reopened";
  from: string;
  to: string;
  q: string;
  sort: "newest" | "oldest";
  /** Training mode (ADR 0023): the practice reports instead of the live queue, `?training=1`. */
  training: boolean;
}

const isStatus = (s: string): s is ReportStatus => (reportStatuses as readonly string[]).includes(s);
const isMode = (s: string | undefined): s is (typeof reporterModes)[number] =>
  (reporterModes as readonly string[]).includes(s ?? "");
const isDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : "");

export function filtersFromQuery(q: Record<string, string>): InboxFilters {
  return {
    status: (q.status ?? "").split(",").filter(isStatus),
    categoryCode: q.category ?? "",
    subcategoryCode: q.subcategory ?? "",
    areaId: q.area ?? "",
    facilityId: q.facility ?? "",
    assignee: q.assignee === "me" || q.assignee === "none" || q.assignee === "team" ? q.assignee : "all",
    overdue: q.overdue === "1",
    channel: (reportChannels as readonly string[]).includes(q.channel ?? "") ? (q.channel ?? "") : "",
    reporterMode: isMode(q.mode) ? q.mode : "",
    flag: q.flag === "replied" || q.flag === "duplicate" || q.flag === "reopened" ? q.flag : "",
    from: isDate(q.from),
    to: isDate(q.to),
    q: q.q ?? "",
    sort: q.sort === "oldest" ? "oldest" : "newest",
    training: q.training === "1",
  };
}

/** The URL query for a set of filters (defaults left out). */
export function filtersToSearch(f: InboxFilters): string {
  const p = new URLSearchParams();
  if (f.status.length) p.set("status", f.status.join(","));
  if (f.categoryCode) p.set("category", f.categoryCode);
  if (f.subcategoryCode) p.set("subcategory", f.subcategoryCode);
  if (f.areaId) p.set("area", f.areaId);
  if (f.facilityId) p.set("facility", f.facilityId);
  if (f.assignee !== "all") p.set("assignee", f.assignee);
  if (f.overdue) p.set("overdue", "1");
  if (f.channel) p.set("channel", f.channel);
  if (f.reporterMode) p.set("mode", f.reporterMode);
  if (f.flag) p.set("flag", f.flag);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.q) p.set("q", f.q);
  if (f.sort !== "newest") p.set("sort", f.sort);
  if (f.training) p.set("training", "1");
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The API query for a set of filters. */
export function filtersToApi(f: InboxFilters): Record<string, string | undefined> {
  return {
    status: f.status.join(",") || undefined,
    categoryCode: f.categoryCode || undefined,
    subcategoryCode: f.subcategoryCode || undefined,
    areaId: f.areaId || undefined,
    facilityId: f.facilityId || undefined,
    assigneeId: f.assignee === "me" || f.assignee === "none" ? f.assignee : undefined,
    teamId: f.assignee === "team" ? "mine" : undefined,
    overdue: f.overdue ? "true" : undefined,
    channel: f.channel || undefined,
    reporterMode: f.reporterMode || undefined,
    [f.flag || "none"]: f.flag ? "true" : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    q: f.q || undefined,
    sort: f.sort,
    set: f.training ? "training" : undefined,
  };
}

/** The filters a saved view keeps (every one of them, defaults left out), and back. */
export function filtersToSaved(f: InboxFilters): SavedViewFilters {
  const api = filtersToApi(f);
  const saved: SavedViewFilters = {
    status: f.status.length ? f.status : undefined,
    categoryCode: api.categoryCode,
    subcategoryCode: api.subcategoryCode,
    areaId: api.areaId,
    facilityId: api.facilityId,
    assigneeId: f.assignee === "me" || f.assignee === "none" ? f.assignee : undefined,
    teamId: f.assignee === "team" ? "mine" : undefined,
    overdue: f.overdue || undefined,
    channel: f.channel ? [f.channel as (typeof reportChannels)[number]] : undefined,
    reporterMode: f.reporterMode ? [f.reporterMode] : undefined,
    replied: f.flag === "replied" || undefined,
    duplicate: f.flag === "duplicate" || undefined,
    reopened: f.flag === "reopened" || undefined,
    from: api.from,
    to: api.to,
    q: api.q,
    sort: f.sort === "oldest" ? "oldest" : undefined,
  };
  return Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)) as SavedViewFilters;
}

export function filtersFromSaved(v: SavedViewFilters): InboxFilters {
  return {
    status: v.status ?? [],
    categoryCode: v.categoryCode ?? "",
    subcategoryCode: v.subcategoryCode ?? "",
    areaId: v.areaId ?? "",
    facilityId: v.facilityId ?? "",
    assignee: v.teamId ? "team" : v.assigneeId === "me" || v.assigneeId === "none" ? v.assigneeId : "all",
    overdue: v.overdue ?? false,
    // The queue offers one channel, one reporter mode and one "show only" at a time: a view made through the API with
    // more keeps its first.
    channel: v.channel?.[0] ?? "",
    reporterMode: v.reporterMode?.length === 1 ? v.reporterMode[0]! : "",
    flag: v.replied ? "replied" : v.reopened ? "reopened" : v.duplicate ? "duplicate" : "",
    from: v.from ?? "",
    to: v.to ?? "",
    q: v.q ?? "",
    sort: v.sort ?? "newest",
    // A saved view is of the live queue.
    training: false,
  };
}

/**
 * The areas the area filter offers: below the country, only those whose every district is in the member's scope
 * (choosing a region half outside it would promise reports the member cannot see).
 */
export function areasInScope(areas: PublicArea[], scope: Scope): PublicArea[] {
  if (scope.type === "country") return areas.filter((a) => a.level > 0);
  const inScope = new Set(scope.districtIds);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const leaves = new Map<string, { all: number; mine: number }>();
  for (const leaf of areas.filter((a) => a.isLeaf)) {
    for (let a: PublicArea | undefined = leaf; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
      const n = leaves.get(a.id) ?? { all: 0, mine: 0 };
      n.all++;
      if (inScope.has(leaf.id)) n.mine++;
      leaves.set(a.id, n);
    }
  }
  return areas.filter((a) => {
    const n = leaves.get(a.id);
    return a.level > 0 && n !== undefined && n.mine > 0 && n.mine === n.all;
  });
}

/**
 * The facilities the facility filter offers: only those in the member's scope (a facility-scoped member's own
 * facilities; an area-scoped member's districts), by name.
 */
export function facilitiesInScope(facilities: Facility[], scope: Scope): Facility[] {
  const inScope =
    scope.type === "country"
      ? () => true
      : scope.type === "facilities"
        ? (f: Facility) => scope.facilityIds.includes(f.id)
        : (f: Facility) => scope.districtIds.includes(f.districtId);
  return facilities.filter(inScope).sort((a, b) => a.name.localeCompare(b.name));
}

const folded = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Facilities whose name holds the typed words (case and accents ignored); the chosen one always stays. */
export function facilitiesMatching(facilities: Facility[], typed: string, chosenId: string): Facility[] {
  const words = folded(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return facilities;
  return facilities.filter((f) => f.id === chosenId || words.every((w) => folded(`${f.name} ${f.code}`).includes(w)));
}
