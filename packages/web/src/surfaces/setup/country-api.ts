import type { CountryProfile, SetupChecklist, UpdateCountryProfileInput } from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

export const countryApi = {
  checklist: () => staffGet<SetupChecklist>("/setup/checklist"),
  profile: () => staffGet<CountryProfile>("/setup/country-profile"),
  update: (body: UpdateCountryProfileInput) => staffSend<CountryProfile>("PATCH", "/setup/country-profile", body),
  /** The file itself is the body, with its own type; the server checks both. */
  uploadLogo: (file: File) =>
    staffSend<{ contentType: string; bytes: number }>("PUT", "/setup/country-profile/logo", file),
};
