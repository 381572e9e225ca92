import { useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import type { MutationResult } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useReportContext } from "./report-context.js";

/**
 * Runs one write on a report (passing the version the person saw), then reloads it. When someone else changed the
 * report in between, the server answers VERSION_CONFLICT: the latest version is loaded and the person is told.
 */
export function useReportWrite() {
  const t = useT("inbox");
  const { report, reload, announce } = useReportContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(write: (version: number) => Promise<MutationResult>, done: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await write(report.version);
      await reload();
      announce(done);
      return true;
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err));
      if (e.code === "VERSION_CONFLICT" || e.code === "ALREADY_DECIDED" || e.code === "INVALID_TRANSITION") {
        await reload();
        announce(t("detail.conflict"));
      }
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, run, clearError: () => setError(null) };
}
