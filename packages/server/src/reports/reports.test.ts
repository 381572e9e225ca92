import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { verifyAuditChain } from "../audit/audit.repo.js";
import { putSetting } from "../platform/platform.repo.js";
import { LIMITS_SETTING } from "../platform/rate-limit-settings.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { invalidateReportLookups } from "./reports.lookups.js";
import { trackingCodeHash } from "./tracking-code.js";

interface Area {
  id: string;
  isLeaf: boolean;
}
interface Facility {
  id: string;
  districtId: string;
  lat: number;
  lng: number;
}

describe("reporting API", () => {
  let t: TestApp;
  let districts: Area[];
  let facilities: Facility[];
  let taxonomy: { code: string; subcategories: { code: string; challengeTypes: { code: string }[] }[] }[];

  before(async () => {
    t = await createTestApp();
    const config = (await t.app.inject({ method: "GET", url: "/api/config" })).json();
    districts = config.areas.filter((a: Area) => a.isLeaf);
    taxonomy = config.taxonomy;
    facilities = (await t.app.inject({ method: "GET", url: "/api/facilities" })).json().items;
  });
  after(async () => t.close());

  const count = async (where = sql`true`) =>
    (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE ${where}`))[0]?.n;

  function validBody(over: Record<string, unknown> = {}) {
    const category = taxonomy.find((c) => c.code === "health_services") ?? taxonomy[0]!;
    const sub = category.subcategories[0]!;
    return {
      clientId: crypto.randomUUID(),
      channel: "app",
      reporterMode: "self",
      categoryCode: category.code,
      subcategoryCode: sub.code,
      challengeTypes: [sub.challengeTypes[0]!.code],
      description: "The clinic asked me to pay for my TB medicines.",
      occurredOn: new Date().toISOString().slice(0, 10),
      districtId: districts[0]!.id,
      gender: "female",
      ageGroup: "25-34",
      keyPopulations: ["plhiv"],
      consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
      contact: { phone: "+258 84 123 4567" },
      language: "en",
      ...over,
    };
  }

  const submit = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: "/api/reports", payload: payload as object, headers });

  test("an anonymous report is accepted with a short tracking code", async () => {
    const res = await submit(validBody());
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.status, "submitted");
    assert.match(body.trackingCode, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const [row] = await t.database.rows<{ status: string; region_id: string | null; reporter_mode: string }>(
      sql`SELECT status, region_id, reporter_mode FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, body.trackingCode)}`,
    );
    assert.equal(row?.status, "submitted");
    assert.equal(row?.reporter_mode, "self");
    assert.ok(row?.region_id, "the region is kept beside the district");
  });

  test("the same clientId again answers 200 with the same body and stores nothing new", async () => {
    const body = validBody();
    const first = await submit(body);
    assert.equal(first.statusCode, 201);
    const again = await submit(body);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), first.json());
    const different = await submit({ ...body, description: "something else", districtId: districts[1]!.id });
    assert.equal(different.statusCode, 200);
    assert.deepEqual(different.json(), first.json());
    assert.equal(await count(sql`client_id = ${body.clientId}`), 1);
  });

  test("20 concurrent submissions with one clientId make exactly one report", async () => {
    const body = validBody();
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(body)));
    const codes = new Set(results.map((r) => r.json().trackingCode));
    assert.equal(codes.size, 1);
    assert.deepEqual(results.map((r) => r.statusCode).filter((s) => s === 201).length, 1);
    assert.ok(
      results.every((r) => r.statusCode === 200 || r.statusCode === 201),
      "all answered",
    );
    assert.equal(await count(sql`client_id = ${body.clientId}`), 1);
  });

  test("a burst of different reports is stored once each, with its own code, event and audit row", async () => {
    const bodies = Array.from({ length: 30 }, () => validBody());
    const results = await Promise.all(bodies.map((b) => submit(b)));
    assert.ok(
      results.every((r) => r.statusCode === 201),
      results.map((r) => r.statusCode).join(),
    );
    const codes = results.map((r) => r.json().trackingCode);
    assert.equal(new Set(codes).size, 30);
    const ids = bodies.map((b) => b.clientId);
    const [row] = await t.database.rows<{ reports: number; events: number; audited: number }>(
      sql`SELECT count(*)::int AS reports,
                 (SELECT count(*)::int FROM report_events e JOIN reports x ON x.id = e.report_id
                   WHERE x.client_id IN ${ids}) AS events,
                 (SELECT count(*)::int FROM audit_events a JOIN reports x ON a.entity_id = x.id::text
                   WHERE a.action = 'report.submit' AND x.client_id IN ${ids}) AS audited
            FROM reports WHERE client_id IN ${ids}`,
    );
    assert.deepEqual(row, { reports: 30, events: 30, audited: 30 });
    assert.equal((await verifyAuditChain(t.database.db)).ok, true);
  });

  test("bad input gets its error code and changes nothing", async () => {
    const health = taxonomy.find((c) => c.code === "health_services")!;
    const stigma = taxonomy.find((c) => c.code === "stigma")!;
    const facilityElsewhere = facilities.find((f) => f.districtId !== districts[0]!.id)!;
    const cases: [string, unknown, number, string][] = [
      ["unknown category", validBody({ categoryCode: "weather" }), 400, "UNKNOWN_CATEGORY"],
      [
        "subcategory of another category",
        validBody({ categoryCode: health.code, subcategoryCode: stigma.subcategories[0]!.code, challengeTypes: [] }),
        400,
        "UNKNOWN_SUBCATEGORY",
      ],
      ["unknown challenge type", validBody({ challengeTypes: ["made_up_problem"] }), 400, "UNKNOWN_CHALLENGE_TYPE"],
      [
        "challenge type of another subcategory",
        validBody({ challengeTypes: [stigma.subcategories[0]!.challengeTypes[0]!.code] }),
        400,
        "UNKNOWN_CHALLENGE_TYPE",
      ],
      ["unknown district", validBody({ districtId: crypto.randomUUID() }), 400, "UNKNOWN_AREA"],
      ["facility in another district", validBody({ facilityId: facilityElsewhere.id }), 400, "UNKNOWN_FACILITY"],
      [
        "unknown facility",
        validBody({ facilityId: crypto.randomUUID(), districtId: undefined }),
        400,
        "UNKNOWN_FACILITY",
      ],
      ["no place", validBody({ districtId: undefined }), 400, "PLACE_REQUIRED"],
      [
        "position outside every district",
        validBody({ districtId: undefined, position: { lat: -33.9, lng: 18.4 } }),
        400,
        "POSITION_OUTSIDE_AREAS",
      ],
      ["description of 4001 characters", validBody({ description: "x".repeat(4001) }), 400, "VALIDATION_FAILED"],
      ["a date in the future", validBody({ occurredOn: "2999-01-01" }), 400, "VALIDATION_FAILED"],
      ["a date two days ahead", validBody({ occurredOn: daysAhead(2) }), 400, "VALIDATION_FAILED"],
      ["not a uuid", validBody({ clientId: "abc" }), 400, "VALIDATION_FAILED"],
      ["unknown gender", validBody({ gender: "robot" }), 400, "VALIDATION_FAILED"],
    ];
    const before = await count();
    for (const [name, payload, status, code] of cases) {
      const res = await submit(payload);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.equal(res.json().error.code, code, name);
    }
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      headers: { "content-type": "application/json" },
      payload: '{"clientId": "',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, "MALFORMED_JSON");
    const huge = await submit(validBody({ description: "y".repeat(70 * 1024) }));
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, "PAYLOAD_TOO_LARGE");
    assert.equal(await count(), before);
  });

  test("a key population that is unknown or retired is refused and nothing is stored", async () => {
    // Retired in the taxonomy: old reports keep it, new ones may not name it.
    const [retired] = await t.database.rows<{ code: string }>(
      sql`UPDATE key_populations SET active = false
           WHERE code = (SELECT code FROM key_populations WHERE active AND code <> 'plhiv' ORDER BY code LIMIT 1)
       RETURNING code`,
    );
    assert.ok(retired, "the demo taxonomy has a key population to retire");
    invalidateReportLookups();
    const before = await count();
    for (const [name, codes] of [
      ["unknown", ["plhiv", "astronauts"]],
      ["retired", [retired.code]],
    ] as const) {
      const res = await submit(validBody({ keyPopulations: codes }));
      assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
      assert.equal(res.json().error.code, "UNKNOWN_KEY_POPULATION", name);
    }
    assert.equal(await count(), before, "no report stored");
    const active = await submit(validBody({ keyPopulations: ["plhiv"] }));
    assert.equal(active.statusCode, 201, active.body);
  });

  test("a position inside a district places the report there and is not stored", async () => {
    const f = facilities[3]!;
    const res = await submit(validBody({ districtId: undefined, position: { lat: f.lat, lng: f.lng } }));
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await t.database.rows<Record<string, unknown>>(
      sql`SELECT * FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, res.json().trackingCode)}`,
    );
    assert.equal(row?.district_id, f.districtId);
    const columns = Object.keys(row ?? {}).filter((k) =>
      /(^|_)(lat|lng|latitude|longitude|position|coordinates?)(_|$)/.test(k),
    );
    assert.deepEqual(columns, [], "no column holds a position");
    assert.equal(JSON.stringify(row).includes(String(f.lat)), false, "the latitude is stored nowhere");
  });

  test("a facility alone places the report in the facility's district", async () => {
    const f = facilities[5]!;
    const res = await submit(validBody({ districtId: null, facilityId: f.id }));
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await t.database.rows<{ district_id: string; facility_id: string }>(
      sql`SELECT district_id, facility_id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, res.json().trackingCode)}`,
    );
    assert.equal(row?.district_id, f.districtId);
    assert.equal(row?.facility_id, f.id);
  });

  test("phone and description are encrypted at rest and decrypt correctly", async () => {
    const description = "Nurse told my neighbours about my TB, my name is Amina";
    const res = await submit(validBody({ description, contact: { phone: "+258 84 765 4321" } }));
    const [row] = await t.database.rows<{ description_enc: string; phone_enc: string; phone_hash: string }>(
      sql`SELECT description_enc, phone_enc, phone_hash FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, res.json().trackingCode)}`,
    );
    assert.ok(row, "stored");
    const raw = JSON.stringify(row);
    for (const plain of ["Amina", "neighbours", "765", "4321", "258847654321"]) assert.ok(!raw.includes(plain), plain);
    assert.equal(t.cipher.decrypt(row.description_enc), description);
    assert.equal(t.cipher.decrypt(row.phone_enc), "+258 84 765 4321");
    assert.equal(row.phone_hash, t.cipher.hash("phone", "258847654321"));
    const audit = await t.database.rows<{ details: unknown }>(
      sql`SELECT details FROM audit_events WHERE action = 'report.submit'`,
    );
    assert.ok(audit.length > 0, "audited");
    assert.ok(!JSON.stringify(audit).includes("Amina"), "no personal data in the audit log");
  });

  test("the reporter tracks the report, replies, and confirms or rejects the resolution", async () => {
    const { trackingCode } = (await submit(validBody())).json();
    const tracked = await t.app.inject({ method: "GET", url: `/api/reports/track/${trackingCode}` });
    assert.equal(tracked.statusCode, 200, tracked.body);
    const view = tracked.json();
    assert.equal(view.status, "submitted");
    assert.deepEqual(
      view.timeline.map((e: { status: string }) => e.status),
      ["submitted"],
    );
    assert.deepEqual(view.messages, []);
    assert.equal(view.canConfirm, false);

    // Lower case and without the dash also works (typed on a phone).
    const typed = await t.app.inject({
      method: "GET",
      url: `/api/reports/track/${trackingCode.replace("-", "").toLowerCase()}`,
    });
    assert.equal(typed.statusCode, 200);

    const reply = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${trackingCode}/messages`,
      payload: { body: "I can also come to the office on Monday." },
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const empty = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${trackingCode}/messages`,
      payload: { body: "" },
    });
    assert.equal(empty.statusCode, 400);

    const early = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${trackingCode}/confirmation`,
      payload: { resolved: true },
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, "INVALID_TRANSITION");

    // A responder resolves it, with an internal note and a public reply (as the inbox will do).
    const [{ id } = { id: "" }] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, trackingCode)}`,
    );
    await backdate(t.database, id);
    const later = new Date();
    await t.database.exec(`UPDATE reports SET status = 'resolved', resolved_at = $2 WHERE id = $1;`, [
      id,
      later.toISOString(),
    ]);
    await t.database.exec(
      `INSERT INTO report_events (report_id, at, type, from_status, to_status, actor_type, visible_to_reporter, note_enc)
       VALUES ($1, $2, 'status_change', 'submitted', 'resolved', 'staff', true, $3),
              ($1, $2, 'note', null, null, 'staff', false, $4)`,
      [id, later.toISOString(), t.cipher.encrypt("internal"), t.cipher.encrypt("secret note")],
    );
    await t.database.exec(
      `INSERT INTO report_messages (report_id, at, "from", body_enc) VALUES ($1, $2, 'responder', $3)`,
      [id, later.toISOString(), t.cipher.encrypt("The clinic refunded you, sorry.")],
    );
    const resolved = (await t.app.inject({ method: "GET", url: `/api/reports/track/${trackingCode}` })).json();
    assert.equal(resolved.status, "resolved");
    assert.equal(resolved.canConfirm, true);
    assert.deepEqual(
      resolved.timeline.map((e: { status: string }) => e.status),
      ["submitted", "resolved"],
    );
    assert.deepEqual(
      resolved.messages.map((m: { from: string; body: string }) => [m.from, m.body]),
      [
        ["reporter", "I can also come to the office on Monday."],
        ["responder", "The clinic refunded you, sorry."],
      ],
    );
    assert.ok(!JSON.stringify(resolved).includes("secret note"), "internal notes stay internal");

    const no = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${trackingCode}/confirmation`,
      payload: { resolved: false, comment: "They still ask me to pay." },
    });
    assert.equal(no.statusCode, 200, no.body);
    assert.equal(no.json().status, "in_progress");
    assert.equal(no.json().canConfirm, false);
    assert.deepEqual(
      no.json().timeline.map((e: { status: string }) => e.status),
      ["submitted", "resolved", "in_progress"],
    );

    // Resolved again, later: this time the reporter confirms.
    await backdate(t.database, id);
    await t.database.exec(`UPDATE reports SET status = 'resolved', resolved_at = $2 WHERE id = $1`, [
      id,
      new Date().toISOString(),
    ]);
    const yes = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${trackingCode}/confirmation`,
      payload: { resolved: true },
    });
    assert.equal(yes.statusCode, 200, yes.body);
    assert.equal(yes.json().status, "resolved");
    assert.equal(yes.json().canConfirm, false);
    assert.equal(yes.json().reporterConfirmed, true);
    const [row] = await t.database.rows<{ reporter_confirmed: boolean; version: number }>(
      sql`SELECT reporter_confirmed, version FROM reports WHERE id = ${id}`,
    );
    assert.equal(row?.reporter_confirmed, true);
    const again = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${trackingCode}/confirmation`,
      payload: { resolved: true },
    });
    assert.equal(again.statusCode, 409);
    const actions = (
      await t.database.rows<{ action: string }>(
        sql`SELECT action FROM audit_events WHERE entity = 'report' AND entity_id = ${id} ORDER BY seq`,
      )
    ).map((r) => r.action);
    assert.deepEqual(actions, [
      "report.submit",
      "report.reporter_message",
      "report.resolution_rejected",
      "report.resolution_confirmed",
    ]);
  });

  test("the reporter changes consent per purpose; withdrawing contact deletes the phone number", async () => {
    const manager = account(t.demoAccounts, "data_manager");
    const { trackingCode } = (await submit(validBody({ districtId: manager.scope.districtIds[0] }))).json();
    const url = `/api/reports/track/${trackingCode}/consent`;
    const stored = async () =>
      (
        await t.database.rows<{
          id: string;
          phone_enc: string | null;
          phone_hash: string | null;
          consent_contact_me: boolean;
          consent_share_deidentified: boolean;
          consent_use_in_advocacy: boolean;
        }>(sql`SELECT id, phone_enc, phone_hash, consent_contact_me, consent_share_deidentified, consent_use_in_advocacy
                 FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, trackingCode)}`)
      )[0];
    const auditRows = async (id: string) =>
      t.database.rows<{ details: { changed: string[]; phoneErased: boolean } }>(
        sql`SELECT details FROM audit_events WHERE action = 'report.consent' AND entity_id = ${id} ORDER BY seq`,
      );
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${trackingCode}` })).json();
    assert.deepEqual(tracked.consent, { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false });
    assert.equal(tracked.hasPhone, true);
    const before = await stored();
    assert.ok(before?.phone_enc && before.phone_hash);

    for (const bad of [
      { contactMe: false },
      { contactMe: "no", shareDeidentified: true, useInAdvocacyStories: true },
    ]) {
      const res = await t.app.inject({ method: "POST", url, payload: bad });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, "VALIDATION_FAILED");
    }
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/reports/track/2222-2222/consent",
      payload: { contactMe: false, shareDeidentified: false, useInAdvocacyStories: false },
    });
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(await stored(), before, "refused changes store nothing");

    const wanted = { contactMe: false, shareDeidentified: true, useInAdvocacyStories: true };
    const res = await t.app.inject({ method: "POST", url, payload: wanted });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().consent, wanted);
    assert.equal(res.json().hasPhone, false);
    const after = await stored();
    assert.equal(after?.phone_enc, null, "the phone number is deleted");
    assert.equal(after?.phone_hash, before.phone_hash, "its salted hash stays for duplicate detection");
    assert.deepEqual(
      [after?.consent_contact_me, after?.consent_share_deidentified, after?.consent_use_in_advocacy],
      [false, true, true],
    );
    const audited = await auditRows(before.id);
    assert.deepEqual(
      audited.map((a) => [a.details.changed, a.details.phoneErased]),
      [[["contactMe", "useInAdvocacyStories"], true]],
    );

    const dm = await signInAs(t.app, manager);
    const staffView = await t.app.inject({
      method: "GET",
      url: `/api/inbox/reports/${before.id}`,
      headers: { cookie: dm },
    });
    assert.equal(staffView.statusCode, 200, staffView.body);
    assert.deepEqual(staffView.json().consent, wanted, "staff see the new consent at once");

    const again = await t.app.inject({ method: "POST", url, payload: wanted });
    assert.equal(again.statusCode, 200);
    assert.equal((await auditRows(before.id)).length, 1, "the same consent again changes nothing");
  });

  test("an unknown or malformed tracking code is 404", async () => {
    for (const code of ["ZZZZ-ZZZZ", "nope", "0000-0000"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/reports/track/${code}` });
      assert.equal(res.statusCode, 404, code);
      assert.equal(res.json().error.code, "NOT_FOUND");
    }
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/reports/track/ZZZZ-ZZZZ/messages",
      payload: { body: "hello" },
    });
    assert.equal(reply.statusCode, 404);
  });

  test("on_behalf needs a signed-in peer supporter, whose account and consent are recorded", async () => {
    const assistedBefore = await count(sql`reporter_mode = 'on_behalf'`);
    const assistedBy = { kind: "peer_supporter", consentMethod: "spoken" };
    const anonymous = await submit(validBody({ reporterMode: "on_behalf", assistedBy }));
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, "UNAUTHENTICATED");

    const responderCookie = await signInAs(t.app, account(t.demoAccounts, "first_responder"));
    const notPeer = await submit(validBody({ reporterMode: "on_behalf", assistedBy }), { cookie: responderCookie });
    assert.equal(notPeer.statusCode, 403);
    assert.equal(await count(sql`reporter_mode = 'on_behalf'`), assistedBefore);

    const peer = account(t.demoAccounts, "peer_supporter");
    const cookie = await signInAs(t.app, peer);
    const res = await submit(validBody({ reporterMode: "on_behalf", assistedBy, channel: "web" }), { cookie });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await t.database.rows<{
      assisted_by: string;
      consent_recorded_by: string;
      consent_recorded_at: unknown;
      reporter_mode: string;
    }>(sql`SELECT r.assisted_by, r.consent_recorded_by, r.consent_recorded_at, r.reporter_mode
           FROM reports r WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, res.json().trackingCode)}`);
    const [user] = await t.database.rows<{ id: string }>(sql`SELECT id FROM staff_users WHERE email = ${peer.email}`);
    assert.equal(row?.reporter_mode, "on_behalf");
    assert.equal(row?.assisted_by, user?.id);
    assert.equal(row?.consent_recorded_by, user?.id);
    assert.ok(row?.consent_recorded_at, "consent time recorded");
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${res.json().trackingCode}` })).body;
    assert.ok(!tracked.includes(user?.id ?? "-"), "no staff identities on the tracking page");
  });

  test("the OpenAPI document names the reporting operations", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    for (const id of ["submitReport", "trackReport", "replyToReport", "confirmResolution"])
      assert.ok(ids.includes(id), id);
  });
});

describe("tracking rate limit", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
    // 60 at once and (nearly) no drain, so the count does not depend on how fast this machine sends them.
    await putSetting(t.database.db, LIMITS_SETTING, { routes: { trackPerAddress: { burst: 60, perHour: 1 } } });
  });
  after(async () => t.close());

  test("guessing tracking codes from one address is cut off with 429", async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) {
      const res = await t.app.inject({ method: "GET", url: "/api/reports/track/ZZZZ-ZZZ2" });
      last = res.statusCode;
      if (i < 60) assert.equal(res.statusCode, 404);
    }
    assert.equal(last, 429);
    const res = await t.app.inject({ method: "GET", url: "/api/reports/track/ZZZZ-ZZZ2" });
    assert.equal(res.json().error.code, "RATE_LIMITED");
    assert.ok(Number(res.headers["retry-after"]) > 0, "a 429 says when to come back");
    // Other routes are not limited.
    assert.equal((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode, 200);
  });
});

function daysAhead(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

/** Moves a report's history a minute into the past, so that what the test does next is strictly later (no sleep). */
async function backdate(database: TestApp["database"], id: string): Promise<void> {
  const minute = "interval '1 minute'";
  await database.exec(
    `UPDATE reports SET created_at = created_at - ${minute}, resolved_at = resolved_at - ${minute} WHERE id = $1`,
    [id],
  );
  await database.exec(`UPDATE report_events SET at = at - ${minute} WHERE report_id = $1`, [id]);
  await database.exec(`UPDATE report_messages SET at = at - ${minute} WHERE report_id = $1`, [id]);
}
