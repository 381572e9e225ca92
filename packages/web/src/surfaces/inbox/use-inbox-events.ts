import { useEffect, useRef } from "preact/hooks";

export interface ReportChange {
  id: string;
  status: string;
  type: string;
}

/**
 * Live changes to reports in the member's scope, from the server's event stream. Bursts (a busy hour, a bulk
 * action) are collected and delivered at most every `debounceMs`. EventSource reconnects by itself.
 */
export function useInboxEvents(onChanges: (changes: ReportChange[]) => void, debounceMs = 400): void {
  const callback = useRef(onChanges);
  callback.current = onChanges;

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/inbox/events", { withCredentials: true });
    let pending: ReportChange[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onReport = (e: MessageEvent<string>) => {
      try {
        pending.push(JSON.parse(e.data) as ReportChange);
      } catch {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = pending;
        pending = [];
        callback.current(batch);
      }, debounceMs);
    };
    source.addEventListener("report", onReport);
    return () => {
      clearTimeout(timer);
      source.removeEventListener("report", onReport);
      source.close();
    };
  }, [debounceMs]);
}
