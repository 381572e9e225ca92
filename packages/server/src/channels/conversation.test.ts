import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pickText } from "../platform/i18n-text.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { advance, type ConversationState, render, type Step, steps } from "./conversation.js";
import { CHANNEL_TEXT_LANGUAGES } from "./conversation-texts.js";
import { type ConversationWorld, loadConversationWorld } from "./conversation-world.js";
import { fitsScreen, GSM_SCREEN_LIMIT, toGsm, UCS2_SCREEN_LIMIT } from "./screen.js";

describe("USSD screen limits", () => {
  test("182 GSM 7-bit characters fit, 183 do not; 80 characters needing UCS-2 fit, 81 do not", () => {
    assert.equal(fitsScreen("a".repeat(GSM_SCREEN_LIMIT)), true);
    assert.equal(fitsScreen("a".repeat(GSM_SCREEN_LIMIT + 1)), false);
    assert.equal(fitsScreen("я".repeat(UCS2_SCREEN_LIMIT)), true);
    assert.equal(fitsScreen(`${"a".repeat(UCS2_SCREEN_LIMIT)}я`), false);
    // Escaped characters take two septets.
    assert.equal(fitsScreen("{".repeat(91)), true);
    assert.equal(fitsScreen("{".repeat(92)), false);
  });

  test("accents outside the GSM alphabet are dropped, those inside kept; Cyrillic stays", () => {
    assert.equal(toGsm("Região – ação"), "Regiao - acao");
    assert.equal(toGsm("Fièvre à l’école"), "Fièvre à l'école");
    assert.equal(toGsm("Район"), "Район");
  });
});

/**
 * Every screen of the flow, in every configured language, for every category, subcategory, region, district and
 * facility of the configured country, on every page: each fits one USSD string (182 GSM 7-bit characters, 80 in
 * UCS-2). Walked through the engine itself, page by page as a person would ("0").
 */
describe("every screen in every configured language fits one USSD string", () => {
  let t: TestApp;
  let world: ConversationWorld;
  before(async () => {
    t = await createTestApp();
    world = await loadConversationWorld(t.database.db);
  });
  after(async () => t.close());

  /** The screen of `state` and of every later page of it, each checked. */
  function checkAllPages(state: ConversationState, problems: string[]) {
    let current = state;
    for (let guard = 0; guard < 50; guard++) {
      for (const invalid of [false, true]) {
        const reply = `CON ${render({ ...current, invalid }, world)}`;
        if (!fitsScreen(reply)) problems.push(`${current.language} ${current.step} p${current.page}:\n${reply}`);
      }
      const next = advance(current, "0", world);
      if (next.invalid) return;
      current = next;
    }
  }

  function at(step: Step, language: string, answers: Partial<ConversationState> = {}): ConversationState {
    return { step, page: 0, trail: ["language"], language, ...answers };
  }

  test("all steps, all lists, all pages", () => {
    const problems: string[] = [];
    let screens = 0;
    const check = (s: ConversationState) => {
      screens++;
      checkAllPages(s, problems);
    };
    check({ step: "language", page: 0, trail: [] });
    assert.ok(world.languages.length >= 2, "the demo country has several languages");
    // The configured languages and every language the platform ships channel texts in (Khmer needs UCS-2: 80).
    for (const lang of new Set([...world.languages.map((l) => l.code), ...CHANNEL_TEXT_LANGUAGES])) {
      for (const step of steps) {
        if (step === "language") continue;
        check(at(step, lang));
      }
      for (const c of world.taxonomy) {
        check(at("subcategory", lang, { category: c.code }));
        for (const s of c.subcategories) check(at("challengeType", lang, { category: c.code, subcategory: s.code }));
      }
      check(at("districtPrefix", lang, { prefix: "zz" }));
      for (const r of world.regions) {
        const initials = new Set(
          world.districts.filter((d) => d.regionId === r.id).map((d) => pickText(d.names, lang).slice(0, 1)),
        );
        for (const letter of initials) check(at("district", lang, { region: r.id, prefix: letter }));
      }
      for (const d of world.districts) check(at("facility", lang, { region: d.regionId ?? undefined, district: d.id }));
      for (const end of [world.text("done", lang, { code: "K7QM-3XPA" }), world.text("failed", lang)]) {
        if (!fitsScreen(`END ${end}`)) problems.push(`${lang} END: ${end}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(screens > 50, `${screens} screens checked`);
  });

  test("a district is found by its first letters or by the keypad digits that carry them", () => {
    const district = world.districts.find((d) => d.regionId !== null) ?? world.districts[0];
    assert.ok(district);
    const name = pickText(district.names, "en");
    const start = at("districtPrefix", "en", { region: district.regionId ?? undefined });
    const keypad = ["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"];
    const digits = [...toGsm(name).toLowerCase().slice(0, 2)]
      .map((ch) => String(keypad.findIndex((k) => k.includes(ch)) + 2))
      .join("");
    for (const typed of [name.slice(0, 2), name.slice(0, 3).toUpperCase(), digits]) {
      const next = advance(start, typed, world);
      assert.equal(next.step, "district", `typed ${typed}`);
      assert.ok(render(next, world).includes(toGsm(name).slice(0, 6)), render(next, world));
    }
    const listed = advance(start, "1", world);
    assert.equal(listed.step, "district", "1 lists the region's districts");
    assert.ok(render(listed, world).includes(toGsm(name).slice(0, 6)), render(listed, world));
    const none = advance(start, "qqqq", world);
    assert.equal(none.step, "districtPrefix");
    assert.match(render(none, world), /No district/);
  });
});
