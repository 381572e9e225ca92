import type { Dhis2DataValue, Dhis2Metadata, Dhis2PushResult } from "@openclm/contracts";
import { AppError } from "../platform/app-error.js";

type Conflict = Dhis2PushResult["conflicts"][number];
export type ImportAnswer = Pick<Dhis2PushResult, "status" | "httpStatus" | "importCount" | "conflicts" | "message">;

const NO_COUNT = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
const TIMEOUT_MS = 60_000;

/**
 * DHIS2's conflict messages are written for DHIS2 administrators; a programme officer needs to know what is wrong
 * in their mapping or in DHIS2, and what to do. Known error codes (dhis2-core ErrorCode) first, then the property.
 */
const EXPLAINED: Record<string, string> = {
  E7641:
    "DHIS2 does not accept values for this period yet (it is after the latest open period of the data set). Ask the DHIS2 administrator to open the period, or push it later.",
  E7640:
    "DHIS2 does not accept values for this period any more (the data set's expiry days have passed). Ask the DHIS2 administrator to open it, or leave it.",
  E7610:
    "This data element is not in a data set of this organisation unit. Check the mapping, or ask the DHIS2 administrator to assign the data set.",
  E7617:
    "The category option combo does not belong to this data element's category combo. Pick the combo from the data element's own list.",
  E7618:
    "This value is not allowed for this data element (e.g. a zero where DHIS2 does not store zeros). Nothing to do unless DHIS2 should keep it.",
  E7619: "The value is not of the data element's type (DHIS2 expects a number here).",
};

const BY_PROPERTY: Record<string, string> = {
  dataElement:
    "DHIS2 does not know this data element. Check its identifier in the mapping (UID or code, as the mapping's id scheme says).",
  orgUnit:
    "DHIS2 does not know this organisation unit, or the token's user may not write there. Check the area's mapping and the user's organisation units.",
  categoryOptionCombo:
    "DHIS2 does not know this category option combo. Check the disaggregation's identifier in the mapping.",
  period: "DHIS2 refuses this period for this data. Check the data set's period type and open periods.",
  value: "DHIS2 refuses the value itself. Check the data element's value type.",
};

export function explainConflict(c: { errorCode: string | null; property: string | null; value: string }): string {
  return (
    (c.errorCode && EXPLAINED[c.errorCode]) ||
    (c.property && BY_PROPERTY[c.property]) ||
    `DHIS2 refused some values: ${c.value}`
  );
}

interface RawConflict {
  value?: unknown;
  errorCode?: unknown;
  property?: unknown;
  indexes?: unknown;
}

function conflictOf(raw: RawConflict): Conflict {
  const c = {
    value: typeof raw.value === "string" ? raw.value : "",
    errorCode: typeof raw.errorCode === "string" ? raw.errorCode : null,
    property: typeof raw.property === "string" ? raw.property : null,
    indexes: Array.isArray(raw.indexes) ? raw.indexes.filter((i): i is number => Number.isInteger(i)) : [],
  };
  return { ...c, explanation: explainConflict(c) };
}

/** The import summary of a WebMessage (`{ response: ImportSummary }`) or of a bare ImportSummary (older servers). */
export function readImportSummary(httpStatus: number, body: unknown): ImportAnswer {
  const web = (body ?? {}) as { status?: unknown; message?: unknown; response?: unknown };
  const summary = (web.response && typeof web.response === "object" ? web.response : web) as {
    status?: unknown;
    importCount?: Partial<typeof NO_COUNT>;
    conflicts?: RawConflict[];
    description?: unknown;
  };
  const raw = String(summary.status ?? web.status ?? "ERROR").toUpperCase();
  const status = raw === "SUCCESS" || raw === "OK" ? "SUCCESS" : raw === "WARNING" ? "WARNING" : "ERROR";
  return {
    status,
    httpStatus,
    importCount: { ...NO_COUNT, ...(summary.importCount ?? {}) },
    conflicts: Array.isArray(summary.conflicts) ? summary.conflicts.map(conflictOf) : [],
    message: String(web.message ?? summary.description ?? `DHIS2 answered ${httpStatus}`),
  };
}

/** What a failure that is not an import summary means to the person pushing. */
function httpProblem(status: number): string {
  if (status === 401) return "DHIS2 refused the token (401): it may be wrong, expired or revoked. Give a new token.";
  if (status === 403)
    return "The token's user may not import data values (403). Ask the DHIS2 administrator for the authority.";
  if (status === 404) return "No DHIS2 Web API at this address (404). Check the instance address (without /api).";
  return `DHIS2 answered ${status}.`;
}

/**
 * `POST {baseUrl}/api/dataValueSets` with the personal access token (`Authorization: ApiToken …`), importStrategy
 * CREATE_AND_UPDATE so that a repeated push updates rather than duplicates (the data value's 5-tuple is its key).
 * HTTP 409 with an import summary is a partial success (WARNING) or a refusal (ERROR), not a failure to reach DHIS2.
 */
export async function postDataValueSets(
  link: { baseUrl: string; token: string; idScheme: "uid" | "code" },
  dataValues: Dhis2DataValue[],
  dryRun: boolean,
): Promise<ImportAnswer> {
  const url = new URL(`${link.baseUrl.replace(/\/+$/, "")}/api/dataValueSets`);
  url.searchParams.set("dryRun", String(dryRun));
  url.searchParams.set("importStrategy", "CREATE_AND_UPDATE");
  if (link.idScheme === "code") url.searchParams.set("idScheme", "code");
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: {
        Authorization: `ApiToken ${link.token}`,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify({ dataValues }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
  } catch (err) {
    return {
      status: "UNREACHABLE",
      httpStatus: null,
      importCount: NO_COUNT,
      conflicts: [],
      message: `DHIS2 could not be reached at ${url.origin}: ${(err as Error).message}`,
    };
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok || (res.status === 409 && body && typeof body === "object")) return readImportSummary(res.status, body);
  return {
    status: "ERROR",
    httpStatus: res.status,
    importCount: NO_COUNT,
    conflicts: [],
    message: httpProblem(res.status),
  };
}

type Link = { baseUrl: string; token: string };

async function getList(link: Link, resource: string, fields: string): Promise<Record<string, unknown>[]> {
  const url = new URL(`${link.baseUrl.replace(/\/+$/, "")}/api/${resource}`);
  url.searchParams.set("fields", fields);
  url.searchParams.set("paging", "false");
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { Authorization: `ApiToken ${link.token}`, Accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
  } catch (err) {
    throw new AppError("SERVICE_UNAVAILABLE", `DHIS2 could not be reached at ${url.origin}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new AppError("SERVICE_UNAVAILABLE", httpProblem(res.status));
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const list = body[resource];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}

const str = (v: unknown) => (typeof v === "string" ? v : null);
const object = (o: Record<string, unknown>) => ({
  id: str(o.id) ?? "",
  code: str(o.code),
  name: str(o.displayName) ?? str(o.name) ?? "",
});

/**
 * The lists a mapping is picked from: data elements, category option combos and organisation units (id, code, name),
 * read with the same token as pushes (so the lists are what that user may see). Nothing is stored.
 */
export async function fetchMetadata(link: Link): Promise<Dhis2Metadata> {
  const [dataElements, combos, orgUnits] = await Promise.all([
    getList(link, "dataElements", "id,code,displayName"),
    getList(link, "categoryOptionCombos", "id,code,displayName"),
    getList(link, "organisationUnits", "id,code,displayName,level"),
  ]);
  return {
    dataElements: dataElements.map(object).filter((o) => o.id),
    categoryOptionCombos: combos.map(object).filter((o) => o.id),
    orgUnits: orgUnits
      .map((o) => ({ ...object(o), level: typeof o.level === "number" ? o.level : null }))
      .filter((o) => o.id),
  };
}
