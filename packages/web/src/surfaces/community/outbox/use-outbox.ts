import { useEffect, useState } from "preact/hooks";
import { onOutboxChange } from "./outbox-sender.js";
import { type OutboxEntry, readOutbox } from "./outbox-store.js";
import { readSavedReports, type SavedReport } from "./saved-reports.js";

export interface DeviceReports {
  outbox: OutboxEntry[];
  saved: SavedReport[];
}

function read(): DeviceReports {
  return { outbox: readOutbox(), saved: readSavedReports() };
}

/** The outbox and the saved tracking codes, kept current as reports are sent (here or in another tab). */
export function useDeviceReports(): DeviceReports & { refresh(): void } {
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () => setState(read());
    const off = onOutboxChange(update);
    addEventListener("storage", update);
    return () => {
      off();
      removeEventListener("storage", update);
    };
  }, []);
  return { ...state, refresh: () => setState(read()) };
}
