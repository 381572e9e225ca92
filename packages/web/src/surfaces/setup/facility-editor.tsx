import type { FacilityInput, FacilityType, SetupFacilityDetail } from "@openclm/contracts";
import { facilityTypes } from "@openclm/contracts/constants";
import type { ComponentType } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { apiGet } from "../../api/client.js";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { useMe } from "../staff/session-store.js";
import { areasInScope, areasInTreeOrder, pointInGeometry } from "./area-tree.js";
import { FacilityDesks } from "./facility-desks.js";
import { type FacilityFormProblem, FileRefused, geographyApi } from "./geography-setup-api.js";
import type { PinMapProps } from "./pin-map.js";

interface Form {
  code: string;
  names: Record<string, string>;
  address: Record<string, string>;
  type: FacilityType;
  districtId: string;
  lat: string;
  lng: string;
  phone: string;
  openingHours: string;
  services: string;
}

const emptyForm = (districtId: string): Form => ({
  code: "",
  names: {},
  address: {},
  type: "tb_clinic",
  districtId,
  lat: "",
  lng: "",
  phone: "",
  openingHours: "",
  services: "",
});

const formOf = (f: SetupFacilityDetail): Form => ({
  code: f.code,
  names: f.names,
  address: f.address,
  type: f.type,
  districtId: f.districtId,
  lat: String(f.lat),
  lng: String(f.lng),
  phone: f.phone ?? "",
  openingHours: f.openingHours,
  services: f.services.join("; "),
});

const numberOrNull = (text: string) => (text.trim() === "" || !Number.isFinite(Number(text)) ? null : Number(text));

function bodyOf(form: Form): FacilityInput {
  return {
    code: form.code,
    names: form.names,
    address: form.address,
    type: form.type,
    districtId: form.districtId,
    lat: Number(form.lat),
    lng: Number(form.lng),
    phone: form.phone || null,
    openingHours: form.openingHours,
    services: form.services
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Every district's boundary, fetched once per editor (the pin's landmarks and the "outside" warning). */
function useDistrictShapes(): GeoJSON.FeatureCollection | null {
  const [shapes, setShapes] = useState<GeoJSON.FeatureCollection | null>(null);
  useEffect(() => {
    void apiGet<GeoJSON.FeatureCollection>("/areas/boundaries")
      .then(setShapes)
      .catch(() => setShapes({ type: "FeatureCollection", features: [] }));
  }, []);
  return shapes;
}

function usePinMap() {
  const [PinMap, setPinMap] = useState<ComponentType<PinMapProps> | null>(null);
  useEffect(() => {
    void import("./pin-map.js").then((m) => setPinMap(() => m.default));
  }, []);
  return PinMap;
}

/**
 * One facility created (`id` null) or edited in place: names and addresses per language, type, district, position by
 * pin or by numbers, phone, opening hours and services. The code is fixed once reports name the facility. A pin
 * outside the chosen district's boundary is flagged (not refused: boundaries are simplified, a clinic on the border
 * may rightly sit just outside).
 */
export function FacilityEditor(props: { id: string | null; onDone(saved: SetupFacilityDetail | null): void }) {
  const t = useT("setup");
  const id = useId();
  const me = useMe();
  const { config } = useConfig();
  const languages = config?.languages ?? [];
  const districts = areasInTreeOrder(areasInScope(config?.areas ?? [], me.scope)).filter((a) => a.isLeaf);
  const [form, setForm] = useState<Form | null>(props.id ? null : emptyForm(districts[0]?.id ?? ""));
  const [codeLocked, setCodeLocked] = useState(false);
  const [problems, setProblems] = useState<FacilityFormProblem[]>([]);
  const load = useAction();
  const save = useAction();
  const shapes = useDistrictShapes();
  const PinMap = usePinMap();
  // The editor opens above a list that may be long: bring it into view and tell screen readers where they are.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = form !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  useEffect(() => {
    if (!props.id) return;
    void load.run(async () => {
      const f = await geographyApi.getFacility(props.id!);
      setForm(formOf(f));
      setCodeLocked(f.codeLocked);
    });
  }, [props.id]);

  if (!form) return <FormError error={load.error} />;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const lat = numberOrNull(form.lat);
  const lng = numberOrNull(form.lng);
  const district = shapes?.features.find((f) => f.properties?.id === form.districtId);
  const outside = lat !== null && lng !== null && district ? !pointInGeometry(lng, lat, district.geometry) : false;
  const problemOf = (column: string) => problems.find((p) => p.column === column);
  const field = (column: string, label: string, input: (attrs: Record<string, unknown>) => preact.JSX.Element) => {
    const problem = problemOf(column);
    const fieldId = `${id}-${column.replace(":", "-")}`;
    return (
      <div class="field">
        <label for={fieldId}>{label}</label>
        {input({
          id: fieldId,
          "aria-invalid": problem ? "true" : undefined,
          "aria-describedby": problem ? `${fieldId}-problem` : undefined,
        })}
        {problem && (
          <p class="form-error" id={`${fieldId}-problem`}>
            {t(`facilities.problems.${problem.problem}`)}
          </p>
        )}
      </div>
    );
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setProblems([]);
    const missing = [lat === null && "latitude", lng === null && "longitude"].filter((c): c is string => !!c);
    if (missing.length) {
      setProblems(missing.map((column) => ({ column, problem: "position", message: "" })));
      return;
    }
    void save.run(async () => {
      try {
        props.onDone(await geographyApi.saveFacility(props.id, bodyOf(form)));
      } catch (err) {
        if (err instanceof FileRefused) setProblems(err.problems as FacilityFormProblem[]);
        throw err;
      }
    });
  };

  return (
    <form class="facility-editor" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t(props.id ? "facilities.editor.editTitle" : "facilities.editor.newTitle")}
      </h3>
      <div class="facility-editor__grid">
        {field("code", t("facilities.code"), (a) => (
          <input
            {...a}
            value={form.code}
            disabled={codeLocked}
            autocomplete="off"
            onInput={(e) => set({ code: e.currentTarget.value })}
          />
        ))}
        {codeLocked && <p class="hint">{t("facilities.editor.codeLocked")}</p>}
        {languages.map((l) =>
          field(`name:${l.code}`, t("facilities.editor.nameIn", { language: l.name }), (a) => (
            <input
              {...a}
              lang={l.code}
              dir={l.dir}
              value={form.names[l.code] ?? ""}
              onInput={(e) => set({ names: { ...form.names, [l.code]: e.currentTarget.value } })}
            />
          )),
        )}
        {field("type", t("facilities.editor.type"), (a) => (
          <select {...a} value={form.type} onChange={(e) => set({ type: e.currentTarget.value as FacilityType })}>
            {facilityTypes.map((ft) => (
              <option key={ft} value={ft}>
                {t(`facilities.types.${ft}`)}
              </option>
            ))}
          </select>
        ))}
        {field("district_code", t("facilities.district"), (a) => (
          <select {...a} value={form.districtId} onChange={(e) => set({ districtId: e.currentTarget.value })}>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        ))}
      </div>
      <fieldset class="facility-editor__position">
        <legend>{t("facilities.editor.position")}</legend>
        <p class="hint">{t("facilities.editor.positionHint")}</p>
        {PinMap && shapes && (
          <PinMap
            districts={shapes}
            districtId={form.districtId}
            lat={lat}
            lng={lng}
            label={t("facilities.editor.mapLabel")}
            pinLabel={t("facilities.editor.pin")}
            onPin={(la, ln) => set({ lat: String(la), lng: String(ln) })}
          />
        )}
        <div class="facility-editor__grid">
          {field("latitude", t("facilities.editor.latitude"), (a) => (
            <input {...a} inputMode="decimal" value={form.lat} onInput={(e) => set({ lat: e.currentTarget.value })} />
          ))}
          {field("longitude", t("facilities.editor.longitude"), (a) => (
            <input {...a} inputMode="decimal" value={form.lng} onInput={(e) => set({ lng: e.currentTarget.value })} />
          ))}
        </div>
        <p class="pin-warning" role="status">
          {outside ? t("facilities.editor.outside") : ""}
        </p>
      </fieldset>
      <div class="facility-editor__grid">
        {languages.map((l) =>
          field(`address:${l.code}`, t("facilities.editor.addressIn", { language: l.name }), (a) => (
            <input
              {...a}
              lang={l.code}
              dir={l.dir}
              value={form.address[l.code] ?? ""}
              onInput={(e) => set({ address: { ...form.address, [l.code]: e.currentTarget.value } })}
            />
          )),
        )}
        {field("phone", t("facilities.editor.phone"), (a) => (
          <input {...a} type="tel" value={form.phone} onInput={(e) => set({ phone: e.currentTarget.value })} />
        ))}
        {field("opening_hours", t("facilities.editor.hours"), (a) => (
          <input
            {...a}
            value={form.openingHours}
            placeholder="mon-fri 08:00-16:00; sat 09:00-12:00"
            onInput={(e) => set({ openingHours: e.currentTarget.value })}
          />
        ))}
        {field("services", t("facilities.editor.services"), (a) => (
          <input {...a} value={form.services} onInput={(e) => set({ services: e.currentTarget.value })} />
        ))}
      </div>
      <FormError error={save.error} />
      <div class="button-row">
        <button type="submit" class="button" disabled={save.busy}>
          {t("facilities.editor.save")}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onDone(null)}>
          {t("facilities.editor.cancel")}
        </button>
      </div>
      {props.id && <FacilityDesks facilityId={props.id} />}
    </form>
  );
}
