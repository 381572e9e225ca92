import assert from "node:assert/strict";
import { test } from "node:test";
import { mergeReports } from "./merge-reports.js";

test("a report both on the device and in the account is listed once, with the account's status", () => {
  const merged = mergeReports(
    [
      { trackingCode: "AAAA-1111", createdAt: "2025-03-01T10:00:00.000Z", categoryCode: "stigma" },
      { trackingCode: "BBBB-2222", createdAt: "2025-03-03T10:00:00.000Z", categoryCode: "rights" },
    ],
    [
      {
        trackingCode: "AAAA-1111",
        status: "in_progress",
        categoryCode: "stigma",
        subcategoryCode: "stigma.self",
        createdAt: "2025-03-01T10:00:00.000Z",
      },
      {
        trackingCode: "CCCC-3333",
        status: "submitted",
        categoryCode: "rights",
        subcategoryCode: "rights.health",
        createdAt: "2025-03-02T10:00:00.000Z",
      },
    ],
  );
  assert.deepEqual(
    merged.map((r) => [r.trackingCode, r.status]),
    [
      ["BBBB-2222", undefined],
      ["CCCC-3333", "submitted"],
      ["AAAA-1111", "in_progress"],
    ],
  );
});

test("without an account the device's list is unchanged", () => {
  const device = [{ trackingCode: "AAAA-1111", createdAt: "2025-03-01T10:00:00.000Z", categoryCode: "stigma" }];
  assert.deepEqual(mergeReports(device, []), device);
});
