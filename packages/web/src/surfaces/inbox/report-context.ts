import type { InboxReport, Me } from "@openclm/contracts";
import { createContext } from "preact";
import { useContext } from "preact/hooks";

/** The open report and what its panels need: reload after a write, and a way to announce the outcome. */
export interface ReportContextValue {
  report: InboxReport;
  me: Me;
  reload(): Promise<void>;
  announce(text: string): void;
  hrefFor(id: string): string;
}

export const ReportContext = createContext<ReportContextValue | null>(null);

export function useReportContext(): ReportContextValue {
  const value = useContext(ReportContext);
  if (!value) throw new Error("useReportContext outside <ReportContext.Provider>");
  return value;
}
