import type { UpdateCountryProfileInput } from "@openclm/contracts";
import { staffApi, staffSend } from "../../api/staff-client.js";

export const countryApi = {
  checklist: () => staffApi("GET /setup/checklist", {}),
  profile: () => staffApi("GET /setup/country-profile", {}),
  update: (body: UpdateCountryProfileInput) => staffApi("PATCH /setup/country-profile", { body }),
  /** The file itself is the body, with its own type; the server checks both (not a JSON route: no apiRoutes entry). */
  uploadLogo: (file: File) =>
    staffSend<{ contentType: string; bytes: number }>("PUT", "/setup/country-profile/logo", file),
};
