import type { SetupTaxonomy, SetupTaxonomyItem, TaxonomyKind } from "@openclm/contracts";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { formsApi } from "./forms-setup-api.js";

/** What the editor is open for: a new item of a kind (under a parent), or an existing item. */
export type Editing = { kind: TaxonomyKind; parentCode: string | null; item?: SetupTaxonomyItem };

const CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const hasDescriptions = (kind: TaxonomyKind) => kind === "category" || kind === "subcategory";

/**
 * Adds an item or edits one: its code (fixed once a report uses it), a label per language (the default language's
 * required) and, for categories and subcategories, a description per language.
 */
export function ItemEditor(props: {
  editing: Editing;
  languages: SetupTaxonomy["languages"];
  onSaved(message: string): void;
  onCancel(): void;
}) {
  const t = useT("setup");
  const id = useId();
  const { kind, parentCode, item } = props.editing;
  const first = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState(item?.code ?? (kind === "subcategory" && parentCode ? `${parentCode}.` : ""));
  const [labels, setLabels] = useState<Record<string, string>>({ ...item?.labels });
  const [descriptions, setDescriptions] = useState<Record<string, string>>({ ...item?.descriptions });
  const [problem, setProblem] = useState<{ code?: string; label?: string }>({});
  const save = useAction();
  useEffect(() => first.current?.focus(), []);
  const defaultLang = props.languages.find((l) => l.isDefault)?.code ?? props.languages[0]?.code ?? "en";
  const filled = (text: Record<string, string>) =>
    Object.fromEntries(Object.entries(text).filter(([, v]) => v.trim() !== ""));

  const submit = (e: Event) => {
    e.preventDefault();
    const found = {
      code: CODE.test(code) && code.length <= 80 ? undefined : t("forms.editor.badCode"),
      label: labels[defaultLang]?.trim() ? undefined : t("forms.editor.needLabel"),
    };
    setProblem(found);
    if (found.code || found.label) return;
    const withText = hasDescriptions(kind) ? { descriptions: filled(descriptions) } : {};
    void save.run(async () => {
      if (item) {
        await formsApi.update(item.code, {
          labels: filled(labels),
          ...withText,
          ...(code !== item.code ? { code } : {}),
        });
      } else {
        await formsApi.create({
          parentCode: kind === "key_population" ? null : parentCode,
          code,
          labels: filled(labels),
          ...withText,
          ...(kind === "key_population" ? { list: "key_populations" as const } : {}),
        });
      }
      props.onSaved(t(item ? "forms.saved" : "forms.added", { name: labels[defaultLang] ?? code }));
    });
  };

  const title = item ? t("forms.editor.editTitle", { code: item.code }) : t(`forms.editor.addTitle.${kind}`);
  return (
    <form class="panel staff-form forms-editor" noValidate onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{title}</h4>
      <div class="field">
        <label for={`${id}-code`}>{t("forms.editor.code")}</label>
        <p class="hint" id={`${id}-code-hint`}>
          {item?.inUse ? t("forms.editor.codeInUse") : t("forms.editor.codeHint")}
        </p>
        <input
          ref={first}
          id={`${id}-code`}
          class="input"
          value={code}
          readOnly={item?.inUse}
          autoComplete="off"
          spellcheck={false}
          aria-describedby={`${id}-code-hint${problem.code ? ` ${id}-code-error` : ""}`}
          aria-invalid={problem.code ? true : undefined}
          onInput={(e) => setCode(e.currentTarget.value.trim())}
        />
        {problem.code && (
          <p class="forms-field-error" id={`${id}-code-error`}>
            {problem.code}
          </p>
        )}
      </div>
      <TextsFields
        id={`${id}-label`}
        legend={t("forms.editor.labels")}
        languages={props.languages}
        values={labels}
        required={defaultLang}
        problem={problem.label}
        onChange={setLabels}
      />
      {hasDescriptions(kind) && (
        <TextsFields
          id={`${id}-description`}
          legend={t("forms.editor.descriptions")}
          languages={props.languages}
          values={descriptions}
          onChange={setDescriptions}
        />
      )}
      <FormError error={save.error} />
      <div class="button-row">
        <button type="submit" class="button" disabled={save.busy} aria-busy={save.busy}>
          {t(item ? "forms.editor.save" : "forms.editor.add")}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t("forms.editor.cancel")}
        </button>
      </div>
    </form>
  );
}

/** One text field per language, in a fieldset; the required language says so. */
function TextsFields(props: {
  id: string;
  legend: string;
  languages: SetupTaxonomy["languages"];
  values: Record<string, string>;
  required?: string;
  problem?: string;
  onChange(values: Record<string, string>): void;
}) {
  const t = useT("setup");
  return (
    <fieldset class="field forms-texts">
      <legend>{props.legend}</legend>
      {props.languages.map((l) => {
        const fieldId = `${props.id}-${l.code}`;
        const required = l.code === props.required;
        const error = required && props.problem;
        return (
          <div class="field" key={l.code}>
            <label for={fieldId}>
              {l.name}
              {required ? ` (${t("forms.editor.required")})` : ""}
            </label>
            <input
              id={fieldId}
              class="input"
              lang={l.code}
              value={props.values[l.code] ?? ""}
              maxLength={200}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId}-error` : undefined}
              onInput={(e) => props.onChange({ ...props.values, [l.code]: e.currentTarget.value })}
            />
            {error && (
              <p class="forms-field-error" id={`${fieldId}-error`}>
                {props.problem}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
