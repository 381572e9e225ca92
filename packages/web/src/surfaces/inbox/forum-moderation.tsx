import "./story-review.css";
import type { ModerateForumItemBody, ModerationItem, PinnablePost } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { apiUrl } from "../../api/client.js";
import { staffApi } from "../../api/staff-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { formatDate } from "../community/my-reports/format-date.js";
import { FormError } from "../staff/form-error.js";
import { hasPermission, useMe } from "../staff/session-store.js";

const loadQueue = () => staffApi("GET /forum/moderation", {});
const loadGroups = () => staffApi("GET /groups/managed", {});
const loadPinnable = () => staffApi("GET /forum/moderation/posts", {});

/**
 * /inbox/forum — the peer supporter's moderation of Get Connected, in their scope: the queue (crisis first, then
 * reported posts, then the oldest waiting; support-group messages held for personal data or a link among them),
 * updated live over the moderation stream; the published posts they may pin; and the support groups they look after
 * with their invite codes. Every decision is audited on the server.
 */
export function ForumModeration() {
  const t = useT("inbox");
  const me = useMe();
  const list = useLoad(loadQueue);
  const [status, setStatus] = useState("");
  const [crisis, setCrisis] = useState(false);
  const pinnable = useLoad(loadPinnable);
  useEffect(() => {
    const source = new EventSource(apiUrl("/forum/moderation/events"));
    source.addEventListener("queue", (e) => {
      if ((JSON.parse((e as MessageEvent).data) as { crisis: boolean }).crisis) setCrisis(true);
      list.reload();
    });
    return () => source.close();
  }, []);
  return (
    <div class="stories">
      {hasPermission(me, "inbox:read") && (
        <p>
          <a href="/inbox">{t("stories.back")}</a>
        </p>
      )}
      <p class="lead">{t("forum.intro")}</p>
      {crisis && (
        <p role="alert" class="status-line status-line--alert">
          {t("forum.crisisAlert")}
        </p>
      )}
      <p role="status" class="status-line">
        {status}
      </p>
      <section aria-labelledby="forum-queue">
        <h2 id="forum-queue">{t("forum.queue")}</h2>
        {list.error && <Problem error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <p aria-live="polite">{t("stories.loading")}</p>}
        {list.data?.items.length === 0 && <p class="muted">{t("forum.none")}</p>}
        {list.data && list.data.items.length > 0 && (
          <ul class="stories-queue">
            {list.data.items.map((item) => (
              <QueueItem
                key={item.id}
                item={item}
                onDone={(text) => {
                  setStatus(text);
                  list.reload();
                  pinnable.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <PinPosts list={pinnable} onDone={setStatus} />
      <SupportGroups />
    </div>
  );
}

function QueueItem(props: { item: ModerationItem; onDone: (status: string) => void }) {
  const t = useT("inbox");
  const lng = useLanguage();
  const id = useId();
  const { busy, error, run } = useAction();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(props.item.body);
  const i = props.item;
  const message = i.kind === "message";
  const decide = (input: ModerateForumItemBody, done: string) =>
    void run(async () => {
      await staffApi("POST /forum/moderation/:id", { params: { id: i.id }, body: input });
      props.onDone(done);
    });
  return (
    <li class="stories-queue__item" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {i.kind === "topic"
          ? i.topicTitle
          : i.kind === "message"
            ? t("forum.inGroup", { name: i.topicTitle })
            : t("forum.in", { title: i.topicTitle })}
      </h3>
      <p>
        <strong>{t(`forum.reasons.${i.reason}`)}</strong>
        {i.reasons.length > 1 &&
          ` · ${i.reasons
            .slice(1)
            .map((r) => t(`forum.reasons.${r}`))
            .join(", ")}`}
      </p>
      <p>
        {i.nickname} · {formatDate(i.at, lng, true)}
        {i.authorWarnings > 0 && ` · ${t("forum.warnings", { count: i.authorWarnings })}`}
        {i.authorSuspended && ` · ${t("forum.suspended")}`}
      </p>
      {editing ? (
        <div class="field">
          <label for={`${id}-edit`}>{t("forum.editLabel")}</label>
          <textarea id={`${id}-edit`} rows={4} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
      ) : (
        <blockquote class="story-original">
          <p>{i.body}</p>
        </blockquote>
      )}
      <FormError error={error} />
      <div class="button-row">
        {editing ? (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() =>
              decide({ action: "redact", body }, message ? t("forum.done.releaseEdited") : t("forum.done.redact"))
            }
          >
            {message ? t("forum.actions.releaseEdited") : t("forum.actions.saveRedacted")}
          </button>
        ) : (
          <>
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => decide({ action: "approve" }, message ? t("forum.done.release") : t("forum.done.approve"))}
            >
              {message
                ? t("forum.actions.release")
                : i.status === "published"
                  ? t("forum.actions.keep")
                  : t("forum.actions.approve")}
            </button>
            <button type="button" class="button button--secondary" disabled={busy} onClick={() => setEditing(true)}>
              {t("forum.actions.redact")}
            </button>
          </>
        )}
        <button
          type="button"
          class="button button--danger"
          disabled={busy}
          onClick={() => decide({ action: "hide" }, t("forum.done.hide"))}
        >
          {t("forum.actions.hide")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => decide({ action: "warn" }, t("forum.done.warn"))}
        >
          {t("forum.actions.warn")}
        </button>
        <button
          type="button"
          class="button button--danger"
          disabled={busy}
          onClick={() => decide({ action: "suspend_author", days: 7 }, t("forum.done.suspend"))}
        >
          {t("forum.actions.suspend")}
        </button>
      </div>
    </li>
  );
}

/**
 * The published posts in topics of the moderator's area, pinned first: pinning shows a post first in its topic (a
 * helpful answer, the group's rules). Each button says what it does and is announced when done.
 */
function PinPosts(props: { list: ReturnType<typeof useLoad<{ items: PinnablePost[] }>>; onDone: (s: string) => void }) {
  const t = useT("inbox");
  const id = useId();
  const { busy, error, run } = useAction();
  const { list } = props;
  const pin = (p: PinnablePost) =>
    void run(async () => {
      await staffApi("PUT /forum/posts/:id/pin", { params: { id: p.id }, body: { on: !p.pinned } });
      props.onDone(p.pinned ? t("forum.pins.unpinned") : t("forum.pins.pinned"));
      list.reload();
    });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forum.pins.title")}</h2>
      <p class="muted">{t("forum.pins.intro")}</p>
      {list.error && <Problem error={list.error} onRetry={list.reload} />}
      {list.data?.items.length === 0 && <p class="muted">{t("forum.pins.none")}</p>}
      <FormError error={error} />
      {list.data && list.data.items.length > 0 && (
        <ul class="stories-queue">
          {list.data.items.map((p) => (
            <li key={p.id} class="stories-queue__item" aria-labelledby={`${id}-${p.id}`}>
              <h3 id={`${id}-${p.id}`}>
                {p.topicTitle}
                {p.pinned && ` · ${t("forum.pins.isPinned")}`}
              </h3>
              <p>{p.nickname}</p>
              <blockquote class="story-original">
                <p>{p.body}</p>
              </blockquote>
              <div class="button-row">
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={busy}
                  aria-describedby={`${id}-${p.id}`}
                  onClick={() => pin(p)}
                >
                  {p.pinned ? t("forum.pins.unpin") : t("forum.pins.pin")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SupportGroups() {
  const t = useT("inbox");
  const id = useId();
  const me = useMe();
  const groups = useLoad(loadGroups);
  const { busy, error, run } = useAction();
  const [name, setName] = useState("");
  const areaId = me.scope.areaIds[0] ?? "";
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forum.groups.title")}</h2>
      {groups.error && <Problem error={groups.error} onRetry={groups.reload} />}
      {groups.data && groups.data.items.length > 0 && (
        <ul class="stories-queue">
          {groups.data.items.map((g) => (
            <li key={g.id} class="stories-queue__item">
              <strong>{g.name}</strong> · {t("forum.groups.members", { count: g.members })} ·{" "}
              {t("forum.groups.code", { code: g.inviteCode ?? "" })}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await staffApi("POST /groups", { body: { name, areaId, readReceipts: false } });
            setName("");
            groups.reload();
          });
        }}
      >
        <div class="field">
          <label for={`${id}-name`}>{t("forum.groups.name")}</label>
          <input
            id={`${id}-name`}
            required
            minLength={3}
            maxLength={80}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <FormError error={error} />
        <button type="submit" class="button" disabled={busy || !areaId}>
          {t("forum.groups.create")}
        </button>
      </form>
    </section>
  );
}
