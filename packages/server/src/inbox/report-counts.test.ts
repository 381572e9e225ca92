import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/** The counters behind the queue's counts per status stay equal to counting the reports themselves. */
describe("report counters", () => {
  let t: TestApp;
  let dm: string;
  let districtA: string;
  let districtB: string;
  let api: ReturnType<typeof staffCalls>;

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    districtB = account(t.demoAccounts, "first_responder", 1).scope.districtIds[0]!;
  });
  after(async () => t.close());

  /** Counter rows and a direct COUNT over reports, in one comparable shape. */
  async function countersAndLive() {
    const key = sql`district_id::text || '|' || status || '|' || category_code || '|' || subcategory_code || '|' || unassigned::text`;
    const counters = await t.database.rows<{ k: string; n: number }>(
      sql`SELECT ${key} AS k, n FROM report_counts WHERE n <> 0 ORDER BY 1`,
    );
    const live = await t.database.rows<{ k: string; n: number }>(sql`
      SELECT k, count(*)::int AS n FROM (
        SELECT district_id::text || '|' || status || '|' || category_code || '|' || subcategory_code || '|' ||
               (assignee_id IS NULL AND assignee_team_id IS NULL)::text AS k FROM reports) r
      GROUP BY k ORDER BY 1`);
    return { counters, live };
  }

  async function assertCountersExact(when: string) {
    const { counters, live } = await countersAndLive();
    assert.ok(live.length > 0);
    assert.deepEqual(counters, live, `counters equal a live count ${when}`);
  }

  test("after the demo load, inserts, workflow updates, direct updates and deletes", async () => {
    await assertCountersExact("after the demo load");
    const reports = [];
    for (let i = 0; i < 4; i++)
      reports.push(await submitReport(t, districtA, { categoryCode: "stigma", subcategoryCode: "stigma.self" }));
    await assertCountersExact("after inserts");
    // Sent at once, these are stored together in one statement (group commit): one grouped counter update.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        submitReport(t, i % 2 ? districtA : districtB, {
          categoryCode: "stigma",
          subcategoryCode: i % 3 ? "stigma.self" : "stigma.health_care",
        }),
      ),
    );
    await assertCountersExact("after a group of submissions sent at once");
    const [a, b, c, d] = reports as [
      (typeof reports)[0],
      (typeof reports)[0],
      (typeof reports)[0],
      (typeof reports)[0],
    ];
    await api.post(dm, `/api/inbox/reports/${a.id}/decision`, { decision: "validate" });
    const team = (await api.get(dm, `/api/inbox/reports/${b.id}/assignees`)).json().teams[0];
    await api.post(dm, `/api/inbox/reports/${b.id}/assignment`, { assigneeId: null, assigneeTeamId: team.id });
    const me = (await api.get(dm, "/api/me")).json().id;
    await api.post(dm, `/api/inbox/reports/${c.id}/assignment`, { assigneeId: me });
    await assertCountersExact("after validating and assigning to a team and a person");
    await t.database.db.execute(
      sql`UPDATE reports SET category_code = 'rights', subcategory_code = 'rights.privacy', district_id = ${districtB} WHERE id = ${d.id}`,
    );
    await api.post(dm, `/api/inbox/reports/${c.id}/assignment`, { assigneeId: null });
    await assertCountersExact("after moving a report and unassigning one");
    await t.database.db.execute(sql`DELETE FROM reports WHERE id IN (${a.id}, ${d.id})`);
    await assertCountersExact("after deletes");
  });

  test("the queue's counts from counters equal its live counts, for every counted filter", async () => {
    // Some reports past their targets, so that overdue and not overdue both have members.
    for (let i = 0; i < 3; i++) {
      const r = await submitReport(t, districtA, { categoryCode: "stigma", subcategoryCode: "stigma.employment" });
      const age = i === 0 ? "4 days" : i === 1 ? "40 days" : "1 hour";
      await t.database.db.execute(sql`UPDATE reports SET created_at = now() - ${age}::interval WHERE id = ${r.id}`);
    }
    const filters = [
      "",
      "categoryCode=stigma",
      "subcategoryCode=stigma.employment",
      "categoryCode=stigma&assigneeId=none",
      `areaId=${districtA}&categoryCode=stigma`,
      "overdue=true",
      "overdue=false",
      "categoryCode=stigma&overdue=true",
      "subcategoryCode=stigma.employment&overdue=false&assigneeId=none",
    ];
    for (const f of filters) {
      const counted = (await api.get(dm, `/api/inbox/reports?${f}`)).json().counts;
      // A date filter that excludes nothing makes the server count the matching reports one by one.
      const live = (await api.get(dm, `/api/inbox/reports?${f}&from=2000-01-01`)).json().counts;
      const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
      assert.deepEqual(nonZero(counted), nonZero(live), `counts for "${f}"`);
    }
    const overdue = (await api.get(dm, "/api/inbox/reports?categoryCode=stigma&overdue=true")).json().counts;
    assert.ok(
      Object.values(overdue).some((n) => (n as number) > 0),
      "the test has overdue reports to count",
    );
  });
});
