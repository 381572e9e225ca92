import "./languages-setup.css";
import type { ApiResponse } from "@openclm/contracts";
import { useCallback, useId, useRef, useState } from "preact/hooks";
import { apiUrl } from "../../api/client.js";
import { forgetPublicConfig, useConfig } from "../../api/public-config.js";
import { staffApi } from "../../api/staff-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { numberFormat } from "../../shared/intl-format.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { FormError } from "../staff/form-error.js";
import { TranslationEditor } from "./translation-editor.js";

export type SetupLanguage = ApiResponse<"GET /setup/languages">["items"][number];
type Completeness = ApiResponse<"GET /setup/translations/completeness">["items"];

/**
 * /setup/languages (issue 16): the country's languages as data (add one with its own name, direction and fallback
 * chain; it is offered everywhere at once), how complete each is, the translation editor and the translators' files.
 */
export function LanguagesSetup() {
  const t = useT("setup");
  const load = useCallback(
    () =>
      Promise.all([staffApi("GET /setup/languages", {}), staffApi("GET /setup/translations/completeness", {})]).then(
        ([languages, completeness]) => ({ languages: languages.items, completeness: completeness.items }),
      ),
    [],
  );
  const { data: loaded, error, reload } = useLoad(load);
  // While a reload runs (after a save), the page keeps what it showed: the forms keep their state and messages.
  const last = useRef(loaded);
  if (loaded) last.current = loaded;
  const data = loaded ?? last.current;
  if (error) return <Problem error={error} onRetry={reload} />;
  if (!data) return <p aria-busy="true">{t("languages.title")}…</p>;
  return (
    <>
      <p>{t("languages.intro")}</p>
      <LanguageList languages={data.languages} completeness={data.completeness} />
      <AddLanguage languages={data.languages} onAdded={reload} />
      <TranslationEditor languages={data.languages.filter((l) => l.enabled)} onSaved={reload} />
      <TranslatorFiles languages={data.languages.filter((l) => l.enabled)} onImported={reload} />
    </>
  );
}

function LanguageList(props: { languages: SetupLanguage[]; completeness: Completeness }) {
  const t = useT("setup");
  const lng = useLanguage();
  const percent = numberFormat(lng, { style: "percent", maximumFractionDigits: 0 });
  const total = (code: string) => {
    const rows = props.completeness.filter((c) => c.language === code);
    const sum = (k: "total" | "translated" | "missing" | "needsReview") => rows.reduce((n, r) => n + r[k], 0);
    return {
      share: sum("total") ? sum("translated") / sum("total") : 0,
      missing: sum("missing"),
      review: sum("needsReview"),
    };
  };
  return (
    <div class="table-scroll">
      <table class="accounts-table languages-table">
        <caption>{t("languages.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("languages.code")}</th>
            <th scope="col">{t("languages.name")}</th>
            <th scope="col">{t("languages.direction")}</th>
            <th scope="col">{t("languages.chain")}</th>
            <th scope="col">{t("languages.progress")}</th>
          </tr>
        </thead>
        <tbody>
          {props.languages.map((l) => {
            const c = total(l.code);
            return (
              <tr key={l.code}>
                <th scope="row">
                  <code>{l.code}</code>
                </th>
                <td lang={l.code} dir={l.dir} translate={false}>
                  {l.name}
                </td>
                <td>{t(`languages.dirs.${l.dir}`)}</td>
                <td dir="ltr">
                  <code>{l.chain.join(" → ")}</code>
                </td>
                <td>
                  {t("languages.progressValue", {
                    percent: percent.format(c.share),
                    missing: numberFormat(lng).format(c.missing),
                    review: numberFormat(lng).format(c.review),
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AddLanguage(props: { languages: SetupLanguage[]; onAdded: () => void }) {
  const t = useT("setup");
  const id = useId();
  const config = useConfig();
  const [status, setStatus] = useState("");
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const fallback = String(data.get("fallback") ?? "");
    const body = {
      code: String(data.get("code") ?? "").trim(),
      name: String(data.get("name") ?? "").trim(),
      dir: data.get("dir") === "rtl" ? ("rtl" as const) : ("ltr" as const),
      ...(fallback ? { fallback } : {}),
    };
    void action.run(async () => {
      setStatus("");
      const made = await staffApi("POST /setup/languages", { body });
      form.reset();
      setStatus(t("languages.add.added", { name: made.name }));
      // Every surface offers it at once: the language switcher reads the public config again.
      forgetPublicConfig();
      config.retry();
      props.onAdded();
    });
  };
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("languages.add.title")}</h2>
      <form class="language-form" onSubmit={submit}>
        <div class="field">
          <label for={`${id}-code`}>{t("languages.add.code")}</label>
          <input
            id={`${id}-code`}
            name="code"
            required
            maxLength={12}
            autocomplete="off"
            spellcheck={false}
            dir="ltr"
          />
        </div>
        <div class="field">
          <label for={`${id}-name`}>{t("languages.add.name")}</label>
          <input id={`${id}-name`} name="name" required maxLength={60} autocomplete="off" />
        </div>
        <div class="field">
          <label for={`${id}-dir`}>{t("languages.add.dir")}</label>
          <select id={`${id}-dir`} name="dir">
            <option value="ltr">{t("languages.dirs.ltr")}</option>
            <option value="rtl">{t("languages.dirs.rtl")}</option>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-fallback`}>{t("languages.add.fallback")}</label>
          <select id={`${id}-fallback`} name="fallback">
            <option value="">{t("languages.add.fallbackDefault")}</option>
            {props.languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name} ({l.code})
              </option>
            ))}
          </select>
        </div>
        <FormError error={action.error} />
        <button type="submit" class="button" aria-busy={action.busy}>
          {t("languages.add.submit")}
        </button>
        <p role="status" class="status-line">
          {status}
        </p>
      </form>
    </section>
  );
}

function TranslatorFiles(props: { languages: SetupLanguage[]; onImported: () => void }) {
  const t = useT("setup");
  const id = useId();
  const [language, setLanguage] = useState(props.languages.find((l) => !l.isDefault)?.code ?? "en");
  const [status, setStatus] = useState("");
  const action = useAction();
  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void action.run(async () => {
      setStatus("");
      const data = await file.text();
      const format = /\.po$/i.test(file.name) ? ("po" as const) : ("xliff" as const);
      const result = await staffApi("POST /setup/translations/import", { body: { language, format, data } });
      input.value = "";
      setStatus(t("languages.files.imported", { changed: result.changed, unchanged: result.unchanged }));
      props.onImported();
    });
  };
  const url = (format: "po" | "xliff") => apiUrl("/setup/translations/export", { language, format });
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("languages.files.title")}</h2>
      <p>{t("languages.files.intro")}</p>
      <div class="field">
        <label for={`${id}-lang`}>{t("languages.editor.language")}</label>
        <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
          {props.languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name} ({l.code})
            </option>
          ))}
        </select>
      </div>
      <div class="button-row">
        <a class="button button--secondary" href={url("po")} download={`openclm-${language}.po`}>
          {t("languages.files.exportPo")}
        </a>
        <a class="button button--secondary" href={url("xliff")} download={`openclm-${language}.xlf`}>
          {t("languages.files.exportXliff")}
        </a>
      </div>
      <div class="field">
        <label for={`${id}-file`}>{t("languages.files.import")}</label>
        <input id={`${id}-file`} type="file" accept=".po,.xlf,.xliff" onChange={onFile} disabled={action.busy} />
      </div>
      <FormError error={action.error} />
      <p role="status" class="status-line">
        {status}
      </p>
    </section>
  );
}
