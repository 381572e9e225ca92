import type { LocalizedText, Protocol, UpdateProtocolBody } from "@openclm/contracts";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { useT } from "../../i18n/use-t.js";
import { useErrorText } from "../staff/form-error.js";
import { boxesFor, joinHours } from "./duration.js";
import { DurationField } from "./duration-field.js";

export interface EditorLanguage {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
}

interface StepDraft {
  /** Keeps each row's DOM (and focus) with it when rows move. */
  key: string;
  /** Null until first saved; a saved code never changes, since ticked steps refer to it. */
  code: string | null;
  labels: LocalizedText;
}
interface TemplateDraft extends StepDraft {
  bodies: LocalizedText;
}

const INVALID_TARGETS = "invalid-targets";

let lastKey = 0;
const newKey = () => `item${++lastKey}`;

const knownPlaceholders = new Set(["trackingCode", "subcategory"]);

/** Placeholders in a message that the server will not fill in, as written (`{name}`). */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").filter((n) => !knownPlaceholders.has(n));
  return [...new Set(names)].map((n) => `{${n}}`);
}

/** A short code from a label (lower-case ASCII, digits, _), made unique among `taken`, which it joins. */
export function codeFor(label: string, fallback: string, taken: Set<string>): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  const base = slug || fallback;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  taken.add(code);
  return code;
}

/** Trimmed texts without the empty ones; texts in languages not configured (any more) are kept as they were. */
function cleaned(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(text)
      .map(([lang, value]) => [lang, value.trim()] as const)
      .filter(([, value]) => value !== ""),
  );
}

/** A duration as typed: days and hours, each box possibly empty. */
type Boxes = { days: string; hours: string };

/** Targets the server accepts: whole hours from 1 to 8760 (a year), or none of its own. */
const TARGET_MAX_HOURS = 8760;
function targetsValid(...values: Boxes[]): boolean {
  return values.every((v) => {
    const h = joinHours(v.days, v.hours);
    return h === null || (h >= 1 && h <= TARGET_MAX_HOURS);
  });
}

/** The request body: every part replaced; new items get codes from their text in the default language. */
export function toBody(
  form: { firstResponse: Boxes; resolution: Boxes; steps: StepDraft[]; templates: TemplateDraft[] },
  defaultLanguage: string,
): UpdateProtocolBody {
  const hours = (v: Boxes) => joinHours(v.days, v.hours);
  const codes = (items: StepDraft[], fallback: string) => {
    const taken = new Set(items.flatMap((i) => (i.code ? [i.code] : [])));
    return items.map((i) => i.code ?? codeFor(i.labels[defaultLanguage] ?? "", fallback, taken));
  };
  const stepCodes = codes(form.steps, "step");
  const templateCodes = codes(form.templates, "message");
  return {
    firstResponseHours: hours(form.firstResponse),
    resolutionHours: hours(form.resolution),
    steps: form.steps.map((s, i) => ({ code: stepCodes[i]!, labels: cleaned(s.labels) })),
    templates: form.templates.map((tpl, i) => ({
      code: templateCodes[i]!,
      labels: cleaned(tpl.labels),
      bodies: cleaned(tpl.bodies),
    })),
  };
}

function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** One subcategory's protocol: targets, ordered steps and message templates, each text in every language. */
export function ProtocolEditor(props: {
  name: string;
  protocol: Protocol | undefined;
  defaults: { firstResponseHours: number; resolutionHours: number };
  languages: EditorLanguage[];
  save(body: UpdateProtocolBody): Promise<void>;
  onCancel(): void;
}) {
  const t = useT("setup");
  const errorText = useErrorText();
  const id = useId();
  const root = useRef<HTMLFormElement>(null);
  const focusNext = useRef<string | null>(null);
  const p = props.protocol;
  const [firstResponse, setFirstResponse] = useState<Boxes>(() => boxesFor(p?.firstResponseHours));
  const [resolution, setResolution] = useState<Boxes>(() => boxesFor(p?.resolutionHours));
  const [steps, setSteps] = useState<StepDraft[]>(() => (p?.steps ?? []).map((s) => ({ ...s, key: newKey() })));
  const [templates, setTemplates] = useState<TemplateDraft[]>(() =>
    (p?.templates ?? []).map((tpl) => ({ ...tpl, key: newKey() })),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const main = props.languages[0]!;

  useEffect(() => {
    root.current?.querySelector<HTMLElement>("h3")?.focus();
  }, []);
  // After a move, add or remove, focus goes where the person expects it instead of falling back to the page.
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${focusNext.current}"]`)?.focus();
    focusNext.current = null;
  });

  const moveStep = (from: number, to: number) => {
    const key = steps[from]!.key;
    const atEdge = to === 0 || to === steps.length - 1;
    // The button pressed is disabled once its step reaches the edge, so focus the other one there.
    focusNext.current = `${key}-${(to < from) !== atEdge ? "up" : "down"}`;
    setSteps(moved(steps, from, to));
  };
  const addStep = () => {
    const key = newKey();
    focusNext.current = `${key}-first`;
    setSteps([...steps, { key, code: null, labels: {} }]);
  };
  const removeStep = (key: string) => {
    focusNext.current = "add-step";
    setSteps(steps.filter((s) => s.key !== key));
  };
  const setStepLabel = (key: string, lang: string, value: string) =>
    setSteps(steps.map((s) => (s.key === key ? { ...s, labels: { ...s.labels, [lang]: value } } : s)));

  const addTemplate = () => {
    const key = newKey();
    focusNext.current = `${key}-first`;
    setTemplates([...templates, { key, code: null, labels: {}, bodies: {} }]);
  };
  const removeTemplate = (key: string) => {
    focusNext.current = "add-template";
    setTemplates(templates.filter((x) => x.key !== key));
  };
  const setTemplateText = (key: string, field: "labels" | "bodies", lang: string, value: string) =>
    setTemplates(templates.map((x) => (x.key === key ? { ...x, [field]: { ...x[field], [lang]: value } } : x)));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    // NaN or a duration out of range would otherwise be sent as "no target" or refused without saying which part.
    if (!targetsValid(firstResponse, resolution)) {
      setError(INVALID_TARGETS);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.save(toBody({ firstResponse, resolution, steps, templates }, main.code));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const errorMessage = (err: unknown) => {
    const code = err instanceof ApiError ? err.code : null;
    if (code === "VALIDATION_FAILED" || err === INVALID_TARGETS) return t("protocols.invalid");
    if (code === "UNKNOWN_SUBCATEGORY") return t("protocols.unknownSubcategory");
    return errorText(err);
  };

  return (
    <form
      ref={root}
      class="staff-form panel setup-form protocol-editor"
      onSubmit={onSubmit}
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`} tabIndex={-1}>
        {t("protocols.editTitle", { name: props.name })}
      </h3>

      <fieldset class="protocol-fieldset">
        <legend>{t("protocols.targetsLegend")}</legend>
        <p class="hint" id={`${id}-targets-hint`}>
          {t("protocols.targetsHint")}
        </p>
        <div class="setup-form__row">
          <DurationField
            id={`${id}-first`}
            label={t("protocols.firstResponse")}
            value={firstResponse}
            fallback={props.defaults.firstResponseHours}
            hintId={`${id}-targets-hint`}
            onInput={setFirstResponse}
          />
          <DurationField
            id={`${id}-resolution`}
            label={t("protocols.resolution")}
            value={resolution}
            fallback={props.defaults.resolutionHours}
            hintId={`${id}-targets-hint`}
            onInput={setResolution}
          />
        </div>
      </fieldset>

      <p class="hint">{t("protocols.languagesHint", { language: main.name })}</p>

      <fieldset class="protocol-fieldset">
        <legend>{t("protocols.stepsLegend")}</legend>
        <p class="hint">{t("protocols.stepsHint")}</p>
        {steps.length === 0 ? (
          <p class="muted">{t("protocols.noSteps")}</p>
        ) : (
          <ol class="protocol-items">
            {steps.map((s, i) => (
              <li key={s.key} class="protocol-item">
                <fieldset class="protocol-item__texts">
                  <legend>{t("protocols.step", { n: i + 1 })}</legend>
                  {props.languages.map((l, li) => (
                    <TextField
                      key={l.code}
                      id={`${id}-${s.key}-${l.code}`}
                      label={t("protocols.stepText", { language: l.name })}
                      language={l}
                      value={s.labels[l.code] ?? ""}
                      required={li === 0}
                      focusName={li === 0 ? `${s.key}-first` : undefined}
                      onInput={(v) => setStepLabel(s.key, l.code, v)}
                    />
                  ))}
                </fieldset>
                <div class="button-row">
                  <ItemButton
                    label={t("protocols.moveUp")}
                    context={t("protocols.stepContext", { n: i + 1 })}
                    focusName={`${s.key}-up`}
                    disabled={i === 0}
                    onClick={() => moveStep(i, i - 1)}
                  />
                  <ItemButton
                    label={t("protocols.moveDown")}
                    context={t("protocols.stepContext", { n: i + 1 })}
                    focusName={`${s.key}-down`}
                    disabled={i === steps.length - 1}
                    onClick={() => moveStep(i, i + 1)}
                  />
                  <ItemButton
                    label={t("protocols.remove")}
                    context={t("protocols.stepContext", { n: i + 1 })}
                    onClick={() => removeStep(s.key)}
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
        <button type="button" class="button button--secondary" data-focus="add-step" onClick={addStep}>
          {t("protocols.addStep")}
        </button>
      </fieldset>

      <fieldset class="protocol-fieldset">
        <legend>{t("protocols.templatesLegend")}</legend>
        <p class="hint">{t("protocols.templatesHint")}</p>
        <p class="notice" id={`${id}-placeholders`}>
          {t("protocols.placeholders")}
        </p>
        {templates.length === 0 ? (
          <p class="muted">{t("protocols.noTemplates")}</p>
        ) : (
          <ol class="protocol-items">
            {templates.map((tpl, i) => (
              <li key={tpl.key} class="protocol-item">
                <fieldset class="protocol-item__texts">
                  <legend>{t("protocols.template", { n: i + 1 })}</legend>
                  {props.languages.map((l, li) => (
                    <div key={l.code} class="protocol-lang">
                      <TextField
                        id={`${id}-${tpl.key}-${l.code}-name`}
                        label={t("protocols.templateName", { language: l.name })}
                        language={l}
                        value={tpl.labels[l.code] ?? ""}
                        required={li === 0}
                        focusName={li === 0 ? `${tpl.key}-first` : undefined}
                        onInput={(v) => setTemplateText(tpl.key, "labels", l.code, v)}
                      />
                      <BodyField
                        id={`${id}-${tpl.key}-${l.code}-body`}
                        label={t("protocols.templateBody", { language: l.name })}
                        language={l}
                        value={tpl.bodies[l.code] ?? ""}
                        required={li === 0}
                        placeholdersId={`${id}-placeholders`}
                        onInput={(v) => setTemplateText(tpl.key, "bodies", l.code, v)}
                      />
                    </div>
                  ))}
                </fieldset>
                <div class="button-row">
                  <ItemButton
                    label={t("protocols.remove")}
                    context={t("protocols.templateContext", { n: i + 1 })}
                    onClick={() => removeTemplate(tpl.key)}
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
        <button type="button" class="button button--secondary" data-focus="add-template" onClick={addTemplate}>
          {t("protocols.addTemplate")}
        </button>
      </fieldset>

      {Boolean(error) && (
        <p class="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {t("protocols.save")}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t("protocols.cancel")}
        </button>
      </div>
    </form>
  );
}

function TextField(props: {
  id: string;
  label: string;
  language: EditorLanguage;
  value: string;
  required: boolean;
  focusName?: string | undefined;
  onInput(value: string): void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        lang={props.language.code}
        dir={props.language.dir}
        maxLength={200}
        required={props.required}
        value={props.value}
        data-focus={props.focusName}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function BodyField(props: {
  id: string;
  label: string;
  language: EditorLanguage;
  value: string;
  required: boolean;
  placeholdersId: string;
  onInput(value: string): void;
}) {
  const t = useT("setup");
  const unknown = unknownPlaceholders(props.value);
  const warnId = `${props.id}-warn`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        lang={props.language.code}
        dir={props.language.dir}
        rows={3}
        maxLength={1000}
        required={props.required}
        value={props.value}
        aria-describedby={unknown.length ? `${props.placeholdersId} ${warnId}` : props.placeholdersId}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {unknown.length > 0 && (
        <p class="protocol-warning" id={warnId}>
          {t("protocols.unknownPlaceholder", { placeholders: unknown.join(", ") })}
        </p>
      )}
    </div>
  );
}

/** A row action: the visible verb, named with the row it acts on for screen readers ("Move up, step 2"). */
function ItemButton(props: {
  label: string;
  context: string;
  focusName?: string;
  disabled?: boolean;
  onClick(): void;
}) {
  const t = useT("setup");
  return (
    <button
      type="button"
      class="button button--secondary"
      data-focus={props.focusName}
      disabled={props.disabled}
      aria-label={t("protocols.itemAction", { action: props.label, item: props.context })}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}
