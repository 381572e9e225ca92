import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { loadOnce } from "../../shared/load-once.js";
import type { DistrictMapProps } from "./district-map.js";
import { whenNearScreen } from "./near-screen.js";

const loadMap = loadOnce(() => import("./district-map.js").then((m) => m.DistrictMap));

/**
 * The district map, with Leaflet (its own chunk, `dashboard-map`) fetched only when the map comes near the screen:
 * a phone that reads the headline figures and the first chart does not pay for a map it never scrolls to.
 */
export function DistrictMapWhenVisible(props: DistrictMapProps) {
  const t = useT("dashboard");
  const holder = useRef<HTMLDivElement>(null);
  const [Loaded, setLoaded] = useState<ComponentType<DistrictMapProps> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const node = holder.current;
    if (!node || Loaded) return;
    return whenNearScreen(node, () =>
      loadMap().then(
        (component) => setLoaded(() => component),
        () => setFailed(true),
      ),
    );
  }, [Loaded]);

  if (Loaded) return <Loaded {...props} />;
  return (
    <div ref={holder} class="district-map">
      {failed && <p class="notice">{t("map.loadFailed")}</p>}
    </div>
  );
}
