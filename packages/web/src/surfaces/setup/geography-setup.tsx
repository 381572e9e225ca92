import type { AreaImportProblem, FacilityImportProblem, ImportAreasBody, SetupFacility } from "@openclm/contracts";
// Values from the constants entry only: the package root would bring zod (and its eval probe, refused by the CSP).
import { AREA_IMPORT_MAX_BYTES, FACILITY_IMPORT_MAX_BYTES } from "@openclm/contracts/constants";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { forgetPublicConfig, useConfig } from "../../api/public-config.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { usePreviewMap } from "./area-editor.js";
import { FacilityEditor } from "./facility-editor.js";
import { FileRefused, geographyApi } from "./geography-setup-api.js";
import { useSetupList } from "./use-setup-list.js";

type Translate = ReturnType<typeof useT<"setup">>;

/**
 * The two steps every file import takes: check (a dry run that lists every problem, or what would change), then
 * apply the same file. Choosing another file starts again.
 */
export function useFileImport<P, R>(
  run: (file: string, dryRun: boolean) => Promise<R>,
  maxBytes: number,
  read: (file: File) => Promise<string> = (file) => file.text(),
) {
  const [text, setText] = useState<string | null>(null);
  const [checked, setChecked] = useState<R | null>(null);
  const [applied, setApplied] = useState<R | null>(null);
  const [problems, setProblems] = useState<P[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setChecked(null);
    setApplied(null);
    setProblems([]);
    setError(null);
    setText(null);
    if (!file) return;
    if (file.size > maxBytes) {
      setError(new ApiError(413, "PAYLOAD_TOO_LARGE", "file too large"));
      return;
    }
    setText(await read(file));
  };
  const go = async (dryRun: boolean) => {
    if (text === null) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const result = await run(text, dryRun);
      if (dryRun) setChecked(result);
      else {
        setApplied(result);
        setChecked(null);
      }
    } catch (err) {
      setError(err);
      setChecked(null);
      if (err instanceof FileRefused) setProblems(err.problems as P[]);
    } finally {
      setBusy(false);
    }
  };
  return { text, choose, check: () => go(true), apply: () => go(false), checked, applied, problems, error, busy };
}

function FileField(props: { id: string; label: string; hint: string; accept: string; onChoose(f?: File): void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => void props.onChoose((e.currentTarget as HTMLInputElement).files?.[0])}
      />
    </div>
  );
}

function ProblemList(props: { label: string; items: string[] }) {
  if (!props.items.length) return null;
  return (
    <div class="import-problems">
      <h4>{props.label}</h4>
      <ul class="csv-problems">
        {props.items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

function ImportButtons(props: {
  canCheck: boolean;
  canApply: boolean;
  busy: boolean;
  onCheck(): void;
  onApply(): void;
}) {
  const t = useT("setup");
  return (
    <div class="button-row">
      <button
        type="button"
        class="button button--secondary"
        disabled={!props.canCheck || props.busy}
        onClick={props.onCheck}
      >
        {t("imports.check")}
      </button>
      <button type="button" class="button" disabled={!props.canApply || props.busy} onClick={props.onApply}>
        {t("imports.apply")}
      </button>
    </div>
  );
}

/** A file import's controls: the file, check and import, the refusal with every problem, and what was done. */
export function ImportControls<P, R>(props: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  flow: ReturnType<typeof useFileImport<P, R>>;
  problemText(p: P): string;
  /** What the check found, or the import did (empty before either). */
  summary: string;
}) {
  const t = useT("setup");
  const { flow } = props;
  return (
    <>
      <FileField
        id={props.id}
        label={props.label}
        hint={props.hint}
        accept={props.accept}
        onChoose={(file) => void flow.choose(file)}
      />
      <ImportButtons
        canCheck={flow.text !== null}
        canApply={!!flow.checked}
        busy={flow.busy}
        onCheck={() => void flow.check()}
        onApply={() => void flow.apply()}
      />
      <FormError error={flow.error} />
      <ProblemList label={t("imports.problemsLabel")} items={flow.problems.map(props.problemText)} />
      <p role="status" class="status-line">
        {props.summary}
      </p>
    </>
  );
}

function areaProblemText(t: Translate, p: AreaImportProblem): string {
  const problem = t(`geography.problems.${p.problem}`);
  if (p.index < 0) return t("geography.fileProblem", { problem });
  if (p.row !== undefined) return t("geography.rowProblem", { row: p.row, code: p.code ?? "—", problem });
  return t("geography.featureProblem", { index: p.index, code: p.code ?? "—", problem });
}

/** Reads the chosen file as the body importAreas takes: CSV by its extension, GeoJSON otherwise. */
function areasBody(text: string, csv: boolean, dryRun: boolean): ImportAreasBody {
  if (csv) return { format: "csv", data: text, dryRun };
  return { format: "geojson", data: JSON.parse(text), dryRun };
}

function parsedCollection(text: string | null): GeoJSON.FeatureCollection | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text);
    return data?.type === "FeatureCollection" && Array.isArray(data.features) ? data : null;
  } catch {
    return null;
  }
}

/** Geography (country admin with a country-wide scope): load or re-load the areas from GeoJSON or CSV. */
export function GeographySetup() {
  const t = useT("setup");
  const id = useId();
  const [csv, setCsv] = useState(false);
  const flow = useFileImport<AreaImportProblem, Awaited<ReturnType<typeof geographyApi.importAreas>>>(
    (text, dryRun) => geographyApi.importAreas(areasBody(text, csv, dryRun)),
    AREA_IMPORT_MAX_BYTES,
  );
  const collection = csv ? null : parsedCollection(flow.text);
  const PreviewMap = usePreviewMap(!!collection);
  const summary = flow.checked ?? flow.applied;
  const { retry } = useConfig();
  // Area pickers elsewhere in Set-up read the public config: fetch it again once the areas changed.
  useEffect(() => {
    if (!flow.applied) return;
    forgetPublicConfig();
    retry();
  }, [flow.applied]);

  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("geography.importTitle")}</h2>
      <p>{t("geography.intro")}</p>
      <FileField
        id={`${id}-file`}
        label={t("geography.file")}
        hint={t("geography.fileHint")}
        accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv"
        onChoose={(file) => {
          const isCsv = !!file && /\.csv$/i.test(file.name);
          setCsv(isCsv);
          void flow.choose(file);
        }}
      />
      {flow.text !== null && !csv && !collection && (
        <p class="form-error" role="alert">
          {t("geography.notGeoJson")}
        </p>
      )}
      {collection && <p class="muted">{t("geography.features", { count: collection.features.length })}</p>}
      {collection && PreviewMap && <PreviewMap data={collection} label={t("geography.mapLabel")} />}
      <ImportButtons
        canCheck={flow.text !== null && (csv || !!collection)}
        canApply={!!flow.checked}
        busy={flow.busy}
        onCheck={() => void flow.check()}
        onApply={() => void flow.apply()}
      />
      <FormError error={flow.error} />
      <ProblemList label={t("imports.problemsLabel")} items={flow.problems.map((p) => areaProblemText(t, p))} />
      <p role="status" class="status-line">
        {summary &&
          t(flow.applied ? "geography.applied" : "geography.checked", {
            created: summary.created,
            updated: summary.updated,
            retired: summary.retired,
            facilitiesRetired: summary.facilitiesRetired,
          })}
      </p>
    </section>
  );
}

function facilityProblemText(t: Translate, p: FacilityImportProblem): string {
  const problem = t(`facilities.problems.${p.problem}`);
  return p.column
    ? t("facilities.rowColumnProblem", { row: p.row, column: p.column, problem })
    : t("facilities.rowProblem", { row: p.row, problem });
}

/** Facilities (Near Me): import and export a CSV, and retire or bring back a facility. */
export function FacilitiesSetup() {
  const t = useT("setup");
  const id = useId();
  const lang = useLanguage();
  const load = useCallback(async () => (await geographyApi.listFacilities(lang)).items, [lang]);
  const list = useSetupList<SetupFacility>(load);
  const flow = useFileImport<FacilityImportProblem, Awaited<ReturnType<typeof geographyApi.importFacilities>>>(
    (text, dryRun) => geographyApi.importFacilities(text, dryRun),
    FACILITY_IMPORT_MAX_BYTES,
  );
  useEffect(() => {
    if (flow.applied) void list.reload();
  }, [flow.applied]);
  const toggle = (f: SetupFacility) =>
    list.removeThen(
      () => geographyApi.setActive(f.id, !f.active),
      t(f.active ? "facilities.retired" : "facilities.activated", { name: f.name }),
    );
  const summary = flow.checked ?? flow.applied;
  // The facility being edited: its id, "new" for one being created, null when the editor is closed.
  const [editing, setEditing] = useState<string | null>(null);
  const edited = (saved: { name: string } | null) => {
    setEditing(null);
    if (!saved) return;
    list.setStatus(t("facilities.editor.saved", { name: saved.name }));
    void list.reload();
  };

  return (
    <section class="setup-section">
      <p>{t("facilities.intro")}</p>
      <ImportControls
        id={`${id}-file`}
        label={t("facilities.file")}
        hint={t("facilities.fileHint")}
        accept=".csv,text/csv"
        flow={flow}
        problemText={(p) => facilityProblemText(t, p)}
        summary={
          summary
            ? t(flow.applied ? "facilities.applied" : "facilities.checked", {
                created: summary.created,
                updated: summary.updated,
              })
            : ""
        }
      />
      <p>
        <a class="button button--secondary" href={geographyApi.exportUrl()} download="facilities.csv">
          {t("facilities.export")}
        </a>
      </p>
      <h2>{t("facilities.listTitle")}</h2>
      {editing ? (
        <FacilityEditor key={editing} id={editing === "new" ? null : editing} onDone={edited} />
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setEditing("new")}>
            {t("facilities.editor.new")}
          </button>
        </p>
      )}
      <p role="status" class="status-line">
        {list.status}
      </p>
      <FormError error={list.error} />
      {list.items && list.items.length === 0 && <p class="muted">{t("facilities.none")}</p>}
      {list.items && list.items.length > 0 && (
        <div class="table-scroll">
          <table class="facility-table">
            <caption class="visually-hidden">{t("facilities.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("facilities.code")}</th>
                <th scope="col">{t("facilities.name")}</th>
                <th scope="col">{t("facilities.district")}</th>
                <th scope="col">{t("facilities.status")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("facilities.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((f) => (
                <tr key={f.id}>
                  <td>{f.code}</td>
                  <td>{f.name}</td>
                  <td>{f.districtCode}</td>
                  <td>{t(f.active ? "facilities.active" : "facilities.inactive")}</td>
                  <td class="facility-actions">
                    <button
                      type="button"
                      class="button button--secondary"
                      aria-label={t("facilities.editor.editFor", { name: f.name })}
                      onClick={() => setEditing(f.id)}
                    >
                      {t("facilities.editor.edit")}
                    </button>
                    <button
                      type="button"
                      class="button button--secondary"
                      aria-label={t(f.active ? "facilities.retireFor" : "facilities.activateFor", { name: f.name })}
                      onClick={() => void toggle(f)}
                    >
                      {t(f.active ? "facilities.retire" : "facilities.activate")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
