import "../reporting.css";
import "./forum.css";
import type { ForumPost, ForumPostList, ForumPostResult } from "@openclm/contracts";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { callApi } from "../../../api/client.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { useLoad } from "../../../shared/use-load.js";
import { useOnline } from "../../../shared/use-online.js";
import { AppLink } from "../app-link.js";
import { useCommunityAccount } from "../my-reports/use-community-account.js";
import { SubPage } from "../sub-page.js";
import { CONNECT_BASE, PostOutcome } from "./connect.js";
import { queuedPosts, rememberedTopic, rememberTopic, sendPost } from "./forum-store.js";

function WriteBox(props: { label: string; submit: (body: string) => Promise<ForumPostResult | "queued"> }) {
  const t = useT("app");
  const id = useId();
  const action = useAction();
  const [body, setBody] = useState("");
  const [result, setResult] = useState<ForumPostResult | "queued" | null>(null);
  return (
    <form
      class="forum-write"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          setResult(await props.submit(body));
          setBody("");
        });
      }}
    >
      <div class="field">
        <label for={id}>{props.label}</label>
        <textarea
          id={id}
          required
          rows={3}
          maxLength={4000}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        <p class="hint">{t("forum.privacyHint")}</p>
      </div>
      {action.error && <Problem error={action.error} />}
      <button type="submit" class="button" disabled={action.busy} aria-busy={action.busy}>
        {t("forum.send")}
      </button>
      {result && <PostOutcome result={result} />}
    </form>
  );
}

function PostActions(props: { post: ForumPost; signedIn: boolean; onChange: () => void }) {
  const t = useT("app");
  const action = useAction();
  const [reported, setReported] = useState(false);
  const p = props.post;
  if (!props.signedIn || p.status !== "published")
    return <p class="post__meta">{t("forum.likes", { count: p.likes })}</p>;
  const toggle = (kind: "like" | "helpful", on: boolean) =>
    action.run(async () => {
      await callApi(kind === "like" ? "PUT /forum/posts/:id/like" : "PUT /forum/posts/:id/helpful", {
        params: { id: p.id },
        body: { on },
      });
      props.onChange();
    });
  return (
    <div class="post__actions">
      <button type="button" class="link-button" aria-pressed={p.likedByMe} onClick={() => toggle("like", !p.likedByMe)}>
        {t("forum.like", { count: p.likes })}
      </button>
      <button
        type="button"
        class="link-button"
        aria-pressed={p.helpfulByMe}
        onClick={() => toggle("helpful", !p.helpfulByMe)}
      >
        {t("forum.helpful", { count: p.helpful })}
      </button>
      {p.mine ? (
        <button
          type="button"
          class="link-button"
          onClick={() =>
            action.run(async () => {
              await callApi("DELETE /forum/posts/:id", { params: { id: p.id } });
              props.onChange();
            })
          }
        >
          {t("forum.delete")}
        </button>
      ) : (
        <button
          type="button"
          class="link-button"
          disabled={reported}
          onClick={() =>
            action.run(async () => {
              await callApi("POST /forum/posts/:id/report", { params: { id: p.id }, body: { reason: "other" } });
              setReported(true);
            })
          }
        >
          {reported ? t("forum.reported") : t("forum.report")}
        </button>
      )}
      {action.error && <Problem error={action.error} />}
    </div>
  );
}

function Post(props: { post: ForumPost; signedIn: boolean; onChange: () => void }) {
  const t = useT("app");
  const p = props.post;
  return (
    <article class={`post${p.pinned ? " post--pinned" : ""}`} aria-label={t("forum.postBy", { nickname: p.nickname })}>
      <p class="post__author">
        {p.nickname}
        {p.pinned && <span class="badge">{t("forum.pinned")}</span>}
        {p.status !== "published" && <span class="badge badge--waiting">{t(`forum.status.${p.status}`)}</span>}
      </p>
      <p class="post__body">{p.body}</p>
      <PostActions post={p} signedIn={props.signedIn} onChange={props.onChange} />
      {p.comments.length > 0 && (
        <ul class="comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <span class="post__author">{c.nickname}</span>{" "}
              {c.status !== "published" && <span class="badge badge--waiting">{t(`forum.status.${c.status}`)}</span>}{" "}
              {c.body}
            </li>
          ))}
        </ul>
      )}
      {props.signedIn && p.status === "published" && (
        <details class="forum-comment">
          <summary>{t("forum.comment")}</summary>
          <WriteBox
            label={t("forum.commentLabel")}
            submit={async (body) => {
              const r = await callApi("POST /forum/posts/:id/comments", {
                params: { id: p.id },
                body: { body, clientId: crypto.randomUUID() },
              });
              props.onChange();
              return r;
            }}
          />
        </details>
      )}
    </article>
  );
}

/** One topic: its posts (pinned first) with comments; likes, helpful marks, reports; follow; write a post. */
export function TopicView() {
  const t = useT("app");
  const { params } = useRoute();
  const topicId = params.id ?? "";
  const online = useOnline();
  const account = useCommunityAccount();
  const signedIn = account.phase === "on";
  const load = useCallback(async (): Promise<ForumPostList & { offline?: boolean }> => {
    try {
      const list = await callApi("GET /forum/posts", { query: { topicId } });
      rememberTopic(list);
      return list;
    } catch (err) {
      const kept = rememberedTopic(topicId);
      if (kept && !navigator.onLine) return { ...kept, offline: true };
      throw err;
    }
  }, [topicId, signedIn]);
  const { data, error, reload } = useLoad(load);
  useEffect(() => {
    if (online) reload();
  }, [online]);
  const follow = useAction();
  const waiting = queuedPosts(topicId);
  return (
    <SubPage title={data?.topic.title ?? t("forum.topics.title")}>
      <AppLink class="back-link" href={CONNECT_BASE}>
        {t("forum.backToTopics")}
      </AppLink>
      {error && <Problem error={error} onRetry={reload} />}
      {data?.offline && (
        <p class="offline-notice" role="status">
          {t("forum.offlineCopy")}
        </p>
      )}
      {data && signedIn && !data.offline && (
        <button
          type="button"
          class="button button--secondary"
          aria-pressed={data.topic.following}
          disabled={follow.busy}
          onClick={() =>
            follow.run(async () => {
              await callApi("PUT /forum/topics/:id/follow", {
                params: { id: topicId },
                body: { on: !data.topic.following },
              });
              reload();
            })
          }
        >
          {data.topic.following ? t("forum.unfollow") : t("forum.follow")}
        </button>
      )}
      {data?.items.map((p) => (
        <Post key={p.id} post={p} signedIn={signedIn && !data.offline} onChange={reload} />
      ))}
      {waiting.length > 0 && (
        <p class="forum-outcome" role="status">
          {t("forum.outcome.queued")}
        </p>
      )}
      {data && signedIn && (
        <WriteBox
          label={t("forum.postLabel")}
          submit={async (body) => {
            const r = await sendPost({ topicId, body, clientId: crypto.randomUUID() });
            if (r !== "queued") reload();
            return r;
          }}
        />
      )}
    </SubPage>
  );
}
