import { ApiError } from "../../api/client.js";
import { useT } from "../../i18n/use-t.js";
import { useErrorText } from "../staff/form-error.js";

/** What was being changed: the same code means a different fix for a team's name and areas or for a member. */
export type TeamChange = "team" | "member";

/** The translation of a failed team change: the codes that mean something specific here get their own sentence. */
export function useTeamErrorText(): (error: unknown, change: TeamChange) => string {
  const t = useT("setup");
  const common = useErrorText();
  return (error, change) => {
    const code = error instanceof ApiError ? error.code : null;
    if (code === "CONFLICT" && change === "team") return t("teams.nameTaken");
    if (code === "VALIDATION_FAILED") return change === "team" ? t("teams.invalidTeam") : t("teams.cannotJoin");
    return common(error);
  };
}

export function TeamError(props: { error: unknown; change: TeamChange }) {
  const text = useTeamErrorText();
  if (!props.error) return null;
  return (
    <p class="form-error" role="alert">
      {text(props.error, props.change)}
    </p>
  );
}
