import type {
  AreaEditProblem,
  AreaImportProblem,
  ErrorEnvelope,
  FacilityImportProblem,
  FacilityInput,
  ImportAreasBody,
  ImportAreasResult,
  ImportFacilitiesResult,
  SetupArea,
  SetupFacilityDetail,
  UpdateAreaBody,
} from "@openclm/contracts";
import { ApiError, apiUrl } from "../../api/client.js";
import { staffApi, staffGet } from "../../api/staff-client.js";

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

/** A JSON write whose refusal keeps the error details (staffSend drops them): every problem of a file or form. */
export async function sendChecked<T, P>(method: "POST" | "PUT" | "PATCH", path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached");
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const error = (data as ErrorEnvelope | null)?.error;
  const code = error?.code ?? (res.status === 413 ? "PAYLOAD_TOO_LARGE" : "INTERNAL");
  throw new FileRefused<P>(
    res.status,
    code,
    error?.message ?? res.statusText,
    Array.isArray(error?.details) ? error.details : [],
  );
}

/** A refused facility field carries the facility file's column name (no row: it is one facility). */
export type FacilityFormProblem = Omit<FacilityImportProblem, "row">;

export const geographyApi = {
  importAreas: (body: ImportAreasBody) =>
    sendChecked<ImportAreasResult, AreaImportProblem>("POST", "/setup/areas/import", body),
  importFacilities: (data: string, dryRun: boolean) =>
    sendChecked<ImportFacilitiesResult, FacilityImportProblem>("POST", "/setup/facilities/import", {
      format: "csv",
      data,
      dryRun,
    }),
  listFacilities: (lang: string) => staffApi("GET /setup/facilities", { query: { lang } }),
  setActive: (id: string, active: boolean) =>
    staffApi("PATCH /setup/facilities/:id", { params: { id }, body: { active } }),
  exportUrl: () => apiUrl("/setup/facilities/export"),
  getArea: (id: string) => staffGet<SetupArea>(`/setup/areas/${encodeURIComponent(id)}`),
  updateArea: (id: string, body: UpdateAreaBody) =>
    sendChecked<SetupArea, AreaEditProblem>("PATCH", `/setup/areas/${encodeURIComponent(id)}`, body),
  getFacility: (id: string) => staffGet<SetupFacilityDetail>(`/setup/facilities/${encodeURIComponent(id)}`),
  saveFacility: (id: string | null, body: FacilityInput) =>
    id
      ? sendChecked<SetupFacilityDetail, FacilityFormProblem>(
          "PUT",
          `/setup/facilities/${encodeURIComponent(id)}`,
          body,
        )
      : sendChecked<SetupFacilityDetail, FacilityFormProblem>("POST", "/setup/facilities", body),
};
