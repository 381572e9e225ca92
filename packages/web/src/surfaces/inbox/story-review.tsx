import "./story-review.css";
import type { StoryCandidateDetail } from "@openclm/contracts";
import { useCallback, useId, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { storiesApi } from "../../api/stories-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { monthLabel } from "../../shared/month-label.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { FormError } from "../staff/form-error.js";
import { useLabels } from "./use-labels.js";

const BASE = "/inbox/stories";

/**
 * /inbox/stories — the data manager's review of advocacy stories: reports whose reporter agreed, one at a time. The
 * reporter's words are shown (and the reading audited) only when one is opened; the data manager writes the text
 * analysts will read, without anything that could identify the person, and approves it, or rejects it.
 */
export function StoryReview() {
  const t = useT("inbox");
  const lng = useLanguage();
  const labels = useLabels();
  const loc = useLocation();
  const openId = loc.path.match(/^\/inbox\/stories\/([0-9a-f-]{36})$/i)?.[1] ?? null;
  const list = useLoad(storiesApi.candidates);
  const [status, setStatus] = useState("");

  return (
    <div class="stories">
      <p>
        <a href="/inbox">{t("stories.back")}</a>
      </p>
      <p class="lead">{t("stories.intro")}</p>
      <p role="status" class="status-line">
        {status}
      </p>
      {openId ? (
        <StoryEditor
          key={openId}
          id={openId}
          onDone={(text) => {
            setStatus(text);
            loc.route(BASE);
            list.reload();
          }}
        />
      ) : (
        <section aria-labelledby="stories-queue">
          <h2 id="stories-queue">{t("stories.queue")}</h2>
          {list.error && <Problem error={list.error} onRetry={list.reload} />}
          {!list.data && !list.error && <p aria-live="polite">{t("stories.loading")}</p>}
          {list.data?.items.length === 0 && <p class="muted">{t("stories.none")}</p>}
          {list.data && list.data.items.length > 0 && (
            <ul class="stories-queue">
              {list.data.items.map((c) => (
                <li key={c.reportId}>
                  <a href={`${BASE}/${c.reportId}`} class="stories-queue__item">
                    <strong>{labels.category(c.categoryCode)}</strong>
                    <span>{labels.subcategory(c.subcategoryCode)}</span>
                    <span class="muted">
                      {labels.area(c.districtId)} · {monthLabel(lng, c.month, "long")}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function StoryEditor(props: { id: string; onDone: (status: string) => void }) {
  const t = useT("inbox");
  const load = useCallback(() => storiesApi.candidate(props.id), [props.id]);
  const { data, error, reload } = useLoad<StoryCandidateDetail>(load);
  if (error) return <Problem error={error} onRetry={reload} />;
  if (!data) return <p aria-live="polite">{t("stories.loading")}</p>;
  return <StoryForm id={props.id} data={data} onDone={props.onDone} />;
}

/**
 * The review form, mounted once the candidate is loaded so that the text starts as the saved decision or the
 * reporter's words in the same render: an effect that filled it in after the first paint could overwrite what the
 * data manager had already typed (and leave "Approve" disabled as if nothing had changed).
 */
function StoryForm(props: { id: string; data: StoryCandidateDetail; onDone: (status: string) => void }) {
  const { data } = props;
  const t = useT("inbox");
  const lng = useLanguage();
  const labels = useLabels();
  const id = useId();
  const [text, setText] = useState(() => data.decision?.text ?? data.description);
  const [checked, setChecked] = useState(false);
  const action = useAction();

  const unchanged = text.trim() === data.description.trim();
  const approve = () =>
    action.run(async () => {
      await storiesApi.review(props.id, { decision: "approve", text });
      props.onDone(t("stories.approved"));
    });
  const reject = () =>
    action.run(async () => {
      await storiesApi.review(props.id, { decision: "reject" });
      props.onDone(t("stories.rejected"));
    });

  return (
    <section class="story-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {labels.category(data.categoryCode)} · {labels.subcategory(data.subcategoryCode)}
      </h2>
      <p class="muted">
        {labels.area(data.districtId)} · {monthLabel(lng, data.month, "long")}
      </p>
      <h3>{t("stories.original")}</h3>
      <p class="hint">{t("stories.originalHint")}</p>
      <blockquote class="story-original">{data.description}</blockquote>
      <form
        class="staff-form"
        onSubmit={(e) => {
          e.preventDefault();
          void approve();
        }}
      >
        <div class="field">
          <label for={`${id}-text`}>{t("stories.redacted")}</label>
          <p class="hint" id={`${id}-hint`}>
            {t("stories.redactedHint")}
          </p>
          <textarea
            id={`${id}-text`}
            rows={6}
            maxLength={4000}
            aria-describedby={`${id}-hint${unchanged ? ` ${id}-same` : ""}`}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {unchanged && (
            <p class="hint" id={`${id}-same`}>
              {t("stories.unchanged")}
            </p>
          )}
        </div>
        <label class="check">
          <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} />
          {t("stories.confirm")}
        </label>
        <FormError error={action.error} />
        <div class="button-row">
          <button type="submit" class="button" disabled={action.busy || !checked || unchanged || !text.trim()}>
            {t("stories.approve")}
          </button>
          <button type="button" class="button button--danger" disabled={action.busy} onClick={() => void reject()}>
            {t("stories.reject")}
          </button>
          <a href={BASE} class="button button--secondary">
            {t("stories.cancel")}
          </a>
        </div>
      </form>
    </section>
  );
}
