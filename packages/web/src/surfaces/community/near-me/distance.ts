/**
 * Distances worked out on the phone: the person's position is read by the browser and used here only, never sent
 * anywhere (issue 17). Straight-line distance, so the travel times are labelled "about".
 */
export interface Position {
  lat: number;
  lng: number;
}

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Up to this far a walk is suggested; further, a drive or a ride. */
const WALK_UP_TO_METRES = 3_000;
/** About 4.5 km/h on foot and 30 km/h on roads, with the detours a straight line leaves out. */
const WALK_METRES_PER_MINUTE = 75;
const DRIVE_METRES_PER_MINUTE = 500;

export interface TravelHint {
  mode: "walk" | "drive";
  minutes: number;
}

/** Rounded so it does not look more precise than it is: to the minute under 10, then to 5 minutes. */
export function travelHint(metres: number): TravelHint {
  const mode = metres <= WALK_UP_TO_METRES ? "walk" : "drive";
  const raw = metres / (mode === "walk" ? WALK_METRES_PER_MINUTE : DRIVE_METRES_PER_MINUTE);
  const minutes = raw < 10 ? Math.max(1, Math.round(raw)) : Math.round(raw / 5) * 5;
  return { mode, minutes };
}

/** "350 m" or "1.2 km" in the person's language. */
export function formatDistance(metres: number, locale: string): string {
  const [value, unit, digits] =
    metres < 1_000 ? [Math.max(10, Math.round(metres / 10) * 10), "meter", 0] : [metres / 1_000, "kilometer", 1];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: digits,
  }).format(value);
}

/** Facilities with their distance from `from`, nearest first. */
export function byDistance<T extends Position>(items: readonly T[], from: Position): { item: T; metres: number }[] {
  return items.map((item) => ({ item, metres: distanceMetres(from, item) })).sort((a, b) => a.metres - b.metres);
}
