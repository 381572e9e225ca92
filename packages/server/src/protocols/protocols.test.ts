import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { JobRunner } from "../platform/job-runner.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { DEFAULT_PROTOCOLS } from "./default-protocols.js";
import { escalateOverdueJob, escalateOverdueReports } from "./escalate-overdue.js";

describe("response protocols", () => {
  let t: TestApp;
  let dm: string; // data manager, region A
  let responderA: string; // district A1
  let responderB: string; // elsewhere
  let admin: string; // country admin
  let districtA: string;

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responderA = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    responderB = await signInAs(t.app, account(t.demoAccounts, "first_responder", 1));
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    // The demo history holds old open reports: count them as escalated so each test sees only its own breaches.
    await t.database.db.execute(
      sql`INSERT INTO report_escalations (report_id, sla, due_at, supervisor_ids)
          SELECT id, kind, created_at, '{}' FROM reports, unnest(ARRAY['first_response', 'resolution']) AS kind`,
    );
  });
  after(async () => t.close());

  const get = (cookie: string, url: string, lang = "en") =>
    t.app.inject({ method: "GET", url, headers: { cookie, "accept-language": lang } });
  const send = (cookie: string, method: "POST" | "PATCH", url: string, payload: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as object });

  async function submit(subcategoryCode: string, extra: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: subcategoryCode.split(".")[0],
        subcategoryCode,
        districtId: districtA,
        ...extra,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const code = res.json().trackingCode as string;
    const [row] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
    );
    return { code, id: row!.id };
  }

  const staffId = async (role: "data_manager" | "first_responder") => {
    const email = account(t.demoAccounts, role).email;
    const [row] = await t.database.rows<{ id: string }>(sql`SELECT id FROM staff_users WHERE email = ${email}`);
    return row!.id;
  };
  const ageBy = (id: string, hours: number) =>
    t.database.db.execute(
      sql`UPDATE reports SET created_at = now() - make_interval(hours => ${hours}) WHERE id = ${id}`,
    );
  const queueRow = async (code: string) => (await get(dm, `/api/inbox/reports?q=${code}`)).json().items[0];
  const inOverdueFilter = async (code: string) =>
    (await get(dm, `/api/inbox/reports?overdue=true&q=${code}`)).json().items.length === 1;
  const auditActions = async (id: string) =>
    (
      await t.database.rows<{ action: string }>(
        sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY seq`,
      )
    ).map((a) => a.action);

  test("the subcategory's first-response target decides overdue, in the queue and the detail alike", async () => {
    // 30 hours without a response: past "no medicines" (24 h), within self-stigma (72 h).
    const urgent = await submit("health_services.availability");
    const calm = await submit("stigma.self");
    await ageBy(urgent.id, 30);
    await ageBy(calm.id, 30);
    assert.equal((await queueRow(urgent.code)).overdue, true);
    assert.equal(await inOverdueFilter(urgent.code), true);
    assert.equal((await get(dm, `/api/inbox/reports/${urgent.id}`)).json().overdue, true);
    assert.equal((await queueRow(calm.code)).overdue, false);
    assert.equal(await inOverdueFilter(calm.code), false);
    assert.equal((await get(dm, `/api/inbox/reports/${calm.id}`)).json().overdue, false);

    const clocks = (await get(dm, `/api/inbox/reports/${urgent.id}/protocol`)).json().sla;
    assert.equal(clocks.firstResponse.targetHours, 24);
    assert.equal(clocks.firstResponse.overdue, true);
    assert.equal(clocks.resolution.overdue, false);

    // A first response stops that clock; the report is no longer overdue.
    const reply = await send(dm, "POST", `/api/inbox/reports/${urgent.id}/messages`, { body: "We are on it" });
    assert.equal(reply.statusCode, 200);
    assert.equal((await queueRow(urgent.code)).overdue, false);

    // Shortening the self-stigma target in Set-up applies at once.
    const edit = await send(admin, "PATCH", "/api/setup/protocols/stigma.self", { firstResponseHours: 12 });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal((await queueRow(calm.code)).overdue, true);
    // Without targets of its own, the subcategory falls back to the global setting (72 h).
    await send(admin, "PATCH", "/api/setup/protocols/stigma.self", { firstResponseHours: null, resolutionHours: null });
    assert.equal((await queueRow(calm.code)).overdue, false);
    assert.equal((await get(dm, `/api/inbox/reports/${calm.id}/protocol`)).json().slaSource, "default");
    await send(admin, "PATCH", "/api/setup/protocols/stigma.self", { firstResponseHours: 72, resolutionHours: 504 });
  });

  test("ticking a step is audited and on the timeline; unticking too; out of scope is 404", async () => {
    const r = await submit("rights.privacy");
    const tick = await send(responderA, "POST", `/api/inbox/reports/${r.id}/protocol-steps`, {
      stepCode: "limit_disclosure",
      done: true,
    });
    assert.equal(tick.statusCode, 200, tick.body);
    const step = tick.json().steps.find((s: { code: string }) => s.code === "limit_disclosure");
    assert.equal(step.done, true);
    assert.equal(step.doneBy, await staffId("first_responder"));
    // Ticking again changes nothing and records nothing.
    await send(responderA, "POST", `/api/inbox/reports/${r.id}/protocol-steps`, {
      stepCode: "limit_disclosure",
      done: true,
    });
    const untick = await send(dm, "POST", `/api/inbox/reports/${r.id}/protocol-steps`, {
      stepCode: "limit_disclosure",
      done: false,
    });
    assert.equal(untick.json().steps.find((s: { code: string }) => s.code === "limit_disclosure").done, false);
    assert.deepEqual(
      (await auditActions(r.id)).filter((a) => a.startsWith("report.protocol")),
      ["report.protocol_step_done", "report.protocol_step_undone"],
    );
    const timeline = (await get(dm, `/api/inbox/reports/${r.id}`)).json().timeline;
    assert.deepEqual(
      timeline.filter((e: { type: string }) => e.type === "protocol_step").map((e: { details: object }) => e.details),
      [
        { stepCode: "limit_disclosure", done: true },
        { stepCode: "limit_disclosure", done: false },
      ],
    );

    const outside = await send(responderB, "POST", `/api/inbox/reports/${r.id}/protocol-steps`, {
      stepCode: "limit_disclosure",
      done: true,
    });
    assert.equal(outside.statusCode, 404);
    assert.equal((await get(responderB, `/api/inbox/reports/${r.id}/protocol`)).statusCode, 404);
    const unknown = await send(dm, "POST", `/api/inbox/reports/${r.id}/protocol-steps`, {
      stepCode: "not_a_step",
      done: true,
    });
    assert.equal(unknown.statusCode, 400);
  });

  test("templates come filled in, in the reporter's language and in the staff member's", async () => {
    const bodies = DEFAULT_PROTOCOLS.find((p) => p.subcategoryCode === "rights.health")!.templates[0]!.bodies;
    for (const lang of ["en", "fr", "ru", "pt"] as const) {
      const r = await submit("rights.health", { language: lang });
      const protocol = (await get(dm, `/api/inbox/reports/${r.id}/protocol`, "ru")).json();
      const ack = protocol.templates.find((x: { code: string }) => x.code === "introduce");
      assert.equal(ack.language, lang);
      assert.ok(ack.body.startsWith(bodies[lang].split("{")[0]!), `${lang}: ${ack.body}`);
      assert.ok(ack.body.includes(r.code) && !ack.body.includes("{"), "placeholders are filled");
      assert.ok(ack.staffBody.startsWith("Здравствуйте"), "the staff member reads it in their language");
      assert.equal(protocol.steps[0].label, "Связаться с заявителем и уточнить, что произошло");
    }
  });

  test("one acknowledgement: validating sends it, and no template offers to send it again", async () => {
    const r = await submit("rights.health", { language: "en" });
    assert.equal(
      (await send(dm, "POST", `/api/inbox/reports/${r.id}/decision`, { decision: "validate" })).statusCode,
      200,
    );
    const sent = (await get(dm, `/api/inbox/reports/${r.id}`)).json().messages;
    assert.equal(sent.length, 1, "the automatic acknowledgement");
    const protocol = (await get(dm, `/api/inbox/reports/${r.id}/protocol`)).json();
    const codes = protocol.templates.map((x: { code: string }) => x.code);
    assert.ok(!codes.includes("acknowledge"), codes.join());
    for (const x of protocol.templates as { body: string }[]) {
      assert.doesNotMatch(x.body, /we have (received )?your report/i, "a second acknowledgement");
    }
  });

  test("Set-up: every default subcategory has a protocol; editing needs setup:manage and is audited", async () => {
    const list = await get(admin, "/api/setup/protocols");
    assert.equal(list.statusCode, 200);
    const codes = list.json().items.map((p: { subcategoryCode: string }) => p.subcategoryCode);
    for (const p of DEFAULT_PROTOCOLS) assert.ok(codes.includes(p.subcategoryCode), p.subcategoryCode);
    const steps = [{ code: "call_clinic", labels: { en: "Call the clinic", fr: "Appeler la clinique" } }];
    assert.equal((await send(dm, "PATCH", "/api/setup/protocols/rights.health", { steps })).statusCode, 403);
    assert.equal((await get(dm, "/api/setup/protocols")).statusCode, 403);
    const ok = await send(admin, "PATCH", "/api/setup/protocols/rights.health", { steps });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json().steps, steps);
    assert.ok(ok.json().templates.length > 0, "templates not named in the edit are kept");
    assert.deepEqual(await auditActions("rights.health"), ["protocol.update"]);
    const unknown = await send(admin, "PATCH", "/api/setup/protocols/rights.nothing", { steps });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, "UNKNOWN_SUBCATEGORY");
    const duplicate = await send(admin, "PATCH", "/api/setup/protocols/rights.health", { steps: [...steps, ...steps] });
    assert.equal(duplicate.statusCode, 400);
  });

  test("the escalation job escalates an overdue report once, to its supervisors, and leaves others alone", async () => {
    const late = await submit("health_services.availability");
    const fresh = await submit("health_services.availability");
    const stale = await submit("health_services.availability");
    await ageBy(late.id, 25);
    // Fell due more than a week ago (history loaded at once, or the job was down): left to the overdue view.
    await ageBy(stale.id, 168 + 8 * 24);
    const ctx = systemCtx(t.app.services, "escalation-test", "job:protocols.escalate-overdue");
    // Two runs at once (as two processes would) and one more after: one escalation.
    await Promise.all([escalateOverdueReports(ctx), escalateOverdueReports(ctx)]);
    await escalateOverdueReports(ctx);

    const events = (await get(dm, `/api/inbox/reports/${late.id}`))
      .json()
      .timeline.filter((e: { type: string }) => e.type === "escalation");
    assert.equal(events.length, 1);
    assert.equal(events[0].details.sla, "first_response");
    assert.ok(events[0].details.supervisorIds.includes(await staffId("data_manager")));
    assert.ok(!events[0].details.supervisorIds.includes(await staffId("first_responder")));
    assert.equal((await auditActions(late.id)).filter((a) => a === "report.sla_escalate").length, 1);
    // The auditor sees that the platform acted, and which part of it, not an anonymous visitor.
    const [actor] = await t.database.rows<{ actor_type: string; actor_id: string }>(
      sql`SELECT actor_type, actor_id FROM audit_events WHERE action = 'report.sla_escalate' AND entity_id = ${late.id}`,
    );
    assert.deepEqual(actor, { actor_type: "system", actor_id: "job:protocols.escalate-overdue" });
    const clocks = (await get(dm, `/api/inbox/reports/${late.id}/protocol`)).json().sla;
    assert.ok(clocks.firstResponse.escalatedAt);

    const freshTimeline = (await get(dm, `/api/inbox/reports/${fresh.id}`)).json().timeline;
    assert.ok(!freshTimeline.some((e: { type: string }) => e.type === "escalation"));
    assert.ok(!(await auditActions(fresh.id)).includes("report.sla_escalate"));
    assert.ok(!(await auditActions(stale.id)).includes("report.sla_escalate"), "stale breaches are not escalated");
  });

  const clocksOf = async (id: string) => (await get(dm, `/api/inbox/reports/${id}/protocol`)).json().sla;

  test("'not solved' restarts the resolution clock from the reopening, not from creation", async () => {
    // "No medicines": first response 24 h, resolution 168 h.
    const r = await submit("health_services.availability");
    await send(dm, "POST", `/api/inbox/reports/${r.id}/decision`, { decision: "validate" });
    await send(responderA, "POST", `/api/inbox/reports/${r.id}/take`, {});
    const resolved = await send(responderA, "POST", `/api/inbox/reports/${r.id}/status`, {
      status: "resolved",
      outcome: "service_provided",
    });
    assert.equal(resolved.statusCode, 200, resolved.body);
    // Filed 200 hours ago and once escalated: counted from creation, the reopened report would be overdue at once.
    await ageBy(r.id, 200);
    await t.database.db.execute(
      sql`INSERT INTO report_escalations (report_id, sla, due_at, supervisor_ids) VALUES (${r.id}, 'resolution', now(), '{}')`,
    );
    const resolvedClock = (await clocksOf(r.id)).resolution;
    assert.equal(resolvedClock.state, "met_late", "resolved after its 168 h");

    const beforeAnswer = Date.now();
    const no = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${r.code}/confirmation`,
      payload: { resolved: false },
    });
    assert.equal(no.statusCode, 200, no.body);

    const clock = (await clocksOf(r.id)).resolution;
    assert.equal(clock.state, "running");
    assert.equal(clock.restarted, true);
    assert.equal(clock.escalatedAt, null, "the earlier escalation was of the old clock");
    const started = new Date(clock.startedAt).getTime();
    assert.ok(started >= beforeAnswer - 1000, "started at the reporter's answer");
    assert.equal(new Date(clock.dueAt).getTime() - started, 168 * 3_600_000);
    assert.equal((await queueRow(r.code)).overdue, false);
    assert.equal(await inOverdueFilter(r.code), false);

    // 170 hours after the reopening, it is late again: queue, filter, detail and the escalation job agree.
    await t.database.db.execute(
      sql`UPDATE reports SET reopened_at = now() - make_interval(hours => 170) WHERE id = ${r.id}`,
    );
    assert.equal((await clocksOf(r.id)).resolution.state, "overdue");
    assert.equal((await queueRow(r.code)).overdue, true);
    assert.equal(await inOverdueFilter(r.code), true);
    await escalateOverdueReports(systemCtx(t.app.services, "reopen-test", "job:protocols.escalate-overdue"));
    const escalations = (await get(dm, `/api/inbox/reports/${r.id}`))
      .json()
      .timeline.filter((e: { type: string; details: { sla?: string } }) => e.type === "escalation");
    assert.deepEqual(
      escalations.map((e: { details: { sla: string } }) => e.details.sla),
      ["resolution"],
      "the restarted clock escalates once it is late",
    );
  });

  test("a declined report shows no running deadline: stopped before it was due, missed after", async () => {
    const early = await submit("health_services.availability");
    const decline = await send(dm, "POST", `/api/inbox/reports/${early.id}/decision`, {
      decision: "decline",
      reason: "out_of_scope",
    });
    assert.equal(decline.statusCode, 200, decline.body);
    const clocks = await clocksOf(early.id);
    for (const c of [clocks.firstResponse, clocks.resolution]) {
      assert.equal(c.state, "stopped");
      assert.ok(c.endedAt);
      assert.equal(c.overdue, false);
    }
    // Declined 30 hours after it came in: the first response (24 h) was missed, the resolution (168 h) was not due.
    await ageBy(early.id, 30);
    const late = await clocksOf(early.id);
    assert.equal(late.firstResponse.state, "missed");
    assert.equal(late.resolution.state, "stopped");
    assert.equal((await queueRow(early.code)).overdue, false);
  });

  test("pg-boss runs the job on this database: scheduled by cron, run on demand, stopped cleanly", async () => {
    // The job as pg-boss runs it, reporting when a run that started after the send has finished: awaited, not polled.
    let sent = false;
    let ranAfterSend!: (err?: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => {
      ranAfterSend = (err) => (err ? reject(err) : resolve());
    });
    const observed: typeof escalateOverdueJob = {
      ...escalateOverdueJob,
      handler: async (ctx, payload) => {
        const afterSend = sent;
        try {
          await escalateOverdueJob.handler(ctx, payload);
          if (afterSend) ranAfterSend();
        } catch (err) {
          if (afterSend) ranAfterSend(err);
          throw err;
        }
      },
    };
    const runner = new JobRunner(t.app.services, [observed as never], { pollingIntervalSeconds: 0.5 });
    try {
      await runner.start();
      const schedules = await runner.schedules();
      assert.ok(schedules.some((s) => s.name === escalateOverdueJob.id && s.cron === escalateOverdueJob.cron));
      const late = await submit("support_services.mental_health");
      await ageBy(late.id, 30);
      sent = true;
      await runner.send(escalateOverdueJob, {});
      await finished;
      assert.ok((await auditActions(late.id)).includes("report.sla_escalate"), "the queued job escalated the report");
    } finally {
      await runner.stop();
    }
  });
});
