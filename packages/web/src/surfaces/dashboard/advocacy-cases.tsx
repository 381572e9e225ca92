import "./advocacy-cases.css";
import type { AdvocacyCase, AdvocacyCaseStatus, ApiRequest } from "@openclm/contracts";
import {
  advocacyActionKinds,
  advocacyDocumentTypes,
  advocacyTransitions,
  dutyBearerTypes,
} from "@openclm/contracts/constants";
import { useCallback, useId, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { apiUrl } from "../../api/client.js";
import { useConfig } from "../../api/public-config.js";
import { staffApi, staffSend } from "../../api/staff-client.js";
import { contentLanguageFor } from "../../i18n/i18n.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { dateTimeFormat, numberFormat } from "../../shared/intl-format.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { useDate } from "./advocacy-case-links.js";
import { effectivePeriod, filtersFromQuery, filtersToSearch } from "./dashboard-filters.js";
import { apiFilters } from "./dashboard-queries.js";

const today = () => new Date().toISOString().slice(0, 10);

/** A disclosure-controlled count: null is a small number hidden to protect the people who reported. */
function Count(props: { value: number | null }) {
  const t = useT("dashboard");
  const lng = useLanguage();
  return <>{props.value === null ? t("hidden") : numberFormat(lng).format(props.value)}</>;
}

/** The fields a case is opened with and edited in: title, duty bearer and its kind, the ask, the target date. */
type CaseFieldValues = { title: string; dutyBearer: string; type: string; ask: string; dueOn: string };
function CaseFields(props: {
  id: string;
  form: CaseFieldValues;
  field: (k: keyof CaseFieldValues) => (e: Event) => void;
}) {
  const t = useT("dashboard");
  const { id, form, field } = props;
  return (
    <>
      <div class="field">
        <label for={`${id}-title`}>{t("cases.fields.title")}</label>
        <input id={`${id}-title`} required maxLength={200} value={form.title} onInput={field("title")} />
      </div>
      <div class="field">
        <label for={`${id}-db`}>{t("cases.fields.dutyBearer")}</label>
        <input id={`${id}-db`} required maxLength={200} value={form.dutyBearer} onInput={field("dutyBearer")} />
      </div>
      <div class="field">
        <label for={`${id}-type`}>{t("cases.fields.dutyBearerType")}</label>
        <select id={`${id}-type`} value={form.type} onChange={field("type")}>
          {dutyBearerTypes.map((d) => (
            <option key={d} value={d}>
              {t(`cases.dutyBearerTypes.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-ask`}>{t("cases.fields.ask")}</label>
        <textarea id={`${id}-ask`} required maxLength={2000} rows={3} value={form.ask} onInput={field("ask")} />
      </div>
      <div class="field">
        <label for={`${id}-due`}>{t("cases.fields.dueOn")}</label>
        <input id={`${id}-due`} type="date" value={form.dueOn} onInput={field("dueOn")} />
      </div>
    </>
  );
}

/** /dashboard/cases/new?… — the dashboard's selection (in the URL) becomes the case's filters and first day. */
export function NewCasePage() {
  const t = useT("dashboard");
  const loc = useLocation();
  const { config } = useConfig();
  const filters = useMemo(() => filtersFromQuery(loc.query), [loc.query]);
  const selection = useMemo(() => apiFilters(filters, config?.areas ?? []), [filters, config]);
  const from = effectivePeriod(filters, new Date()).from;
  // Opened from a report in the inbox: that report is linked to the new case.
  const reportId = typeof loc.query.report === "string" && loc.query.report ? loc.query.report : null;
  const action = useAction();
  const id = useId();
  const [form, setForm] = useState({ title: "", dutyBearer: "", type: "district_health_office", ask: "", dueOn: "" });
  const field = (k: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });
  const describe = useSelectionText();
  if (!config) return null;
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const body: ApiRequest<"POST /advocacy/cases">["body"] = {
        title: form.title,
        filters: selection,
        from,
        dutyBearer: { name: form.dutyBearer, type: form.type as (typeof dutyBearerTypes)[number] },
        ask: form.ask,
        dueOn: form.dueOn || undefined,
        ...(reportId ? { reportIds: [reportId] } : {}),
      };
      const created = await staffApi("POST /advocacy/cases", { body });
      loc.route(`/dashboard/cases/${created.id}`);
    });
  };
  return (
    <section class="case-page" aria-labelledby={`${id}-h`}>
      <p>
        <a href={`/dashboard${filtersToSearch(filters)}`}>{t("cases.backToDashboard")}</a>
      </p>
      <h2 id={`${id}-h`}>{t("cases.open")}</h2>
      <div class="dash-card">
        <h3>{t("cases.selection")}</h3>
        <p>{describe(selection, from)}</p>
        {reportId && <p data-testid="case-from-report">{t("cases.fromReport")}</p>}
      </div>
      <form class="case-form" onSubmit={submit}>
        <CaseFields id={id} form={form} field={field} />
        {action.error && <Problem error={action.error} />}
        <button type="submit" class="button button--primary" disabled={action.busy}>
          {t("cases.create")}
        </button>
      </form>
    </section>
  );
}

/** "Health services · District X · from 1 Jan 2026": the selection in words, with the dashboard's labels. */
function useSelectionText() {
  const t = useT("dashboard");
  const { config } = useConfig();
  const date = useDate();
  return (filters: AdvocacyCase["filters"], from: string) => {
    const areas = new Map((config?.areas ?? []).map((a) => [a.id, a.name]));
    const labels = new Map(
      (config?.taxonomy ?? []).flatMap((c) => [
        [c.code, c.label] as const,
        ...c.subcategories.map((s) => [s.code, s.label] as const),
      ]),
    );
    const parts = filters.map(([, d, values]) =>
      values
        .map((v) => areas.get(v) ?? labels.get(v) ?? t(`values.${d}.${v}` as never, { defaultValue: v }))
        .join(", "),
    );
    return [parts.length ? parts.join(" · ") : t("cases.everything"), t("cases.fromDay", { date: date(from) })].join(
      " · ",
    );
  };
}

/** /dashboard/cases — the cases in the reader's scope and the quarterly review pack. */
export function CaseListPage() {
  const t = useT("dashboard");
  const date = useDate();
  const load = useCallback(() => staffApi("GET /advocacy/cases", {}), []);
  const { data, error, reload } = useLoad(load);
  return (
    <section class="case-page" aria-busy={!data && !error}>
      <p>
        <a href="/dashboard">{t("cases.backToDashboard")}</a>
      </p>
      <ReviewPackForm />
      <h2>{t("cases.listTitle")}</h2>
      {error && <Problem error={error} onRetry={reload} />}
      {data?.items.length === 0 && <p class="muted">{t("cases.none")}</p>}
      {data && data.items.length > 0 && (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t("cases.fields.title")}</th>
                <th scope="col">{t("cases.fields.status")}</th>
                <th scope="col">{t("cases.fields.dutyBearer")}</th>
                <th scope="col">{t("cases.fields.reports")}</th>
                <th scope="col">{t("cases.fields.dueOn")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={`/dashboard/cases/${c.id}`}>{c.title}</a>
                  </th>
                  <td>
                    <span class={`case-status case-status--${c.status}`}>{t(`cases.statuses.${c.status}`)}</span>
                  </td>
                  <td>{c.dutyBearer.name}</td>
                  <td class="num">
                    <Count value={c.reportCount} />
                  </td>
                  <td>{date(c.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The last four calendar quarters, newest first (published figures cover calendar periods only). */
function recentQuarters(now: Date) {
  const out: { from: string; to: string; q: number; year: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - i * 3, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    out.push({
      from: start.toISOString().slice(0, 10),
      to: end.toISOString().slice(0, 10),
      q: Math.floor(start.getUTCMonth() / 3) + 1,
      year: start.getUTCFullYear(),
    });
  }
  return out;
}

/** One click for the review meeting: the pack of a quarter, as a PDF or a slide deck, in a chosen language. */
function ReviewPackForm() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const { config } = useConfig();
  const id = useId();
  const quarters = useMemo(() => recentQuarters(new Date()), []);
  const [pick, setPick] = useState(0);
  const [language, setLanguage] = useState(contentLanguageFor(lng));
  const q = quarters[pick] ?? quarters[0]!;
  const link = (format: "pdf" | "html") =>
    apiUrl("/advocacy/review-pack", { from: q.from, to: q.to, language, format });
  return (
    <section class="dash-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("cases.pack.title")}</h2>
      <p class="hint">{t("cases.pack.hint")}</p>
      <div class="case-pack">
        <div class="field">
          <label for={`${id}-q`}>{t("cases.pack.quarter")}</label>
          <select id={`${id}-q`} value={String(pick)} onChange={(e) => setPick(Number(e.currentTarget.value))}>
            {quarters.map((x, i) => (
              <option key={x.from} value={String(i)}>
                {t("quarter", { q: x.q, year: x.year })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-l`}>{t("cases.pack.language")}</label>
          <select id={`${id}-l`} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {(config?.languages ?? []).map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="case-links__row">
        <a class="button" href={link("pdf")} download>
          {t("cases.pack.pdf")}
        </a>
        <a class="button" href={link("html")} target="_blank" rel="noopener">
          {t("cases.pack.html")}
        </a>
      </p>
    </section>
  );
}

/** /dashboard/cases/:id — the case: selection, count, trend around the commitment, actions, status, history. */
export function CasePage(props: { id: string }) {
  const t = useT("dashboard");
  const date = useDate();
  const describe = useSelectionText();
  const load = useCallback(() => staffApi("GET /advocacy/cases/:id", { params: { id: props.id } }), [props.id]);
  const { data: c, error, reload } = useLoad(load);
  if (error) return <Problem error={error} onRetry={reload} />;
  if (!c) return <p aria-live="polite">{t("loading")}</p>;
  return (
    <section class="case-page" aria-labelledby="case-title">
      <p>
        <a href="/dashboard/cases">{t("cases.backToList")}</a>
      </p>
      <h2 id="case-title">{c.title}</h2>
      <p>
        <span class={`case-status case-status--${c.status}`}>{t(`cases.statuses.${c.status}`)}</span>
      </p>
      <dl class="case-facts">
        <dt>{t("cases.selection")}</dt>
        <dd>{describe(c.filters, c.from)}</dd>
        <dt>{t("cases.fields.reports")}</dt>
        <dd data-testid="case-count">
          <Count value={c.reportCount} />
        </dd>
        <dt>{t("cases.fields.dutyBearer")}</dt>
        <dd>
          {c.dutyBearer.name} ({t(`cases.dutyBearerTypes.${c.dutyBearer.type}`)})
        </dd>
        <dt>{t("cases.fields.ask")}</dt>
        <dd>{c.ask}</dd>
        <dt>{t("cases.fields.owner")}</dt>
        <dd>{c.owner?.name ?? "—"}</dd>
        <dt>{t("cases.fields.dueOn")}</dt>
        <dd>{date(c.dueOn)}</dd>
        <dt>{t("cases.fields.linkedReports")}</dt>
        <dd data-testid="case-linked">
          <Count value={c.linkedReports} />
        </dd>
        {c.commitmentOn && (
          <>
            <dt>{t("cases.fields.commitmentOn")}</dt>
            <dd>{date(c.commitmentOn)}</dd>
          </>
        )}
        {c.outcome && (
          <>
            <dt>{t("cases.fields.outcome")}</dt>
            <dd>{c.outcome}</dd>
          </>
        )}
      </dl>
      <CaseTrend c={c} />
      <Actions c={c} onChange={reload} />
      {c.status !== "resolved" && <StatusForm c={c} onChange={reload} />}
      {c.status !== "resolved" && <EditCase c={c} onChange={reload} />}
      <h3>{t("cases.history")}</h3>
      <ol class="case-history">
        {c.history.map((h) => (
          <li key={h.at}>
            {date(h.at)} — {t(`cases.statuses.${h.to}`)}
            {h.note ? `: ${h.note}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Editing the case: title, ask, duty bearer, target date and owner (only what changed is sent). The owners offered are
 * those the server allows: staff who manage advocacy cases and see the case's area.
 */
function EditCase(props: { c: AdvocacyCase; onChange: () => void }) {
  const t = useT("dashboard");
  const id = useId();
  const action = useAction();
  const c = props.c;
  const loadOwners = useCallback(() => staffApi("GET /advocacy/cases/:id/owners", { params: { id: c.id } }), [c.id]);
  const owners = useLoad(loadOwners);
  const initial = {
    title: c.title,
    ask: c.ask,
    dutyBearer: c.dutyBearer.name,
    type: c.dutyBearer.type,
    dueOn: c.dueOn ?? "",
    ownerId: c.owner?.id ?? "",
  };
  const [form, setForm] = useState(initial);
  const field = (k: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });
  const changed = (Object.keys(initial) as (keyof typeof initial)[]).some((k) => form[k] !== initial[k]);
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const body: ApiRequest<"PATCH /advocacy/cases/:id">["body"] = {
        ...(form.title !== initial.title ? { title: form.title } : {}),
        ...(form.ask !== initial.ask ? { ask: form.ask } : {}),
        ...(form.dutyBearer !== initial.dutyBearer || form.type !== initial.type
          ? { dutyBearer: { name: form.dutyBearer, type: form.type as (typeof dutyBearerTypes)[number] } }
          : {}),
        ...(form.dueOn !== initial.dueOn ? { dueOn: form.dueOn || null } : {}),
        ...(form.ownerId !== initial.ownerId ? { ownerId: form.ownerId || null } : {}),
      };
      await staffApi("PATCH /advocacy/cases/:id", { params: { id: c.id }, body });
      props.onChange();
    });
  };
  // The current owner stays choosable even if they no longer qualify (they are shown, not silently dropped).
  const choices = owners.data?.items ?? [];
  const ownerChoices = c.owner && !choices.some((o) => o.id === c.owner?.id) ? [c.owner, ...choices] : choices;
  return (
    <section class="dash-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("cases.edit.title")}</h3>
      <form class="case-form" onSubmit={submit}>
        <CaseFields id={id} form={form} field={field} />
        <div class="field">
          <label for={`${id}-owner`}>{t("cases.fields.owner")}</label>
          <select
            id={`${id}-owner`}
            value={form.ownerId}
            onChange={field("ownerId")}
            aria-describedby={`${id}-owner-hint`}
          >
            <option value="">{t("cases.edit.noOwner")}</option>
            {ownerChoices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <p class="hint" id={`${id}-owner-hint`}>
            {t("cases.edit.ownerHint")}
          </p>
        </div>
        {owners.error && <Problem error={owners.error} onRetry={owners.reload} />}
        {action.error && <Problem error={action.error} />}
        <button type="submit" class="button" disabled={action.busy || !changed}>
          {t("cases.edit.save")}
        </button>
      </form>
    </section>
  );
}

/** Reports a month before and after the commitment: bars with their numbers, and the same as a table. */
function CaseTrend(props: { c: AdvocacyCase }) {
  const t = useT("dashboard");
  const lng = useLanguage();
  const max = Math.max(1, ...props.c.trend.map((p) => p.reports ?? 0));
  const perMonth = (v: number | null) => (v === null ? t("hidden") : numberFormat(lng).format(v));
  const month = (ym: string) =>
    dateTimeFormat(lng, { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`));
  return (
    <section class="dash-card" aria-labelledby="case-trend-h">
      <h3 id="case-trend-h">{t("cases.trend.title")}</h3>
      <p class="hint">{props.c.commitmentOn ? t("cases.trend.hint") : t("cases.trend.noCommitment")}</p>
      {props.c.commitmentOn && (
        <p data-testid="case-before-after">
          {t("cases.trend.summary", {
            before: perMonth(props.c.perMonth.before),
            after: perMonth(props.c.perMonth.after),
          })}
        </p>
      )}
      <table class="data-table case-trend">
        <caption class="visually-hidden">{t("cases.trend.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cases.trend.month")}</th>
            <th scope="col">{t("cases.fields.reports")}</th>
          </tr>
        </thead>
        <tbody>
          {props.c.trend.map((p) => (
            <tr key={p.month} class={`case-trend__${p.side}`}>
              <th scope="row">
                {month(p.month)} <span class="case-trend__side">{t(`cases.trend.${p.side}`)}</span>
              </th>
              <td>
                <span
                  class="case-trend__bar"
                  aria-hidden="true"
                  style={{ width: `${((p.reports ?? 0) / max) * 100}%` }}
                />
                <Count value={p.reports} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Actions(props: { c: AdvocacyCase; onChange: () => void }) {
  const t = useT("dashboard");
  const date = useDate();
  const id = useId();
  const action = useAction();
  const [kind, setKind] = useState<(typeof advocacyActionKinds)[number]>("meeting");
  const [on, setOn] = useState(today());
  const [note, setNote] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const created = await staffApi("POST /advocacy/cases/:id/actions", {
        params: { id: props.c.id },
        body: { kind, on, note },
      });
      if (file)
        await staffSend(
          "POST",
          `/advocacy/cases/${props.c.id}/actions/${created.id}/documents?name=${encodeURIComponent(file.name)}`,
          file,
        );
      setNote("");
      setFile(null);
      props.onChange();
    });
  };
  return (
    <section class="dash-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("cases.actions.title")}</h3>
      {props.c.actions.length === 0 && <p class="muted">{t("cases.actions.none")}</p>}
      <ul class="case-actions">
        {props.c.actions.map((a) => (
          <li key={a.id}>
            <strong>{t(`cases.actionKinds.${a.kind}`)}</strong> · {date(a.on)}
            {a.note && <p>{a.note}</p>}
            {a.documents.map((d) => (
              <p key={d.id}>
                <a href={apiUrl(`/advocacy/cases/${props.c.id}/documents/${d.id}`)} download>
                  {d.name}
                </a>
              </p>
            ))}
          </li>
        ))}
      </ul>
      {props.c.status !== "resolved" && (
        <form class="case-form" onSubmit={submit}>
          <h4>{t("cases.actions.add")}</h4>
          <div class="field">
            <label for={`${id}-kind`}>{t("cases.actions.kind")}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
              {advocacyActionKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`cases.actionKinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-on`}>{t("cases.actions.on")}</label>
            <input id={`${id}-on`} type="date" required value={on} onInput={(e) => setOn(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${id}-note`}>{t("cases.actions.note")}</label>
            <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${id}-file`}>{t("cases.actions.document")}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept={advocacyDocumentTypes.join(",")}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <p class="hint">{t("cases.actions.documentHint")}</p>
          </div>
          {action.error && <Problem error={action.error} />}
          <button type="submit" class="button" disabled={action.busy}>
            {t("cases.actions.save")}
          </button>
        </form>
      )}
    </section>
  );
}

function StatusForm(props: { c: AdvocacyCase; onChange: () => void }) {
  const t = useT("dashboard");
  const id = useId();
  const action = useAction();
  const next = advocacyTransitions[props.c.status];
  const [status, setStatus] = useState<AdvocacyCaseStatus>(next[0] ?? "open");
  const [note, setNote] = useState("");
  const [commitmentOn, setCommitmentOn] = useState(today());
  const [outcome, setOutcome] = useState(props.c.outcome ?? "");
  const [publish, setPublish] = useState(true);
  const [notify, setNotify] = useState(true);
  const [announce, setAnnounce] = useState({ title: "", body: "" });
  const lng = useLanguage();
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const resolving = status === "resolved";
      await staffApi("POST /advocacy/cases/:id/status", {
        params: { id: props.c.id },
        body: {
          status,
          note: note || undefined,
          ...(status === "commitment_made" ? { commitmentOn } : {}),
          ...(resolving
            ? {
                outcome,
                publish,
                notifyReporters: notify,
                ...(announce.title && announce.body
                  ? { announcement: { language: contentLanguageFor(lng), ...announce } }
                  : {}),
              }
            : {}),
        },
      });
      setNote("");
      props.onChange();
    });
  };
  return (
    <section class="dash-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("cases.status.title")}</h3>
      <form class="case-form" onSubmit={submit}>
        <div class="field">
          <label for={`${id}-s`}>{t("cases.status.next")}</label>
          <select
            id={`${id}-s`}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as AdvocacyCaseStatus)}
          >
            {next.map((s) => (
              <option key={s} value={s}>
                {t(`cases.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {status === "commitment_made" && (
          <div class="field">
            <label for={`${id}-c`}>{t("cases.fields.commitmentOn")}</label>
            <input
              id={`${id}-c`}
              type="date"
              required
              value={commitmentOn}
              onInput={(e) => setCommitmentOn(e.currentTarget.value)}
            />
          </div>
        )}
        {status === "resolved" && (
          <>
            <div class="field">
              <label for={`${id}-o`}>{t("cases.fields.outcome")}</label>
              <textarea
                id={`${id}-o`}
                required
                rows={3}
                value={outcome}
                onInput={(e) => setOutcome(e.currentTarget.value)}
              />
            </div>
            <div class="field field--check">
              <input
                id={`${id}-p`}
                type="checkbox"
                checked={publish}
                onChange={(e) => setPublish(e.currentTarget.checked)}
              />
              <label for={`${id}-p`}>{t("cases.status.publish")}</label>
            </div>
            <div class="field field--check">
              <input
                id={`${id}-n`}
                type="checkbox"
                checked={notify}
                onChange={(e) => setNotify(e.currentTarget.checked)}
              />
              <label for={`${id}-n`}>{t("cases.status.notify")}</label>
            </div>
            <fieldset class="case-announce">
              <legend>{t("cases.status.announcement")}</legend>
              <p class="hint">{t("cases.status.announcementHint")}</p>
              <div class="field">
                <label for={`${id}-at`}>{t("cases.status.announcementTitle")}</label>
                <input
                  id={`${id}-at`}
                  maxLength={200}
                  value={announce.title}
                  onInput={(e) => setAnnounce({ ...announce, title: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`${id}-ab`}>{t("cases.status.announcementBody")}</label>
                <textarea
                  id={`${id}-ab`}
                  rows={4}
                  value={announce.body}
                  onInput={(e) => setAnnounce({ ...announce, body: e.currentTarget.value })}
                />
              </div>
            </fieldset>
          </>
        )}
        <div class="field">
          <label for={`${id}-note`}>{t("cases.status.note")}</label>
          <input id={`${id}-note`} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        {action.error && <Problem error={action.error} />}
        <button type="submit" class="button button--primary" disabled={action.busy}>
          {t("cases.status.save")}
        </button>
      </form>
    </section>
  );
}
