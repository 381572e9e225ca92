import type { SetupChecklist } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { SetupChecklistPanel, useChecklist } from "./setup-checklist.js";
import { type SetupSectionId, sectionHref, sectionsFor } from "./setup-sections.js";

type Translate = ReturnType<typeof useT<"setup">>;

/** A section's state in a few words, from the checklist's counts; null where nothing cheap says it. */
function sectionStatus(t: Translate, id: SetupSectionId, checklist: SetupChecklist | null): string | null {
  const step = (name: string) => checklist?.steps.find((s) => s.id === name);
  const counts = (name: string) => step(name)?.counts ?? null;
  switch (id) {
    case "profile": {
      const s = step("countryProfile");
      return s ? t(s.done ? "overview.status.profileDone" : "overview.status.profileToDo") : null;
    }
    case "geography": {
      const c = counts("geography");
      return c ? (c.areas ? t("overview.status.geography", c) : t("overview.status.noAreas")) : null;
    }
    case "facilities": {
      const c = counts("facilities");
      return c ? (c.facilities ? t("overview.status.facilities", c) : t("overview.status.noFacilities")) : null;
    }
    case "forms": {
      const c = counts("taxonomy");
      return c ? t("overview.status.forms", c) : null;
    }
    case "protocols": {
      const c = counts("protocols");
      return c ? t("overview.status.protocols", c) : null;
    }
    case "teams": {
      const c = counts("protocols");
      return c ? (c.teams ? t("overview.status.teams", c) : t("overview.status.noTeams")) : null;
    }
    case "staff": {
      const c = counts("staff");
      if (!c) return null;
      const others = (c.dataManagers ?? 0) + (c.firstResponders ?? 0) + (c.countryAdmins ?? 0);
      return others ? t("overview.status.staff", c) : t("overview.status.noStaff");
    }
    default:
      return null;
  }
}

/**
 * /setup — what the country has done (the checklist), then a card for every section this member may use, in the
 * order a country starting out works through them, each saying what it holds and how far it is.
 */
export function SetupOverview() {
  const t = useT("setup");
  const me = useMe();
  const setup = hasPermission(me, "setup:manage");
  const checklist = useChecklist(setup);
  const sections = sectionsFor(me);
  return (
    <>
      <p class="lead">{t("intro")}</p>
      {setup && <SetupChecklistPanel {...checklist} />}
      <section class="setup-overview" aria-labelledby="setup-sections-h">
        <h2 id="setup-sections-h">{t("overview.title")}</h2>
        <ol class="setup-cards">
          {sections.map((id) => {
            const status = sectionStatus(t, id, checklist.checklist);
            return (
              <li key={id} class="setup-card">
                <h3 class="setup-card__title">
                  <a href={sectionHref(id)}>{t(`nav.${id}`)}</a>
                </h3>
                <p class="setup-card__about">{t(`overview.about.${id}`)}</p>
                {status && <p class="setup-card__status">{status}</p>}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
