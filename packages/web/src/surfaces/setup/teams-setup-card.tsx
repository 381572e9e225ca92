import type { Team } from "@openclm/contracts";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { type TeamMember, teamsApi } from "./teams-setup-api.js";
import { type TeamChange, TeamError } from "./teams-setup-errors.js";

type Change = (write: () => Promise<Team>, done: (team: Team) => string) => Promise<Team>;

/** One team: its name (renamable), areas, members (removable) and the people who could join it. */
export function TeamCard(props: { team: Team; change: Change }) {
  const t = useT("setup");
  const tc = useT("common");
  const id = useId();
  const { config } = useConfig();
  const { team } = props;
  const [renaming, setRenaming] = useState(false);
  const [candidates, setCandidates] = useState<TeamMember[] | null>(null);
  const [error, setError] = useState<{ error: unknown; change: TeamChange } | null>(null);
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const addSelect = useRef<HTMLSelectElement>(null);
  const memberKey = team.members.map((m) => m.id).join(",");

  // Who may join changes with the membership; the list is re-read after every change to it.
  useEffect(() => {
    let live = true;
    teamsApi.candidates(team.id).then(
      (r) => live && setCandidates(r.items),
      (err: unknown) => live && setError({ error: err, change: "member" }),
    );
    return () => {
      live = false;
    };
  }, [team.id, memberKey]);

  const run = async (change: TeamChange, write: () => Promise<Team>, done: (team: Team) => string) => {
    setBusy(true);
    setError(null);
    try {
      return await props.change(write, done);
    } catch (err) {
      setError({ error: err, change });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const areaNames = team.scopeAreaIds.map((a) => config?.areas.find((x) => x.id === a)?.name ?? "—").join(", ");
  const person = (m: TeamMember) => m.displayName || m.email;
  const roleName = (role: string) => tc(`roles.${role}` as "roles.first_responder");

  const onAdd = async (e: Event) => {
    e.preventDefault();
    const userId = addSelect.current?.value;
    const who = candidates?.find((c) => c.id === userId);
    if (!userId || !who) return;
    await run(
      "member",
      () => teamsApi.addMember(team.id, userId),
      (x) => t("teams.memberAdded", { name: person(who), team: x.name }),
    );
    addSelect.current?.focus();
  };

  const onRemove = async (m: TeamMember) => {
    await run(
      "member",
      () => teamsApi.removeMember(team.id, m.id),
      (x) => t("teams.memberRemoved", { name: person(m), team: x.name }),
    );
    // The row and its button are gone: continue from the add control, which now offers this person again.
    (addSelect.current ?? renameButton.current)?.focus();
  };

  return (
    <article class="team-card panel" aria-labelledby={`${id}-h`}>
      <div class="team-card__head">
        <h2 id={`${id}-h`}>{team.name}</h2>
        {!renaming && (
          <button
            type="button"
            ref={renameButton}
            class="button button--secondary"
            aria-label={t("teams.renameFor", { team: team.name })}
            onClick={() => setRenaming(true)}
          >
            {t("teams.rename")}
          </button>
        )}
      </div>
      {renaming && (
        <RenameForm
          team={team}
          onDone={async (name) => {
            if (name !== null && name !== team.name) {
              const saved = await run(
                "team",
                () => teamsApi.rename(team.id, name),
                (x) => t("teams.renamed", { name: x.name }),
              );
              if (!saved) return;
            }
            setRenaming(false);
            requestAnimationFrame(() => renameButton.current?.focus());
          }}
        />
      )}
      <p class="hint">{t("teams.areas", { areas: areaNames })}</p>
      {team.scopeFacilityIds.length > 0 && (
        <p class="hint">{t("teams.facilities", { count: team.scopeFacilityIds.length })}</p>
      )}
      <h3 id={`${id}-members`}>{t("teams.members")}</h3>
      {team.members.length === 0 ? (
        <p class="muted">{t("teams.noMembers")}</p>
      ) : (
        <ul class="team-members" aria-labelledby={`${id}-members`}>
          {team.members.map((m) => (
            <li key={m.id} class="team-member">
              <span>
                <span class="team-member__name">{person(m)}</span>
                <span class="hint">{t("teams.memberLine", { role: roleName(m.role), email: m.email })}</span>
              </span>
              <button
                type="button"
                class="button button--secondary"
                aria-label={t("teams.removeMemberFor", { name: person(m), team: team.name })}
                disabled={busy}
                onClick={() => void onRemove(m)}
              >
                {t("teams.removeMember")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates && candidates.length === 0 && <p class="muted">{t("teams.noCandidates")}</p>}
      {candidates && candidates.length > 0 && (
        <form class="team-add" onSubmit={onAdd}>
          <div class="field">
            <label for={`${id}-add`}>{t("teams.addMember")}</label>
            <select id={`${id}-add`} ref={addSelect} required>
              <option value="">{t("teams.chooseMember")}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {t("teams.candidate", { name: c.displayName, email: c.email, role: roleName(c.role) })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button" disabled={busy} aria-label={t("teams.addTo", { team: team.name })}>
            {t("teams.add")}
          </button>
        </form>
      )}
      <TeamError error={error?.error} change={error?.change ?? "member"} />
    </article>
  );
}

/** An inline rename: `onDone(null)` when cancelled. */
function RenameForm(props: { team: Team; onDone(name: string | null): void | Promise<void> }) {
  const t = useT("setup");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
  }, []);
  return (
    <form
      class="team-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onDone(input.current?.value.trim() ?? null);
      }}
    >
      <div class="field">
        <label for={`${id}-name`}>{t("teams.newName")}</label>
        <input
          id={`${id}-name`}
          ref={input}
          type="text"
          maxLength={120}
          required
          defaultValue={props.team.name}
          onKeyDown={(e) => e.key === "Escape" && void props.onDone(null)}
        />
      </div>
      <div class="button-row">
        <button type="submit" class="button">
          {t("teams.saveName")}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void props.onDone(null)}>
          {t("teams.cancel")}
        </button>
      </div>
    </form>
  );
}
