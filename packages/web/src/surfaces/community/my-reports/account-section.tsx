import "./account.css";
import { useId, useLayoutEffect, useState } from "preact/hooks";
import { ApiError, apiUrl } from "../../../api/client.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { AccountForm, type AccountFormMode } from "./account-form.js";
import type { useCommunityAccount } from "./use-community-account.js";

type Account = ReturnType<typeof useCommunityAccount>;

/** What just happened, said in a heading that takes focus so screen readers announce it. */
type Outcome = "created" | "signedIn" | "signedOut" | "deleted" | "confirmDelete";

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, "NETWORK", "");
}

/** The member's data export (exportMyCommunityData), saved as a file: the session cookie goes with the link. */
function DownloadMyData() {
  const t = useT("app");
  return (
    <p>
      <a class="button button--secondary" href={apiUrl("/community/accounts/me/export")} download="my-data.json">
        {t("myReports.account.download")}
      </a>{" "}
      <span class="hint">{t("myReports.account.downloadHint")}</span>
    </p>
  );
}

/**
 * "See my reports on any phone": an optional account (nickname and PIN or password) at the end of My reports.
 * Reporting never needs it; it only lets the same person find their reports on another phone.
 */
export function AccountSection(props: { account: Account }) {
  const t = useT("app");
  const tc = useT("common");
  const id = useId();
  const { account } = props;
  const [form, setForm] = useState<AccountFormMode | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // Before paint: the heading is announced as it appears, not a frame later from wherever focus was.
  useLayoutEffect(() => {
    if (outcome) document.getElementById(`${id}-${outcome}`)?.focus();
  }, [outcome, id]);

  const act = async (work: () => Promise<void>, next: Outcome | null) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setOutcome(next);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const open = (mode: AccountFormMode) => {
    setOutcome(null);
    setForm(mode);
  };

  const resultHeading = (key: Outcome, text: string) => (
    <h3 id={`${id}-${key}`} tabIndex={-1}>
      {text}
    </h3>
  );

  let body = null;
  if (account.phase === "checking") {
    body = <p role="status">{tc("loading")}</p>;
  } else if (account.phase === "unreachable") {
    body = <Problem error={new ApiError(0, "NETWORK", "")} onRetry={account.retry} />;
  } else if (account.phase === "on") {
    body =
      outcome === "confirmDelete" ? (
        <div class="account-confirm">
          {resultHeading("confirmDelete", t("myReports.account.deleteTitle"))}
          <p>{t("myReports.account.deleteBody")}</p>
          <p>{t("myReports.account.deleteCodes")}</p>
          <DownloadMyData />
          {error && <Problem error={error} />}
          <div class="actions">
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              aria-busy={busy}
              onClick={() => act(account.deleteAccount, "deleted")}
            >
              {t("myReports.account.deleteYes")}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => {
                setError(null);
                setOutcome("signedIn");
              }}
            >
              {t("myReports.account.deleteNo")}
            </button>
          </div>
        </div>
      ) : (
        <>
          {outcome === "created" ? (
            <>
              {resultHeading("created", t("myReports.account.createdAs", { nickname: account.nickname ?? "" }))}
              <p>
                <strong>{t("myReports.account.createdBody")}</strong>
              </p>
            </>
          ) : (
            resultHeading("signedIn", t("myReports.account.signedInAs", { nickname: account.nickname ?? "" }))
          )}
          <p>{t("myReports.account.signedInBody")}</p>
          {account.reportsError && <Problem error={account.reportsError} onRetry={account.reloadReports} />}
          <DownloadMyData />
          <p class="hint">{t("myReports.account.adviceShared")}</p>
          {error && <Problem error={error} />}
          <div class="actions">
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              aria-busy={busy}
              onClick={() => act(account.signOut, "signedOut")}
            >
              {t("myReports.account.signOut")}
            </button>
            <button
              type="button"
              class="link-button link-button--danger"
              disabled={busy}
              onClick={() => {
                setError(null);
                setOutcome("confirmDelete");
              }}
            >
              {t("myReports.account.delete")}
            </button>
          </div>
        </>
      );
  } else {
    body = (
      <>
        {outcome === "signedOut" && resultHeading("signedOut", t("myReports.account.signedOut"))}
        {outcome === "deleted" && (
          <>
            {resultHeading("deleted", t("myReports.account.deleted"))}
            <p>{t("myReports.account.deletedBody")}</p>
          </>
        )}
        {form ? (
          <AccountForm
            mode={form}
            onCancel={() => setForm(null)}
            onDone={(signedIn) => {
              account.signedIn(signedIn);
              setForm(null);
              setOutcome(form === "create" ? "created" : "signedIn");
            }}
          />
        ) : (
          <>
            <p>{t("myReports.account.intro")}</p>
            <div class="actions">
              <button type="button" class="button button--secondary" onClick={() => open("create")}>
                {t("myReports.account.openCreate")}
              </button>
              <button type="button" class="button button--secondary" onClick={() => open("signIn")}>
                {t("myReports.account.openSignIn")}
              </button>
            </div>
          </>
        )}
      </>
    );
  }

  return (
    <section class="account-box" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("myReports.account.title")}</h2>
      {body}
    </section>
  );
}
