import { ApiError } from "../../api/client.js";
import { useT } from "../../i18n/use-t.js";

/** The translation of an API failure, by its error code (network trouble gets its own sentence). */
export function useErrorText(): (error: unknown) => string {
  const t = useT("common");
  return (error) => {
    const code = error instanceof ApiError ? error.code : "NETWORK";
    return code === "NETWORK" ? t("problem.network") : t(`errors.${code}`);
  };
}

/** An inline, announced error under a form. */
export function FormError(props: { error: unknown; id?: string }) {
  const text = useErrorText();
  if (!props.error) return null;
  return (
    <p class="form-error" role="alert" id={props.id}>
      {text(props.error)}
    </p>
  );
}
