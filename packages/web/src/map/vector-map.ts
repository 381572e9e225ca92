import "leaflet/dist/leaflet.css";
import L from "leaflet";

/**
 * A Leaflet map for vector shapes (the stored boundaries) with no tile layer unless one is added: nothing is fetched
 * from elsewhere. Scroll-wheel zoom is off so the page scrolls past it; the zoom buttons (with titles in the reader's
 * language) and the keyboard (arrow keys, + and -) still work once the map has focus. It is a named region and
 * follows its box's size. Shared by the dashboard's district map and Near Me's map (both loaded lazily, with Leaflet).
 */
export function createVectorMap(
  node: HTMLElement,
  labels: { label: string; zoomIn: string; zoomOut: string },
): { map: L.Map; dispose(): void } {
  const map = L.map(node, {
    zoomControl: false,
    attributionControl: false,
    scrollWheelZoom: false,
    zoomSnap: 0.25,
    renderer: L.svg({ padding: 0.5 }),
  });
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  node.setAttribute("role", "region");
  node.setAttribute("aria-label", labels.label);
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(node);
  return {
    map,
    dispose() {
      resize.disconnect();
      map.remove();
    },
  };
}
