import { z } from "zod";

/**
 * The closed list of error codes. The server only ever answers with one of these, and the web app
 * translates by code, so adding a code means adding its translation too.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_MFA_CODE: 401,
  SESSION_EXPIRED: 401,
  REAUTH_REQUIRED: 401,
  FORBIDDEN: 403,
  /**
   * A country-wide thing (protocols, the taxonomy, the country profile, the geography, country targets, figures for
   * the whole country) asked to change by an administrator whose scope is a region or district only.
   */
  COUNTRY_SCOPE_REQUIRED: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_DECIDED: 409,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNKNOWN_CATEGORY: 400,
  UNKNOWN_SUBCATEGORY: 400,
  UNKNOWN_CHALLENGE_TYPE: 400,
  /** A report named a key population that is not in the taxonomy, or was retired there. */
  UNKNOWN_KEY_POPULATION: 400,
  UNKNOWN_AREA: 400,
  UNKNOWN_FACILITY: 400,
  PLACE_REQUIRED: 400,
  POSITION_OUTSIDE_AREAS: 400,
  WEAK_PASSWORD: 400,
  EMAIL_TAKEN: 409,
  /** Disabling or demoting the only active system administrator would leave nobody to manage accounts. */
  LAST_SYSTEM_ADMIN: 409,
  MFA_NOT_ENROLLED: 409,
  TRIVIAL_PIN: 400,
  PASSWORD_CHANGE_REQUIRED: 403,
  RESET_LINK_INVALID: 400,
  /** A public (published) indicator query outside what disclosure control allows: one value per filter, publishable reports. */
  PUBLIC_QUERY_NOT_ALLOWED: 400,
  /**
   * A published figure (public view, indicator export, factsheet, DHIS2) asked for a period that is not exactly one
   * calendar month, one calendar quarter or one calendar year: any other run of months is the difference of two
   * published ones waiting to happen (docs/disclosure-control.md).
   */
  PERIOD_NOT_CALENDAR: 400,
  /** The report's personal data was erased (by its reporter or by retention): nobody can write to its conversation. */
  REPORT_ERASED: 409,
  /** A taxonomy code that a report uses cannot be changed or removed (retire the item instead). */
  CODE_IN_USE: 409,
  /** The same device or account rated this facility within the last 30 days (PRODUCT.md section 7). */
  ALREADY_RATED: 409,
  /** The taxonomy already has an item with this code (codes are unique across all its lists). */
  CODE_TAKEN: 409,
  /** DHIS2: the period has not ended, so its figures would still change after DHIS2 stored them. */
  PERIOD_NOT_CLOSED: 409,
  /** DHIS2: this period was already pushed successfully; push it again only when asked (`again`). */
  ALREADY_PUSHED: 409,
  /** DHIS2: no instance address, token or mapping yet. */
  DHIS2_NOT_CONFIGURED: 409,
  /** A nickname that looks like a person's real name, a phone number or an e-mail address (community accounts). */
  NICKNAME_NOT_ALLOWED: 400,
  /** The community account is suspended from the forum and groups by a moderator (until `details.until`). */
  ACCOUNT_SUSPENDED: 403,
  /** The country made the forum members-only: sign in to a community account to read it. */
  MEMBERS_ONLY: 401,
  /**
   * A translation that drops a placeholder of its source string (`{{trackingCode}}`) or adds one the source does not
   * have: the text would show a hole or a literal `{{…}}` to the reader. `details` name the key and the placeholders.
   */
  PLACEHOLDER_MISMATCH: 400,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  /** Not HTTP the server can read: a malformed request line or header, an address that cannot be decoded. */
  MALFORMED_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorCodes;

export const errorCodeSchema = z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]);

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "ErrorEnvelope" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
