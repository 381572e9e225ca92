import type { AreaEditProblem, SetupArea } from "@openclm/contracts";
import type { ComponentType } from "preact";
import { useEffect, useId, useState } from "preact/hooks";
import { forgetPublicConfig, useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { useMe } from "../staff/session-store.js";
import { areasInScope, areasInTreeOrder } from "./area-tree.js";
import { FileRefused, geographyApi } from "./geography-setup-api.js";

type PreviewMap = ComponentType<{ data: GeoJSON.FeatureCollection; label: string }>;

/** The geometry of a chosen file: a bare Polygon/MultiPolygon, a Feature, or a FeatureCollection of one Feature. */
export function geometryOfFile(text: string): GeoJSON.Geometry | null {
  try {
    const data = JSON.parse(text);
    const geometry =
      data?.type === "FeatureCollection" && data.features?.length === 1
        ? data.features[0]?.geometry
        : data?.type === "Feature"
          ? data.geometry
          : data;
    return geometry?.type === "Polygon" || geometry?.type === "MultiPolygon" ? geometry : null;
  } catch {
    return null;
  }
}

/** The boundary map, loaded only once there is something to draw (Set-up does not carry Leaflet otherwise). */
export function usePreviewMap(wanted: boolean): PreviewMap | null {
  const [Loaded, setLoaded] = useState<PreviewMap | null>(null);
  useEffect(() => {
    if (wanted && !Loaded) void import("./area-preview-map.js").then((m) => setLoaded(() => m.default));
  }, [wanted, Loaded]);
  return Loaded;
}

/**
 * Edit one area (issue 13 item 3): pick it (search, then a list in tree order, only areas in the caller's scope),
 * then its names in every language, population, and boundary from a GeoJSON file of just this area, previewed on the
 * map before saving. The server checks the boundary as an import does; problems are shown by field.
 */
export function AreaEditor() {
  const t = useT("setup");
  const id = useId();
  const me = useMe();
  const { config, retry } = useConfig();
  const languages = config?.languages ?? [];
  const [search, setSearch] = useState("");
  const [areaId, setAreaId] = useState("");
  const [area, setArea] = useState<SetupArea | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [population, setPopulation] = useState("");
  const [boundary, setBoundary] = useState<GeoJSON.Geometry | undefined>(undefined);
  const [fileBad, setFileBad] = useState(false);
  const [problems, setProblems] = useState<AreaEditProblem[]>([]);
  const [saved, setSaved] = useState("");
  const load = useAction();
  const save = useAction();
  const shown = boundary ?? (area?.boundary as GeoJSON.Geometry | null | undefined) ?? null;
  const Preview = usePreviewMap(!!shown);

  const needle = search.trim().toLowerCase();
  const choices = areasInTreeOrder(areasInScope(config?.areas ?? [], me.scope)).filter(
    (a) => a.id === areaId || !needle || a.name.toLowerCase().includes(needle) || a.code.toLowerCase().includes(needle),
  );

  const open = (next: string) => {
    setAreaId(next);
    setArea(null);
    setBoundary(undefined);
    setFileBad(false);
    setProblems([]);
    setSaved("");
    if (!next) return;
    void load.run(async () => {
      const a = await geographyApi.getArea(next);
      setArea(a);
      setNames(a.names);
      setPopulation(a.population === null ? "" : String(a.population));
    });
  };
  const chooseFile = async (file: File | undefined) => {
    setBoundary(undefined);
    setFileBad(false);
    if (!file) return;
    const geometry = geometryOfFile(await file.text());
    if (geometry) setBoundary(geometry);
    else setFileBad(true);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!area) return;
    setProblems([]);
    setSaved("");
    void save.run(async () => {
      try {
        const next = await geographyApi.updateArea(area.id, {
          names,
          population: population.trim() === "" ? null : Number(population),
          ...(boundary ? { boundary } : {}),
        });
        setArea(next);
        setBoundary(undefined);
        setSaved(t("areaEditor.saved", { code: next.code }));
        // Area names elsewhere in Set-up and the report flow come from the public config.
        forgetPublicConfig();
        retry();
      } catch (err) {
        if (err instanceof FileRefused) setProblems(err.problems as AreaEditProblem[]);
        throw err;
      }
    });
  };
  const problemText = (p: AreaEditProblem) => {
    const lang = p.field.startsWith("names.") ? p.field.slice(6) : null;
    const where = lang
      ? t("areaEditor.nameIn", { language: languages.find((l) => l.code === lang)?.name ?? lang })
      : t(p.field === "boundary" ? "areaEditor.boundary" : "areaEditor.population");
    return `${where}: ${t(`geography.problems.${p.problem}`)}`;
  };

  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("areaEditor.title")}</h2>
      <p>{t("areaEditor.intro")}</p>
      <div class="area-editor__pick">
        <div class="field">
          <label for={`${id}-search`}>{t("areaEditor.search")}</label>
          <input id={`${id}-search`} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-area`}>{t("areaEditor.area")}</label>
          <select id={`${id}-area`} value={areaId} onChange={(e) => open(e.currentTarget.value)}>
            <option value="">{t("areaEditor.choose")}</option>
            {choices.map((a) => (
              <option key={a.id} value={a.id}>
                {`${"\u2003".repeat(a.level)}${a.name} (${a.code})`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={load.error} />
      {area && (
        <form onSubmit={submit} noValidate>
          <div class="facility-editor__grid">
            {languages.map((l) => (
              <div class="field" key={l.code}>
                <label for={`${id}-name-${l.code}`}>{t("areaEditor.nameIn", { language: l.name })}</label>
                <input
                  id={`${id}-name-${l.code}`}
                  lang={l.code}
                  dir={l.dir}
                  value={names[l.code] ?? ""}
                  onInput={(e) => setNames({ ...names, [l.code]: e.currentTarget.value })}
                />
              </div>
            ))}
            <div class="field">
              <label for={`${id}-population`}>{t("areaEditor.population")}</label>
              <p class="hint" id={`${id}-population-hint`}>
                {t("areaEditor.populationHint")}
              </p>
              <input
                id={`${id}-population`}
                inputMode="numeric"
                aria-describedby={`${id}-population-hint`}
                value={population}
                onInput={(e) => setPopulation(e.currentTarget.value)}
              />
            </div>
          </div>
          <div class="field">
            <label for={`${id}-file`}>{t("areaEditor.boundaryFile")}</label>
            <p class="hint" id={`${id}-file-hint`}>
              {t("areaEditor.boundaryHint")}
            </p>
            <input
              id={`${id}-file`}
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              aria-describedby={`${id}-file-hint`}
              onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
            />
          </div>
          {fileBad && (
            <p class="form-error" role="alert">
              {t("areaEditor.notGeometry")}
            </p>
          )}
          <p class="muted">
            {shown ? t(boundary ? "areaEditor.newBoundary" : "areaEditor.currentBoundary") : t("areaEditor.noBoundary")}
          </p>
          {shown && Preview && (
            <Preview
              data={{
                type: "FeatureCollection",
                features: [{ type: "Feature", properties: { code: area.code, level: 1 }, geometry: shown }],
              }}
              label={t("areaEditor.mapLabel", { code: area.code })}
            />
          )}
          {problems.length > 0 && (
            <ul class="csv-problems" aria-label={t("areaEditor.problemsLabel")}>
              {problems.map((p) => (
                <li key={p.field}>{problemText(p)}</li>
              ))}
            </ul>
          )}
          <FormError error={save.error} />
          <div class="button-row">
            <button type="submit" class="button" disabled={save.busy}>
              {t("areaEditor.save")}
            </button>
          </div>
        </form>
      )}
      <p role="status" class="status-line">
        {saved}
      </p>
    </section>
  );
}
