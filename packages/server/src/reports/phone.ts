import parsePhoneNumber, { type CountryCode } from "libphonenumber-js";

/**
 * The form of a phone number that is hashed for duplicate detection: its international number as digits (E.164
 * without the +), so "+258 84 123 4567" from an SMS gateway and "84 123 4567" typed in the app are one reporter. A
 * number without a country prefix is read in the country's own plan (`country`: the ISO code of the country
 * settings; trunk prefixes such as the leading 0 are dropped by the plan's rules). When the number cannot be read as
 * a possible number (a fictional country, an unusual format), the digits are used as typed, an international
 * prefix 00 counting as +.
 */
export function phoneKey(typed: string, country: string | null): string {
  const parsed = parsePhoneNumber(typed, (country ?? undefined) as CountryCode | undefined);
  if (parsed?.isPossible()) return parsed.number.slice(1);
  const digits = typed.replace(/\D/g, "");
  return typed.trim().startsWith("+") ? digits : digits.replace(/^00/, "");
}
