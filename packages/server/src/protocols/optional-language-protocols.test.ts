import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_PROTOCOLS } from "./default-protocols.js";
import {
  OPTIONAL_STEP_LABELS,
  OPTIONAL_TEMPLATE_BODIES,
  OPTIONAL_TEMPLATE_LABELS,
  type OptionalText,
  withOptionalLanguages,
} from "./optional-language-protocols.js";

const steps = new Set(DEFAULT_PROTOCOLS.flatMap((p) => p.steps.map((s) => s.code)));
const templates = new Map(DEFAULT_PROTOCOLS.flatMap((p) => p.templates.map((t) => [t.code, t] as const)));
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

function covers(table: Record<string, OptionalText>, codes: Iterable<string>, what: string) {
  assert.deepEqual(Object.keys(table).sort(), [...codes].sort(), `${what}: one entry per default code, no other`);
  for (const [code, text] of Object.entries(table))
    assert.deepEqual(Object.keys(text).sort(), ["kk", "tg", "uk"], `${what} ${code}`);
}

test("every default step and template has its texts in each optional language", () => {
  covers(OPTIONAL_STEP_LABELS, steps, "step");
  covers(OPTIONAL_TEMPLATE_LABELS, templates.keys(), "template name");
  covers(OPTIONAL_TEMPLATE_BODIES, templates.keys(), "template body");
});

test("template bodies keep the placeholders and never name the illness: phones are shared", () => {
  for (const [code, text] of Object.entries(OPTIONAL_TEMPLATE_BODIES)) {
    const en = templates.get(code)?.bodies.en ?? "";
    for (const [lang, body] of Object.entries(text)) {
      assert.deepEqual(placeholders(body), placeholders(en), `${code} ${lang}`);
      assert.doesNotMatch(body, /туберкул|\bсил\b|\bТБ\b|\bTB\b/i, `${code} ${lang}`);
    }
  }
});

test("the seeded protocols carry the optional languages beside the default ones", () => {
  const merged = withOptionalLanguages(DEFAULT_PROTOCOLS[0]!);
  const [step] = merged.steps;
  const [template] = merged.templates;
  assert.equal(step?.labels.en, DEFAULT_PROTOCOLS[0]!.steps[0]!.labels.en);
  assert.ok(step?.labels.uk && step.labels.tg && step.labels.kk);
  assert.ok(template?.bodies.kk?.includes("{trackingCode}"));
});
