import type { ReportStatus } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";

export function StatusBadge(props: { status: ReportStatus }) {
  const t = useT("inbox");
  return <span class={`badge badge--${props.status}`}>{t(`status.${props.status}`)}</span>;
}
