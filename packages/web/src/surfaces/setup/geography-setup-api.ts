import type {
  AreaImportProblem,
  ErrorEnvelope,
  FacilityImportProblem,
  ImportAreasBody,
  ImportAreasResult,
  ImportFacilitiesResult,
  SetupFacility,
} from "@openclm/contracts";
import { ApiError, apiUrl } from "../../api/client.js";
import { staffGet, staffSend } from "../../api/staff-client.js";

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
export async function postFile<T, P>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: "POST",
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

export const geographyApi = {
  importAreas: (body: ImportAreasBody) => postFile<ImportAreasResult, AreaImportProblem>("/setup/areas/import", body),
  importFacilities: (data: string, dryRun: boolean) =>
    postFile<ImportFacilitiesResult, FacilityImportProblem>("/setup/facilities/import", {
      format: "csv",
      data,
      dryRun,
    }),
  listFacilities: (lang: string) => staffGet<{ items: SetupFacility[] }>("/setup/facilities", { lang }),
  setActive: (id: string, active: boolean) =>
    staffSend<SetupFacility>("PATCH", `/setup/facilities/${encodeURIComponent(id)}`, { active }),
  exportUrl: () => apiUrl("/setup/facilities/export"),
};
