import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { reportPayload, staffCalls } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, cookieFrom, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { trackingCodeHash } from "./tracking-code.js";

/** Assisted reporting (issue 23, PRODUCT.md 7): who may report on someone's behalf, what is recorded, where it shows. */
describe("assisted reporting", () => {
  let t: TestApp;
  let district: string;
  let region: string;
  let peer: string;
  let peerId: string;
  let otherPeer: string;
  let dm: string;
  let analyst: string;
  const calls = () => staffCalls(t);

  before(async () => {
    t = await createTestApp();
    const responder = account(t.demoAccounts, "first_responder", 0);
    district = responder.scope.districtIds[0] ?? "";
    const [row] = await t.database.rows<{ region_id: string }>(
      sql`SELECT ancestor_ids[2] AS region_id FROM areas WHERE id = ${district}`,
    );
    region = row?.region_id ?? "";
    const peerAccount = await createStaffAccount(t, "peer_supporter", { areaIds: [region] });
    peer = await signInAs(t.app, peerAccount);
    const [user] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM staff_users WHERE email = ${peerAccount.email}`,
    );
    peerId = user?.id ?? "";
    otherPeer = await signInAs(t.app, await createStaffAccount(t, "peer_supporter", { areaIds: [region] }));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
  });
  after(async () => t.close());

  const submit = (payload: unknown, cookie?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: payload as object,
      headers: cookie ? { cookie } : {},
    });
  const onBehalf = (assistedBy: Record<string, unknown> | null, extra: Record<string, unknown> = {}) =>
    reportPayload(district, { reporterMode: "on_behalf", assistedBy, ...extra });
  const countByClientId = async (clientId: string) =>
    Number(
      (
        await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE client_id = ${clientId}`)
      )[0]?.n,
    );
  const rowOf = async (code: string) =>
    (
      await t.database.rows<{
        id: string;
        assisted_by: string | null;
        assistant_kind: string | null;
        consent_method: string | null;
        consent_reference_enc: string | null;
        consent_recorded_at: unknown;
        community_account_id: string | null;
      }>(sql`SELECT id, assisted_by, assistant_kind, consent_method, consent_reference_enc, consent_recorded_at,
                    community_account_id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`)
    )[0];

  async function communityAccount(): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/community/accounts",
      payload: { nickname: `carer-${crypto.randomUUID().slice(0, 8).replace(/\d/g, "x")}`, secret: "48213579" },
    });
    assert.equal(res.statusCode < 300, true, res.body);
    return cookieFrom(res);
  }

  test("assistedBy is required with on_behalf, refused with self, and a thumbprint needs its form's reference", async () => {
    for (const [body, path] of [
      [onBehalf(null), "assistedBy"],
      [reportPayload(district, { assistedBy: { kind: "peer_supporter", consentMethod: "spoken" } }), "assistedBy"],
      [onBehalf({ kind: "peer_supporter", consentMethod: "thumbprint" }), "assistedBy.consentReference"],
      [
        onBehalf({ kind: "peer_supporter", consentMethod: "thumbprint", consentReference: "  " }),
        "assistedBy.consentReference",
      ],
    ] as const) {
      const res = await submit(body, peer);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, "VALIDATION_FAILED");
      assert.equal(res.json().error.details[0].path, path);
      assert.equal(await countByClientId(body.clientId), 0, "nothing stored");
    }
    const badKind = await submit(onBehalf({ kind: "neighbour", consentMethod: "spoken" }), peer);
    assert.equal(badKind.statusCode, 400);
  });

  test("who may record which kind: nobody signed in is 401 (the app asks to sign in), others 403", async () => {
    const spoken = { kind: "peer_supporter", consentMethod: "spoken" };
    const anonymous = await submit(onBehalf(spoken));
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, "UNAUTHENTICATED");
    const responder = await signInAs(t.app, account(t.demoAccounts, "first_responder"));
    assert.equal((await submit(onBehalf(spoken), responder)).statusCode, 403);
    for (const kind of ["family", "facility_desk"]) {
      const res = await submit(onBehalf({ kind, consentMethod: "spoken" }), peer);
      assert.equal(res.statusCode, 403, `${kind}: ${res.body}`);
    }
    const carer = await communityAccount();
    for (const kind of ["peer_supporter", "health_worker", "facility_desk"]) {
      const res = await submit(onBehalf({ kind, consentMethod: "spoken" }), carer);
      assert.equal(res.statusCode, 403, `${kind}: ${res.body}`);
    }
  });

  test("a queued report refused for an expired session arrives once after signing in again", async () => {
    const body = onBehalf({ kind: "treatment_supporter", consentMethod: "thumbprint", consentReference: "FORM-0042" });
    const expired = await submit(body); // the session cookie is gone: as the outbox sees an expired session
    assert.equal(expired.statusCode, 401);
    assert.equal(await countByClientId(body.clientId), 0);
    const first = await submit(body, peer);
    assert.equal(first.statusCode, 201, first.body);
    const again = await submit(body, peer);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), first.json());
    assert.equal(await countByClientId(body.clientId), 1, "exactly once");

    const row = await rowOf(first.json().trackingCode);
    assert.equal(row?.assisted_by, peerId);
    assert.equal(row?.assistant_kind, "treatment_supporter");
    assert.equal(row?.consent_method, "thumbprint");
    assert.ok(row?.consent_recorded_at);
    assert.ok(row?.consent_reference_enc && !row.consent_reference_enc.includes("FORM-0042"), "reference encrypted");

    // The data manager sees who assisted and how consent was given, the form's reference with the personal data.
    const view = await calls().get(dm, `/api/inbox/reports/${row?.id}`);
    assert.equal(view.statusCode, 200, view.body);
    assert.deepEqual(view.json().assistance, {
      kind: "treatment_supporter",
      consentMethod: "thumbprint",
      consentReference: "FORM-0042",
    });
    assert.equal(view.json().reporterMode, "on_behalf");
  });

  test("a peer supporter lists their own assisted reports, with status and no personal data", async () => {
    const body = onBehalf(
      { kind: "peer_supporter", consentMethod: "signed", consentReference: "SIGNED-7" },
      { description: "Private words", contact: { phone: "+258 84 555 0101" }, consent: { contactMe: true } },
    );
    const res = await submit(body, peer);
    assert.equal(res.statusCode, 201, res.body);
    const mine = await calls().get(peer, "/api/me/assisted-reports");
    assert.equal(mine.statusCode, 200, mine.body);
    const item = mine.json().items.find((i: { clientId: string }) => i.clientId === body.clientId);
    assert.deepEqual(Object.keys(item).sort(), [
      "assistantKind",
      "categoryCode",
      "clientId",
      "consentMethod",
      "createdAt",
      "status",
      "subcategoryCode",
    ]);
    assert.equal(item.status, "submitted");
    assert.equal(item.consentMethod, "signed");
    for (const secret of ["Private words", "555 0101", "SIGNED-7", res.json().trackingCode])
      assert.ok(!mine.body.includes(secret), `no ${secret}`);
    const others = await calls().get(otherPeer, "/api/me/assisted-reports");
    assert.ok(!others.body.includes(body.clientId), "another peer supporter does not see it");
    assert.equal((await calls().get(dm, "/api/me/assisted-reports")).statusCode, 403);
  });

  test("a family member reports through a community account; the person's own report is flagged as a duplicate", async () => {
    const carer = await communityAccount();
    const phone = { contact: { phone: "+258 84 777 1234" }, consent: { contactMe: true } };
    const family = onBehalf({ kind: "family", consentMethod: "spoken" }, phone);
    const res = await submit(family, carer);
    assert.equal(res.statusCode, 201, res.body);
    const row = await rowOf(res.json().trackingCode);
    assert.equal(row?.assistant_kind, "family");
    assert.equal(row?.assisted_by, null, "no staff account assisted");
    assert.ok(row?.community_account_id, "the assisting community account is recorded");
    const mine = await t.app.inject({ method: "GET", url: "/api/community/reports", headers: { cookie: carer } });
    assert.equal(mine.json().items.length, 1, "the family member follows it from their account");

    const own = await submit(reportPayload(district, phone));
    assert.equal(own.statusCode, 201);
    const ownRow = await rowOf(own.json().trackingCode);
    const dupes = await calls().get(dm, `/api/inbox/reports/${ownRow?.id}/duplicates`);
    assert.equal(dupes.statusCode, 200, dupes.body);
    assert.ok(
      dupes.json().items.some((d: { id: string }) => d.id === row?.id),
      "the family report and the person's own are flagged",
    );
  });

  test("indicators separate every kind of assistant and each peer supporter; exports carry the kind", async () => {
    const month = new Date().toISOString().slice(0, 7);
    const from = `${month}-01`;
    const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const query = (dimensions: string[]) =>
      t.app.inject({
        method: "POST",
        url: "/api/dashboard/indicators",
        headers: { cookie: analyst },
        payload: { metrics: ["reports_total"], dimensions, from, to },
      });
    const byKind = await query(["assisted_by"]);
    assert.equal(byKind.statusCode, 200, byKind.body);
    const expected = await t.database.rows<{ kind: string; n: number }>(sql`
      SELECT coalesce(assistant_kind, 'none') AS kind, count(*)::int AS n FROM reports
       WHERE created_at >= ${from}::date AND created_at < ${to}::date + 1 GROUP BY 1`);
    const got = Object.fromEntries(
      byKind
        .json()
        .rows.map((r: { dimensions: { assisted_by: string }; metrics: { reports_total: number } }) => [
          r.dimensions.assisted_by,
          r.metrics.reports_total,
        ]),
    );
    assert.deepEqual(got, Object.fromEntries(expected.map((e) => [e.kind, e.n])));
    for (const kind of ["family", "peer_supporter", "treatment_supporter"]) assert.ok((got[kind] ?? 0) >= 1, kind);

    const byPeer = await query(["assistant"]);
    assert.equal(byPeer.statusCode, 200, byPeer.body);
    const mine = byPeer
      .json()
      .rows.find((r: { dimensions: { assistant: string } }) => r.dimensions.assistant === peerId);
    assert.equal(mine?.metrics.reports_total, 2, "this peer supporter's two reports");
    assert.match(byPeer.json().labels.assistant[peerId], /Test peer_supporter/);

    const published = await t.app.inject({
      method: "POST",
      url: "/api/public/indicators",
      payload: { metrics: ["reports_total"], dimensions: ["assistant"], from, to, population: "publishable" },
    });
    assert.equal(published.statusCode, 400);
    assert.equal(published.json().error.code, "PUBLIC_QUERY_NOT_ALLOWED");

    const csv = await t.app.inject({
      method: "GET",
      url: `/api/dashboard/reports/export?from=${from}&to=${to}`,
      headers: { cookie: analyst },
    });
    assert.equal(csv.statusCode, 200, csv.body);
    const rows = parse(csv.body, { columns: true, comment: "#" }) as Record<string, string>[];
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => "assisted_by" in r));
    assert.ok(rows.every((r) => (r.reporter_mode === "self") === (r.assisted_by === "")));
    assert.ok(!csv.body.includes(peerId), "never who assisted");
  });
});

describe("facility desks", () => {
  let t: TestApp;
  let admin: string;
  let facility: { id: string; districtId: string };
  let otherDistrict: string;

  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    const [f] = await t.database.rows<{ id: string; district_id: string }>(
      sql`SELECT id, district_id FROM facilities ORDER BY code LIMIT 1`,
    );
    facility = { id: f?.id ?? "", districtId: f?.district_id ?? "" };
    const [d] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM areas WHERE id <> ${facility.districtId} AND is_leaf LIMIT 1`,
    );
    otherDistrict = d?.id ?? "";
  });
  after(async () => t.close());

  const deskReport = (extra: Record<string, unknown> = {}) =>
    reportPayload(otherDistrict, {
      reporterMode: "on_behalf",
      assistedBy: { kind: "facility_desk", consentMethod: "spoken" },
      ...extra,
    });

  test("Set-up issues a one-time code; the device that enters it reports at its facility, until revoked", async () => {
    const issued = await t.app.inject({
      method: "POST",
      url: "/api/setup/desks",
      headers: { cookie: admin },
      payload: { facilityId: facility.id },
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const { id, code } = issued.json() as { id: string; code: string };
    const actions = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY seq`,
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      ["desk.issue"],
    );
    const [stored] = await t.database.rows<{ code_hash: string }>(
      sql`SELECT code_hash FROM facility_desks WHERE id = ${id}`,
    );
    assert.ok(stored?.code_hash && !stored.code_hash.includes(code), "only a keyed hash of the code is kept");

    const activated = await t.app.inject({ method: "POST", url: "/api/desk/activation", payload: { code } });
    assert.equal(activated.statusCode, 200, activated.body);
    assert.equal(activated.json().facilityId, facility.id);
    const desk = cookieFrom(activated);
    const again = await t.app.inject({ method: "POST", url: "/api/desk/activation", payload: { code } });
    assert.equal(again.statusCode, 404, "the code works once");

    const me = await t.app.inject({ method: "GET", url: "/api/desk", headers: { cookie: desk } });
    assert.equal(me.json().districtId, facility.districtId);

    // Any other kind is refused; the facility is the desk's, whatever place the device sent.
    const wrongKind = await submit(
      deskReport({ assistedBy: { kind: "peer_supporter", consentMethod: "spoken" } }),
      desk,
    );
    assert.equal(wrongKind.statusCode, 403);
    const sent = await submit(deskReport(), desk);
    assert.equal(sent.statusCode, 201, sent.body);
    const [row] = await t.database.rows<{ facility_id: string; district_id: string; assistant_kind: string }>(
      sql`SELECT facility_id, district_id, assistant_kind FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, sent.json().trackingCode)}`,
    );
    assert.deepEqual(row, {
      facility_id: facility.id,
      district_id: facility.districtId,
      assistant_kind: "facility_desk",
    });

    // The code by SMS: only for this desk's report, only to a phone the visitor gave with consent, only with a provider.
    const sms = (clientId: string, cookie?: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/desk/code-sms",
        payload: { clientId },
        headers: cookie ? { cookie } : {},
      });
    assert.equal((await sms(deskReport().clientId, desk)).statusCode, 404, "not a report of this desk");
    assert.equal((await sms(crypto.randomUUID())).statusCode, 401, "only a desk");
    const noPhone = await submit(deskReport(), desk);
    const noPhoneId = await rowByCode(noPhone.json().trackingCode);
    assert.equal((await sms(noPhoneId, desk)).json().error.code, "VALIDATION_FAILED");
    const withPhone = deskReport({ contact: { phone: "+258 84 123 4567" }, consent: { contactMe: true } });
    assert.equal((await submit(withPhone, desk)).statusCode, 201);
    const noProvider = await sms(withPhone.clientId, desk);
    assert.equal(noProvider.statusCode, 409, "no SMS provider set up here");

    const revoked = await t.app.inject({ method: "DELETE", url: `/api/setup/desks/${id}`, headers: { cookie: admin } });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const after = await submit(deskReport(), desk);
    assert.equal(after.statusCode, 401, "a revoked desk reports as nobody");
    const audited = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY seq`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ["desk.issue", "desk.activate", "desk.revoke"],
    );
  });

  test("a region's administrator issues, sees and revokes desks only for the facilities they manage", async () => {
    // An administrator of a region that does not hold the facility's district.
    const [region] = await t.database.rows<{ id: string }>(
      sql`SELECT r.id FROM areas r WHERE r.level = 1
          AND NOT EXISTS (SELECT 1 FROM areas d WHERE d.id = ${facility.districtId} AND d.parent_id = r.id) LIMIT 1`,
    );
    const outsider = await signInAs(
      t.app,
      await createStaffAccount(t, "country_admin", { areaIds: [region?.id ?? ""] }),
    );
    const issue = (cookie: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/setup/desks",
        headers: { cookie },
        payload: { facilityId: facility.id },
      });
    const desks = async () =>
      (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM facility_desks`))[0]?.n;
    const before = await desks();
    const refused = await issue(outsider);
    assert.equal(refused.json().error?.code, "UNKNOWN_FACILITY", refused.body);
    assert.equal(await desks(), before, "no desk made");
    const mine = await issue(admin);
    assert.equal(mine.statusCode, 201, mine.body);
    const { id } = mine.json() as { id: string };
    const listed = await t.app.inject({ method: "GET", url: "/api/setup/desks", headers: { cookie: outsider } });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.ok(
      !(listed.json().items as { id: string }[]).some((d) => d.id === id),
      "another region's desk is not listed",
    );
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/setup/desks/${id}`,
      headers: { cookie: outsider },
    });
    assert.equal(revoke.statusCode, 404);
    const [row] = await t.database.rows<{ revoked: boolean }>(
      sql`SELECT revoked_at IS NOT NULL AS revoked FROM facility_desks WHERE id = ${id}`,
    );
    assert.equal(row?.revoked, false, "the desk still works");
  });

  const submit = (payload: unknown, cookie?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: payload as object,
      headers: cookie ? { cookie } : {},
    });
  const rowByCode = async (code: string) =>
    (
      await t.database.rows<{ client_id: string }>(
        sql`SELECT client_id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
      )
    )[0]?.client_id ?? "";
});
