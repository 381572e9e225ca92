import type { advocacyDocumentTypes } from "@openclm/contracts";
import { sniffImage } from "../country/country-logo.js";

export type AdvocacyDocumentType = (typeof advocacyDocumentTypes)[number];

const OOXML_PART: Record<string, AdvocacyDocumentType> = {
  "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};
const ODT_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.text";

/**
 * The type a document's bytes say it is, or null: `%PDF-`, the raster images the logo accepts, an OpenDocument text
 * (a ZIP whose first entry is its `mimetype`), or an Office Open XML file (a ZIP with `[Content_Types].xml` and a
 * `word/`, `xl/` or `ppt/` part). Anything else — HTML, SVG, scripts, executables, a renamed file — is refused.
 */
export function sniffDocument(bytes: Buffer): AdvocacyDocumentType | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  const image = sniffImage(bytes);
  if (image) return image;
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return null;
  if (bytes.subarray(30, 30 + ODT_MIMETYPE.length).toString("latin1") === ODT_MIMETYPE)
    return "application/vnd.oasis.opendocument.text";
  // Entry names sit in the clear in the ZIP's local headers and central directory.
  const names = bytes.toString("latin1");
  if (!names.includes("[Content_Types].xml")) return null;
  for (const [part, type] of Object.entries(OOXML_PART)) if (names.includes(part)) return type;
  return null;
}
