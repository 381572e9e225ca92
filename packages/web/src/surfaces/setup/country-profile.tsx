import "./country-profile.css";
import type { CountryProfile, UpdateCountryProfileInput } from "@openclm/contracts";
import {
  brandContrast,
  LOGO_MAX_BYTES,
  logoContentTypes,
  MIN_BRAND_CONTRAST,
  type ModuleCode,
  moduleCodes,
} from "@openclm/contracts/constants";
import { useEffect, useState } from "preact/hooks";
import { forgetPublicConfig, useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { useMe } from "../staff/session-store.js";
import { countryApi } from "./country-api.js";

type Draft = Required<Omit<UpdateCountryProfileInput, "modules">> & { modules: Record<ModuleCode, boolean> };

function draftOf(p: CountryProfile): Draft {
  return {
    names: { ...p.names },
    code: p.code,
    timeZone: p.timeZone,
    defaultLanguage: p.defaultLanguage,
    offeredLanguages: [...p.offeredLanguages],
    platformName: p.platformName,
    colours: { brand: p.colours.brand, brandStrong: p.colours.brandStrong },
    modules: { ...p.modules },
  };
}

/** The time zones this browser knows (IANA), UTC first. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...known])];
}

/** /setup/profile — the country's name, code and phone plan, time zone, languages, branding and modules. */
export function CountryProfilePage() {
  const t = useT("setup");
  // The profile is the whole country's: a region's administrator reads it (the server refuses their changes).
  const readOnly = useMe().scope.type !== "country";
  const [profile, setProfile] = useState<CountryProfile | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const load = () =>
    countryApi.profile().then(
      (p) => {
        setProfile(p);
        setLoadError(null);
      },
      (err: unknown) => setLoadError(err as Error),
    );
  useEffect(() => {
    void load();
  }, []);

  return (
    <>
      <p>
        <a href="/setup">{t("profile.back")}</a>
      </p>
      <p class="lead">{t("profile.intro")}</p>
      {readOnly && <p class="panel panel--notice">{t("profile.countryScopeOnly")}</p>}
      {loadError ? <Problem error={loadError} onRetry={() => void load()} /> : null}
      {profile && <ProfileForm profile={profile} onSaved={setProfile} readOnly={readOnly} />}
      {profile && !readOnly && <LogoUpload profile={profile} onUploaded={() => void load()} />}
    </>
  );
}

function ProfileForm(props: { profile: CountryProfile; onSaved: (p: CountryProfile) => void; readOnly: boolean }) {
  const t = useT("setup");
  const { retry } = useConfig();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.profile));
  const [status, setStatus] = useState("");
  const save = useAction();
  const set = (patch: Partial<Draft>) => {
    setStatus("");
    setDraft((d) => ({ ...d, ...patch }));
  };
  const languages = props.profile.configuredLanguages;

  const submit = (e: Event) => {
    e.preventDefault();
    void save.run(async () => {
      const names = Object.fromEntries(Object.entries(draft.names).filter(([, v]) => v.trim() !== ""));
      const { code, ...rest } = draft;
      const saved = await countryApi.update({ ...rest, names, ...(code.trim() ? { code: code.trim() } : {}) });
      props.onSaved(saved);
      forgetPublicConfig();
      retry();
      setStatus(t("profile.saved"));
    });
  };

  const toggleOffered = (code: string, on: boolean) => {
    const offered = on ? [...draft.offeredLanguages, code] : draft.offeredLanguages.filter((c) => c !== code);
    set({
      offeredLanguages: offered,
      defaultLanguage: offered.includes(draft.defaultLanguage) ? draft.defaultLanguage : (offered[0] ?? ""),
    });
  };

  return (
    <form class="profile-form staff-form" onSubmit={submit} noValidate>
      <fieldset class="profile-group" disabled={props.readOnly}>
        <legend>{t("profile.country")}</legend>
        {languages.map((l) => (
          <label key={l.code} class="field">
            <span>{t("profile.nameIn", { language: l.name })}</span>
            <input
              type="text"
              lang={l.code}
              dir={l.dir}
              maxLength={120}
              value={draft.names[l.code] ?? ""}
              onInput={(e) => set({ names: { ...draft.names, [l.code]: e.currentTarget.value } })}
            />
          </label>
        ))}
        <label class="field">
          <span>{t("profile.code")}</span>
          <input
            type="text"
            class="input--short"
            maxLength={2}
            autoCapitalize="characters"
            aria-describedby="profile-code-hint"
            value={draft.code}
            onInput={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
          />
          <span class="hint" id="profile-code-hint">
            {props.profile.callingCode
              ? t("profile.codeHintCalling", { calling: props.profile.callingCode })
              : t("profile.codeHint")}
          </span>
        </label>
        <label class="field">
          <span>{t("profile.timeZone")}</span>
          <select value={draft.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })}>
            {timeZones(draft.timeZone).map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset class="profile-group" disabled={props.readOnly} id="languages">
        <legend>{t("profile.languages")}</legend>
        <p class="hint">{t("profile.languagesHint")}</p>
        {languages.map((l) => (
          <label key={l.code} class="check">
            <input
              type="checkbox"
              checked={draft.offeredLanguages.includes(l.code)}
              onChange={(e) => toggleOffered(l.code, e.currentTarget.checked)}
            />
            <span lang={l.code}>{l.name}</span>
          </label>
        ))}
        <label class="field">
          <span>{t("profile.defaultLanguage")}</span>
          <select value={draft.defaultLanguage} onChange={(e) => set({ defaultLanguage: e.currentTarget.value })}>
            {languages
              .filter((l) => draft.offeredLanguages.includes(l.code))
              .map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
          </select>
        </label>
      </fieldset>

      <fieldset class="profile-group" disabled={props.readOnly}>
        <legend>{t("profile.branding")}</legend>
        <label class="field">
          <span>{t("profile.platformName")}</span>
          <input
            type="text"
            maxLength={60}
            value={draft.platformName}
            onInput={(e) => set({ platformName: e.currentTarget.value })}
          />
        </label>
        <ColourField
          label={t("profile.brand")}
          value={draft.colours.brand}
          brand={draft.colours.brand}
          onChange={(brand) => set({ colours: { ...draft.colours, brand } })}
        />
        <ColourField
          label={t("profile.brandStrong")}
          value={draft.colours.brandStrong}
          brand={draft.colours.brand}
          onChange={(brandStrong) => set({ colours: { ...draft.colours, brandStrong } })}
        />
      </fieldset>

      <fieldset class="profile-group" disabled={props.readOnly}>
        <legend>{t("profile.modules")}</legend>
        <p class="hint">{t("profile.modulesHint")}</p>
        {moduleCodes.map((m) => (
          <label key={m} class="check">
            <input
              type="checkbox"
              checked={draft.modules[m]}
              onChange={(e) => set({ modules: { ...draft.modules, [m]: e.currentTarget.checked } })}
            />
            <span>{t(`profile.module.${m}`)}</span>
          </label>
        ))}
      </fieldset>

      <FormError error={save.error} />
      <p role="status" class="status-line">
        {status}
      </p>
      {!props.readOnly && (
        <button type="submit" class="button" disabled={save.busy}>
          {save.busy ? t("profile.saving") : t("profile.save")}
        </button>
      )}
    </form>
  );
}

/** A colour picker that says at once whether the colour is readable (the server checks the same rule). */
function ColourField(props: { label: string; value: string; brand: string; onChange: (value: string) => void }) {
  const t = useT("setup");
  const ratio = brandContrast(props.value, props.brand);
  const ok = ratio >= MIN_BRAND_CONTRAST;
  const id = `colour-${props.label.replace(/\W+/g, "-")}`;
  return (
    <div class="field colour-field">
      <label for={id}>{props.label}</label>
      <div class="colour-field__row">
        <input id={id} type="color" value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />
        <span class="colour-field__sample" style={{ background: props.value }}>
          {t("profile.sample")}
        </span>
      </div>
      <span class={ok ? "hint" : "form-error"}>
        {t(ok ? "profile.contrastOk" : "profile.contrastLow", {
          ratio: ratio.toFixed(1),
          minimum: MIN_BRAND_CONTRAST,
        })}
      </span>
    </div>
  );
}

function LogoUpload(props: { profile: CountryProfile; onUploaded: () => void }) {
  const t = useT("setup");
  const { retry } = useConfig();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState("");
  const [status, setStatus] = useState("");
  const upload = useAction();
  const logo = props.profile.logo;

  const choose = (f: File | null) => {
    setStatus("");
    setFile(null);
    if (!f) return setProblem("");
    if (!(logoContentTypes as readonly string[]).includes(f.type)) return setProblem(t("profile.logoType"));
    if (f.size > LOGO_MAX_BYTES) return setProblem(t("profile.logoSize", { kb: LOGO_MAX_BYTES / 1024 }));
    setProblem("");
    setFile(f);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (!file) return;
    void upload.run(async () => {
      await countryApi.uploadLogo(file);
      forgetPublicConfig();
      retry();
      setStatus(t("profile.logoSaved"));
      props.onUploaded();
    });
  };

  return (
    <form class="profile-form staff-form logo-form" onSubmit={submit}>
      <h2>{t("profile.logo")}</h2>
      {logo ? (
        <img class="logo-preview" src={logo.url} alt={t("profile.logoCurrent")} />
      ) : (
        <p>{t("profile.logoNone")}</p>
      )}
      <label class="field">
        <span>{t("profile.logoFile")}</span>
        <input
          type="file"
          accept={logoContentTypes.join(",")}
          aria-describedby="logo-hint"
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
        />
        <span class="hint" id="logo-hint">
          {t("profile.logoHint", { kb: LOGO_MAX_BYTES / 1024 })}
        </span>
      </label>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={upload.error} />
      <p role="status" class="status-line">
        {status}
      </p>
      <button type="submit" class="button" disabled={!file || upload.busy}>
        {t("profile.logoUpload")}
      </button>
    </form>
  );
}
