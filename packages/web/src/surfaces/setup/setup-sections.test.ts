import assert from "node:assert/strict";
import { test } from "node:test";
import { pageForAnchor, sectionOfPath, sectionsFor } from "./setup-sections.js";

const country = { type: "country" };
const systemAdmin = {
  permissions: [
    "users:manage",
    "security:manage",
    "audit:read",
    "indicators:read",
    "setup:manage",
    "integrations:manage",
  ],
  scope: country,
};
const countryAdmin = { permissions: ["setup:manage", "indicators:read", "export:reports"], scope: country };

test("a system administrator sees every section, in the order a country starts", () => {
  assert.deepEqual(sectionsFor(systemAdmin), [
    "profile",
    "geography",
    "facilities",
    "forms",
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
  ]);
});

test("a country administrator sees no staff accounts, settings, DHIS2 or channel providers; a region's none of the forms", () => {
  const sections = sectionsFor(countryAdmin);
  for (const hidden of ["staff", "settings", "dhis2", "channels"] as const) {
    assert.ok(!sections.includes(hidden), hidden);
  }
  assert.ok(sections.includes("simulator"), "the channel simulator is for training: country administrators too");
  assert.ok(sections.includes("forms"));
  assert.ok(sections.includes("forum"), "the forum's rules: country administrators");
  assert.ok(!sectionsFor({ ...countryAdmin, scope: { type: "region" } }).includes("forms"));
  assert.ok(!sectionsFor({ ...countryAdmin, scope: { type: "region" } }).includes("forum"));
  // Erasing the practice reports is country-wide (training mode): a region's administrator has no Training page.
  assert.ok(sections.includes("training"));
  assert.ok(!sectionsFor({ ...countryAdmin, scope: { type: "region" } }).includes("training"));
  assert.deepEqual(sectionsFor({ permissions: ["inbox:read"], scope: country }), [], "a data manager has none");
});

test("paths and the old page's anchors lead to the section's own page", () => {
  assert.equal(sectionOfPath("/setup/teams/"), "teams");
  assert.equal(sectionOfPath("/setup"), null);
  assert.equal(sectionOfPath("/setup/nowhere"), null);
  assert.equal(pageForAnchor("#staff-accounts"), "/setup/staff");
  assert.equal(pageForAnchor("#area-editor"), "/setup/geography");
  assert.equal(pageForAnchor("#protocols"), "/setup/protocols");
  assert.equal(pageForAnchor("#languages"), null);
});
