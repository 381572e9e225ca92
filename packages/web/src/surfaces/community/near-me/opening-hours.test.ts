import assert from "node:assert/strict";
import { test } from "node:test";
import { formatOpeningHours } from "./opening-hours.js";

test("consecutive days with the same hours are joined; closed days are left out", () => {
  const rows = formatOpeningHours(
    {
      mon: ["08:00-12:00", "13:00-17:00"],
      tue: ["08:00-12:00", "13:00-17:00"],
      wed: ["08:00-12:00", "13:00-17:00"],
      thu: ["08:00-12:00"],
      sat: ["09:00-11:00"],
    },
    "en",
  );
  assert.deepEqual(rows, [
    { days: "Mon – Wed", times: "08:00–12:00, 13:00–17:00" },
    { days: "Thu", times: "08:00–12:00" },
    { days: "Sat", times: "09:00–11:00" },
  ]);
});

test("day names follow the language, and no hours means no rows", () => {
  assert.equal(formatOpeningHours({ mon: ["08:00-17:00"] }, "fr")[0]?.days, "lun.");
  assert.deepEqual(formatOpeningHours({}, "en"), []);
});
