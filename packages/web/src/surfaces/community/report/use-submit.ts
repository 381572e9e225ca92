import { useState } from "preact/hooks";
import { contentLanguageFor } from "../../../i18n/i18n.js";
import { deviceId } from "../outbox/device-id.js";
import { enqueueAndSend, type SendOutcome } from "../outbox/outbox-sender.js";
import { type Asked, type Draft, toSubmitBody } from "./draft.js";

/**
 * Sends the finished report through the outbox. `sending` disables the button; the clientId made with the draft
 * makes any replay (double tap, retry after a lost answer) come back as the same report.
 */
export function useSubmit(lng: string, assistantAs: "staff" | "community" | "desk" | null) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (draft: Draft, asked: Asked): Promise<SendOutcome | null> => {
    if (sending) return null;
    setSending(true);
    setError(null);
    try {
      const body = toSubmitBody(draft, contentLanguageFor(lng), deviceId(), asked);
      const outcome = await enqueueAndSend({
        clientId: draft.clientId,
        body,
        draft: { ...draft, step: "review" },
        queuedAt: new Date().toISOString(),
        ...(draft.reporterMode === "on_behalf" && assistantAs && assistantAs !== "desk" && { signInAs: assistantAs }),
      });
      if (outcome.kind === "failed") setError(outcome.code);
      return outcome;
    } catch {
      // The outbox could not be written (storage full or disabled).
      setError("STORAGE");
      return null;
    } finally {
      setSending(false);
    }
  };
  return { sending, error, submit, clearError: () => setError(null) };
}
