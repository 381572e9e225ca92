import crypto from "node:crypto";
import { LOGO_MAX_BYTES, logoContentTypes } from "@openclm/contracts";
import { eq, sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { countryLogo } from "./country.schema.js";

export type LogoContentType = (typeof logoContentTypes)[number];

/**
 * The type the bytes themselves say, or null. Only PNG, JPEG and WebP: raster formats a browser never runs script
 * from. SVG is refused outright (it can carry script and external references), as is anything whose bytes do not
 * match a type, whatever name or Content-Type it came with.
 */
export function sniffImage(bytes: Buffer): LogoContentType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString("latin1") === "RIFF" &&
    bytes.subarray(8, 12).toString("latin1") === "WEBP"
  )
    return "image/webp";
  return null;
}

export async function logoInfo(db: Db) {
  const [row] = await db
    .select({
      contentType: countryLogo.contentType,
      sha256: countryLogo.sha256,
      bytes: sql<number>`octet_length(${countryLogo.image})::int`,
    })
    .from(countryLogo)
    .where(eq(countryLogo.id, 1));
  return row ?? null;
}

/** The logo as served: bytes, type and hash (the ETag), or null when none was uploaded. */
export async function readLogo(db: Db) {
  const [row] = await db.select().from(countryLogo).where(eq(countryLogo.id, 1));
  return row ?? null;
}

const notAnImage = () =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "The logo must be a PNG, JPEG or WebP image", {
    problem: "not_an_allowed_image",
    allowed: logoContentTypes,
  });

/**
 * Replaces the country's logo. The declared Content-Type must be one of the allowed raster types and agree with
 * what the bytes are; at most LOGO_MAX_BYTES. Audited with the old and new image's hash and size.
 */
export async function uploadCountryLogo(ctx: Ctx, declaredType: string | undefined, body: unknown) {
  await requireCountryScope(ctx);
  // JSON (or anything but an image type) is parsed by other parsers: not an image.
  if (!Buffer.isBuffer(body)) throw notAnImage();
  const bytes = body;
  if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", "The file is empty", { problem: "empty" });
  if (bytes.length > LOGO_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The logo is too large", { maxBytes: LOGO_MAX_BYTES });
  const sniffed = sniffImage(bytes);
  const declared = declaredType?.split(";")[0]?.trim().toLowerCase();
  if (!sniffed || sniffed !== declared) throw notAnImage();
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  return withTransaction(ctx, async (tx) => {
    const before = await logoInfo(tx);
    const values = { id: 1, contentType: sniffed, image: bytes, sha256, updatedAt: new Date() };
    await tx.insert(countryLogo).values(values).onConflictDoUpdate({ target: countryLogo.id, set: values });
    await audit(ctx, tx, {
      action: "country_profile.logo",
      entity: "country_profile",
      details: { before, after: { contentType: sniffed, sha256, bytes: bytes.length } },
    });
    return { contentType: sniffed, bytes: bytes.length, sha256 };
  });
}
