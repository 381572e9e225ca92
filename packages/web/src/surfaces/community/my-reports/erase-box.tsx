import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../../api/client.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { trackCall } from "./use-tracked-report.js";

/**
 * "Delete this report": a first tap asks for confirmation, the second erases (deleteMyReportByCode). A 404 means the
 * report is already erased (a double tap, or another phone was quicker): the person asked for that, so it counts as
 * done.
 */
export function EraseBox(props: { code: string; onErased(): void }) {
  const t = useT("app");
  const { busy, error, run } = useAction();
  const [asking, setAsking] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useLayoutEffect(() => {
    if (asking) confirmHeading.current?.focus();
    else if (returnFocus) startButton.current?.focus();
  }, [asking]);

  const erase = () =>
    run(async () => {
      try {
        await trackCall(props.code, "erase");
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
      props.onErased();
    });

  return (
    <section class="panel erase-box" aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t("track.erase.title")}</h2>
      {!asking ? (
        <>
          <p class="hint">{t("track.erase.hint")}</p>
          <button
            type="button"
            ref={startButton}
            class="button button--secondary erase-box__start"
            onClick={() => setAsking(true)}
          >
            {t("track.erase.start")}
          </button>
        </>
      ) : (
        <div class="erase-box__confirm">
          <h3 id="erase-confirm-heading" ref={confirmHeading} tabIndex={-1}>
            {t("track.erase.confirmTitle")}
          </h3>
          <p>{t("track.erase.confirmBody")}</p>
          {error && <Problem error={error} />}
          <div class="actions">
            <button type="button" class="button button--danger" disabled={busy} aria-busy={busy} onClick={erase}>
              {t("track.erase.yes")}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => {
                setReturnFocus(true);
                setAsking(false);
              }}
            >
              {t("track.erase.no")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
