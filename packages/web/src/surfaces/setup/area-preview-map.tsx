import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "preact/hooks";

/**
 * The boundaries of a geography file drawn before it is imported (no tile layer: nothing is fetched from elsewhere).
 * Loaded only when a file with boundaries is chosen, so Set-up does not carry Leaflet otherwise.
 */
export default function AreaPreviewMap(props: { data: GeoJSON.FeatureCollection; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const map = L.map(node, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
    node.setAttribute("role", "region");
    node.setAttribute("aria-label", props.label);
    const withShapes = props.data.features.filter((f) => f?.geometry);
    // The deepest level on top, thinner: districts inside their region's outline.
    const depth = (f: GeoJSON.Feature) => Number(f.properties?.level ?? 0);
    const layer = L.geoJSON(
      {
        type: "FeatureCollection",
        features: [...withShapes].sort((a, b) => depth(a) - depth(b)),
      } as GeoJSON.FeatureCollection,
      {
        style: (f) => ({
          weight: f && depth(f) === 0 ? 3 : 1,
          color: "#2f4f5f",
          fillColor: "#7fb8c9",
          fillOpacity: f && depth(f) === 0 ? 0.05 : 0.25,
        }),
        onEachFeature: (f, l) => {
          const tip = document.createElement("span");
          tip.textContent = String(f.properties?.code ?? "");
          l.bindTooltip(tip, { sticky: true });
        },
      },
    ).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
    else map.setView([0, 0], 1);
    return () => map.remove();
  }, [props.data, props.label]);
  return <div ref={el} class="area-preview-map" translate={false} />;
}
