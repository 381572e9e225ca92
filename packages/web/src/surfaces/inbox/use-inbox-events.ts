import { useEffect, useRef } from "preact/hooks";

export interface ReportChange {
  id: string;
  status: string;
  type: string;
  /** A practice report's change (training mode): only the training view takes notice. */
  training?: boolean;
}

/**
 * Live changes to reports in the member's scope, from the server's event stream. Bursts (a busy hour, a bulk
 * action) are collected and delivered at most every `debounceMs`; a `resync` from the server delivers an empty batch
 * (changes may have been missed, so the list reloads). EventSource reconnects by itself.
 */
export function useInboxEvents(onChanges: (changes: ReportChange[]) => void, debounceMs = 400): void {
  const callback = useRef(onChanges);
  callback.current = onChanges;

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/inbox/events", { withCredentials: true });
    let pending: ReportChange[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deliver = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = pending;
        pending = [];
        callback.current(batch);
      }, debounceMs);
    };
    const onReport = (e: MessageEvent<string>) => {
      try {
        pending.push(JSON.parse(e.data) as ReportChange);
      } catch {
        return;
      }
      deliver();
    };
    // The server lost its database connection for a while and may have missed changes: reload (an empty batch).
    const onResync = () => deliver();
    source.addEventListener("report", onReport);
    source.addEventListener("resync", onResync);
    return () => {
      clearTimeout(timer);
      source.removeEventListener("report", onReport);
      source.removeEventListener("resync", onResync);
      source.close();
    };
  }, [debounceMs]);
}
