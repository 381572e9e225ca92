import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { listInboxQuerySchema, savedViewFiltersSchema } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("saved inbox views", () => {
  let t: TestApp;
  let dm: string;
  let responder: string;
  let api: ReturnType<typeof staffCalls>;

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responder = await signInAs(t.app, account(t.demoAccounts, "first_responder"));
  });
  after(async () => t.close());

  const filters = { status: ["submitted"], categoryCode: "stigma", overdue: true, sort: "oldest" };

  test("a person saves, lists, renames and deletes their own views", async () => {
    const created = await api.post(dm, "/api/inbox/views", { name: "New stigma reports", filters });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    assert.deepEqual(created.json().filters, filters, "the filters come back as saved");
    const twice = await api.post(dm, "/api/inbox/views", { name: "New stigma reports", filters: {} });
    assert.equal(twice.statusCode, 409, "one name once per person");

    const renamed = await api.patch(dm, `/api/inbox/views/${id}`, { name: "Stigma, oldest first" });
    assert.equal(renamed.statusCode, 200);
    const list = (await api.get(dm, "/api/inbox/views")).json().items;
    assert.deepEqual(
      list.map((v: { name: string }) => v.name),
      ["Stigma, oldest first"],
    );
    assert.equal((await api.del(dm, `/api/inbox/views/${id}`)).statusCode, 200);
    assert.deepEqual((await api.get(dm, "/api/inbox/views")).json().items, []);
  });

  test("views are private: another person's view id reads as not found, and their own names are free", async () => {
    const mine = (await api.post(dm, "/api/inbox/views", { name: "Mine", filters })).json();
    assert.deepEqual((await api.get(responder, "/api/inbox/views")).json().items, [], "not listed to others");
    const rename = await api.patch(responder, `/api/inbox/views/${mine.id}`, { name: "Stolen" });
    assert.equal(rename.statusCode, 404);
    assert.equal((await api.del(responder, `/api/inbox/views/${mine.id}`)).statusCode, 404);
    const same = await api.post(responder, "/api/inbox/views", { name: "Mine", filters: {} });
    assert.equal(same.statusCode, 201, "the same name is another person's own");
    const still = (await api.get(dm, "/api/inbox/views")).json().items;
    assert.deepEqual(
      still.map((v: { name: string }) => v.name),
      ["Mine"],
      "the owner's view is untouched",
    );
  });

  test("a view keeps every filter the queue offers, and they come back as saved", async () => {
    const facility = await t.database.rows<{ id: string; district_id: string }>(
      sql`SELECT id, district_id FROM facilities ORDER BY code LIMIT 1`,
    );
    const every = {
      status: ["in_progress"],
      categoryCode: "health_services",
      subcategoryCode: "health_services.availability",
      areaId: facility[0]!.district_id,
      facilityId: facility[0]!.id,
      assigneeId: "none",
      from: "2026-01-01",
      to: "2026-06-30",
      q: "pills",
      overdue: true,
      channel: ["ussd"],
      reporterMode: ["on_behalf"],
      replied: true,
      duplicate: true,
      reopened: true,
      sort: "oldest",
    };
    // Nothing the list query filters on is left out of a view (paging aside, and the live or practice set: that is
    // the inbox's training mode, which a view applies within, not a filter of its own).
    const queueFilters = Object.keys(listInboxQuerySchema.shape).filter(
      (k) => k !== "cursor" && k !== "limit" && k !== "set",
    );
    assert.deepEqual(
      queueFilters.filter((k) => !(k in savedViewFiltersSchema.shape)),
      [],
      "every queue filter has a place in a saved view",
    );
    const created = await api.post(dm, "/api/inbox/views", { name: "Everything", filters: every });
    assert.equal(created.statusCode, 201, created.body);
    const listed = (await api.get(dm, "/api/inbox/views"))
      .json()
      .items.find((v: { name: string }) => v.name === "Everything");
    assert.deepEqual(listed.filters, every, "facility, channel, reporter mode and the flags are kept");
    const teamView = await api.post(dm, "/api/inbox/views", { name: "My teams", filters: { teamId: "mine" } });
    assert.deepEqual(teamView.json().filters, { teamId: "mine" });
  });

  test("filters outside the queue's vocabulary are refused", async () => {
    const bad = await api.post(dm, "/api/inbox/views", { name: "Bad", filters: { status: ["lost"] } });
    assert.equal(bad.statusCode, 400);
  });
});
