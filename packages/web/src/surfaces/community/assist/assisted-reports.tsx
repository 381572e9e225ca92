import type { MyAssistedReports } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { ApiError, callApi, isAbort } from "../../../api/client.js";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { formatDate } from "../my-reports/format-date.js";
import { findCategory } from "../report/taxonomy.js";
import { STAFF_SIGN_IN_HREF } from "./assist-role.js";

/** The most recent ones first; the rest on request (a busy peer supporter's list is long). */
const SHOWN = 10;

type State =
  | { phase: "loading" }
  | { phase: "ready"; items: MyAssistedReports["items"] }
  | { phase: "offline" }
  | { phase: "signed-out" };

/**
 * On My reports, for a peer supporter: the reports they made for others and where each one is. Only codes and
 * status come from the server (listMyAssistedReports): the person's words, phone and tracking code stay theirs.
 */
export function AssistedReports() {
  const t = useT("app");
  const lng = useLanguage();
  const { config } = useConfig();
  const [state, setState] = useState<State>({ phase: "loading" });
  const [all, setAll] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    callApi("GET /me/assisted-reports", {}, { signal: ctrl.signal }).then(
      (r) => setState({ phase: "ready", items: r.items }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setState({ phase: err instanceof ApiError && err.status === 401 ? "signed-out" : "offline" });
      },
    );
    return () => ctrl.abort();
  }, []);
  return (
    <section aria-labelledby="assisted-heading" id="assisted">
      <h2 id="assisted-heading">{t("assist.mine.title")}</h2>
      <p class="hint">{t("assist.mine.intro")}</p>
      {state.phase === "loading" && <p role="status">{t("assist.mine.title")}…</p>}
      {state.phase === "offline" && <p>{t("assist.mine.offline")}</p>}
      {state.phase === "signed-out" && (
        <p>
          {t("assist.mine.signIn")} <a href={STAFF_SIGN_IN_HREF}>{t("assist.signIn")}</a>
        </p>
      )}
      {state.phase === "ready" &&
        (state.items.length === 0 ? (
          <p>{t("assist.mine.empty")}</p>
        ) : (
          <ul class="report-list">
            {state.items.slice(0, all ? undefined : SHOWN).map((r) => (
              <li key={r.clientId} class="report-item">
                <p class="report-item__title">
                  {(config && findCategory(config, r.categoryCode)?.label) ?? t("myReports.report")}
                </p>
                <p class="report-item__status">{t(`track.statusShort.${r.status}`)}</p>
                <p class="report-item__meta">
                  {t(`assist.kind.${r.assistantKind}`)} ·{" "}
                  {t("myReports.sentOn", { date: formatDate(r.createdAt, lng) })}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {state.phase === "ready" && !all && state.items.length > SHOWN && (
        <button type="button" class="button button--secondary" onClick={() => setAll(true)}>
          {t("assist.mine.more")}
        </button>
      )}
    </section>
  );
}
