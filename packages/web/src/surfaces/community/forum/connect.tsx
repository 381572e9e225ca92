import "../reporting.css";
import "./forum.css";
import type { ForumPostResult, ForumTopic, Helpline, SupportGroup } from "@openclm/contracts";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { ApiError, callApi } from "../../../api/client.js";
import { useConfig } from "../../../api/public-config.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { useLoad } from "../../../shared/use-load.js";
import { useOnline } from "../../../shared/use-online.js";
import { AppLink } from "../app-link.js";
import { AccountForm, type AccountFormMode } from "../my-reports/account-form.js";
import { useCommunityAccount } from "../my-reports/use-community-account.js";
import { APP_BASE } from "../sections.js";
import { SubPage } from "../sub-page.js";
import { flushForumOutbox, rememberedTopics } from "./forum-store.js";

export const CONNECT_BASE = `${APP_BASE}/connect`;

/** The helpline, shown at once when what the member wrote held a crisis keyword (issue 18 item 4). */
export function HelplineBox(props: { helpline: Helpline }) {
  const t = useT("app");
  return (
    <div class="notice helpline" role="alert">
      <div>
        <h2>{t("forum.helpline.title")}</h2>
        <p>{t("forum.helpline.body")}</p>
        {props.helpline.text && <p>{props.helpline.text}</p>}
        {props.helpline.phone && (
          <p>
            <a class="phone-link" href={`tel:${props.helpline.phone.replace(/\s/g, "")}`}>
              {t("forum.helpline.call", { phone: props.helpline.phone })}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

/** What happened to a post just written: published, waiting for a moderator, held, or queued offline. */
export function PostOutcome(props: { result: ForumPostResult | "queued" }) {
  const t = useT("app");
  const r = props.result;
  if (r === "queued")
    return (
      <p class="forum-outcome" role="status">
        {t("forum.outcome.queued")}
      </p>
    );
  return (
    <>
      <p class="forum-outcome" role="status">
        {t(`forum.outcome.${r.status}`)}
      </p>
      {r.helpline && <HelplineBox helpline={r.helpline} />}
    </>
  );
}

/** Sign in or create an account, to write (reading may be open). */
function AccountGate(props: { account: ReturnType<typeof useCommunityAccount> }) {
  const t = useT("app");
  const [form, setForm] = useState<AccountFormMode | null>(null);
  if (props.account.phase === "on") return null;
  return (
    <section class="forum-gate" aria-labelledby="forum-gate">
      <h2 id="forum-gate">{t("forum.gate.title")}</h2>
      {form ? (
        <AccountForm
          mode={form}
          onCancel={() => setForm(null)}
          onDone={(signedIn) => {
            props.account.signedIn(signedIn);
            setForm(null);
          }}
        />
      ) : (
        <>
          <p>{t("forum.gate.body")}</p>
          <div class="actions">
            <button type="button" class="button" onClick={() => setForm("create")}>
              {t("myReports.account.openCreate")}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setForm("signIn")}>
              {t("myReports.account.openSignIn")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function TopicList(props: { items: ForumTopic[] }) {
  const t = useT("app");
  if (props.items.length === 0) return <p>{t("forum.topics.none")}</p>;
  return (
    <ul class="topic-list">
      {props.items.map((topic) => (
        <li key={topic.id} class="topic-list__item">
          <AppLink href={`${CONNECT_BASE}/topic/${topic.id}`}>{topic.title}</AppLink>
          <span class="topic-list__meta">
            {t("forum.topics.posts", { count: topic.posts })}
            {topic.following && ` · ${t("forum.topics.following")}`}
          </span>
          {topic.unread > 0 && <span class="badge">{t("forum.topics.unread", { count: topic.unread })}</span>}
        </li>
      ))}
    </ul>
  );
}

function NewTopicForm(props: { themes: { code: string; label: string }[] }) {
  const t = useT("app");
  const id = useId();
  const action = useAction();
  const [theme, setTheme] = useState(props.themes[0]?.code ?? "");
  const [place, setPlace] = useState("");
  const { config } = useConfig();
  // Regions: a local topic is moderated by the peer supporters there; the whole country by national ones.
  const regions = config?.areas.filter((a) => a.level === 1) ?? [];
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [result, setResult] = useState<ForumPostResult | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      setResult(
        await callApi("POST /forum/topics", {
          body: { clientId: crypto.randomUUID(), themeCode: theme, title, body, ...(place ? { areaId: place } : {}) },
        }),
      );
      setTitle("");
      setBody("");
    });
  };
  return (
    <details class="forum-new">
      <summary>{t("forum.newTopic.open")}</summary>
      <form onSubmit={submit}>
        <div class="field">
          <label for={`${id}-theme`}>{t("forum.theme")}</label>
          <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.currentTarget.value)}>
            {props.themes.map((th) => (
              <option key={th.code} value={th.code}>
                {th.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-place`}>{t("forum.newTopic.place")}</label>
          <select id={`${id}-place`} value={place} onChange={(e) => setPlace(e.currentTarget.value)}>
            <option value="">{t("forum.newTopic.wholeCountry")}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-title`}>{t("forum.newTopic.title")}</label>
          <input
            id={`${id}-title`}
            required
            minLength={3}
            maxLength={120}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-body`}>{t("forum.newTopic.body")}</label>
          <textarea
            id={`${id}-body`}
            required
            rows={4}
            maxLength={4000}
            value={body}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
          <p class="hint">{t("forum.privacyHint")}</p>
        </div>
        {action.error && <Problem error={action.error} />}
        <button type="submit" class="button" disabled={action.busy} aria-busy={action.busy}>
          {t("forum.newTopic.submit")}
        </button>
      </form>
      {result && <PostOutcome result={result} />}
    </details>
  );
}

function Groups() {
  const t = useT("app");
  const id = useId();
  const action = useAction();
  const [code, setCode] = useState("");
  const load = useCallback(() => callApi("GET /groups", {}), []);
  const { data, error, reload } = useLoad(load);
  const join = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await callApi("POST /groups/join", { body: { inviteCode: code } });
      setCode("");
      reload();
    });
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forum.groups.title")}</h2>
      {error && <Problem error={error} onRetry={reload} />}
      {data && data.items.length > 0 && (
        <ul class="topic-list">
          {data.items.map((g: SupportGroup) => (
            <li key={g.id} class="topic-list__item">
              <AppLink href={`${CONNECT_BASE}/group/${g.id}`}>{g.name}</AppLink>
              <span class="topic-list__meta">{t("forum.groups.members", { count: g.members })}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="forum-join" onSubmit={join}>
        <div class="field">
          <label for={`${id}-code`}>{t("forum.groups.code")}</label>
          <input
            id={`${id}-code`}
            required
            minLength={4}
            maxLength={20}
            autoComplete="off"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </div>
        {action.error && <Problem error={action.error} />}
        <button type="submit" class="button button--secondary" disabled={action.busy}>
          {t("forum.groups.join")}
        </button>
      </form>
    </section>
  );
}

/** Get Connected: topics by theme, search, a new topic, the member's support groups. */
export function Connect() {
  const t = useT("app");
  const id = useId();
  const online = useOnline();
  const account = useCommunityAccount();
  const [theme, setTheme] = useState("");
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => void flushForumOutbox(), [online]);
  const loadThemes = useCallback(() => callApi("GET /forum/themes", {}), []);
  const themes = useLoad(loadThemes);
  const signedIn = account.phase === "on";
  const loadTopics = useCallback(
    () => callApi("GET /forum/topics", { query: { theme: theme || undefined, q: search || undefined } }),
    // A sign-in changes what is shown (following, unread).
    [theme, search, signedIn],
  );
  const topics = useLoad(loadTopics);
  const membersOnly = topics.error instanceof ApiError && topics.error.code === "MEMBERS_ONLY";
  const offlineTopics = !online ? rememberedTopics() : [];
  return (
    <SubPage title={t("sections.connected.title")}>
      <p class="lead">{t("forum.intro")}</p>
      <AccountGate account={account} />
      {signedIn && themes.data && <NewTopicForm themes={themes.data.items} />}
      <section aria-labelledby={`${id}-topics`}>
        <h2 id={`${id}-topics`}>{t("forum.topics.title")}</h2>
        <search>
          <form
            class="filters forum-filters"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(q.trim());
            }}
          >
            <div class="field">
              <label for={`${id}-theme`}>{t("forum.theme")}</label>
              <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.currentTarget.value)}>
                <option value="">{t("forum.allThemes")}</option>
                {themes.data?.items.map((th) => (
                  <option key={th.code} value={th.code}>
                    {th.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${id}-q`}>{t("forum.search")}</label>
              <input id={`${id}-q`} type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
            </div>
            <button type="submit" class="button button--secondary">
              {t("forum.searchSubmit")}
            </button>
          </form>
        </search>
        {!online && offlineTopics.length > 0 && (
          <>
            <p>{t("forum.offlineTopics")}</p>
            <ul class="topic-list">
              {offlineTopics.map((topic) => (
                <li key={topic.id} class="topic-list__item">
                  <AppLink href={`${CONNECT_BASE}/topic/${topic.id}`}>{topic.title}</AppLink>
                </li>
              ))}
            </ul>
          </>
        )}
        {membersOnly ? (
          <p>{t("forum.membersOnly")}</p>
        ) : (
          topics.error && online && <Problem error={topics.error} onRetry={topics.reload} />
        )}
        {topics.data && <TopicList items={topics.data.items} />}
      </section>
      {signedIn && <Groups />}
    </SubPage>
  );
}
