import type { ErrorCode } from "@openclm/contracts";
import { useT } from "../../../i18n/use-t.js";

/** Why the server refused the report (translated by error code), and that it can be fixed and sent again. */
export function SendError(props: { code: string }) {
  const t = useT("app");
  const tc = useT("common");
  const reason = props.code === "STORAGE" ? t("report.storageFull") : tc(`errors.${props.code as ErrorCode}`);
  return (
    <div class="problem" role="alert">
      <p>{t("report.failed")}</p>
      <p>{reason}</p>
    </div>
  );
}
