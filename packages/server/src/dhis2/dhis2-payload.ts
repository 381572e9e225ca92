import crypto from "node:crypto";
import type { Dhis2DataValue, Dhis2Payload } from "@openclm/contracts";
import { getPublicIndicators, type IndicatorInput } from "../dashboard/indicators.service.js";
import type { Ctx } from "../platform/context.js";
import type { Dhis2Link } from "./dhis2-config.js";
import type { Dhis2Period } from "./dhis2-period.js";

type Mapped = Dhis2Link["dataElements"][number];

/**
 * One mapped figure for every mapped area, as published: through the same disclosure control as the public view
 * (reports shared de-identified only, counts perturbed by their cell keys, small cells suppressed) — DHIS2 is outside
 * the programme. Regions and districts are asked separately: an area is mapped at its own level.
 */
async function publishedByArea(ctx: Ctx, row: Mapped, p: Dhis2Period) {
  const byArea = new Map<string, number | null>();
  for (const level of ["region", "district"] as const) {
    const input: IndicatorInput = {
      metrics: [row.metric],
      dimensions: [level],
      filters: row.disaggregation ? [["is", row.disaggregation.dimension, [row.disaggregation.value]]] : [],
      from: p.from,
      to: p.to,
    };
    const result = await getPublicIndicators(ctx, input);
    for (const r of result.rows) {
      const area = r.dimensions[level];
      if (area) byArea.set(area, (r.metrics[row.metric] as number | null | undefined) ?? null);
    }
  }
  return byArea;
}

/**
 * The `dataValueSets` payload of a period (bulk form: period and org unit on each value, values as strings), in a
 * fixed order so the same data gives the same payload and hash. A suppressed cell is left out, never sent as 0; an
 * area with no report sends 0 (DHIS2 tells "none" from "not reported" only by the value).
 */
export async function buildPayload(ctx: Ctx, link: Dhis2Link, p: Dhis2Period): Promise<Dhis2Payload> {
  const dataValues: Dhis2DataValue[] = [];
  let suppressed = 0;
  for (const row of link.dataElements) {
    const byArea = await publishedByArea(ctx, row, p);
    for (const { areaId, orgUnit } of link.orgUnits) {
      const value = byArea.has(areaId) ? byArea.get(areaId) : 0;
      if (value === null || value === undefined) {
        suppressed++;
        continue;
      }
      dataValues.push({
        dataElement: row.dataElement,
        period: p.dhis2Period,
        orgUnit,
        ...(row.categoryOptionCombo ? { categoryOptionCombo: row.categoryOptionCombo } : {}),
        value: String(value),
      });
    }
  }
  dataValues.sort((a, b) =>
    `${a.dataElement}|${a.categoryOptionCombo ?? ""}|${a.orgUnit}`.localeCompare(
      `${b.dataElement}|${b.categoryOptionCombo ?? ""}|${b.orgUnit}`,
    ),
  );
  const payloadHash = crypto.createHash("sha256").update(JSON.stringify({ dataValues })).digest("hex");
  return { period: p.period, dhis2Period: p.dhis2Period, dataValues, suppressed, payloadHash };
}
