/**
 * A link that hands the destination to the phone's own maps app. Nothing is fetched until the person taps it, and it
 * carries only the facility's position, never the person's: the maps app finds the start itself.
 */
export function directionsHref(to: { lat: number; lng: number; name: string }, userAgent: string): string {
  const dest = `${to.lat},${to.lng}`;
  if (/iPhone|iPad|iPod|Macintosh/.test(userAgent)) return `https://maps.apple.com/?daddr=${dest}`;
  // Android (and other systems with a maps app) open geo: URIs in the app the person chose.
  if (/Android/.test(userAgent)) return `geo:${dest}?q=${dest}(${encodeURIComponent(to.name)})`;
  return `https://www.openstreetmap.org/directions?to=${encodeURIComponent(dest)}`;
}
