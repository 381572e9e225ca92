import { type EditorNamespace, editorNamespaces } from "@openclm/contracts";
import { XMLParser } from "fast-xml-parser";
import { type GetTextTranslation, type GetTextTranslations, po } from "gettext-parser";
import { AppError } from "../platform/app-error.js";

/**
 * The files translators work in (issue 16 item 2): gettext PO and XLIFF 2.0. One unit per string: its id is
 * `<namespace>:<key>` (msgctxt in PO, the file and unit ids in XLIFF), the source is English (the default language's
 * label for the taxonomy), and "needs review" travels as PO's `fuzzy` flag or XLIFF's `state="translated"` (a reviewed
 * string is `state="final"`). Writing a file and reading it back gives the same entries, so a round trip changes
 * nothing.
 */
export interface FileEntry {
  namespace: EditorNamespace;
  key: string;
  source: string;
  /** "" when the language has no text of its own (the translator fills it in). */
  target: string;
  needsReview: boolean;
}

const badFile = (message: string, details?: unknown) =>
  new AppError("VALIDATION_FAILED", message, details ?? [{ path: "data", message }]);

function splitId(id: string): { namespace: EditorNamespace; key: string } {
  const at = id.indexOf(":");
  const namespace = id.slice(0, at) as EditorNamespace;
  if (at < 1 || !editorNamespaces.includes(namespace)) throw badFile(`unknown string id ${id}`);
  return { namespace, key: id.slice(at + 1) };
}

export function writePo(language: string, entries: FileEntry[]): string {
  const translations: Record<string, Record<string, GetTextTranslation>> = {
    "": { "": { msgid: "", msgstr: [""] } },
  };
  for (const e of entries) {
    const msgctxt = `${e.namespace}:${e.key}`;
    translations[msgctxt] = {
      [e.source]: {
        msgctxt,
        msgid: e.source,
        msgstr: [e.target],
        ...(e.needsReview ? { comments: { flag: "fuzzy" } } : {}),
      } as GetTextTranslation,
    };
  }
  const compiled = po.compile(
    {
      charset: "utf-8",
      headers: {
        "Content-Type": "text/plain; charset=UTF-8",
        Language: language,
        "X-Generator": "OpenCLM",
      },
      translations,
    },
    { foldLength: 0, sort: false },
  );
  return compiled.toString("utf8");
}

export function readPo(data: string): { language: string | null; entries: FileEntry[] } {
  let parsed: GetTextTranslations;
  try {
    parsed = po.parse(data, { defaultCharset: "utf-8" });
  } catch (err) {
    throw badFile(`not a PO file: ${(err as Error).message}`);
  }
  const entries: FileEntry[] = [];
  for (const [ctx, byId] of Object.entries(parsed.translations)) {
    if (ctx === "") continue;
    for (const t of Object.values(byId) as GetTextTranslation[]) {
      entries.push({
        ...splitId(ctx),
        source: t.msgid,
        target: t.msgstr[0] ?? "",
        needsReview: /\bfuzzy\b/.test(t.comments?.flag ?? ""),
      });
    }
  }
  return { language: parsed.headers?.Language ?? null, entries };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function writeXliff(language: string, entries: FileEntry[]): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="${escapeXml(language)}">`,
  ];
  for (const namespace of editorNamespaces) {
    const mine = entries.filter((e) => e.namespace === namespace);
    if (!mine.length) continue;
    lines.push(`  <file id="${namespace}">`);
    for (const e of mine) {
      const state = e.target === "" ? "initial" : e.needsReview ? "translated" : "final";
      lines.push(
        `    <unit id="${escapeXml(e.key)}">`,
        `      <segment state="${state}">`,
        `        <source xml:space="preserve">${escapeXml(e.source)}</source>`,
        `        <target xml:space="preserve">${escapeXml(e.target)}</target>`,
        "      </segment>",
        "    </unit>",
      );
    }
    lines.push("  </file>");
  }
  lines.push("</xliff>", "");
  return lines.join("\n");
}

type XmlNode = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") return String((v as XmlNode)["#text"] ?? "");
  return String(v);
};

export function readXliff(data: string): { language: string | null; entries: FileEntry[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    isArray: (name) => ["file", "unit", "segment"].includes(name),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(data, true) as XmlNode;
  } catch (err) {
    throw badFile(`not an XLIFF file: ${(err as Error).message}`);
  }
  const root = doc.xliff as XmlNode | undefined;
  if (root?.["@version"] !== "2.0" || !root) throw badFile('not an XLIFF 2.0 file (<xliff version="2.0">)');
  const entries: FileEntry[] = [];
  for (const file of asArray(root.file as XmlNode[])) {
    for (const unit of asArray(file.unit as XmlNode[])) {
      const segment = asArray(unit.segment as XmlNode[])[0] ?? {};
      entries.push({
        ...splitId(`${file["@id"]}:${unit["@id"]}`),
        source: textOf(segment.source),
        target: textOf(segment.target),
        needsReview: segment["@state"] !== "final" && segment["@state"] !== "reviewed",
      });
    }
  }
  return { language: (root["@trgLang"] as string | undefined) ?? null, entries };
}
