import assert from "node:assert/strict";
import { test } from "node:test";
import { demoContent, demoContentExtra } from "./demo-content.js";

test("the sample content exists in every extra shipped language, item for item", () => {
  const slugs = demoContent.map((i) => i.slug).sort();
  for (const [lang, texts] of Object.entries(demoContentExtra)) {
    assert.deepEqual(Object.keys(texts).sort(), slugs, `${lang}: same items`);
    for (const item of demoContent) {
      const t = texts[item.slug];
      assert.ok(t, `${lang} ${item.slug}: missing`);
      assert.ok(t.title.trim() && t.summary.trim() && t.body.trim(), `${lang} ${item.slug}: empty text`);
      assert.equal(Boolean(t.figureLabel), Boolean(item.figure), `${lang} ${item.slug}: figure label`);
      // The Markdown keeps its shape: as many list items and bold phrases as the English.
      const shape = (s: string) => [(s.match(/^(- |\d\. )/gm) ?? []).length, (s.match(/\*\*/g) ?? []).length];
      assert.deepEqual(shape(t.body), shape(item.t.en.body), `${lang} ${item.slug}: Markdown shape`);
    }
  }
  for (const t of Object.values(demoContentExtra.km)) assert.match(t.title, /[\u1780-\u17ff]/, "km in Khmer script");
  for (const lang of ["tg", "uk", "kk"] as const)
    for (const t of Object.values(demoContentExtra[lang])) assert.match(t.title, /^[^A-Za-z]+$/, `${lang} in Cyrillic`);
  // Tajik, Ukrainian and Kazakh are written in their own letters, not left in Russian.
  assert.match(demoContentExtra.tg["tb-symptoms"]!.title, /[ӣӯҳҷқғ]/);
  assert.match(demoContentExtra.uk["freedom-from-discrimination"]!.title, /[іїєґ]/);
  assert.match(demoContentExtra.kk["tb-symptoms"]!.title, /[әіңғүұқөһ]/);
});
