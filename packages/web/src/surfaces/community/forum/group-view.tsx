import "../reporting.css";
import "./forum.css";
import type { GroupMessages, Helpline } from "@openclm/contracts";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { apiUrl, callApi } from "../../../api/client.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { useLoad } from "../../../shared/use-load.js";
import { AppLink } from "../app-link.js";
import { SubPage } from "../sub-page.js";
import { CONNECT_BASE, HelplineBox } from "./connect.js";

/**
 * A support group's chat. New messages arrive over the platform's live channel (Server-Sent Events): the event
 * carries no text, only that something changed, and the page reloads the messages it may read. Member list:
 * nicknames only. Leave, and erase everything one wrote here.
 */
export function GroupView() {
  const t = useT("app");
  const id = useId();
  const { params } = useRoute();
  const { route } = useLocation();
  const groupId = params.id ?? "";
  const load = useCallback(() => callApi("GET /groups/:id/messages", { params: { id: groupId } }), [groupId]);
  const { data, error, reload } = useLoad<GroupMessages>(load);
  const [live, setLive] = useState<GroupMessages | null>(null);
  const shown = live ?? data;
  useEffect(() => {
    const source = new EventSource(apiUrl(`/groups/${encodeURIComponent(groupId)}/events`));
    const refresh = () => void load().then(setLive, () => {});
    source.addEventListener("message", refresh);
    source.addEventListener("resync", refresh);
    return () => source.close();
  }, [groupId, load]);
  const send = useAction();
  const manage = useAction();
  const [body, setBody] = useState("");
  const [helpline, setHelpline] = useState<Helpline | null>(null);
  const [held, setHeld] = useState(false);
  return (
    <SubPage title={shown?.group.name ?? t("forum.groups.title")}>
      <AppLink class="back-link" href={CONNECT_BASE}>
        {t("forum.backToTopics")}
      </AppLink>
      {error && <Problem error={error} onRetry={reload} />}
      {shown && (
        <>
          <details class="group-members">
            <summary>{t("forum.groups.members", { count: shown.members.length })}</summary>
            <ul>
              {shown.members.map((m) => (
                <li key={m.nickname}>{m.nickname}</li>
              ))}
            </ul>
          </details>
          <ol class="chat" aria-live="polite" aria-label={t("forum.groups.messages")}>
            {shown.items.map((m) => (
              <li key={m.id} class={`chat__message${m.mine ? " chat__message--mine" : ""}`}>
                <span class="post__author">{m.nickname}</span>
                {m.status === "held" && <span class="badge badge--waiting">{t("forum.groups.held")}</span>}
                <p class="post__body">{m.body}</p>
                {m.seenBy !== null && <span class="post__meta">{t("forum.groups.seenBy", { count: m.seenBy })}</span>}
              </li>
            ))}
          </ol>
          {helpline && <HelplineBox helpline={helpline} />}
          {held && (
            <p class="forum-outcome" role="status">
              {t("forum.groups.heldHint")}
            </p>
          )}
          <form
            class="forum-write"
            onSubmit={(e) => {
              e.preventDefault();
              void send.run(async () => {
                const r = await callApi("POST /groups/:id/messages", {
                  params: { id: groupId },
                  body: { body, clientId: crypto.randomUUID() },
                });
                setHelpline(r.helpline);
                setHeld(r.status === "held");
                setBody("");
                setLive(await load());
              });
            }}
          >
            <div class="field">
              <label for={id}>{t("forum.groups.write")}</label>
              <textarea
                id={id}
                required
                rows={2}
                maxLength={1000}
                value={body}
                onInput={(e) => setBody(e.currentTarget.value)}
              />
            </div>
            {send.error && <Problem error={send.error} />}
            <button type="submit" class="button" disabled={send.busy} aria-busy={send.busy}>
              {t("forum.send")}
            </button>
          </form>
          <div class="actions">
            <button
              type="button"
              class="button button--secondary"
              disabled={manage.busy}
              onClick={() =>
                manage.run(async () => {
                  await callApi("DELETE /groups/:id/messages/mine", { params: { id: groupId } });
                  setLive(await load());
                })
              }
            >
              {t("forum.groups.deleteMine")}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={manage.busy}
              onClick={() =>
                manage.run(async () => {
                  await callApi("POST /groups/:id/leave", { params: { id: groupId } });
                  route(CONNECT_BASE, true);
                })
              }
            >
              {t("forum.groups.leave")}
            </button>
          </div>
          {manage.error && <Problem error={manage.error} />}
        </>
      )}
    </SubPage>
  );
}
