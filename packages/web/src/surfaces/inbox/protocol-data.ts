import type { InboxReport, ReportProtocol } from "@openclm/contracts";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { protocolApi } from "../../api/staff-client.js";

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)));

/**
 * The protocol of the open report: clocks, checklist, templates. Fetched again whenever the report changes (a reply
 * stops the first-response clock; a live event may bring a colleague's tick).
 */
export function useReportProtocol(report: InboxReport) {
  const [protocol, setProtocol] = useState<ReportProtocol | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef(report.id);
  current.current = report.id;

  const reload = useCallback(async () => {
    const id = report.id;
    try {
      const p = await protocolApi.forReport(id);
      if (current.current === id) {
        setProtocol(p);
        setError(null);
      }
    } catch (err) {
      if (current.current === id) setError(asApiError(err));
    }
  }, [report.id]);

  useEffect(() => {
    void reload();
  }, [reload, report.updatedAt, report.timeline.length]);

  async function tick(stepCode: string, done: boolean): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      setProtocol(await protocolApi.tick(report.id, { stepCode, done }));
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { protocol: protocol?.subcategoryCode === report.subcategoryCode ? protocol : null, error, busy, tick };
}
