import assert from "node:assert/strict";
import { test } from "node:test";
import type { IndicatorFilter } from "@openclm/contracts";
import { colourClasses, colourOf, noValueColor } from "./choropleth.js";
import { toCsv } from "./csv.js";
import {
  calendarPeriod,
  effectivePeriod,
  filtersFromQuery,
  filtersToSearch,
  keyOfPeriod,
  litPick,
  litPublicPick,
  periodKeys,
  periodOfKey,
  publicPeriod,
  publicPeriodChoices,
  publicQuickPeriod,
  publicTrendWindow,
  publishablePeriod,
  quickPeriod,
} from "./dashboard-filters.js";
import { apiFilters, canAsk } from "./dashboard-queries.js";

test("a view's URL reproduces the view, defaults left out and junk ignored", () => {
  const search =
    "?from=2026-01-01&to=2026-03-31&area=a1&category=rights&subcategory=rights.denied&mode=on_behalf&grain=quarter&trend=pct_resolved&basis=validated&by=channel";
  const f = filtersFromQuery(Object.fromEntries(new URLSearchParams(search)));
  assert.equal(filtersToSearch(f), search);
  assert.equal(filtersToSearch(filtersFromQuery({})), "");
  const junk = filtersFromQuery({ from: "yesterday", mode: "robot", trend: "drop table", channel: "fax", basis: "x" });
  assert.deepEqual(
    [junk.from, junk.reporterMode, junk.trend, junk.channel, junk.basis],
    ["", "", "reports_validated", "", "reported"],
  );
  // The facility quality panel's grouping is kept too (a shared link opens it grouped the same way).
  const quality = filtersFromQuery({ quality: "district" });
  assert.equal(quality.quality, "district");
  assert.equal(filtersToSearch(quality), "?quality=district");
  assert.equal(filtersFromQuery({ quality: "planet" }).quality, "facility");
  // Reversed dates are put in order rather than refused.
  assert.deepEqual(filtersFromQuery({ from: "2026-05-01", to: "2026-02-01" }).from, "2026-02-01");
});

test("quick picks and the default period are whole calendar months up to today (UTC)", () => {
  const today = new Date("2026-11-23T10:00:00Z");
  assert.deepEqual(quickPeriod("last3", today), { from: "2026-09-01", to: "2026-11-23" });
  assert.deepEqual(quickPeriod("last12", today), { from: "2025-12-01", to: "2026-11-23" });
  assert.deepEqual(quickPeriod("lastYear", today), { from: "2025-01-01", to: "2025-12-31" });
  assert.deepEqual(effectivePeriod({ from: "", to: "" }, today), { from: "2025-12-01", to: "2026-11-23" });
  assert.deepEqual(effectivePeriod({ from: "2024-02-10", to: "2024-05-01" }, today), {
    from: "2024-02-10",
    to: "2024-05-01",
  });
});

test("only one quick pick is lit, even when two give the same dates", () => {
  const december = new Date("2026-12-03T10:00:00Z");
  const period = quickPeriod("thisYear", december);
  assert.deepEqual(period, quickPeriod("last12", december), "in December both are January to today");
  assert.equal(litPick(period, "thisYear", december), "thisYear", "the chosen pick");
  assert.equal(litPick(period, "", december), "last12", "the default period lights one pick");
  assert.equal(litPick({ from: "2026-01-01", to: "2026-12-31" }, "", december), undefined, "dates typed in");
  assert.equal(litPick(period, "lastYear", december), "last12", "a pick whose dates were changed is not lit");
});

test("CSV names values as people read them, with their codes in a second column", () => {
  const csv = toCsv({
    columns: [
      { label: "Challenge type", code: "Challenge type (code)" },
      { label: "Validated", numeric: true },
    ],
    rows: [
      [
        { text: "Information not in my language", value: "x", code: "information_not_in_my_language" },
        { text: "40", value: 40 },
      ],
    ],
  });
  assert.equal(
    csv,
    "\uFEFFChallenge type,Challenge type (code),Validated\r\nInformation not in my language,information_not_in_my_language,40\r\n",
  );
});

test("trend periods are named as the server names them, across a year end", () => {
  assert.deepEqual(periodKeys("2025-11-15", "2026-02-01", "month"), ["2025-11", "2025-12", "2026-01", "2026-02"]);
  assert.deepEqual(periodKeys("2025-11-15", "2026-04-01", "quarter"), ["2025-Q4", "2026-Q1", "2026-Q2"]);
});

test("filters become API filters; impossible combinations are caught before asking", () => {
  const areas = [
    { id: "region", level: 1, isLeaf: false },
    { id: "district", level: 2, isLeaf: true },
  ];
  const base = filtersFromQuery({ area: "region", category: "rights", subcategory: "rights.denied", channel: "sms" });
  assert.deepEqual(apiFilters(base, areas), [
    ["is", "region", ["region"]],
    ["is", "subcategory", ["rights.denied"]],
    ["is", "channel", ["sms"]],
  ]);
  assert.deepEqual(apiFilters(filtersFromQuery({ area: "district" }), areas), [["is", "district", ["district"]]]);

  const byChannel: IndicatorFilter[] = [["is", "channel", ["sms"]]];
  assert.equal(canAsk({ metrics: ["reports_total"], dimensions: ["gender"], filters: [] }), true);
  assert.equal(canAsk({ metrics: ["reports_total"], dimensions: ["gender"], filters: byChannel }), false);
  assert.equal(canAsk({ metrics: ["median_hours_to_resolution"], dimensions: ["district"], filters: [] }), true);
  assert.equal(canAsk({ metrics: ["median_hours_to_resolution"], dimensions: [], filters: byChannel }), false);
});

test("CSV quotes what needs quoting and never lets a spreadsheet run a formula", () => {
  const csv = toCsv({
    columns: [{ label: "Name" }, { label: "Value", numeric: true }],
    rows: [
      [
        { text: 'Clinic "A", north', value: 'Clinic "A", north' },
        { text: "1,234", value: 1234 },
      ],
      [
        { text: "=HYPERLINK()", value: "=HYPERLINK()" },
        { text: "hidden (fewer than 5)", value: null, hidden: true },
      ],
      [
        { text: "Empty", value: "Empty" },
        { text: "—", value: null },
      ],
    ],
  });
  assert.equal(
    csv,
    '\uFEFFName,Value\r\n"Clinic ""A"", north",1234\r\n\'=HYPERLINK(),hidden (fewer than 5)\r\nEmpty,\r\n',
  );
});

test("map colours: quantile classes spread the districts over the colours, grey when there is no value", () => {
  // Fourteen districts crowded between 53 and 108 (the demo's rates per 1,000): an equal-width scale put all but one
  // in a single band; quantile classes spread them over five colours.
  const rates = [87.2, 84.6, 80.6, 81.4, 73.2, 53.1, 66.9, 89.4, 68.1, 74.2, 107.9, 80.8, 98.1, 72.7];
  const classes = colourClasses(rates);
  assert.equal(classes.length, 5);
  assert.equal(new Set(rates.map((v) => colourOf(classes, v))).size, 5, "every colour is used");
  for (const c of classes) {
    const inside = rates.filter((v) => colourOf(classes, v) === c.color).length;
    assert.ok(inside >= 2 && inside <= 4, `${c.from}–${c.to} holds ${inside} districts`);
  }
  assert.equal(classes[0]!.from, 53.1, "the legend starts at the lowest value");
  assert.equal(classes.at(-1)!.to, 107.9, "and ends at the highest");
  assert.deepEqual(colourClasses([]), []);
  assert.equal(colourClasses([5, 5, 5]).length, 1, "one value, one class");
  assert.equal(colourOf(classes, 200), classes[4]!.color);
  assert.equal(colourOf(classes, null), noValueColor);
});

test("a period's whole calendar months (what targets set per month, quarter or year are compared with)", () => {
  assert.deepEqual(calendarPeriod({ from: "2026-01-15", to: "2026-12-02" }), { from: "2026-01-01", to: "2026-12-31" });
  assert.deepEqual(calendarPeriod({ from: "2024-02-01", to: "2024-02-10" }), { from: "2024-02-01", to: "2024-02-29" });
  assert.deepEqual(calendarPeriod({ from: "2026-03-01", to: "2026-03-31" }), { from: "2026-03-01", to: "2026-03-31" });
});

test("the public view asks only one calendar month, quarter or year, whatever the address says", () => {
  const today = new Date("2026-11-23T10:00:00Z");
  assert.deepEqual(publicQuickPeriod("thisYear", today), { from: "2026-01-01", to: "2026-12-31" });
  assert.deepEqual(publicQuickPeriod("lastYear", today), { from: "2025-01-01", to: "2025-12-31" });
  assert.deepEqual(publicQuickPeriod("thisQuarter", today), { from: "2026-10-01", to: "2026-12-31" });
  assert.deepEqual(publicQuickPeriod("lastQuarter", today), { from: "2026-07-01", to: "2026-09-30" });
  assert.deepEqual(publicQuickPeriod("thisMonth", today), { from: "2026-11-01", to: "2026-11-30" });
  assert.deepEqual(publicQuickPeriod("lastMonth", new Date("2026-01-05T00:00:00Z")), {
    from: "2025-12-01",
    to: "2025-12-31",
  });
  assert.deepEqual(publicPeriod({ from: "", to: "" }, today), { from: "2026-01-01", to: "2026-12-31" }, "this year");
  assert.deepEqual(publicPeriod({ from: "2026-04-01", to: "2026-06-30" }, today), {
    from: "2026-04-01",
    to: "2026-06-30",
  });
  // A run of months (an old link, a staff address) becomes the calendar year it ends in: never asked as it is.
  assert.deepEqual(publicPeriod({ from: "2025-02-01", to: "2025-11-30" }, today), {
    from: "2025-01-01",
    to: "2025-12-31",
  });
  assert.deepEqual(publicPeriod({ from: "2025-12-01", to: "2026-11-23" }, today), publicQuickPeriod("thisYear", today));
  for (const key of ["2026", "2026-Q4", "2024-02"]) assert.equal(keyOfPeriod(periodOfKey(key)!), key);
  assert.equal(keyOfPeriod({ from: "2026-02-01", to: "2026-04-30" }), null);
  assert.equal(litPublicPick(publicQuickPeriod("thisQuarter", today), "", today), "thisQuarter");
  const choices = publicPeriodChoices(today);
  assert.deepEqual(choices.years, ["2026", "2025", "2024"]);
  assert.equal(choices.quarters[0], "2026-Q4", "nothing after the running quarter");
  assert.equal(choices.months[0], "2026-11", "nothing after the running month");
  for (const key of [...choices.years, ...choices.quarters, ...choices.months])
    assert.ok(keyOfPeriod(periodOfKey(key)!));
});

test("a public trend is 12 months (or 4 quarters) asked one calendar year at a time, never past this month", () => {
  const today = new Date("2026-03-10T10:00:00Z");
  const march = publicTrendWindow(publicQuickPeriod("thisYear", today), "month", today);
  assert.deepEqual(march.keys, periodKeys("2025-04-01", "2026-03-31", "month"));
  assert.equal(march.keys.length, 12);
  assert.deepEqual(march.years, [
    { from: "2025-01-01", to: "2025-12-31" },
    { from: "2026-01-01", to: "2026-12-31" },
  ]);
  const lastYear = publicTrendWindow(publicQuickPeriod("lastYear", today), "quarter", today);
  assert.deepEqual(lastYear.keys, ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
  assert.deepEqual(lastYear.years, [{ from: "2025-01-01", to: "2025-12-31" }]);
});

test("a staff view's factsheet link asks a period the factsheet publishes", () => {
  assert.deepEqual(publishablePeriod({ from: "2026-04-01", to: "2026-06-30" }), {
    from: "2026-04-01",
    to: "2026-06-30",
  });
  assert.deepEqual(publishablePeriod({ from: "2026-03-03", to: "2026-03-20" }), {
    from: "2026-03-01",
    to: "2026-03-31",
  });
  assert.deepEqual(publishablePeriod({ from: "2025-07-01", to: "2026-06-12" }), {
    from: "2026-01-01",
    to: "2026-12-31",
  });
});
