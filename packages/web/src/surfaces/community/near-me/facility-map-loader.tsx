import "./near-me-map.css";
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import { loadOnce } from "../../../shared/load-once.js";
import type { FacilityMapProps } from "./facility-map.js";

/** Leaflet and the map's code (`facility-map` and the shared `dashboard-map` chunk) come only when the map is chosen. */
const loadMap = loadOnce(() => import("./facility-map.js").then((m) => m.FacilityMap));

/**
 * "List" or "Map": two buttons, the chosen one pressed. The list is the default and the map's text alternative;
 * the choice is kept in the address (`?view=map`).
 */
export function ViewToggle(props: { map: boolean; onChange(map: boolean): void }) {
  const t = useT("app");
  return (
    <fieldset class="view-toggle">
      <legend class="visually-hidden">{t("nearMe.view")}</legend>
      <button type="button" class="view-toggle__button" aria-pressed={!props.map} onClick={() => props.onChange(false)}>
        {t("nearMe.list")}
      </button>
      <button type="button" class="view-toggle__button" aria-pressed={props.map} onClick={() => props.onChange(true)}>
        {t("nearMe.map")}
      </button>
    </fieldset>
  );
}

/** The map once its code has arrived; while it loads, a placeholder of its size; offline and never loaded, a note. */
export function FacilityMapLoader(props: FacilityMapProps) {
  const t = useT("app");
  const [Loaded, setLoaded] = useState<ComponentType<FacilityMapProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadMap().then(
      (component) => live && setLoaded(() => component),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (Loaded) return <Loaded {...props} />;
  return (
    <div class="facility-map facility-map--waiting" aria-busy={!failed}>
      {failed && <p class="notice">{t("nearMe.mapFailed")}</p>}
    </div>
  );
}
