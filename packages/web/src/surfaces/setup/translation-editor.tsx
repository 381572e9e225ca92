import type { ApiResponse } from "@openclm/contracts";
import {
  editorNamespaces,
  type PlaceholderSyntax,
  type PluralCategory,
  placeholderSyntaxOf,
  placeholderText,
} from "@openclm/contracts/translation-rules";
import { useCallback, useId, useMemo, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { forgetPublicConfig } from "../../api/public-config.js";
import { staffApi } from "../../api/staff-client.js";
import { reloadTranslations } from "../../i18n/i18n.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { numberFormat } from "../../shared/intl-format.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { FormError } from "../staff/form-error.js";
import type { SetupLanguage } from "./languages-setup.js";

type Surface = ApiResponse<"GET /setup/translations">;
type Entry = Surface["items"][number];
type Namespace = (typeof editorNamespaces)[number];
type Filter = "all" | "missing" | "review";

const PAGE = 40;

/** A few whole numbers that take this plural form in the language ("few" in Russian: 2, 3, 4), from CLDR via Intl. */
function pluralExamples(language: string, form: PluralCategory): string {
  const rules = new Intl.PluralRules(language);
  const found: number[] = [];
  for (let n = 0; n < 200 && found.length < 3; n++) if (rules.select(n) === form) found.push(n);
  return found.join(", ");
}

/**
 * The translation editor (issue 16 item 2): one surface of one language, the default language's text beside each
 * string, its state (translated here, shipped, missing and shown from the fallback), "needs review" flags, exactly the
 * plural forms the language has. The server checks placeholders and refuses a save that drops one.
 */
export function TranslationEditor(props: { languages: SetupLanguage[]; onSaved: () => void }) {
  const t = useT("setup");
  const id = useId();
  const [language, setLanguage] = useState(props.languages.find((l) => !l.isDefault)?.code ?? "en");
  const [namespace, setNamespace] = useState<Namespace>("app");
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const load = useCallback(
    () => staffApi("GET /setup/translations", { query: { language, namespace } }),
    [language, namespace],
  );
  const { data: loaded, error, reload } = useLoad(load);
  // After a save the surface loads again; the table stays (with its status line) until the new answer is in.
  const last = useRef<{ key: string; data: Surface } | null>(null);
  if (loaded) last.current = { key: `${language}/${namespace}`, data: loaded };
  const data = loaded ?? (last.current?.key === `${language}/${namespace}` ? last.current.data : null);
  const info = props.languages.find((l) => l.code === language);
  const surfaceName = t(`languages.surfaces.${namespace}`);
  return (
    <section class="setup-section translation-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("languages.editor.title")}</h2>
      <div class="translation-editor__pick">
        <div class="field">
          <label for={`${id}-lang`}>{t("languages.editor.language")}</label>
          <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {props.languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name} ({l.code})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-ns`}>{t("languages.editor.surface")}</label>
          <select id={`${id}-ns`} value={namespace} onChange={(e) => setNamespace(e.currentTarget.value as Namespace)}>
            {editorNamespaces.map((ns) => (
              <option key={ns} value={ns}>
                {t(`languages.surfaces.${ns}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-filter`}>{t("languages.editor.show")}</label>
          <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
            <option value="all">{t("languages.editor.filters.all")}</option>
            <option value="missing">{t("languages.editor.filters.missing")}</option>
            <option value="review">{t("languages.editor.filters.review")}</option>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-q`}>{t("languages.editor.search")}</label>
          <input id={`${id}-q`} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
      </div>
      {info && data && (
        <p class="hint">
          {t("languages.editor.pluralForms", { language: info.name, forms: data.pluralForms.join(", ") })}
        </p>
      )}
      {error && <Problem error={error} onRetry={reload} />}
      {data && info && (
        <EditorTable
          key={`${language}/${namespace}`}
          surface={data}
          info={info}
          caption={t("languages.editor.caption", { surface: surfaceName, language: info.name })}
          filter={filter}
          search={search}
          onSaved={() => {
            reload();
            props.onSaved();
          }}
        />
      )}
    </section>
  );
}

function matches(e: Entry, filter: Filter, search: string): boolean {
  if (filter === "missing" && (e.origin === "override" || e.origin === "shipped")) return false;
  if (filter === "review" && !e.needsReview) return false;
  if (!search) return true;
  const q = search.toLowerCase();
  return [e.key, e.source, e.value ?? ""].some((s) => s.toLowerCase().includes(q));
}

function EditorTable(props: {
  surface: Surface;
  info: SetupLanguage;
  caption: string;
  filter: Filter;
  search: string;
  onSaved: () => void;
}) {
  const t = useT("setup");
  const lng = useLanguage();
  const own = (e: Entry) => (e.origin === "override" || e.origin === "shipped" ? (e.value ?? "") : "");
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [reviews, setReviews] = useState<Record<string, boolean>>({});
  const [limit, setLimit] = useState(PAGE);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState("");
  const action = useAction();
  const shown = useMemo(
    () => props.surface.items.filter((e) => matches(e, props.filter, props.search)),
    [props.surface, props.filter, props.search],
  );
  const save = (ev: Event) => {
    ev.preventDefault();
    const entries = props.surface.items.flatMap((e) => {
      const draft = drafts[e.key];
      const changedText = draft !== undefined && draft !== own(e);
      const review = reviews[e.key];
      if (!changedText && review === undefined) return [];
      const value = changedText ? draft.trim() || null : own(e) || null;
      return [{ key: e.key, value, ...(review !== undefined ? { reviewed: review } : {}) }];
    });
    void action.run(async () => {
      setStatus("");
      setProblem("");
      if (!entries.length) {
        setStatus(t("languages.editor.nothingChanged"));
        return;
      }
      try {
        const result = await staffApi("PUT /setup/translations", {
          body: { language: props.info.code, namespace: props.surface.namespace, entries },
        });
        setDrafts({});
        setReviews({});
        setStatus(t("languages.editor.saved", { count: result.changed }));
        // This tab shows the change at once; other clients see the new version in their next public config.
        forgetPublicConfig();
        await reloadTranslations(result.version);
        props.onSaved();
      } catch (err) {
        if (err instanceof ApiError && err.code === "PLACEHOLDER_MISMATCH") setProblem(err.message);
        throw err;
      }
    });
  };
  return (
    <form onSubmit={save}>
      <div class="table-scroll">
        <table class="accounts-table translation-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("languages.editor.key")}</th>
              <th scope="col">{t("languages.editor.source")}</th>
              <th scope="col">{t("languages.editor.translation")}</th>
              <th scope="col">{t("languages.editor.state")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((e) => (
              <Row
                key={e.key}
                entry={e}
                syntax={placeholderSyntaxOf(props.surface.namespace)}
                info={props.info}
                value={drafts[e.key] ?? own(e)}
                reviewed={reviews[e.key] ?? !e.needsReview}
                onText={(v) => setDrafts((d) => ({ ...d, [e.key]: v }))}
                onReviewed={(v) => setReviews((r) => ({ ...r, [e.key]: v }))}
              />
            ))}
          </tbody>
        </table>
      </div>
      {!shown.length && <p>{t("languages.editor.empty")}</p>}
      <p class="hint">
        {t("languages.editor.shown", {
          shown: numberFormat(lng).format(Math.min(limit, shown.length)),
          total: numberFormat(lng).format(shown.length),
        })}
      </p>
      {limit < shown.length && (
        <button type="button" class="button button--secondary" onClick={() => setLimit((n) => n + PAGE)}>
          {t("languages.editor.more")}
        </button>
      )}
      <FormError error={action.error} />
      {problem && (
        <p class="form-error">
          <code dir="ltr">{problem}</code>
        </p>
      )}
      <div class="button-row translation-editor__save">
        <button type="submit" class="button" aria-busy={action.busy}>
          {t("languages.editor.save")}
        </button>
        <p role="status" class="status-line">
          {status}
        </p>
      </div>
    </form>
  );
}

function Row(props: {
  entry: Entry;
  syntax: PlaceholderSyntax;
  info: SetupLanguage;
  value: string;
  reviewed: boolean;
  onText: (v: string) => void;
  onReviewed: (v: boolean) => void;
}) {
  const t = useT("setup");
  const id = useId();
  const e = props.entry;
  const state =
    e.origin === "fallback"
      ? t("languages.editor.states.fallback", { language: e.from ?? "en" })
      : t(`languages.editor.states.${e.origin}`);
  return (
    <tr class={e.origin === "fallback" || e.origin === "missing" ? "translation-row--missing" : undefined}>
      <th scope="row">
        <code dir="ltr">{e.key}</code>
        {e.pluralForm && (
          <span class="hint">
            {t("languages.editor.pluralForm", {
              form: e.pluralForm,
              examples: pluralExamples(props.info.code, e.pluralForm),
            })}
          </span>
        )}
      </th>
      {/* The source text is what the translator works from: browser translation must leave it as it is. */}
      <td lang="en" dir="ltr" translate={false} id={`${id}-src`}>
        {e.source}
      </td>
      <td>
        <label class="visually-hidden" for={`${id}-v`}>
          {t("languages.editor.translation")} {e.key}
        </label>
        <textarea
          id={`${id}-v`}
          lang={props.info.code}
          dir={props.info.dir}
          rows={e.source.length > 400 ? 10 : e.source.length > 60 ? 3 : 1}
          value={props.value}
          placeholder={e.origin === "fallback" ? (e.value ?? "") : ""}
          aria-describedby={`${id}-src${e.placeholders.length ? ` ${id}-ph` : ""}`}
          onInput={(ev) => props.onText(ev.currentTarget.value)}
        />
        {e.placeholders.length > 0 && (
          <span class="hint" id={`${id}-ph`} dir="ltr">
            {t("languages.editor.placeholders", {
              list: e.placeholders.map((p) => placeholderText(p, props.syntax)).join(" "),
            })}
          </span>
        )}
      </td>
      <td>
        <span>{state}</span>
        {e.origin !== "fallback" && e.origin !== "missing" && (e.needsReview || !props.reviewed) && (
          <div class="check">
            <input
              id={`${id}-r`}
              type="checkbox"
              checked={props.reviewed}
              onChange={(ev) => props.onReviewed(ev.currentTarget.checked)}
            />
            <label for={`${id}-r`}>{t("languages.editor.reviewed")}</label>
          </div>
        )}
        {e.needsReview && <strong class="badge badge--review">{t("languages.editor.needsReview")}</strong>}
      </td>
    </tr>
  );
}
