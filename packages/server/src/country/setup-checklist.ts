import type { SetupChecklist, SetupStepId } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { queryRows } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import type { CountryProfileSettings } from "./country-profile.js";

interface Counts {
  areas: number;
  districts: number;
  facilities: number;
  challenge_types: number;
  data_managers: number;
  first_responders: number;
  country_admins: number;
  subcategories: number;
  with_protocol: number;
  teams: number;
  offered_languages: number;
}

/**
 * What a country has set up, read from the database itself (never from a flag someone ticks): a country profile with
 * a name and code, languages chosen, areas down to districts, active facilities, a taxonomy with challenge types, an
 * active data manager to validate reports, and a response protocol for every active subcategory. The first screen of
 * Set-up shows it, so an administrator of a new installation sees where to start.
 */
export async function getSetupChecklist(ctx: Ctx): Promise<SetupChecklist> {
  const [[c], settings] = await Promise.all([
    queryRows<Counts>(
      ctx.db,
      sql`SELECT
        (SELECT count(*)::int FROM areas) AS areas,
        (SELECT count(*)::int FROM areas WHERE is_leaf AND level > 0) AS districts,
        (SELECT count(*)::int FROM facilities WHERE active) AS facilities,
        (SELECT count(*)::int FROM challenge_types WHERE active) AS challenge_types,
        (SELECT count(*)::int FROM staff_users WHERE role = 'data_manager' AND disabled_at IS NULL) AS data_managers,
        (SELECT count(*)::int FROM staff_users WHERE role = 'first_responder' AND disabled_at IS NULL) AS first_responders,
        (SELECT count(*)::int FROM staff_users WHERE role = 'country_admin' AND disabled_at IS NULL) AS country_admins,
        (SELECT count(*)::int FROM subcategories WHERE active) AS subcategories,
        (SELECT count(*)::int FROM subcategories s WHERE s.active AND EXISTS (
          SELECT 1 FROM response_protocols p WHERE p.subcategory_code = s.code AND p.first_response_hours IS NOT NULL
        )) AS with_protocol,
        (SELECT count(*)::int FROM teams) AS teams,
        (SELECT count(*)::int FROM languages WHERE enabled) AS offered_languages`,
    ),
    getSetting<CountryProfileSettings>(ctx.db, "country"),
  ]);
  const n = c!;
  const profileDone = Boolean(settings?.updatedAt && settings.code && Object.keys(settings.names ?? {}).length > 0);
  const steps: { id: SetupStepId; done: boolean; counts: Record<string, number> }[] = [
    { id: "countryProfile", done: profileDone, counts: {} },
    { id: "languages", done: Boolean(settings?.languagesChosenAt), counts: { offered: n.offered_languages } },
    { id: "geography", done: n.districts > 0, counts: { areas: n.areas, districts: n.districts } },
    { id: "facilities", done: n.facilities > 0, counts: { facilities: n.facilities } },
    { id: "taxonomy", done: n.challenge_types > 0, counts: { challengeTypes: n.challenge_types } },
    {
      id: "staff",
      done: n.data_managers > 0,
      counts: { dataManagers: n.data_managers, firstResponders: n.first_responders, countryAdmins: n.country_admins },
    },
    {
      id: "protocols",
      done: n.subcategories > 0 && n.with_protocol === n.subcategories,
      counts: { withProtocol: n.with_protocol, subcategories: n.subcategories, teams: n.teams },
    },
  ];
  return { steps, complete: steps.every((s) => s.done) };
}
