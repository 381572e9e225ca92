import type { ApiError } from "../api/client.js";
import { useT } from "../i18n/use-t.js";

/** A translated, recoverable error: what went wrong (by error code) and a way to try again. */
export function Problem(props: { error: ApiError | Error; onRetry?: () => void }) {
  const t = useT("common");
  const code = "code" in props.error ? props.error.code : null;
  const message: string = !code || code === "NETWORK" ? t("problem.network") : t(`errors.${code}`);
  return (
    <div class="problem" role="alert">
      <p>{message}</p>
      {props.onRetry && (
        <button type="button" class="button" onClick={props.onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}
