import assert from "node:assert/strict";
import { test } from "node:test";
import { auditApiQuery, auditFiltersFromQuery, auditFiltersToSearch, emptyFilters, utcTime } from "./audit-filters.js";

const fromSearch = (search: string) => auditFiltersFromQuery(Object.fromEntries(new URLSearchParams(search)));

test("an auditor's link reproduces the same page of the log; junk is ignored", () => {
  const search =
    "?actor=dm%40demo.org&action=report.view_personal&entity=report&entityId=r1&personal=1&from=2026-01-01&to=2026-03-31&cursor=1200";
  assert.equal(auditFiltersToSearch(fromSearch(search)), search);
  assert.deepEqual(fromSearch("?from=yesterday&cursor=12a&personal=yes"), emptyFilters);
  assert.equal(auditFiltersToSearch(emptyFilters), "");
  const swapped = fromSearch("?from=2026-05-01&to=2026-04-01");
  assert.deepEqual([swapped.from, swapped.to], ["2026-04-01", "2026-05-01"]);
});

test("the period covers whole UTC days, and only set filters are sent", () => {
  const q = auditApiQuery(fromSearch("?from=2026-01-01&to=2026-01-31&personal=1"));
  assert.equal(q.from, "2026-01-01T00:00:00.000Z");
  assert.equal(q.to, "2026-01-31T23:59:59.999Z");
  assert.equal(q.personalData, "true");
  assert.equal(q.actorEmail, undefined);
  assert.equal(q.cursor, undefined);
  assert.equal(utcTime("2026-10-04T14:03:27.120Z"), "2026-10-04 14:03:27 UTC");
});
