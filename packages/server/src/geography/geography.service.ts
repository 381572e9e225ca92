import { createHash } from "node:crypto";
import type { Facility, FacilityType } from "@openclm/contracts";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { resolveLanguage } from "../platform/platform.service.js";
import * as repo from "./geography.repo.js";

/**
 * Finds the district holding a position. Only the district id leaves this function: the coordinates themselves are
 * never stored (PRODUCT.md 3.2).
 */
export async function districtAt(ctx: Ctx, position: { lat: number; lng: number }): Promise<string> {
  const candidates = await repo.leafAreasWithBoundaryNear(ctx.db, position.lng, position.lat);
  const point = { type: "Point" as const, coordinates: [position.lng, position.lat] };
  const hit = candidates.find((c) => c.boundary && booleanPointInPolygon(point, c.boundary));
  if (!hit) throw new AppError("POSITION_OUTSIDE_AREAS", "The position is not inside any district of this country");
  return hit.id;
}

export async function listFacilities(
  ctx: Ctx,
  input: { areaId?: string; type?: FacilityType; lang?: string },
): Promise<{ items: Facility[] }> {
  const { lang, defaultLang } = await resolveLanguage(ctx, input.lang ?? ctx.language);
  let districtIds: string[] | undefined;
  if (input.areaId) {
    districtIds = await repo.leafIdsUnder(ctx.db, [input.areaId]);
    if (districtIds.length === 0) throw new AppError("NOT_FOUND", "area not found");
  }
  const rows = await repo.listFacilities(ctx.db, { districtIds, type: input.type });
  return {
    items: rows.map((f) => ({
      id: f.id,
      code: f.code,
      name: pickText(f.names, lang, defaultLang),
      type: f.type as FacilityType,
      districtId: f.districtId,
      lat: f.lat,
      lng: f.lng,
      address: pickText(f.address, lang, defaultLang),
      phone: f.phone,
      openingHours: f.openingHours,
      services: f.services,
    })),
  };
}

export async function areaBoundaries(ctx: Ctx, level: number | undefined) {
  const rows = await repo.listBoundaries(ctx.db, level);
  return {
    type: "FeatureCollection" as const,
    features: rows.flatMap((r) =>
      r.boundary
        ? [{ type: "Feature" as const, properties: { id: r.id, code: r.code, level: r.level }, geometry: r.boundary }]
        : [],
    ),
  };
}

/**
 * The boundaries with an entity tag of their content: browsers revalidate each time (a 304 costs nothing to send), so
 * a geography import shows on every map at once rather than after a cache lifetime.
 */
export async function areaBoundariesTagged(ctx: Ctx, level: number | undefined) {
  const body = await areaBoundaries(ctx, level);
  const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
  return { body, etag };
}
