import "./rating.css";
import type { FacilityRatings, RatingAspect } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type ApiError, callApi } from "../../../api/client.js";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { monthLabel } from "../../../shared/month-label.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { deviceId } from "../outbox/device-id.js";
import { newClientId, newDraft } from "../report/draft.js";
import { saveDraft } from "../report/draft-storage.js";
import { flushRatings, isQueued, queueRating, sendRating } from "./rating-queue.js";

const ASPECTS: RatingAspect[] = ["respect", "confidentiality", "waiting", "cost", "medicines"];
const SCORES = [1, 2, 3, 4, 5] as const;
const COMMENT_MAX = 500;

function Scale(props: { legend: string; name: string; value: number | undefined; onChange: (n: number) => void }) {
  const t = useT("app");
  return (
    <fieldset class="scale">
      <legend>{props.legend}</legend>
      <div class="scale__options">
        {SCORES.map((n) => (
          <label key={n} class="scale__option">
            <input
              type="radio"
              name={props.name}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
            />
            <span aria-hidden="true">{n}</span>
            <span class="visually-hidden">{t(`rating.score.s${n}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Summary(props: { ratings: FacilityRatings }) {
  const t = useT("app");
  const lng = useLanguage();
  const r = props.ratings;
  const shown = ASPECTS.filter((a) => r.aspects[a] !== null);
  return (
    <div class="rating-summary">
      <p class="rating-summary__overall">
        {r.average === null
          ? t("rating.tooFew", { count: r.count, minimum: r.minimum })
          : t("rating.average", { average: r.average, count: r.count })}
      </p>
      {shown.length > 0 && (
        <ul class="rating-summary__aspects">
          {shown.map((a) => (
            <li key={a}>{t("rating.aspectAverage", { aspect: t(`rating.aspects.${a}`), average: r.aspects[a] })}</li>
          ))}
        </ul>
      )}
      {r.comments.length > 0 && (
        <ul class="rating-summary__comments" aria-label={t("rating.comments")}>
          {r.comments.map((c) => (
            <li key={`${c.at}-${c.body}`}>
              <q>{c.body}</q> <span class="rating-summary__month">{monthLabel(lng, c.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Done = { kind: "sent" | "queued"; overall: number };

/**
 * "Ratings" on a facility card: opened on demand (no request per card until then), the average only from the
 * platform's minimum number of ratings on, and "Rate this facility": overall score, optional aspects and comment. A
 * rating made offline waits on the phone (rating-queue.ts). After a low score, one tap opens the report flow with the
 * facility already chosen.
 */
export function FacilityRating(props: { facility: { id: string; name: string; districtId: string } }) {
  const t = useT("app");
  const f = props.facility;
  const [open, setOpen] = useState(false);
  const [ratings, setRatings] = useState<FacilityRatings | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [rating, setRating] = useState(false);
  const [overall, setOverall] = useState<number | undefined>();
  const [aspects, setAspects] = useState<Partial<Record<RatingAspect, number>>>({});
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<Done | null>(() => (isQueued(f.id) ? { kind: "queued", overall: 3 } : null));
  const [clientId] = useState(newClientId);
  const action = useAction();
  const commentId = useId();
  const hintId = useId();
  const { config } = useConfig();
  const { route } = useLocation();

  const load = () => {
    setLoadError(null);
    callApi("GET /facilities/:id/ratings", { params: { id: f.id } })
      .then(setRatings)
      .catch((err: ApiError) => setLoadError(err));
  };
  useEffect(() => {
    if (open && !ratings) load();
    if (open) void flushRatings();
  }, [open]);

  const submit = (e: Event) => {
    e.preventDefault();
    if (!overall) {
      setMissing(true);
      return;
    }
    const body = {
      clientId,
      deviceId: deviceId() ?? clientId,
      overall,
      ...(Object.keys(aspects).length ? { aspects } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    void action.run(async () => {
      try {
        await sendRating({ facilityId: f.id, body });
        setDone({ kind: "sent", overall });
      } catch (err) {
        if ((err as ApiError).code !== "NETWORK") throw err;
        queueRating({ facilityId: f.id, body });
        setDone({ kind: "queued", overall });
      }
    });
  };

  const tellUs = () => {
    const district = config?.areas.find((a) => a.id === f.districtId);
    saveDraft({
      ...newDraft(),
      districtId: f.districtId,
      regionId: district?.parentId ?? null,
      facilityId: f.id,
      facilityName: f.name,
    });
    route("/app/report");
  };

  return (
    <details class="facility__ratings" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t("rating.title")}</summary>
      {loadError && <Problem error={loadError} onRetry={load} />}
      {ratings ? <Summary ratings={ratings} /> : !loadError && open && <p role="status">{t("rating.loading")}</p>}
      {done ? (
        <div class="rating-done" role="status">
          <p>{t(done.kind === "sent" ? "rating.thanks" : "rating.queued")}</p>
          {done.overall <= 2 && (
            <>
              <p>{t("rating.lowPrompt")}</p>
              <button type="button" class="button" onClick={tellUs}>
                {t("rating.tellUs")}
              </button>
            </>
          )}
        </div>
      ) : !rating ? (
        <button type="button" class="button button--secondary" onClick={() => setRating(true)}>
          {t("rating.rate")}
        </button>
      ) : (
        <form class="rating-form" onSubmit={submit} aria-label={t("rating.formFor", { name: f.name })} noValidate>
          <p class="rating-form__hint">{t("rating.scaleHint")}</p>
          <Scale
            legend={t("rating.overall")}
            name={`overall-${clientId}`}
            value={overall}
            onChange={(n) => {
              setOverall(n);
              setMissing(false);
            }}
          />
          {missing && (
            <p class="rating-form__error" role="alert">
              {t("rating.overallRequired")}
            </p>
          )}
          <details class="rating-form__aspects">
            <summary>{t("rating.moreAspects")}</summary>
            {ASPECTS.map((a) => (
              <Scale
                key={a}
                legend={t(`rating.aspects.${a}`)}
                name={`${a}-${clientId}`}
                value={aspects[a]}
                onChange={(n) => setAspects((s) => ({ ...s, [a]: n }))}
              />
            ))}
          </details>
          <div class="field">
            <label for={commentId}>{t("rating.comment")}</label>
            <p id={hintId} class="rating-form__hint">
              {t("rating.commentHint")}
            </p>
            <textarea
              id={commentId}
              aria-describedby={hintId}
              maxLength={COMMENT_MAX}
              rows={3}
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
          </div>
          {action.error && <Problem error={action.error} />}
          <button type="submit" class="button" disabled={action.busy} aria-busy={action.busy}>
            {t("rating.send")}
          </button>
        </form>
      )}
    </details>
  );
}
