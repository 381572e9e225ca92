import "./setup.css";
import "./setup-dashboard.css";
import "./teams-setup.css";
import type { Team } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { ReauthDialog } from "./reauth-dialog.js";
import { useAreaOptions } from "./targets-setup.js";
import { teamsApi } from "./teams-setup-api.js";
import { TeamCard } from "./teams-setup-card.js";
import { TeamError } from "./teams-setup-errors.js";
import { useReauth } from "./use-reauth.js";
import { useSetupList } from "./use-setup-list.js";

const loadTeams = async () => (await teamsApi.list()).items;

/** Responder teams (country admin): each team's areas and members; creating and renaming teams. */
export function TeamsSetup() {
  const t = useT("setup");
  const reauth = useReauth();
  const { items: teams, setItems: setTeams, error, status, setStatus } = useSetupList(loadTeams);

  /** Runs a change (confirming identity if the server asks), then shows the team as the server returned it. */
  const change = async (write: () => Promise<Team>, done: (team: Team) => string) => {
    const team = await reauth.guard(write);
    setTeams((list) => (list ?? []).map((x) => (x.id === team.id ? team : x)));
    setStatus(done(team));
    return team;
  };

  return (
    <section class="setup-section">
      <p>{t("teams.intro")}</p>
      <p role="status" class="status-line">
        {status}
      </p>
      <TeamError error={error} change="team" />
      {teams && teams.length === 0 && <p class="muted">{t("teams.none")}</p>}
      {teams && teams.length > 0 && (
        <ul class="team-list">
          {teams.map((team) => (
            <li key={team.id}>
              <TeamCard team={team} change={change} />
            </li>
          ))}
        </ul>
      )}
      <CreateTeamForm
        guard={reauth.guard}
        onCreated={(team) => {
          setStatus(t("teams.created", { name: team.name }));
          setTeams((list) => [...(list ?? []), team].sort((a, b) => a.name.localeCompare(b.name)));
        }}
      />
      <ReauthDialog open={reauth.dialog.open} onDone={reauth.dialog.onDone} />
    </section>
  );
}

function CreateTeamForm(props: { guard<T>(write: () => Promise<T>): Promise<T>; onCreated(team: Team): void }) {
  const t = useT("setup");
  const id = useId();
  const areas = useAreaOptions();
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [scopeMissing, setScopeMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setError(null);
    // The server refuses a team without areas too; saying so here names the field to fix.
    setScopeMissing(areaIds.length === 0);
    if (areaIds.length === 0) {
      form.querySelector<HTMLInputElement>("fieldset input")?.focus();
      return;
    }
    const name = String(new FormData(form).get("name") ?? "").trim();
    setBusy(true);
    try {
      const team = await props.guard(() => teamsApi.create({ name, scopeAreaIds: areaIds }));
      form.reset();
      setAreaIds([]);
      props.onCreated(team);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (areaId: string, on: boolean) => {
    setScopeMissing(false);
    setAreaIds(on ? [...areaIds, areaId] : areaIds.filter((a) => a !== areaId));
  };

  return (
    <form class="staff-form panel setup-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("teams.createTitle")}</h2>
      <div class="field">
        <label for={`${id}-name`}>{t("teams.name")}</label>
        <input id={`${id}-name`} name="name" type="text" autocomplete="off" maxLength={120} required />
      </div>
      <fieldset class="area-picker" aria-describedby={`${id}-scope-hint${scopeMissing ? ` ${id}-scope-error` : ""}`}>
        <legend>{t("teams.scope")}</legend>
        <p class="hint" id={`${id}-scope-hint`}>
          {t("teams.scopeHint")}
        </p>
        <div class="area-picker__list">
          {areas.map((a) => (
            <div key={a.id} class="check">
              <input
                id={`${id}-${a.id}`}
                type="checkbox"
                checked={areaIds.includes(a.id)}
                onChange={(e) => toggle(a.id, e.currentTarget.checked)}
              />
              <label for={`${id}-${a.id}`}>{a.label}</label>
            </div>
          ))}
        </div>
        {scopeMissing && (
          <p class="form-error" role="alert" id={`${id}-scope-error`}>
            {t("teams.scopeRequired")}
          </p>
        )}
      </fieldset>
      <TeamError error={error} change="team" />
      <button type="submit" class="button" disabled={busy}>
        {t("teams.create")}
      </button>
    </form>
  );
}
