import { useState } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import { sendJson } from "../outbox/report-api.js";

/** On a desk's sent screen: the code goes to the visitor's phone by SMS, so the desk keeps and prints nothing. */
export function DeskCodeSms(props: { clientId: string }) {
  const t = useT("app");
  const [state, setState] = useState<"idle" | "busy" | "sent" | "failed">("idle");
  const send = async () => {
    setState("busy");
    try {
      await sendJson("POST /desk/code-sms", { clientId: props.clientId });
      setState("sent");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      {state !== "sent" && (
        <button type="button" class="button" disabled={state === "busy"} onClick={() => void send()}>
          {t("desk.sms")}
        </button>
      )}
      <p role="status" class={state === "failed" ? "field-error" : "hint"}>
        {state === "sent" ? t("desk.smsSent") : state === "failed" ? t("desk.smsFailed") : ""}
      </p>
    </>
  );
}
