import { type LocalizedText, type UpdateProtocolBody, updateProtocolBodySchema } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./protocols.repo.js";
import { updateProtocol } from "./protocols.service.js";

/**
 * The response protocols' per-language texts as the translation editor's `protocols` part (issue 16): a step's label
 * (`<subcategory>.steps.<step>`), a template's title (`<subcategory>.templates.<template>.label`) and its message
 * (`<subcategory>.templates.<template>.body`). They stay on the protocol rows; a translation is written through
 * updateProtocol, so it is validated and audited as an edit in Set-up's protocol editor is.
 */

type Field = { kind: "step"; code: string } | { kind: "template"; code: string; part: "labels" | "bodies" };

function keyOf(subcategoryCode: string, f: Field): string {
  return f.kind === "step"
    ? `${subcategoryCode}.steps.${f.code}`
    : `${subcategoryCode}.templates.${f.code}.${f.part === "labels" ? "label" : "body"}`;
}

/** Every text of every protocol: key → the text per language. */
async function allTexts(db: Db): Promise<Map<string, LocalizedText>> {
  const out = new Map<string, LocalizedText>();
  for (const row of await repo.listProtocols(db)) {
    for (const s of row.steps) out.set(keyOf(row.subcategoryCode, { kind: "step", code: s.code }), s.labels);
    for (const tpl of row.templates) {
      out.set(keyOf(row.subcategoryCode, { kind: "template", code: tpl.code, part: "labels" }), tpl.labels);
      out.set(keyOf(row.subcategoryCode, { kind: "template", code: tpl.code, part: "bodies" }), tpl.bodies);
    }
  }
  return out;
}

/** One language's own protocol texts (no fallback): key → text. */
export async function protocolTextsIn(db: Db, language: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [key, text] of await allTexts(db)) {
    const value = text[language];
    if (value) out.set(key, value);
  }
  return out;
}

/** The source of every key: the default language's text, else English's, else any. */
export async function protocolSourceTexts(db: Db, defaultLanguage: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, text] of await allTexts(db)) {
    out[key] = text[defaultLanguage] ?? text.en ?? Object.values(text)[0] ?? "";
  }
  return out;
}

/** "TB-01.templates.ack.body" → the subcategory and the field, or null for a key no protocol has this shape of. */
function parseKey(key: string): { subcategoryCode: string; field: Field } | null {
  const m = /^(.+)\.(?:steps\.([^.]+)|templates\.([^.]+)\.(label|body))$/.exec(key);
  if (!m?.[1]) return null;
  if (m[2]) return { subcategoryCode: m[1], field: { kind: "step", code: m[2] } };
  return {
    subcategoryCode: m[1],
    field: { kind: "template", code: m[3] as string, part: m[4] === "label" ? "labels" : "bodies" },
  };
}

/**
 * Writes translations of protocol texts in one language, one updateProtocol per subcategory touched (each checked by
 * the protocol contract and audited as `protocol.update`). Keys were checked against the source by the caller.
 * Returns the keys whose text changed.
 */
export async function writeProtocolTexts(
  ctx: Ctx,
  language: string,
  entries: { key: string; value: string }[],
): Promise<string[]> {
  const bySubcategory = new Map<string, { field: Field; key: string; value: string }[]>();
  for (const e of entries) {
    const parsed = parseKey(e.key);
    if (!parsed) continue;
    const list = bySubcategory.get(parsed.subcategoryCode) ?? [];
    list.push({ field: parsed.field, key: e.key, value: e.value });
    bySubcategory.set(parsed.subcategoryCode, list);
  }
  // Every protocol is built and checked before any is written, so a refused batch changes nothing.
  const planned: { subcategoryCode: string; body: UpdateProtocolBody; keys: string[] }[] = [];
  for (const [subcategoryCode, edits] of bySubcategory) {
    const current = await repo.findProtocol(ctx.db, subcategoryCode);
    if (!current) continue;
    const mine: string[] = [];
    const steps = current.steps.map((s) => {
      const edit = edits.find((e) => e.field.kind === "step" && e.field.code === s.code);
      if (!edit || s.labels[language] === edit.value) return s;
      mine.push(edit.key);
      return { ...s, labels: { ...s.labels, [language]: edit.value } };
    });
    const templates = current.templates.map((tpl) => {
      let next = tpl;
      for (const edit of edits) {
        if (edit.field.kind !== "template" || edit.field.code !== tpl.code) continue;
        const part = edit.field.part;
        if (next[part][language] === edit.value) continue;
        mine.push(edit.key);
        next = { ...next, [part]: { ...next[part], [language]: edit.value } };
      }
      return next;
    });
    if (!mine.length) continue;
    const body = updateProtocolBodySchema.safeParse({ steps, templates });
    if (!body.success) {
      throw new AppError(
        "VALIDATION_FAILED",
        "the protocol would not be valid",
        body.error.issues.map((i) => ({ path: `${subcategoryCode}.${i.path.join(".")}`, message: i.message })),
      );
    }
    planned.push({ subcategoryCode, body: body.data, keys: mine });
  }
  for (const p of planned) {
    await updateProtocol(ctx, p.subcategoryCode, p.body, { via: "translations", language, texts: p.keys });
  }
  return planned.flatMap((p) => p.keys);
}
