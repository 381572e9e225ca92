import { createHash } from "node:crypto";
import { type ContentImage, MAX_CONTENT_IMAGE_BYTES, type UploadContentImageInput } from "@openclm/contracts";
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import sharp from "sharp";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { roleHas } from "../identity/roles.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { contentImages, contentItems } from "./content.schema.js";

/** Where the platform serves an image; the Markdown renderer accepts images from here only (content-markdown.ts). */
export const contentImageUrl = (id: string) => `/api/content/images/${id}`;

/** Stored images are at most this wide (a phone's screen twice over), never enlarged. */
const MAX_WIDTH = 1600;
/** Pixels sharp will decode: a small file that unpacks to a huge bitmap (a "decompression bomb") is refused. */
const MAX_PIXELS = 40_000_000;

/** The formats accepted, recognised by their first bytes: a file's name and declared type are never trusted. */
export function sniffImage(bytes: Buffer): "jpeg" | "png" | "webp" | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP")
    return "webp";
  return null;
}

function decode(data: string): Buffer {
  const clean = data.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new AppError("VALIDATION_FAILED", "The image is not base64");
  return Buffer.from(clean, "base64");
}

/**
 * Re-encodes an upload: turned upright by its EXIF orientation, then written anew as WebP at most 1600 px wide.
 * sharp writes no metadata unless asked, so EXIF (GPS position, camera, date), XMP, IPTC and ICC are all gone, and
 * nothing of the uploaded file's own bytes (a polyglot file, a script after the image data) survives.
 */
async function reencode(bytes: Buffer) {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error", animated: false })
      .rotate()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The image could not be read (damaged, or too many pixels)");
  }
}

/**
 * An editor uploads an image for content (issue 15 item 2): JPEG, PNG or WebP by its first bytes, at most 5 MB,
 * re-encoded without metadata, stored in the database (so every server process serves it, and backups hold it), and
 * answered with the Markdown that shows it with its alt text. The same image twice is stored once. Audited.
 */
export async function uploadContentImage(ctx: Ctx, input: UploadContentImageInput): Promise<ContentImage> {
  const bytes = decode(input.data);
  if (bytes.length > MAX_CONTENT_IMAGE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `Images are at most ${MAX_CONTENT_IMAGE_BYTES / 1024 / 1024} MB`);
  if (!sniffImage(bytes)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Only JPEG, PNG and WebP images are accepted");
  const image = await reencode(bytes);
  const sha256 = createHash("sha256").update(image.data).digest("hex");
  const alt = input.alt.replace(/[[\]\n\r]/g, " ").trim();
  const id = await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(contentImages)
      .values({
        sha256,
        mime: "image/webp",
        width: image.width,
        height: image.height,
        bytes: image.data,
        alt,
        uploadedBy: ctx.actor.type === "staff" ? ctx.actor.userId : null,
      })
      .onConflictDoNothing({ target: contentImages.sha256 })
      .returning({ id: contentImages.id });
    const stored =
      row ?? (await tx.select({ id: contentImages.id }).from(contentImages).where(eq(contentImages.sha256, sha256)))[0];
    if (!stored) throw new Error("content image neither inserted nor found");
    await audit(ctx, tx, {
      action: "content.image_upload",
      entity: "content_image",
      entityId: stored.id,
      details: { bytes: image.data.length, width: image.width, height: image.height, again: !row },
    });
    return stored.id;
  });
  const url = contentImageUrl(id);
  return { id, url, width: image.width, height: image.height, markdown: `![${alt}](${url})` };
}

/**
 * Whether readers can see an image: a published copy that is live now (not archived, its `publish_at` come) shows it.
 * The live copy holds the image's address in its Markdown and HTML, so the id is looked for in it.
 */
async function isPublished(ctx: Ctx, id: string): Promise<boolean> {
  const rows = await ctx.db
    .select({ publishAt: contentItems.publishAt })
    .from(contentItems)
    .where(
      and(
        isNotNull(contentItems.live),
        ne(contentItems.status, "archived"),
        sql`strpos(${contentItems.live}::text, ${contentImageUrl(id.toLowerCase())}) > 0`,
      ),
    );
  const now = new Date();
  return rows.some((r) => !r.publishAt || r.publishAt <= now);
}

/** A fully signed-in staff member whose role may write content (an editor seeing the drafts they work on). */
const isContentEditor = (ctx: Ctx) =>
  ctx.actor.type === "staff" &&
  ctx.actor.stage === "full" &&
  !ctx.actor.mustChangePassword &&
  roleHas(ctx.actor.role, "content:write");

/**
 * An image's stored bytes for serving. Anyone gets an image that published content shows (`published`: cacheable by
 * everyone); an image only drafts use (or none yet, just uploaded) is served to content editors only, and answers
 * 404 to everyone else, as an unknown id does: a draft's image is not public because its random id leaked.
 */
export async function contentImage(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ bytes: contentImages.bytes, mime: contentImages.mime, sha256: contentImages.sha256 })
    .from(contentImages)
    .where(eq(contentImages.id, id));
  if (!row) throw notFound("image");
  if (await isPublished(ctx, id)) return { ...row, published: true };
  if (isContentEditor(ctx)) return { ...row, published: false };
  throw notFound("image");
}
