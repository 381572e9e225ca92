import type { SetupChecklist, SetupStepId } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { countryApi } from "./country-api.js";

/**
 * Where each step is done. null: its set-up page does not exist yet, and the checklist says so rather than link
 * nowhere. `needs`: the link shows only to someone with that permission (others are told who does it).
 */
const stepLinks: Record<SetupStepId, { href: string | null; needs?: string }> = {
  countryProfile: { href: "/setup/profile" },
  languages: { href: "/setup/profile#languages" },
  geography: { href: "/setup/geography" },
  facilities: { href: "/setup/facilities" },
  taxonomy: { href: "/setup/forms" },
  staff: { href: "/setup/staff", needs: "users:manage" },
  protocols: { href: "/setup/protocols" },
};

export interface ChecklistState {
  checklist: SetupChecklist | null;
  error: Error | null;
  load(): void;
}

/** What the country has set up, computed by the server from what exists (the overview's cards read it too). */
export function useChecklist(enabled = true): ChecklistState {
  const [checklist, setChecklist] = useState<SetupChecklist | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = () => {
    if (!enabled) return;
    void countryApi.checklist().then(
      (c) => {
        setChecklist(c);
        setError(null);
      },
      (err: unknown) => setError(err as Error),
    );
  };
  useEffect(load, [enabled]);
  return { checklist, error, load };
}

/** The first thing Set-up shows: what the country has set up, each step linking to where it is done. */
export function SetupChecklistPanel(props: ChecklistState) {
  const t = useT("setup");
  const me = useMe();
  const { checklist, error, load } = props;

  const done = checklist?.steps.filter((s) => s.done).length ?? 0;
  return (
    <section class="checklist panel" aria-labelledby="checklist-h">
      <h2 id="checklist-h">{checklist?.complete ? t("checklist.completeTitle") : t("checklist.title")}</h2>
      {error ? <Problem error={error} onRetry={load} /> : null}
      {checklist && (
        <>
          <p>{t("checklist.progress", { done, total: checklist.steps.length })}</p>
          <ol class="checklist__steps">
            {checklist.steps.map((step) => {
              const link = stepLinks[step.id];
              const canOpen = link.href !== null && (!link.needs || hasPermission(me, link.needs));
              return (
                <li key={step.id} class={`checklist__step ${step.done ? "checklist__step--done" : ""}`}>
                  <span class="checklist__mark" aria-hidden="true">
                    {step.done ? "✓" : ""}
                  </span>
                  <div class="checklist__body">
                    <h3 class="checklist__title">
                      {t(`checklist.steps.${step.id}.title`)}
                      <span class="checklist__state">
                        {" — "}
                        {step.done ? t("checklist.done") : t("checklist.toDo")}
                      </span>
                    </h3>
                    <p class="checklist__detail">{t(`checklist.steps.${step.id}.detail`, step.counts)}</p>
                    {canOpen ? (
                      <a href={link.href!}>{t(`checklist.steps.${step.id}.open`)}</a>
                    ) : (
                      <p class="hint">{link.href === null ? t("checklist.notYet") : t("checklist.othersDo")}</p>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
