import type { Facility, PublicConfig } from "@openclm/contracts";
import L from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import { useConfig } from "../../../api/public-config.js";
import { useT } from "../../../i18n/use-t.js";
import { fetchBoundaries } from "../../../map/boundaries.js";
import { createVectorMap } from "../../../map/vector-map.js";
import type { Position } from "./distance.js";
import { FacilityCard } from "./facility-card.js";

export interface FacilityMapProps {
  places: { item: Facility; metres?: number }[];
  /** The person's position, when they shared it: drawn on this phone, never sent. */
  position?: Position;
  locale: string;
  /** The level of the districts whose outlines make the basemap. */
  level: number;
  /** A tile server the administrator configured (setting `mapTiles`), or none. */
  tiles: PublicConfig["map"];
  /** No area chosen and no position: the whole country is framed, not just its places. */
  wholeCountry: boolean;
}

interface Layers {
  map: L.Map;
  outlines: L.GeoJSON;
  names: L.LayerGroup;
  pins: L.LayerGroup;
  you: L.LayerGroup;
}

/** With the person's position, the map opens on them and this many of the nearest places. */
const NEAREST_FRAMED = 5;

/** Pins closer than this hide each other: choosing one shows the cards of all of them. */
const PIN_OVERLAP_PX = 14;

/** A pin drawn in the page (no image file, nothing fetched). */
const pinHtml =
  '<svg viewBox="0 0 28 36" width="28" height="36" aria-hidden="true" focusable="false">' +
  '<path d="M14 1C6.8 1 1 6.6 1 13.6 1 23 14 35 14 35s13-12 13-21.4C27 6.6 21.2 1 14 1z"/>' +
  '<circle cx="14" cy="13.5" r="5"/></svg>';

/** Plain text for Leaflet's attribution, which takes HTML. */
const escapeHtml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * Near Me's map (issue 17 item 2), loaded only when the person chooses it. The basemap is the country's own district
 * outlines (getAreaBoundaries), so nothing is fetched from elsewhere, unless the administrator configured a tile
 * server. Each place is a pin that is a button with the place's name: choosing it (tap, click, Enter or Space) shows
 * the same card as the list, below the map, and moves focus there. The list view carries the same places as text.
 */
export function FacilityMap(props: FacilityMapProps) {
  const t = useT("app");
  const el = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const [layers, setLayers] = useState<Layers | null>(null);
  const [outlinesFailed, setOutlinesFailed] = useState(false);
  // The pin chosen first, then any place whose pin it covers (two services in one building share a spot).
  const [chosenIds, setChosenIds] = useState<string[]>([]);
  const [focusCard, setFocusCard] = useState(0);
  const markers = useRef(new Map<string, L.Marker>());
  const { tileUrl, attribution } = props.tiles;
  const { config } = useConfig();
  // The whole country (or no place at all): the country's outline frames the map, not its places.
  const frameCountry = useRef(false);
  frameCountry.current = props.wholeCountry || props.places.length === 0;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const { map, dispose } = createVectorMap(node, {
      label: t("nearMe.mapLabel"),
      zoomIn: t("nearMe.zoomIn"),
      zoomOut: t("nearMe.zoomOut"),
    });
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 19, referrerPolicy: "no-referrer" }).addTo(map);
      if (attribution) L.control.attribution({ prefix: false }).addAttribution(escapeHtml(attribution)).addTo(map);
    }
    const outlines = L.geoJSON(undefined, {
      interactive: false,
      style: {
        weight: 1,
        color: "#6b7b86",
        fillColor: "#f4f1e8",
        // Over tiles the outlines are only lines; alone they are the land.
        fillOpacity: tileUrl ? 0 : 1,
      },
    }).addTo(map);
    // District names under the pins (the marker pane is 600): to find one's way without tiles. Screen readers skip
    // them; the list and the pins' names carry what matters.
    map.createPane("districtNames").style.zIndex = "450";
    map.getPane("districtNames")?.setAttribute("aria-hidden", "true");
    const names = L.layerGroup().addTo(map);
    const pins = L.layerGroup().addTo(map);
    const you = L.layerGroup().addTo(map);
    setLayers({ map, outlines, names, pins, you });
    return dispose;
  }, [t, tileUrl, attribution]);

  // The district outlines and names: the basemap.
  useEffect(() => {
    if (!layers) return;
    let live = true;
    const nameOf = new Map((config?.areas ?? []).map((a) => [a.id, a.name]));
    fetchBoundaries(props.level).then(
      (b) => {
        if (!live) return;
        layers.outlines.clearLayers();
        layers.names.clearLayers();
        layers.outlines.addData({ type: "FeatureCollection", features: b.features } as GeoJSON.FeatureCollection);
        layers.outlines.bringToBack();
        layers.outlines.eachLayer((l) => {
          const shape = l as L.Polygon & { feature?: GeoJSON.Feature };
          const name = nameOf.get(String(shape.feature?.properties?.id ?? ""));
          if (!name) return;
          const text = document.createElement("span");
          text.textContent = name;
          L.marker(shape.getBounds().getCenter(), {
            pane: "districtNames",
            interactive: false,
            keyboard: false,
            icon: L.divIcon({ className: "district-name", html: text, iconSize: undefined }),
          }).addTo(layers.names);
        });
        setOutlinesFailed(false);
        const country = layers.outlines.getBounds();
        if (frameCountry.current && country.isValid()) layers.map.fitBounds(country);
      },
      () => live && setOutlinesFailed(true),
    );
    return () => {
      live = false;
    };
  }, [layers, props.level, config]);

  // The places: one pin each, framed together with the person's position.
  const ids = props.places.map((p) => p.item.id).join();
  const chosen = chosenIds.flatMap((id) => props.places.filter((p) => p.item.id === id));
  const firstChosen = chosen[0]?.item.id;
  // Framed again only when the set of places changes (ids), not on every render.
  useEffect(() => {
    if (!layers) return;
    layers.pins.clearLayers();
    markers.current.clear();
    for (const { item } of props.places) {
      const marker = L.marker([item.lat, item.lng], {
        keyboard: true,
        title: item.name,
        riseOnHover: true,
        icon: L.divIcon({ className: "facility-pin", html: pinHtml, iconSize: [28, 36], iconAnchor: [14, 35] }),
      });
      const choose = () => {
        const at = layers.map.latLngToContainerPoint([item.lat, item.lng]);
        const under = props.places
          .filter((p) => p.item.id !== item.id)
          .filter((p) => layers.map.latLngToContainerPoint([p.item.lat, p.item.lng]).distanceTo(at) < PIN_OVERLAP_PX)
          .map((p) => p.item.id);
        setChosenIds([item.id, ...under]);
        setFocusCard((n) => n + 1);
      };
      marker.on("click", choose);
      marker.on("add", () => {
        const icon = marker.getElement();
        if (!icon) return;
        icon.setAttribute("aria-label", `${item.name}, ${t(`nearMe.types.${item.type}`)}`);
        icon.addEventListener("keydown", (e) => {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          choose();
        });
      });
      marker.addTo(layers.pins);
      markers.current.set(item.id, marker);
    }
    // With the person's position (places nearest first), the person and the nearest few; else every place.
    const framed = props.position ? props.places.slice(0, NEAREST_FRAMED) : props.places;
    const points = framed.map(({ item }) => L.latLng(item.lat, item.lng));
    if (props.position) points.push(L.latLng(props.position.lat, props.position.lng));
    const country = layers.outlines.getBounds();
    if (frameCountry.current && country.isValid()) layers.map.fitBounds(country);
    // The pins stand 36 px above their point: more room at the top.
    else if (points.length)
      layers.map.fitBounds(L.latLngBounds(points), {
        paddingTopLeft: [24, 44],
        paddingBottomRight: [24, 16],
        maxZoom: 15,
      });
    else if (!country.isValid()) layers.map.setView([0, 0], 2);
  }, [layers, ids, t]);

  // The chosen pin stands out.
  useEffect(() => {
    if (!layers) return;
    for (const [id, marker] of markers.current) {
      const on = id === firstChosen;
      marker.getElement()?.classList.toggle("facility-pin--chosen", on);
      marker.setZIndexOffset(on ? 1000 : 0);
    }
  }, [layers, firstChosen, ids]);

  // The person: a dot, drawn here only.
  useEffect(() => {
    if (!layers) return;
    layers.you.clearLayers();
    if (!props.position) return;
    const at = L.latLng(props.position.lat, props.position.lng);
    L.circleMarker(at, { radius: 14, stroke: false, fillColor: "#1565c0", fillOpacity: 0.2, interactive: false }).addTo(
      layers.you,
    );
    L.circleMarker(at, {
      radius: 7,
      color: "#ffffff",
      weight: 2,
      fillColor: "#1565c0",
      fillOpacity: 1,
      interactive: false,
    }).addTo(layers.you);
  }, [layers, props.position]);

  useEffect(() => {
    if (focusCard) cardRef.current?.focus();
  }, [focusCard]);

  return (
    <div class="facility-map-view">
      <div ref={el} class="facility-map" translate={false} aria-describedby="facility-map-note" />
      <p class="facility-map__note" id="facility-map-note">
        {props.position && (
          <>
            <span class="facility-map__you" aria-hidden="true" /> {t("nearMe.youOnMap")}{" "}
          </>
        )}
        {t("nearMe.mapNote")}
      </p>
      {outlinesFailed && <p class="notice">{t("nearMe.outlinesFailed")}</p>}
      <div ref={cardRef} class="facility-map__choice" tabIndex={-1}>
        {chosen.map((p) => (
          <FacilityCard key={p.item.id} facility={p.item} locale={props.locale} metres={p.metres} />
        ))}
      </div>
    </div>
  );
}
