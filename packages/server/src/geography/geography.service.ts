import { createHash } from "node:crypto";
import { type Facility, type FacilityType, isOpenAt } from "@openclm/contracts";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { type CountryProfileSettings, DEFAULT_TIME_ZONE } from "../country/country-profile.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { getSetting } from "../platform/platform.repo.js";
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

/** Great-circle distance in metres (haversine); plenty for "which facility is nearest". */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface ListFacilitiesInput {
  areaId?: string;
  type?: FacilityType;
  lang?: string;
  /** `<lat>,<lng>`: nearest first. Used only for ordering, never stored or logged. */
  near?: string;
  openNow?: boolean;
  service?: string;
}

async function areaFilter(ctx: Ctx, areaId: string | undefined): Promise<string[] | undefined> {
  if (!areaId) return undefined;
  const districtIds = await repo.leafIdsUnder(ctx.db, [areaId]);
  if (districtIds.length === 0) throw new AppError("NOT_FOUND", "area not found");
  return districtIds;
}

export async function listFacilities(
  ctx: Ctx,
  input: ListFacilitiesInput,
  now: Date = new Date(),
): Promise<{ items: Facility[] }> {
  const { lang, defaultLang } = await resolveLanguage(ctx, input.lang ?? ctx.language);
  const districtIds = await areaFilter(ctx, input.areaId);
  let rows = await repo.listFacilities(ctx.db, { districtIds, type: input.type, service: input.service });
  if (input.openNow) {
    const country = await getSetting<CountryProfileSettings>(ctx.db, "country");
    const timeZone = country?.timeZone ?? DEFAULT_TIME_ZONE;
    rows = rows.filter((f) => isOpenAt(f.openingHours, now, timeZone));
  }
  if (input.near) {
    const [lat = 0, lng = 0] = input.near.split(",").map(Number);
    const from = { lat, lng };
    const distance = new Map(rows.map((f) => [f.id, distanceMetres(from, f)]));
    rows = [...rows].sort((a, b) => (distance.get(a.id) ?? 0) - (distance.get(b.id) ?? 0));
  }
  return {
    items: rows.map((f) => ({
      id: f.id,
      code: f.code,
      name: pickText(f.names, lang, defaultLang),
      type: f.type as FacilityType,
      districtId: f.districtId,
      lat: f.lat,
      lng: f.lng,
      latitude: f.lat,
      longitude: f.lng,
      address: pickText(f.address, lang, defaultLang),
      phone: f.phone,
      openingHours: f.openingHours,
      services: f.services,
      updatedAt: (f.updatedAt ?? f.createdAt).toISOString(),
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
