import "../reporting.css";
import { useEffect, useId, useState } from "preact/hooks";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { DESK_PATH, forgetDeskVisit, isDeskDevice } from "../assist/desk-device.js";
import { useAssistant } from "../assist/use-assistant.js";
import { isSavedReport } from "../outbox/saved-reports.js";
import { SubPage } from "../sub-page.js";
import { activeSteps, nextStep, previousStep, type StepId } from "./draft.js";
import { loadSent, type SentOutcome, saveSent } from "./draft-storage.js";
import { Intro } from "./intro.js";
import { SendError } from "./send-error.js";
import { SentScreen } from "./sent-screen.js";
import { StepBody } from "./step-body.js";
import { StepFrame } from "./step-frame.js";
import { useDraft } from "./use-draft.js";
import { useSubmit } from "./use-submit.js";
import { firstInvalidStep, type StepErrors, validateStep } from "./validate.js";

/** /app/report: "Get involved", one question per screen, kept in sessionStorage, sent through the outbox. */
export function ReportFlow() {
  const t = useT("app");
  const tc = useT("common");
  const lng = useLanguage();
  const titleId = useId();
  const { config, error: configError, retry } = useConfig();
  const { draft, update, replace } = useDraft();
  const assistant = useAssistant();
  const [sent, setSent] = useState<SentOutcome | null>(loadSent);
  const [errors, setErrors] = useState<StepErrors>({});
  const [attempt, setAttempt] = useState(0);
  const { sending, error: sendError, submit } = useSubmit(lng, assistant?.as ?? null);
  // "Report for someone" on the home page opens the flow with that choice made.
  useEffect(() => {
    if (assistant && !draft.step && new URLSearchParams(location.search).get("for") === "someone")
      update({ reporterMode: "on_behalf", assistantKind: draft.assistantKind ?? assistant.kinds[0] ?? null });
  }, [assistant]);

  const finish = (outcome: SentOutcome | null) => {
    // A code this device does not keep is not kept for a reload either.
    saveSent(outcome?.kind === "sent" && !isSavedReport(outcome.trackingCode) ? null : outcome);
    setSent(outcome);
    replace(null);
  };

  // A desk goes back to its own clean start screen, which fills in the facility again.
  const another = () => (isDeskDevice() ? leaveDeskReport() : finish(null));
  if (sent) return <SentScreen outcome={sent} onAnother={another} />;

  const title = t("sections.involved.title");
  if (!config) {
    return (
      <SubPage title={title}>
        {configError ? <Problem error={configError} onRetry={retry} /> : <p role="status">{tc("loading")}</p>}
      </SubPage>
    );
  }

  const goTo = (step: StepId | null) => {
    setErrors({});
    update({ step });
  };

  if (!draft.step) {
    return (
      <SubPage title={title}>
        <Intro
          draft={draft}
          update={update}
          assistant={assistant}
          onStart={() => {
            setErrors({});
            const forSomeone = !!assistant && draft.reporterMode === "on_behalf";
            update({
              step: "category",
              reporterMode: forSomeone ? "on_behalf" : "self",
              assistantKind: forSomeone ? (draft.assistantKind ?? assistant.kinds[0] ?? null) : null,
            });
          }}
        />
      </SubPage>
    );
  }

  const steps = activeSteps(draft, config.questions);
  // A draft kept on a step the programme has stopped asking since (setting `reportQuestions`) goes on from there.
  const step = steps.includes(draft.step) ? draft.step : (nextStep(draft, config.questions) ?? "review");
  const here = { ...draft, step };
  const refuse = (found: StepErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };
  const onNext = async () => {
    const found = validateStep(step, here);
    if (Object.keys(found).length > 0) return refuse(found);
    setErrors({});
    if (step !== "review") {
      goTo(nextStep(here, config.questions));
      return;
    }
    const incomplete = firstInvalidStep(draft, steps);
    if (incomplete) {
      update({ step: incomplete });
      refuse(validateStep(incomplete, draft));
      return;
    }
    const outcome = await submit(draft, config.questions);
    const subcategoryCode = draft.subcategoryCode ?? undefined;
    const smsClientId = isDeskDevice() && draft.consent.contactMe && draft.phone.trim() ? draft.clientId : undefined;
    if (outcome?.kind === "sent") finish({ ...outcome, subcategoryCode, smsClientId });
    else if (outcome?.kind === "waiting") finish({ kind: "waiting", busy: outcome.busy, subcategoryCode });
  };

  return (
    <SubPage title={title}>
      <StepFrame
        stepKey={step}
        titleId={titleId}
        title={t(`report.steps.${step}.title`)}
        current={steps.indexOf(step) + 1}
        total={steps.length}
        errors={Object.values(errors).flatMap((e) => (e ? [t(`report.errors.${e}`)] : []))}
        attempt={attempt}
        onBack={() => goTo(previousStep(here, config.questions))}
        onNext={onNext}
        nextLabel={step === "review" ? t(sending ? "report.sending" : "report.send") : undefined}
        busy={sending}
      >
        {step === "review" && sendError && <SendError code={sendError} />}
        <StepBody
          step={step}
          draft={draft}
          update={update}
          errors={errors}
          titleId={titleId}
          config={config}
          onEdit={goTo}
        />
      </StepFrame>
    </SubPage>
  );
}

function leaveDeskReport(): void {
  forgetDeskVisit();
  location.replace(DESK_PATH);
}
