import type { InboxReport } from "@openclm/contracts";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { inboxApi } from "../../api/staff-client.js";

/** One report's detail; `reload()` fetches it again (after a write, a live event or a version conflict). */
export function useReportDetail(id: string | null) {
  const [report, setReport] = useState<InboxReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const current = useRef(id);
  current.current = id;

  const reload = useCallback(async () => {
    if (!id) return;
    try {
      const r = await inboxApi.get(id);
      if (current.current === id) {
        setReport(r);
        setError(null);
      }
    } catch (err) {
      if (current.current === id) setError(err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)));
    }
  }, [id]);

  useEffect(() => {
    setReport(null);
    setError(null);
    void reload();
  }, [reload]);

  return { report: report?.id === id ? report : null, error, reload };
}
