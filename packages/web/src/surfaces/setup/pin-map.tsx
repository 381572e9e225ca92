import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "preact/hooks";

export interface PinMapProps {
  /** Every district's boundary; the chosen one is drawn stronger and the map fits it. */
  districts: GeoJSON.FeatureCollection;
  districtId: string;
  lat: number | null;
  lng: number | null;
  label: string;
  pinLabel: string;
  onPin(lat: number, lng: number): void;
}

/** About a metre: more digits would only pretend to precision a click or a drag does not have. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * A facility's position: click the map or drag the pin (the latitude and longitude fields beside it are the keyboard
 * way). No tile layer: nothing is fetched from elsewhere; the district outlines are the landmarks. Loaded only when
 * the facility editor opens, so Set-up does not carry Leaflet otherwise.
 */
export default function PinMap(props: PinMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const shapes = useRef<L.GeoJSON | null>(null);
  const pin = useRef<L.Marker | null>(null);
  const onPin = useRef(props.onPin);
  onPin.current = props.onPin;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const m = L.map(node, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 }).setView([0, 0], 1);
    node.setAttribute("role", "region");
    node.setAttribute("aria-label", props.label);
    m.on("click", (e: L.LeafletMouseEvent) => onPin.current(round(e.latlng.lat), round(e.latlng.lng)));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      pin.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    shapes.current?.remove();
    const chosen = (f?: GeoJSON.Feature) => f?.properties?.id === props.districtId;
    shapes.current = L.geoJSON(props.districts, {
      interactive: false,
      style: (f) => ({
        weight: chosen(f) ? 3 : 1,
        color: chosen(f) ? "#1d4e89" : "#7d8b92",
        fillColor: "#7fb8c9",
        fillOpacity: chosen(f) ? 0.25 : 0.05,
      }),
    }).addTo(m);
    const own = props.districts.features.filter((f) => chosen(f));
    const bounds = own.length
      ? L.geoJSON({ type: "FeatureCollection", features: own } as GeoJSON.FeatureCollection).getBounds()
      : null;
    if (bounds?.isValid()) m.fitBounds(bounds, { padding: [16, 16] });
    else if (shapes.current.getBounds().isValid()) m.fitBounds(shapes.current.getBounds());
  }, [props.districts, props.districtId]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (props.lat === null || props.lng === null) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    if (pin.current) {
      pin.current.setLatLng([props.lat, props.lng]);
      return;
    }
    const icon = L.divIcon({ className: "pin-map__pin", iconSize: [22, 22], iconAnchor: [11, 22] });
    pin.current = L.marker([props.lat, props.lng], {
      draggable: true,
      icon,
      title: props.pinLabel,
      alt: props.pinLabel,
    })
      .on("dragend", (e) => {
        const at = (e.target as L.Marker).getLatLng();
        onPin.current(round(at.lat), round(at.lng));
      })
      .addTo(m);
  }, [props.lat, props.lng, props.pinLabel]);

  return <div ref={el} class="pin-map" translate={false} />;
}
