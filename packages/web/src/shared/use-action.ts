import { useState } from "preact/hooks";
import { ApiError } from "../api/client.js";

/**
 * One user action that calls the server: `busy` while it runs (a second tap is ignored), `error` if it failed, so
 * the form can show a Problem and the button can say it is busy.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<void>): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "INTERNAL", String(err)));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
