import type { ReportStatus } from "@openclm/contracts";
import { reportStatuses } from "./inbox-lists.js";

/** The queue's filters. They live in the URL (shareable, survive reloads), as `?status=a,b&category=…`. */
export interface InboxFilters {
  status: ReportStatus[];
  categoryCode: string;
  subcategoryCode: string;
  areaId: string;
  assignee: "all" | "me" | "none";
  overdue: boolean;
  from: string;
  to: string;
  q: string;
  sort: "newest" | "oldest";
}

const isStatus = (s: string): s is ReportStatus => (reportStatuses as readonly string[]).includes(s);
const isDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : "");

export function filtersFromQuery(q: Record<string, string>): InboxFilters {
  return {
    status: (q.status ?? "").split(",").filter(isStatus),
    categoryCode: q.category ?? "",
    subcategoryCode: q.subcategory ?? "",
    areaId: q.area ?? "",
    assignee: q.assignee === "me" || q.assignee === "none" ? q.assignee : "all",
    overdue: q.overdue === "1",
    from: isDate(q.from),
    to: isDate(q.to),
    q: q.q ?? "",
    sort: q.sort === "oldest" ? "oldest" : "newest",
  };
}

/** The URL query for a set of filters (defaults left out). */
export function filtersToSearch(f: InboxFilters): string {
  const p = new URLSearchParams();
  if (f.status.length) p.set("status", f.status.join(","));
  if (f.categoryCode) p.set("category", f.categoryCode);
  if (f.subcategoryCode) p.set("subcategory", f.subcategoryCode);
  if (f.areaId) p.set("area", f.areaId);
  if (f.assignee !== "all") p.set("assignee", f.assignee);
  if (f.overdue) p.set("overdue", "1");
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.q) p.set("q", f.q);
  if (f.sort !== "newest") p.set("sort", f.sort);
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
    assigneeId: f.assignee === "all" ? undefined : f.assignee,
    overdue: f.overdue ? "true" : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    q: f.q || undefined,
    sort: f.sort,
  };
}
