import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { auditActionsFor, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("responder teams", () => {
  let t: TestApp;
  let admin: string; // country admin: Set-up
  let dm: string; // data manager, region A
  let responderA: string; // district A1
  let responderB: string; // district in region B
  let districtA: string;
  let districtB: string;
  let ids: { dm: string; responderA: string; responderB: string };
  let api: ReturnType<typeof staffCalls>;

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responderA = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    responderB = await signInAs(t.app, account(t.demoAccounts, "first_responder", 1));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    districtB = account(t.demoAccounts, "first_responder", 1).scope.districtIds[0]!;
    const me = async (c: string) => (await api.get(c, "/api/me")).json().id as string;
    ids = { dm: await me(dm), responderA: await me(responderA), responderB: await me(responderB) };
  });
  after(async () => t.close());

  const queueIds = async (cookie: string, query: string) =>
    (await api.get(cookie, `/api/inbox/reports?${query}&limit=100`)).json().items.map((i: { id: string }) => i.id);

  test("the demo seeds a team per demo responder's district, with its responder", async () => {
    const teams = (await api.get(admin, "/api/teams")).json().items;
    assert.equal(teams.length, 2);
    const a = teams.find((tm: { scopeAreaIds: string[] }) => tm.scopeAreaIds.includes(districtA));
    assert.match(a.name, /^Legal aid team — /);
    assert.ok(a.members.some((m: { id: string }) => m.id === ids.responderA));
    assert.equal((await api.get(dm, "/api/teams")).statusCode, 403, "Set-up is the country admin's");
  });

  test("Set-up: create, rename, add and remove members; each change audited", async () => {
    const created = await api.post(admin, "/api/teams", { name: "TB doctors", scopeAreaIds: [districtA] });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    assert.equal(
      (await api.post(admin, "/api/teams", { name: "TB doctors", scopeAreaIds: [districtA] })).statusCode,
      409,
    );
    const renamed = await api.patch(admin, `/api/teams/${id}`, { name: "TB doctors — A1" });
    assert.equal(renamed.json().name, "TB doctors — A1");
    const added = await api.put(admin, `/api/teams/${id}/members/${ids.responderA}`);
    assert.deepEqual(
      added.json().members.map((m: { id: string }) => m.id),
      [ids.responderA],
    );
    const outside = await api.put(admin, `/api/teams/${id}/members/${ids.responderB}`);
    assert.equal(outside.statusCode, 400, "a responder whose scope does not cover the team's cannot join");
    const removed = await api.del(admin, `/api/teams/${id}/members/${ids.responderA}`);
    assert.deepEqual(removed.json().members, []);
    assert.equal((await api.del(admin, `/api/teams/${id}/members/${ids.responderA}`)).statusCode, 404);
    assert.deepEqual(await auditActionsFor(t, id), [
      "team.create",
      "team.rename",
      "team.add_member",
      "team.remove_member",
    ]);
  });

  test("Set-up offers as members only staff who could join: they handle reports and cover the team's scope", async () => {
    const team = (
      await api.post(admin, "/api/teams", { name: "Peer counsellors — A1", scopeAreaIds: [districtA] })
    ).json();
    const offered = async () =>
      (await api.get(admin, `/api/teams/${team.id}/candidates`)).json().items.map((m: { id: string }) => m.id);
    const before = await offered();
    assert.ok(before.includes(ids.responderA) && before.includes(ids.dm), "responder and data manager of A");
    assert.ok(!before.includes(ids.responderB), "a responder elsewhere cannot join");
    const adminId = (await api.get(admin, "/api/me")).json().id;
    assert.ok(!before.includes(adminId), "the country admin handles no reports");
    await api.put(admin, `/api/teams/${team.id}/members/${ids.responderA}`);
    assert.ok(!(await offered()).includes(ids.responderA), "members are not offered again");
    assert.equal((await api.get(dm, `/api/teams/${team.id}/candidates`)).statusCode, 403);
  });

  test("a team-held report shows under 'my team' for its members only, and only they handle it", async () => {
    const team = (await api.post(admin, "/api/teams", { name: "Nutrition — A1", scopeAreaIds: [districtA] })).json();
    await api.put(admin, `/api/teams/${team.id}/members/${ids.dm}`);
    const r = await submitReport(t, districtA, { contact: { phone: "+999 55 765 4321" } });
    await api.post(dm, `/api/inbox/reports/${r.id}/decision`, { decision: "validate" });
    const assigned = await api.post(dm, `/api/inbox/reports/${r.id}/assignment`, {
      assigneeId: null,
      assigneeTeamId: team.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);

    assert.ok((await queueIds(dm, "teamId=mine")).includes(r.id), "a member sees it under 'my team'");
    assert.ok(!(await queueIds(responderA, "teamId=mine")).includes(r.id), "a colleague outside the team does not");
    assert.ok(!(await queueIds(dm, "assigneeId=none")).includes(r.id), "a team-held report is not unassigned");
    const notMember = await api.post(responderA, `/api/inbox/reports/${r.id}/status`, { status: "in_progress" });
    assert.equal(notMember.statusCode, 403, "another team's report is not the responder's to handle");
    assert.equal((await api.get(responderA, `/api/inbox/reports/${r.id}`)).json().personal, null);

    await api.put(admin, `/api/teams/${team.id}/members/${ids.responderA}`);
    assert.ok((await queueIds(responderA, "teamId=mine")).includes(r.id), "once a member, it is theirs too");
    const detail = (await api.get(responderA, `/api/inbox/reports/${r.id}`)).json();
    assert.equal(detail.personal.phone, "+999 55 765 4321", "team members handling it see the contact");
    const handled = await api.post(responderA, `/api/inbox/reports/${r.id}/status`, { status: "in_progress" });
    assert.equal(handled.statusCode, 200);
  });

  test("assignment rules: a team or person must cover the district, and a named person must be in the team", async () => {
    const teamB = (await api.get(admin, "/api/teams"))
      .json()
      .items.find((tm: { scopeAreaIds: string[] }) => tm.scopeAreaIds.includes(districtB));
    const teamA = (
      await api.post(admin, "/api/teams", { name: "Social workers — A1", scopeAreaIds: [districtA] })
    ).json();
    const r = await submitReport(t, districtA);
    const wrongTeam = await api.post(dm, `/api/inbox/reports/${r.id}/assignment`, {
      assigneeId: null,
      assigneeTeamId: teamB.id,
    });
    assert.equal(wrongTeam.statusCode, 400, "a team elsewhere cannot hold it");
    const notInTeam = await api.post(dm, `/api/inbox/reports/${r.id}/assignment`, {
      assigneeId: ids.responderA,
      assigneeTeamId: teamA.id,
    });
    assert.equal(notInTeam.statusCode, 400, "the person named must belong to the team");
    const offered = (await api.get(dm, `/api/inbox/reports/${r.id}/assignees`)).json();
    assert.ok(offered.teams.some((tm: { id: string }) => tm.id === teamA.id));
    assert.ok(!offered.teams.some((tm: { id: string }) => tm.id === teamB.id), "only teams covering it are offered");
  });
});
