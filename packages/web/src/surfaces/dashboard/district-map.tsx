import L from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import type { BoundaryFeature } from "../../map/boundaries.js";
import { createVectorMap } from "../../map/vector-map.js";

export interface MapValue {
  /** Fill colour of the district. */
  color: string;
  /** What the tooltip says: "Name: value". */
  text: string;
}

/**
 * The district choropleth: the stored boundaries drawn as vector shapes on a map with no tile layer (nothing is
 * fetched from elsewhere; map/vector-map.ts). The district table carries the same figures.
 */
export interface DistrictMapProps {
  features: BoundaryFeature[];
  focusIds: Set<string> | null;
  values: Map<string, MapValue>;
  /** Drill-down: the district a person clicked or chose with the keyboard. */
  onSelect(districtId: string): void;
}

export function DistrictMap(props: DistrictMapProps) {
  const t = useT("dashboard");
  const el = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ map: L.Map; layer: L.GeoJSON } | null>(null);
  // The latest handler, without redrawing the districts whenever the page re-renders.
  const select = useRef(props.onSelect);
  select.current = props.onSelect;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const { map: m, dispose } = createVectorMap(node, {
      label: t("map.label"),
      zoomIn: t("map.zoomIn"),
      zoomOut: t("map.zoomOut"),
    });
    const layer = L.geoJSON(undefined, { style: { weight: 1, color: "#4a5560", fillOpacity: 0.85 } }).addTo(m);
    setMap({ map: m, layer });
    return dispose;
  }, [t]);

  // The shapes: drawn once per boundary set, framed on the districts in view (all, or the chosen region's).
  useEffect(() => {
    if (!map) return;
    map.layer.clearLayers();
    map.layer.addData({ type: "FeatureCollection", features: props.features } as GeoJSON.FeatureCollection);
    const focus = L.featureGroup(
      map.layer.getLayers().filter((l) => {
        const id = ((l as L.GeoJSON).feature as BoundaryFeature | undefined)?.properties.id;
        return !props.focusIds || (id !== undefined && props.focusIds.has(id));
      }),
    );
    const bounds = (focus.getLayers().length ? focus : map.layer).getBounds();
    if (bounds.isValid()) map.map.fitBounds(bounds, { padding: [8, 8] });
  }, [map, props.features, props.focusIds]);

  // The colours and labels follow the figures. Each district with a figure is a button: its label shows on hover and
  // on keyboard focus, and choosing it opens that district's dashboard.
  useEffect(() => {
    if (!map) return;
    map.layer.eachLayer((l) => {
      const path = l as L.Polygon & { feature?: BoundaryFeature };
      const id = path.feature?.properties.id;
      const value = id ? props.values.get(id) : undefined;
      path.setStyle({ fillColor: value?.color ?? "#d5dde0" });
      const el = path.getElement();
      path.off("click");
      if (!id || !value || !el) {
        path.unbindTooltip();
        el?.removeAttribute("tabindex");
        return;
      }
      const tip = document.createElement("span");
      tip.textContent = value.text;
      path.bindTooltip(tip, { sticky: true });
      path.on("click", () => select.current(id));
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      el.setAttribute("aria-label", value.text);
      (el as SVGElement).onfocus = () => path.openTooltip(path.getBounds().getCenter());
      (el as SVGElement).onblur = () => path.closeTooltip();
      (el as SVGElement).onkeydown = (e) => {
        if (e.key !== "Enter" && e.key !== " ") return;
        e.preventDefault();
        select.current(id);
      };
    });
  }, [map, props.values, props.features]);

  return <div ref={el} class="district-map" translate={false} />;
}
