import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { indexTerms } from "../reports/search-words.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/** A word no demo report holds, so that counts and pages are exact. */
const uniqueWord = () => `zeb${Array.from(crypto.randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;

describe("inbox search by words of the description (blind index)", () => {
  let t: TestApp;
  let dm: string;
  let responderA: string; // first responder in the report's district
  let responderB: string; // first responder elsewhere
  let districtA: string;

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responderA = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    responderB = await signInAs(t.app, account(t.demoAccounts, "first_responder", 1));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  });
  after(async () => t.close());

  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = (cookie: string, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload });

  async function submit(description: string) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "health_services",
        subcategoryCode: "health_services.availability",
        challengeTypes: [],
        description,
        districtId: districtA,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const code = res.json().trackingCode as string;
    const [row] = await t.database.rows<{ id: string; search_tokens: string[] }>(
      sql`SELECT id, search_tokens FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
    );
    return { code, id: row!.id, tokens: row!.search_tokens };
  }

  async function search(cookie: string, q: string, extra = "") {
    const res = await get(cookie, `/api/inbox/reports?q=${encodeURIComponent(q)}${extra}`);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as { items: { trackingCode: string }[]; nextCursor: string | null; counts: object };
    return { ...page, codes: page.items.map((i) => i.trackingCode) };
  }

  test("whole words match whatever their case and accents; a word the text lacks does not", async () => {
    const marker = uniqueWord();
    const { code } = await submit(`The clinic had no Medicines for two weeks. Médicaments épuisés, ${marker}.`);
    for (const q of ["medicines", "Medicines", "MEDICINES", "medicaments", "Médicaments", "EPUISES"]) {
      assert.ok((await search(dm, q)).codes.includes(code), `found by "${q}"`);
    }
    assert.deepEqual((await search(dm, `clinic ${marker} weeks`)).codes, [code], "every word searched must be there");
    assert.deepEqual((await search(dm, `${marker} insulin`)).codes, [], "one missing word is enough to exclude it");
    assert.deepEqual((await search(dm, marker.slice(0, -2))).codes, [code], "the beginning of a word finds it");
    assert.deepEqual((await search(dm, marker.slice(2))).codes, [], "but not the middle of a word");
    assert.deepEqual((await search(dm, "no to")).codes, [], "only short words: nothing searchable, nothing found");
  });

  test("a word's beginning of 4 letters or more finds the longer word: pill finds pills", async () => {
    const marker = uniqueWord();
    const { code } = await submit(`They sold me the pills ${marker}`);
    assert.deepEqual((await search(dm, `pill ${marker}`)).codes, [code]);
    assert.deepEqual((await search(dm, `pills ${marker}`)).codes, [code]);
    assert.deepEqual((await search(dm, `pil ${marker}`)).codes, [], "3 letters match whole words only");
    assert.deepEqual((await search(dm, `pillow ${marker}`)).codes, [], "a longer word does not match a shorter one");
  });

  test("counts and pages follow the search, within the same filters", async () => {
    const word = uniqueWord();
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await submit(`Stock-out of tablets (${word}) number ${i}`)).code);
    const first = await search(dm, word, "&limit=2&sort=oldest");
    assert.deepEqual(first.codes, made.slice(0, 2));
    assert.deepEqual(first.counts, { submitted: 3 }, "counts cover every match, not only the page");
    const second = await search(dm, word, `&limit=2&sort=oldest&cursor=${first.nextCursor}`);
    assert.deepEqual(second.codes, made.slice(2));
    assert.equal(second.nextCursor, null);
    assert.deepEqual((await search(dm, word, "&status=validated")).codes, [], "combined with the status filter");
  });

  test("only staff who may read a report's text find it by its words", async () => {
    const word = uniqueWord();
    const { code, id } = await submit(`The pharmacist sold the medicines privately ${word}`);
    assert.deepEqual((await search(responderB, word)).codes, [], "a responder out of scope finds nothing");
    assert.deepEqual(
      (await search(responderA, word)).codes,
      [],
      "a responder in scope who does not handle it cannot learn what its text says",
    );
    assert.deepEqual((await search(responderA, code)).codes, [code], "though its tracking code finds it");
    assert.equal((await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" })).statusCode, 200);
    const responderId = (await get(responderA, "/api/me")).json().id;
    const assigned = await post(dm, `/api/inbox/reports/${id}/assignment`, { assigneeId: responderId });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.deepEqual((await search(responderA, word)).codes, [code], "once it is theirs, their search finds it");
  });

  test("tracking codes are still found whole, without the dash, lower case, or by their first group (by keyed hash)", async () => {
    const { code } = await submit("Nothing to see");
    for (const q of [code, code.replace("-", ""), code.toLowerCase(), `${code.slice(0, 5)}`, code.slice(0, 4)]) {
      assert.ok((await search(dm, q)).codes.includes(code), `found by "${q}"`);
    }
    assert.deepEqual((await search(dm, code)).codes, [code]);
  });

  test("the database holds keyed tokens only, never a word of the description", async () => {
    const description = "Médicaments manquants à la clinique: the nurse said tablets are finished";
    const { tokens } = await submit(description);
    const words = indexTerms(description);
    assert.equal(tokens.length, words.length, "one token per distinct word or word beginning");
    const clear = new Set([
      ...description.toLowerCase().split(/[^\p{L}\p{N}]+/u),
      ...words,
      ...words.map((w) => Buffer.from(w).toString("base64url")),
    ]);
    for (const token of tokens) {
      assert.ok(!clear.has(token.toLowerCase()), `${token} is not a word of the text`);
      assert.match(token, /^[A-Za-z0-9_-]{16}$/, "96 bits, base64url");
    }
    assert.ok(!tokens.includes(t.cipher.hash("phone", "clinique")), "not the hash used for phones");
  });

  test("the demo reports are searchable from the start", async () => {
    const [{ n } = { n: -1 }] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reports WHERE search_tokens IS NULL`,
    );
    assert.equal(n, 0, "every demo report has its tokens (empty without a description)");
    const found = (await get(dm, "/api/inbox/reports?q=landlord%20evict")).json().items as { id: string }[];
    assert.ok(found.length > 0);
    const detail = (await get(dm, `/api/inbox/reports/${found[0]!.id}`)).json();
    assert.match(detail.personal.description, /landlord wants to evict/);
  });
});
