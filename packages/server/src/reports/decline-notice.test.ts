import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { declineReasons } from "@openclm/contracts";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/** What the reporter reads on the track page once a data manager declines their report. */
describe("the message a reporter receives when their report is declined", () => {
  let t: TestApp;
  let dm: string;
  let district: string;

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0] as string;
  });
  after(async () => t.close());

  /** Submits a report in `language`, declines it for `reason`, and answers the messages the reporter sees. */
  async function declineAndRead(reason: string, language: string): Promise<string[]> {
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "health_services",
        subcategoryCode: "health_services.availability",
        challengeTypes: [],
        districtId: district,
        language,
      },
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const code = sent.json().trackingCode as string;
    const list = await t.app.inject({ method: "GET", url: `/api/inbox/reports?q=${code}`, headers: { cookie: dm } });
    const id = list.json().items[0]?.id as string;
    const decided = await t.app.inject({
      method: "POST",
      url: `/api/inbox/reports/${id}/decision`,
      headers: { cookie: dm },
      payload: { decision: "decline", reason },
    });
    // "not_registered" applies only where the programme requires registration: the demo does not.
    if (decided.statusCode !== 200) return [];
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${code}` })).json();
    assert.equal(tracked.status, "declined");
    return (tracked.messages as { from: string; body: string }[])
      .filter((m) => m.from === "responder")
      .map((m) => m.body);
  }

  test("each reason reads differently, says why and what to do next, and never names the illness", async () => {
    const seen = new Map<string, string>();
    for (const reason of declineReasons) {
      const messages = await declineAndRead(reason, "en");
      if (reason === "not_registered" && messages.length === 0) continue;
      assert.equal(messages.length, 1, `${reason}: one message`);
      const body = messages[0] as string;
      assert.doesNotMatch(body, /\bTB\b|tuberculosis/i);
      assert.ok(![...seen.values()].includes(body), `${reason} has its own words`);
      seen.set(reason, body);
    }
    assert.match(seen.get("duplicate") ?? "", /already have a report about this same problem/);
    assert.match(seen.get("insufficient_information") ?? "", /not enough information.*send a new report/);
    assert.match(seen.get("out_of_scope") ?? "", /outside what this programme can help with/);
  });

  test("the reason comes in the reporter's language", async () => {
    const [fr] = await declineAndRead("duplicate", "fr");
    assert.match(fr ?? "", /Nous avons déjà un signalement sur ce même problème/);
    const [ru] = await declineAndRead("insufficient_information", "ru");
    assert.match(ru ?? "", /недостаточно сведений/);
    const [pt] = await declineAndRead("out_of_scope", "pt");
    assert.match(pt ?? "", /fora do que este programa pode ajudar/);
  });
});
