import type {
  ApiRequest,
  ApiResponse,
  AreaImportProblem,
  ErrorEnvelope,
  FacilityImportProblem,
  ImportAreasBody,
} from "@openclm/contracts";
import { ApiError, apiUrl } from "../../api/client.js";
import { staffApi } from "../../api/staff-client.js";

type FileRoute = "POST /setup/areas/import" | "POST /setup/facilities/import";

/** A refused geography or facility file, with every problem the server found (feature index or row). */
export class FileRefused<P> extends ApiError {
  constructor(
    status: number,
    code: ApiError["code"],
    message: string,
    readonly problems: P[],
  ) {
    super(status, code, message);
  }
}

/** A JSON POST whose refusal keeps the error details (staffSend drops them). */
async function postFile<R extends FileRoute, P>(route: R, body: ApiRequest<R>["body"]): Promise<ApiResponse<R>> {
  let res: Response;
  try {
    res = await fetch(apiUrl(route.slice("POST ".length)), {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached");
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as ApiResponse<R>;
  const error = (data as ErrorEnvelope | null)?.error;
  const code = error?.code ?? (res.status === 413 ? "PAYLOAD_TOO_LARGE" : "INTERNAL");
  throw new FileRefused<P>(
    res.status,
    code,
    error?.message ?? res.statusText,
    Array.isArray(error?.details) ? error.details : [],
  );
}

export const geographyApi = {
  importAreas: (body: ImportAreasBody) =>
    postFile<"POST /setup/areas/import", AreaImportProblem>("POST /setup/areas/import", body),
  importFacilities: (data: string, dryRun: boolean) =>
    postFile<"POST /setup/facilities/import", FacilityImportProblem>("POST /setup/facilities/import", {
      format: "csv",
      data,
      dryRun,
    }),
  listFacilities: (lang: string) => staffApi("GET /setup/facilities", { query: { lang } }),
  setActive: (id: string, active: boolean) =>
    staffApi("PATCH /setup/facilities/:id", { params: { id }, body: { active } }),
  exportUrl: () => apiUrl("/setup/facilities/export"),
};
