import type { CommunityAccount } from "@openclm/contracts";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { ApiError } from "../../../api/client.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { type CredentialProblem, checkNickname, checkSecret, registerAccount, signIn } from "./account-api.js";

export type AccountFormMode = "create" | "signIn";

type FieldProblem = CredentialProblem | "secretTrivial" | "secretCommon";

/**
 * Create an account or sign in: a nickname and a PIN or password. Mistakes show under the field they concern; a
 * wrong nickname or PIN, too many tries or no internet show above the button.
 */
export function AccountForm(props: {
  mode: AccountFormMode;
  onDone(account: CommunityAccount): void;
  onCancel(): void;
}) {
  const t = useT("app");
  const id = useId();
  const creating = props.mode === "create";
  const heading = useRef<HTMLHeadingElement>(null);
  const nicknameInput = useRef<HTMLInputElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  const [nickname, setNickname] = useState("");
  const [secret, setSecret] = useState("");
  const [nicknameProblem, setNicknameProblem] = useState<FieldProblem | null>(null);
  const [secretProblem, setSecretProblem] = useState<FieldProblem | null>(null);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Opening the form (or switching between the two) brings the reader to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [props.mode]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const n = checkNickname(nickname, creating);
    const s = checkSecret(secret, creating);
    setNicknameProblem(n);
    setSecretProblem(s);
    setWrong(false);
    setError(null);
    if (n || s) {
      (n ? nicknameInput : secretInput).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = { nickname: nickname.trim(), secret };
      props.onDone(await (creating ? registerAccount(body) : signIn(body)));
    } catch (err) {
      const failure = err instanceof ApiError ? err : new ApiError(0, "NETWORK", "");
      if (creating && (failure.code === "TRIVIAL_PIN" || failure.code === "WEAK_PASSWORD")) {
        setSecretProblem(failure.code === "TRIVIAL_PIN" ? "secretTrivial" : "secretCommon");
        secretInput.current?.focus();
      } else if (failure.code === "INVALID_CREDENTIALS") {
        setWrong(true);
        setSecret("");
        secretInput.current?.focus();
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const nicknameId = `${id}-nickname`;
  const secretId = `${id}-secret`;
  const describedBy = (field: string, hint: boolean, problem: boolean) =>
    [hint && `${field}-hint`, problem && `${field}-error`, wrong && `${id}-wrong`].filter(Boolean).join(" ") ||
    undefined;

  return (
    <form class="account-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t(creating ? "myReports.account.createTitle" : "myReports.account.signInTitle")}
      </h3>
      {creating && (
        <ul class="account-advice">
          <li>{t("myReports.account.adviceName")}</li>
          <li>
            <strong>{t("myReports.account.adviceRemember")}</strong>
          </li>
          <li>{t("myReports.account.adviceShared")}</li>
        </ul>
      )}
      <div class="field">
        <label for={nicknameId}>{t("myReports.account.nickname")}</label>
        {creating && (
          <p class="hint" id={`${nicknameId}-hint`}>
            {t("myReports.account.nicknameHint")}
          </p>
        )}
        <input
          id={nicknameId}
          ref={nicknameInput}
          class="input"
          value={nickname}
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          maxLength={creating ? 32 : 64}
          aria-invalid={nicknameProblem || wrong ? true : undefined}
          aria-describedby={describedBy(nicknameId, creating, !!nicknameProblem)}
          onInput={(e) => {
            setNickname(e.currentTarget.value);
            setNicknameProblem(null);
          }}
        />
        {nicknameProblem && (
          <p id={`${nicknameId}-error`} class="field-error">
            {t(`myReports.account.problems.${nicknameProblem}`)}
          </p>
        )}
      </div>
      <div class="field">
        <label for={secretId}>{t("myReports.account.secret")}</label>
        {creating && (
          <p class="hint" id={`${secretId}-hint`}>
            {t("myReports.account.secretHint")}
          </p>
        )}
        <input
          id={secretId}
          ref={secretInput}
          class="input"
          type="password"
          value={secret}
          autoComplete={creating ? "new-password" : "current-password"}
          maxLength={256}
          aria-invalid={secretProblem || wrong ? true : undefined}
          aria-describedby={describedBy(secretId, creating, !!secretProblem)}
          onInput={(e) => {
            setSecret(e.currentTarget.value);
            setSecretProblem(null);
          }}
        />
        {secretProblem && (
          <p id={`${secretId}-error`} class="field-error">
            {t(`myReports.account.problems.${secretProblem}`)}
          </p>
        )}
      </div>
      {wrong && (
        <p id={`${id}-wrong`} class="field-error" role="alert">
          {t("myReports.account.problems.wrong")}
        </p>
      )}
      {error && <Problem error={error} />}
      <div class="actions">
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t(creating ? "myReports.account.create" : "myReports.account.signIn")}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t("myReports.account.cancel")}
        </button>
      </div>
    </form>
  );
}
