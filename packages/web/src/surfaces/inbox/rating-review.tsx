import "./story-review.css";
import type { ModerateFacilityRatingBody, RatingReviewItem } from "@openclm/contracts";
import { useState } from "preact/hooks";
import { staffApi } from "../../api/staff-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { formatDate } from "../community/my-reports/format-date.js";
import { FormError } from "../staff/form-error.js";

const loadQueue = () => staffApi("GET /ratings/review", {});

/**
 * /inbox/ratings — "Ratings to review": comments people wrote about facilities in the data manager's scope, which
 * nobody else sees until approved (flagged ones first: they seem to hold a phone number, an e-mail or a name), and
 * ratings held because many came from one address at once, which count only once released.
 */
export function RatingReview() {
  const t = useT("inbox");
  const list = useLoad(loadQueue);
  const [status, setStatus] = useState("");
  return (
    <div class="stories">
      <p>
        <a href="/inbox">{t("stories.back")}</a>
      </p>
      <p class="lead">{t("ratings.intro")}</p>
      <p role="status" class="status-line">
        {status}
      </p>
      <section aria-labelledby="ratings-queue">
        <h2 id="ratings-queue">{t("ratings.queue")}</h2>
        {list.error && <Problem error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <p aria-live="polite">{t("stories.loading")}</p>}
        {list.data?.items.length === 0 && <p class="muted">{t("ratings.none")}</p>}
        {list.data && list.data.items.length > 0 && (
          <ul class="stories-queue">
            {list.data.items.map((item) => (
              <ReviewItem
                key={item.id}
                item={item}
                onDone={(text) => {
                  setStatus(text);
                  list.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ReviewItem(props: { item: RatingReviewItem; onDone: (status: string) => void }) {
  const t = useT("inbox");
  const lng = useLanguage();
  const { busy, error, run } = useAction();
  const i = props.item;
  const headingId = `rating-${i.id}`;
  const decide = (body: ModerateFacilityRatingBody, done: string) =>
    void run(async () => {
      await staffApi("POST /ratings/:id/moderation", { params: { id: i.id }, body });
      props.onDone(done);
    });
  return (
    <li class="stories-queue__item" aria-labelledby={headingId}>
      <h3 id={headingId}>{i.facilityName}</h3>
      <p>
        {t("ratings.score", { overall: i.overall })} · {formatDate(i.at, lng, true)}
      </p>
      {i.flags.length > 0 && (
        <p>
          <strong>{t("ratings.flagged")}</strong> {i.flags.map((f) => t(`ratings.flags.${f}`)).join(", ")}
        </p>
      )}
      {i.comment !== null && (
        <blockquote class="story-original">
          <p>{i.comment}</p>
        </blockquote>
      )}
      {i.held && <p>{t("ratings.heldNote")}</p>}
      <FormError error={error} />
      <div class="button-row">
        {i.comment !== null && (
          <>
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => decide({ comment: "approve" }, t("ratings.approved"))}
            >
              {t("ratings.approve")}
            </button>
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => decide({ comment: "hide" }, t("ratings.hidden"))}
            >
              {t("ratings.hide")}
            </button>
          </>
        )}
        {i.held && (
          <>
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => decide({ rating: "release" }, t("ratings.released"))}
            >
              {t("ratings.release")}
            </button>
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => decide({ rating: "discard" }, t("ratings.discarded"))}
            >
              {t("ratings.discard")}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
