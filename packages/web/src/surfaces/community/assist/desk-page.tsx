import type { DeskDevice } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { ApiError, callApi, isAbort } from "../../../api/client.js";
import { useConfig } from "../../../api/public-config.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { sendJson } from "../outbox/report-api.js";
import { setDevicePrefs } from "../outbox/saved-reports.js";
import { newDraft } from "../report/draft.js";
import { saveDraft } from "../report/draft-storage.js";
import { APP_BASE } from "../sections.js";
import { SubPage } from "../sub-page.js";
import { forgetDeskVisit, rememberDesk } from "./desk-device.js";

type State =
  | { phase: "loading" }
  | { phase: "setup" }
  | { phase: "desk"; desk: DeskDevice }
  | { phase: "error"; error: ApiError };

/**
 * /app/desk: a facility's help desk. Not set up: the one-time desk code from Set-up. Set up: a clean start screen,
 * "Start a report for a visitor", with the facility filled in; the device keeps no codes or drafts.
 */
export function DeskPage() {
  const t = useT("app");
  const [state, setState] = useState<State>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    callApi("GET /desk", {}, { signal: ctrl.signal }).then(
      (desk) => setState({ phase: "desk", desk }),
      (err: unknown) => {
        if (isAbort(err)) return;
        if (err instanceof ApiError && err.status === 401) {
          rememberDesk(false);
          setState({ phase: "setup" });
        } else setState({ phase: "error", error: err instanceof ApiError ? err : new ApiError(0, "NETWORK", "") });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);
  return (
    <SubPage title={t("desk.title")}>
      {state.phase === "loading" && <p role="status">{t("desk.checking")}</p>}
      {state.phase === "error" && <Problem error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.phase === "setup" && <DeskSetup onDone={(desk) => setState({ phase: "desk", desk })} />}
      {state.phase === "desk" && <DeskStart desk={state.desk} />}
    </SubPage>
  );
}

function DeskSetup(props: { onDone(desk: DeskDevice): void }) {
  const t = useT("app");
  const id = useId();
  const [code, setCode] = useState("");
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(false);
    try {
      const desk = await sendJson("POST /desk/activation", { code });
      // A desk is a shared device: nothing a visitor reports stays on it.
      setDevicePrefs({ shared: true });
      rememberDesk(true);
      props.onDone(desk);
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="step" onSubmit={submit} noValidate>
      <p class="lead">{t("desk.setupIntro")}</p>
      <div class="field">
        <label for={id}>{t("desk.code")}</label>
        <input
          id={id}
          class="input"
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={20}
          value={code}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        {error && (
          <p id={`${id}-error`} class="field-error">
            {t("desk.codeWrong")}
          </p>
        )}
      </div>
      <button type="submit" class="button" disabled={busy}>
        {t("desk.setUp")}
      </button>
    </form>
  );
}

function DeskStart(props: { desk: DeskDevice }) {
  const t = useT("app");
  const { config } = useConfig();
  const start = () => {
    forgetDeskVisit();
    const district = config?.areas.find((a) => a.id === props.desk.districtId);
    saveDraft({
      ...newDraft(),
      reporterMode: "on_behalf",
      assistantKind: "facility_desk",
      regionId: district?.parentId ?? null,
      districtId: props.desk.districtId,
      facilityId: props.desk.facilityId,
      facilityName: props.desk.facilityName,
    });
    location.assign(`${APP_BASE}/report`);
  };
  return (
    <>
      <p class="lead">{t("desk.facility", { name: props.desk.facilityName })}</p>
      <p>{t("desk.startIntro")}</p>
      <button type="button" class="button" onClick={start}>
        {t("desk.start")}
      </button>
    </>
  );
}
