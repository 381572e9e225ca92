import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeDataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  value: string;
}

/**
 * A stand-in DHIS2 instance on 127.0.0.1 for tests: `POST /api/dataValueSets` as documented (reference
 * integrations.md §1.3–1.5): `Authorization: ApiToken <token>`, JSON `{ dataValues: [...] }` with string values,
 * `dryRun`, CREATE_AND_UPDATE keyed by the data value's identity. Unknown data elements or org units become conflicts
 * (E7610-style, with `indexes`), answered 409 WARNING as DHIS2 does; a payload of the wrong shape is a 400.
 */
export async function startFakeDhis2(opts: {
  token: string;
  dataElements: string[];
  orgUnits: string[];
  /** Periods DHIS2 does not accept yet (E7641). */
  closedPeriods?: string[];
}) {
  const stored = new Map<string, FakeDataValue>();
  const requests: { dryRun: boolean; importStrategy: string | null; count: number }[] = [];
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.headers.authorization !== `ApiToken ${opts.token}`) {
      return send(401, { httpStatus: "Unauthorized", httpStatusCode: 401, status: "ERROR", message: "Unauthorized" });
    }
    if (req.method === "GET") return send(...metadata(url, opts));
    if (req.method !== "POST" || url.pathname !== "/api/dataValueSets") return send(404, { httpStatusCode: 404 });
    if (!String(req.headers["content-type"]).startsWith("application/json")) return send(415, { httpStatusCode: 415 });
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      const dryRun = url.searchParams.get("dryRun") === "true";
      let values: FakeDataValue[];
      try {
        values = validPayload(JSON.parse(raw));
      } catch (err) {
        return send(400, { httpStatusCode: 400, status: "ERROR", message: (err as Error).message });
      }
      requests.push({ dryRun, importStrategy: url.searchParams.get("importStrategy"), count: values.length });
      const answer = importValues(values, dryRun);
      send(answer.conflicts.length > 0 ? 409 : 200, webMessage(answer, dryRun));
    });
  });

  function importValues(values: FakeDataValue[], dryRun: boolean) {
    const conflicts: unknown[] = [];
    const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    values.forEach((v, i) => {
      const problem = !opts.dataElements.includes(v.dataElement)
        ? { property: "dataElement", errorCode: "E7610", value: `Data element not found: ${v.dataElement}` }
        : !opts.orgUnits.includes(v.orgUnit)
          ? { property: "orgUnit", errorCode: "E7612", value: `Organisation unit not found: ${v.orgUnit}` }
          : opts.closedPeriods?.includes(v.period)
            ? {
                property: "period",
                errorCode: "E7641",
                value: `Period: \`${v.period}\` is after latest open future period`,
              }
            : null;
      if (problem) {
        count.ignored++;
        conflicts.push({ object: v.orgUnit, objects: { period: v.period }, ...problem, indexes: [i] });
        return;
      }
      const key = `${v.dataElement}|${v.period}|${v.orgUnit}|${v.categoryOptionCombo ?? "default"}`;
      if (stored.has(key)) count.updated++;
      else count.imported++;
      if (!dryRun) stored.set(key, v);
    });
    return { count, conflicts };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stored,
    requests,
    /** Tells the fake which organisation units exist (a test that learns them after starting it). */
    orgUnitsKnown: (ids: string[]) => opts.orgUnits.push(...ids),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `GET /api/{dataElements,categoryOptionCombos,organisationUnits}?fields=…&paging=false`: the known objects. */
function metadata(url: URL, opts: { dataElements: string[]; orgUnits: string[] }): [number, unknown] {
  if (url.searchParams.get("paging") !== "false") return [400, { message: "this fake answers paging=false only" }];
  const uid = (code: string) =>
    `U${code
      .replace(/[^A-Za-z0-9]/g, "")
      .padEnd(10, "0")
      .slice(0, 10)}`;
  const resource = url.pathname.replace(/^\/api\//, "");
  if (resource === "dataElements")
    return [200, { dataElements: opts.dataElements.map((id) => ({ id, code: null, displayName: `CLM ${id}` })) }];
  if (resource === "categoryOptionCombos")
    return [200, { categoryOptionCombos: [{ id: "HllvX50cXC0", code: "default", displayName: "default" }] }];
  if (resource === "organisationUnits")
    return [200, { organisationUnits: opts.orgUnits.map((c) => ({ id: uid(c), code: c, displayName: c, level: 3 })) }];
  return [404, { httpStatusCode: 404 }];
}

function validPayload(body: unknown): FakeDataValue[] {
  const values = (body as { dataValues?: unknown })?.dataValues;
  if (!Array.isArray(values)) throw new Error("dataValues must be an array");
  for (const v of values as Record<string, unknown>[]) {
    for (const f of ["dataElement", "period", "orgUnit", "value"]) {
      if (typeof v[f] !== "string") throw new Error(`${f} must be a string`);
    }
    if (!/^\d{6}$|^\d{4}Q[1-4]$/.test(String(v.period))) throw new Error(`bad period ${String(v.period)}`);
  }
  return values as FakeDataValue[];
}

function webMessage(answer: { count: Record<string, number>; conflicts: unknown[] }, dryRun: boolean) {
  const warning = answer.conflicts.length > 0;
  return {
    httpStatus: warning ? "Conflict" : "OK",
    httpStatusCode: warning ? 409 : 200,
    status: warning ? "WARNING" : "OK",
    message: warning ? "One more conflicts encountered, please check import summary." : "Import was successful.",
    response: {
      responseType: "ImportSummary",
      status: warning ? "WARNING" : "SUCCESS",
      importOptions: { dryRun, importStrategy: "CREATE_AND_UPDATE" },
      description: "Import process completed successfully",
      importCount: answer.count,
      conflicts: answer.conflicts,
      ...(warning ? { rejectedIndexes: answer.conflicts.flatMap((c) => (c as { indexes: number[] }).indexes) } : {}),
    },
  };
}
