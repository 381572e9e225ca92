import type { Me } from "@openclm/contracts";
import { useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { MfaEnrolment } from "./mfa-enrolment.js";
import { RecoveryCodes } from "./recovery-codes.js";
import { signedIn } from "./session-store.js";
import { SignInCode } from "./sign-in-code.js";
import { SignInCredentials } from "./sign-in-credentials.js";

type Step =
  | { kind: "credentials"; moved: boolean }
  | { kind: "code" }
  | { kind: "enrol" }
  | { kind: "recovery"; me: Me; codes: string[] };

/** Staff sign-in: password, then the second factor (set up on first use), then recovery codes once. */
export function SignIn(props: { reason?: "expired" | "locked" | "signed-out" }) {
  const t = useT("common");
  const [step, setStep] = useState<Step>({ kind: "credentials", moved: false });

  const restart = () => setStep({ kind: "credentials", moved: true });
  const verified = (me: Me, codes?: string[]) =>
    codes?.length ? setStep({ kind: "recovery", me, codes }) : signedIn(me);

  const notice =
    props.reason === "locked"
      ? t("staff.signIn.locked")
      : props.reason === "expired"
        ? t("errors.SESSION_EXPIRED")
        : props.reason === "signed-out"
          ? t("staff.signIn.signedOut")
          : undefined;

  return (
    <div class="panel sign-in">
      {step.kind === "credentials" && (
        <SignInCredentials
          focus={step.moved || Boolean(props.reason)}
          notice={notice}
          onDone={(enrol) => setStep(enrol ? { kind: "enrol" } : { kind: "code" })}
        />
      )}
      {step.kind === "code" && <SignInCode onDone={verified} onRestart={restart} />}
      {step.kind === "enrol" && <MfaEnrolment onDone={verified} onRestart={restart} />}
      {step.kind === "recovery" && <RecoveryCodes codes={step.codes} onDone={() => signedIn(step.me)} />}
    </div>
  );
}
