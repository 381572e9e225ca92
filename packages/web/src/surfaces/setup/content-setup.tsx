import "./setup.css";
import "./setup-dashboard.css";
import "./content-setup.css";
import type { ContentDetail, ContentFigure, ContentKind, ContentSuggestion, ContentSummary } from "@openclm/contracts";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { AreaPicker } from "./area-picker.js";

const kinds: ContentKind[] = ["rights", "information", "faq", "announcement"];

const contentApi = {
  list: () => staffApi("GET /setup/content", {}),
  get: (id: string) => staffApi("GET /setup/content/:id", { params: { id } }),
  preview: (body: string) => staffApi("POST /setup/content/preview", { body: { body } }),
  suggestions: () => staffApi("GET /setup/content/suggestions", {}),
};

/**
 * /setup/content: Know Your Rights, Get Information, FAQs and announcements. The list says each item's status and
 * which languages need a translation; the editor writes Markdown with a live preview rendered by the server (the same
 * renderer readers get), side by side with the default language when translating. Content editors save and submit
 * for review; administrators publish now or at a time, and unpublish.
 */
export function ContentSetup() {
  const t = useT("setup");
  const load = useCallback(() => contentApi.list(), []);
  const { data, error, reload } = useLoad(load);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const { config } = useConfig();
  const langName = (code: string) => config?.languages.find((l) => l.code === code)?.name ?? code;
  if (editing)
    return (
      <ContentEditor
        id={editing === "new" ? null : editing}
        onDone={() => {
          setEditing(null);
          reload();
        }}
        onCreated={(id) => setEditing(id)}
      />
    );
  return (
    <section class="setup-section">
      <p>{t("contentSetup.intro")}</p>
      <p>
        <button type="button" class="button" onClick={() => setEditing("new")}>
          {t("contentSetup.new")}
        </button>
      </p>
      <Suggestions onDrafted={(id) => setEditing(id)} />
      {error && <Problem error={error} onRetry={reload} />}
      {data && (
        <div class="table-scroll">
          <table class="setup-table content-table">
            <caption class="visually-hidden">{t("contentSetup.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("contentSetup.title")}</th>
                <th scope="col">{t("contentSetup.kind")}</th>
                <th scope="col">{t("contentSetup.status")}</th>
                <th scope="col">{t("contentSetup.needsTranslation")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i: ContentSummary) => (
                <tr key={i.id}>
                  <th scope="row">
                    <button type="button" class="link-button" onClick={() => setEditing(i.id)}>
                      {i.title}
                    </button>
                  </th>
                  <td>{t(`contentSetup.kinds.${i.kind}`)}</td>
                  <td>
                    {t(`contentSetup.statuses.${i.status}`)}
                    {i.live && i.unpublishedChanges && i.status !== "archived" && (
                      <span class="muted"> · {t("contentSetup.liveWithChanges")}</span>
                    )}
                    {i.publishAt && new Date(i.publishAt) > new Date() && (
                      <span class="muted"> · {t("contentSetup.scheduled", { at: i.publishAt.slice(0, 16) })}</span>
                    )}
                  </td>
                  <td>{i.needsTranslation.map(langName).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Announcements suggested by resolved reports (issue 15 item 4): where first responders resolved the most reports this
 * year, with the published figure readers would see. "Draft this announcement" makes a draft (with its live figure,
 * meant for that district, in every language there is wording for) and opens it to edit, translate and submit.
 */
function Suggestions(props: { onDrafted(id: string): void }) {
  const t = useT("setup");
  const load = useCallback(() => contentApi.suggestions(), []);
  const { data, error, reload } = useLoad(load);
  const action = useAction();
  const draft = (s: ContentSuggestion) =>
    action.run(async () => {
      const { id } = await staffApi("POST /setup/content", { body: s.draft });
      props.onDrafted(id);
    });
  return (
    <section class="content-suggestions" aria-labelledby="content-suggestions-h">
      <h2 id="content-suggestions-h">{t("contentSetup.suggestions.title")}</h2>
      <p class="hint">{t("contentSetup.suggestions.intro")}</p>
      {error && <Problem error={error} onRetry={reload} />}
      {action.error && <Problem error={action.error} />}
      {data && data.items.length === 0 && <p>{t("contentSetup.suggestions.none")}</p>}
      {data && data.items.length > 0 && (
        <ul class="content-suggestions__list">
          {data.items.map((s) => (
            <li key={s.key}>
              <span>
                {t("contentSetup.suggestions.line", {
                  district: s.districtName,
                  challenge: s.subcategoryLabel,
                  count: s.resolved,
                })}
              </span>{" "}
              <button type="button" class="button button--secondary" disabled={action.busy} onClick={() => draft(s)}>
                {t("contentSetup.suggestions.draft")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface Draft {
  kind: ContentKind;
  slug: string;
  tags: string;
  reviewedAt: string;
  translations: Record<string, { title: string; summary: string; body: string }>;
  figure: ContentFigure | null;
  areaIds: string[];
}

/** The counts an announcement may show (through the public indicators' disclosure control). */
const figureMetrics = ["reports_resolved", "reports_validated", "reports_total"] as const;

const emptyText = { title: "", summary: "", body: "" };

function draftOf(d: ContentDetail): Draft {
  const translations: Draft["translations"] = {};
  for (const [l, x] of Object.entries(d.translations))
    translations[l] = { title: x.title, summary: x.summary ?? "", body: x.body };
  return {
    kind: d.kind,
    slug: d.slug,
    tags: d.tags.join(", "),
    reviewedAt: d.reviewedAt ?? "",
    translations,
    figure: d.figure,
    areaIds: d.areaIds,
  };
}

function ContentEditor(props: { id: string | null; onDone(): void; onCreated(id: string): void }) {
  const t = useT("setup");
  const me = useMe();
  const mayPublish = hasPermission(me, "content:publish");
  const { config } = useConfig();
  const languages = config?.languages ?? [];
  const defaultLang = languages.find((l) => l.isDefault)?.code ?? "en";
  const [lang, setLang] = useState(defaultLang);
  const [detail, setDetail] = useState<ContentDetail | null>(null);
  const [draft, setDraft] = useState<Draft>({
    kind: "rights",
    slug: "",
    tags: "",
    reviewedAt: "",
    translations: { [defaultLang]: { ...emptyText } },
    figure: null,
    areaIds: [],
  });
  const [publishAt, setPublishAt] = useState("");
  const [status, setStatus] = useState("");
  const action = useAction();
  const ids = { slug: useId(), tags: useId(), reviewed: useId(), lang: useId(), at: useId(), kind: useId() };

  useEffect(() => {
    if (!props.id) return;
    void contentApi.get(props.id).then((d) => {
      setDetail(d);
      setDraft(draftOf(d));
    });
  }, [props.id]);

  const text = draft.translations[lang] ?? emptyText;
  const setText = (patch: Partial<typeof text>) =>
    setDraft((d) => ({ ...d, translations: { ...d.translations, [lang]: { ...text, ...patch } } }));
  const preview = usePreview(text.body);

  const body = () => {
    const translations: Record<string, { title: string; summary?: string; body: string }> = {};
    for (const [l, x] of Object.entries(draft.translations))
      if (x.title.trim()) translations[l] = { title: x.title, summary: x.summary || undefined, body: x.body };
    return {
      slug: draft.slug,
      translations,
      tags: draft.tags
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      reviewedAt: draft.reviewedAt || undefined,
      ...(draft.kind === "announcement" ? { figure: draft.figure, areaIds: draft.areaIds } : {}),
    };
  };

  const save = () =>
    action.run(async () => {
      if (!props.id) {
        const { id } = await staffApi("POST /setup/content", { body: { kind: draft.kind, ...body() } });
        setStatus(t("contentSetup.saved"));
        props.onCreated(id);
        return;
      }
      const d = await staffApi("PATCH /setup/content/:id", { params: { id: props.id }, body: body() });
      setDetail(d);
      setStatus(t("contentSetup.saved"));
    });
  const step = (write: (id: string) => Promise<ContentDetail>, done: string) =>
    action.run(async () => {
      if (!props.id) return;
      const d = await write(props.id);
      setDetail(d);
      setStatus(done);
    });

  const other = lang !== defaultLang ? draft.translations[defaultLang] : undefined;
  return (
    <section class="setup-section content-editor">
      <p>
        <button type="button" class="link-button" onClick={props.onDone}>
          {t("contentSetup.backToList")}
        </button>
      </p>
      <p role="status" class="status-line">
        {status}
        {detail && ` ${t(`contentSetup.statuses.${detail.status}`)} · v${detail.version}`}
      </p>
      {action.error && <Problem error={action.error} />}
      <div class="content-editor__meta">
        {!props.id && (
          <label for={ids.kind}>
            {t("contentSetup.kind")}
            <select
              id={ids.kind}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as ContentKind })}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`contentSetup.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label for={ids.slug}>
          {t("contentSetup.slug")}
          <input
            id={ids.slug}
            value={draft.slug}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            onInput={(e) => setDraft({ ...draft, slug: e.currentTarget.value })}
          />
        </label>
        <label for={ids.tags}>
          {t("contentSetup.tags")}
          <input
            id={ids.tags}
            value={draft.tags}
            onInput={(e) => setDraft({ ...draft, tags: e.currentTarget.value })}
          />
        </label>
        <label for={ids.reviewed}>
          {t("contentSetup.reviewedAt")}
          <input
            id={ids.reviewed}
            type="date"
            value={draft.reviewedAt}
            onInput={(e) => setDraft({ ...draft, reviewedAt: e.currentTarget.value })}
          />
        </label>
        <label for={ids.lang}>
          {t("contentSetup.language")}
          <select id={ids.lang} value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
                {detail?.needsTranslation.includes(l.code) ? ` (${t("contentSetup.needsTranslation")})` : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class={other ? "content-editor__columns" : ""}>
        {other && (
          <div class="content-editor__source" lang={defaultLang}>
            <h2>{t("contentSetup.source", { language: defaultLang })}</h2>
            <p>
              <strong>{other.title}</strong>
            </p>
            <p>{other.summary}</p>
            <pre class="content-editor__markdown">{other.body}</pre>
          </div>
        )}
        <div class="content-editor__fields" lang={lang}>
          <label>
            {t("contentSetup.title")}
            <input value={text.title} onInput={(e) => setText({ title: e.currentTarget.value })} />
          </label>
          <label>
            {t("contentSetup.summary")}
            <input value={text.summary} onInput={(e) => setText({ summary: e.currentTarget.value })} />
          </label>
          <label>
            {t("contentSetup.body")}
            <textarea rows={14} value={text.body} onInput={(e) => setText({ body: e.currentTarget.value })} />
          </label>
          <p class="muted">{t("contentSetup.markdownHelp")}</p>
          <ImageInsert onInserted={(markdown) => setText({ body: `${text.body.trimEnd()}\n\n${markdown}\n` })} />
        </div>
      </div>
      {draft.kind === "announcement" && (
        <>
          <AreaPicker
            value={draft.areaIds}
            onChange={(areaIds) => setDraft({ ...draft, areaIds })}
            legend={t("contentSetup.areas")}
            hint={t("contentSetup.areasHint")}
          />
          <FigureFields figure={draft.figure} lang={lang} onChange={(figure) => setDraft({ ...draft, figure })} />
        </>
      )}
      <section class="content-editor__preview" aria-labelledby="content-preview-h">
        <h2 id="content-preview-h">{t("contentSetup.preview")}</h2>
        {/* The server's own renderer and sanitiser (previewContent): what readers will get. */}
        <div class="content-body" lang={lang} dangerouslySetInnerHTML={{ __html: preview }} />
      </section>
      <div class="actions">
        <button type="button" class="button" disabled={action.busy} onClick={save}>
          {t("contentSetup.save")}
        </button>
        {props.id && detail?.status === "draft" && (
          <button
            type="button"
            class="button button--secondary"
            disabled={action.busy}
            onClick={() =>
              step(
                (id) => staffApi("POST /setup/content/:id/submission", { params: { id } }),
                t("contentSetup.submitted"),
              )
            }
          >
            {t("contentSetup.submit")}
          </button>
        )}
        {props.id && mayPublish && (
          <button
            type="button"
            class="button"
            disabled={action.busy}
            onClick={() =>
              step(
                (id) => staffApi("POST /setup/content/:id/publication", { params: { id }, body: {} }),
                t("contentSetup.published"),
              )
            }
          >
            {t("contentSetup.publish")}
          </button>
        )}
        {props.id && mayPublish && detail?.live && (
          <button
            type="button"
            class="button button--secondary"
            disabled={action.busy}
            onClick={() =>
              step(
                (id) => staffApi("DELETE /setup/content/:id/publication", { params: { id } }),
                t("contentSetup.unpublished"),
              )
            }
          >
            {t("contentSetup.unpublish")}
          </button>
        )}
      </div>
      {props.id && mayPublish && (
        <div class="content-editor__schedule">
          <label for={ids.at}>
            {t("contentSetup.publishAt")}
            <input
              id={ids.at}
              type="datetime-local"
              value={publishAt}
              onInput={(e) => setPublishAt(e.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="button button--secondary"
            disabled={action.busy || !publishAt}
            onClick={() =>
              step(
                (id) =>
                  staffApi("POST /setup/content/:id/publication", {
                    params: { id },
                    body: { publishAt: new Date(publishAt).toISOString() },
                  }),
                t("contentSetup.scheduledDone"),
              )
            }
          >
            {t("contentSetup.schedule")}
          </button>
        </div>
      )}
      {detail && detail.versions.length > 0 && (
        <details class="content-editor__versions">
          <summary>{t("contentSetup.versions")}</summary>
          <ol>
            {detail.versions.map((v) => (
              <li key={`${v.version}-${v.changedAt}`}>
                {v.changedAt.slice(0, 16).replace("T", " ")} · {v.action} · v{v.version} · {v.fields.join(", ")}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** A file as base64 (without the `data:…;base64,` prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable file"));
    reader.readAsDataURL(file);
  });
}

/**
 * Uploads an image to the platform (which checks it, shrinks it and strips its metadata such as a photo's GPS position)
 * and puts it into the text with its alt text: the description is required, for people who cannot see the image.
 */
function ImageInsert(props: { onInserted(markdown: string): void }) {
  const t = useT("setup");
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [done, setDone] = useState("");
  // A new key empties the file field after an upload (a file input's value cannot be set).
  const [picks, setPicks] = useState(0);
  const action = useAction();
  const upload = () =>
    action.run(async () => {
      if (!file || !alt.trim()) return;
      const image = await staffApi("POST /setup/content/images", {
        body: { data: await readBase64(file), alt: alt.trim() },
      });
      props.onInserted(image.markdown);
      setDone(t("contentSetup.image.inserted"));
      setAlt("");
      setFile(null);
      setPicks((n) => n + 1);
    });
  return (
    <fieldset class="content-editor__image">
      <legend>{t("contentSetup.image.legend")}</legend>
      <label for={`${id}-file`}>{t("contentSetup.image.file")}</label>
      <input
        key={picks}
        id={`${id}-file`}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => {
          setFile(e.currentTarget.files?.[0] ?? null);
          setDone("");
        }}
      />
      <label for={`${id}-alt`}>{t("contentSetup.image.alt")}</label>
      <input
        id={`${id}-alt`}
        value={alt}
        required
        maxLength={300}
        aria-describedby={`${id}-alt-hint`}
        onInput={(e) => setAlt(e.currentTarget.value)}
      />
      <p class="hint" id={`${id}-alt-hint`}>
        {t("contentSetup.image.altHint")}
      </p>
      {action.error && <Problem error={action.error} />}
      <p role="status" class="status-line">
        {done}
      </p>
      <button
        type="button"
        class="button button--secondary"
        disabled={action.busy || !file || !alt.trim()}
        onClick={upload}
      >
        {t("contentSetup.image.insert")}
      </button>
    </fieldset>
  );
}

/** The body rendered by the server, at most one request at a time, a moment after typing stops. */
function usePreview(body: string): string {
  const [html, setHtml] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => {
      contentApi.preview(body).then(
        (r) => setHtml(r.html),
        () => {},
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [body]);
  return html;
}

/**
 * An announcement's live figure: a count over one calendar month, quarter or year, optionally for one challenge, read
 * through the public indicators (perturbed, hidden when too small) each time someone opens the announcement.
 */
function FigureFields(props: { figure: ContentFigure | null; lang: string; onChange(f: ContentFigure | null): void }) {
  const t = useT("setup");
  const { config } = useConfig();
  const districts = (config?.areas ?? []).filter((a) => a.isLeaf && a.level > 0);
  const year = new Date().getUTCFullYear();
  const f = props.figure;
  const set = (patch: Partial<ContentFigure>) => f && props.onChange({ ...f, ...patch });
  return (
    <fieldset class="content-editor__figure">
      <legend>{t("contentSetup.figure.legend")}</legend>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={!!f}
          onChange={(e) =>
            props.onChange(
              e.currentTarget.checked
                ? { metric: "reports_resolved", from: `${year}-01-01`, to: `${year}-12-31`, label: {} }
                : null,
            )
          }
        />
        {t("contentSetup.figure.show")}
      </label>
      {f && (
        <div class="content-editor__meta">
          <label>
            {t("contentSetup.figure.metric")}
            <select
              value={f.metric}
              onChange={(e) => set({ metric: e.currentTarget.value as ContentFigure["metric"] })}
            >
              {figureMetrics.map((m) => (
                <option key={m} value={m}>
                  {t(`contentSetup.figure.metrics.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("contentSetup.figure.from")}
            <input type="date" value={f.from} onInput={(e) => set({ from: e.currentTarget.value })} />
          </label>
          <label>
            {t("contentSetup.figure.to")}
            <input type="date" value={f.to} onInput={(e) => set({ to: e.currentTarget.value })} />
          </label>
          <label>
            {t("contentSetup.figure.district")}
            <select
              value={f.districtId ?? ""}
              onChange={(e) => set({ districtId: e.currentTarget.value || undefined })}
            >
              <option value="">{t("contentSetup.figure.everywhere")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("contentSetup.figure.subcategory")}
            <input
              value={f.subcategoryCode ?? ""}
              onInput={(e) => set({ subcategoryCode: e.currentTarget.value.trim() || undefined })}
            />
          </label>
          <label>
            {t("contentSetup.figure.label")}
            <input
              value={f.label[props.lang] ?? ""}
              onInput={(e) => set({ label: { ...f.label, [props.lang]: e.currentTarget.value } })}
            />
          </label>
        </div>
      )}
      <p class="muted">{t("contentSetup.figure.help")}</p>
    </fieldset>
  );
}
