import "./forms-setup.css";
import type { SetupTaxonomy, SetupTaxonomyItem, TaxonomyImportProblem, TaxonomyKind } from "@openclm/contracts";
import { TAXONOMY_IMPORT_MAX_BYTES } from "@openclm/contracts/constants";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { forgetPublicConfig, useConfig } from "../../api/public-config.js";
import { contentLanguageFor } from "../../i18n/i18n.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { type Editing, ItemEditor } from "./forms-item-editor.js";
import { fileAsBase64, formsApi } from "./forms-setup-api.js";
import { ImportControls, useFileImport } from "./geography-setup.js";

type Translate = ReturnType<typeof useT<"setup">>;

/** The page's shared state: the taxonomy, the open editor, and what to say after a change. */
interface Forms {
  data: SetupTaxonomy;
  editing: Editing | null;
  edit(e: Editing | null): void;
  change(run: () => Promise<unknown>, message: string): Promise<void>;
  saved(message: string): void;
  label(item: SetupTaxonomyItem): string;
}

/**
 * /setup/forms — the challenge taxonomy (categories → subcategories → challenge types) and the key-population list:
 * add, edit labels per language, move up or down, retire or restore; and the whole of it as a spreadsheet for
 * translators and ODK users. Every change reaches the report flow at once.
 */
export function FormsSetupPage() {
  const t = useT("setup");
  const lang = contentLanguageFor(useLanguage());
  const { retry } = useConfig();
  const [data, setData] = useState<SetupTaxonomy | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await formsApi.load());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  // The public config (which the report flow and inbox read) is fetched again after each change.
  const refreshed = async (message: string) => {
    setStatus(message);
    forgetPublicConfig();
    retry();
    await reload();
  };
  const forms: Forms | null = data && {
    data,
    editing,
    edit: (e) => {
      setStatus("");
      setEditing(e);
    },
    change: async (run, message) => {
      setError(null);
      try {
        await run();
        await refreshed(message);
      } catch (err) {
        setError(err);
      }
    },
    saved: (message) => {
      setEditing(null);
      void refreshed(message);
    },
    label: (item) => item.labels[lang] ?? item.labels[data.languages.find((l) => l.isDefault)?.code ?? ""] ?? item.code,
  };
  return (
    <>
      <p>
        <a href="/setup">{t("profile.back")}</a>
      </p>
      <p class="lead">{t("forms.intro")}</p>
      <p role="status" class="status-line forms-status">
        {status}
      </p>
      <FormError error={error} />
      {forms && <TaxonomySection forms={forms} />}
      {forms && <KeyPopulationsSection forms={forms} />}
      <SpreadsheetSection onApplied={() => void refreshed(t("forms.sheet.appliedStatus"))} />
    </>
  );
}

const childrenOf = (data: SetupTaxonomy, kind: TaxonomyKind, parentCode: string | null) =>
  data.items.filter((i) => i.kind === kind && i.parentCode === parentCode);

function TaxonomySection({ forms }: { forms: Forms }) {
  const t = useT("setup");
  const id = useId();
  const categories = childrenOf(forms.data, "category", null);
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forms.taxonomyTitle")}</h2>
      <p>{t("forms.taxonomyIntro")}</p>
      <ul class="forms-tree">
        {categories.map((c, i) => (
          <li key={c.code}>
            <details class="forms-category">
              <summary>
                <span class="forms-summary">{forms.label(c)}</span> <ItemState item={c} />
              </summary>
              <ItemRow forms={forms} item={c} index={i} count={categories.length} />
              <Children forms={forms} parent={c} />
            </details>
          </li>
        ))}
      </ul>
      <AddHere forms={forms} kind="category" parentCode={null} />
    </section>
  );
}

/** The subcategories of a category, or the challenge types of a subcategory, with a way to add one. */
function Children({ forms, parent }: { forms: Forms; parent: SetupTaxonomyItem }) {
  const kind = parent.kind === "category" ? "subcategory" : "challenge_type";
  const items = childrenOf(forms.data, kind, parent.code);
  return (
    <div class={`forms-children forms-children--${kind}`}>
      <ul class="forms-list">
        {items.map((item, i) => (
          <li key={item.code}>
            <ItemRow forms={forms} item={item} index={i} count={items.length} />
            {kind === "subcategory" && <Children forms={forms} parent={item} />}
          </li>
        ))}
      </ul>
      <AddHere forms={forms} kind={kind} parentCode={parent.code} parentName={forms.label(parent)} />
    </div>
  );
}

function ItemState({ item }: { item: SetupTaxonomyItem }) {
  const t = useT("setup");
  return (
    <span class="forms-state">
      {!item.active && <span class="forms-badge forms-badge--retired">{t("forms.retiredBadge")}</span>}
      {item.inUse && <span class="forms-badge">{t("forms.inUseBadge")}</span>}
    </span>
  );
}

/** One item: its name and code, its state, and its actions (or its editor, when open). */
function ItemRow(props: { forms: Forms; item: SetupTaxonomyItem; index: number; count: number }) {
  const t = useT("setup");
  const { forms, item } = props;
  const name = forms.label(item);
  if (forms.editing?.item?.code === item.code) {
    return <Editor forms={forms} />;
  }
  const move = (order: number) => forms.change(() => formsApi.update(item.code, { order }), t("forms.moved", { name }));
  const toggle = () =>
    forms.change(
      () => formsApi.update(item.code, { active: !item.active }),
      t(item.active ? "forms.retired" : "forms.restored", { name }),
    );
  return (
    <div class={`forms-item forms-item--${item.kind}${item.active ? "" : " forms-item--retired"}`}>
      <div class="forms-name">
        {item.kind === "subcategory" ? <h3 class="forms-sub">{name}</h3> : <span>{name}</span>}{" "}
        <code class="forms-code">{item.code}</code> {item.kind !== "category" && <ItemState item={item} />}
      </div>
      <div class="forms-actions">
        <button
          type="button"
          class="button button--secondary"
          aria-label={t("forms.editFor", { name })}
          onClick={() => forms.edit({ kind: item.kind, parentCode: item.parentCode, item })}
        >
          {t("forms.edit")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-label={t("forms.upFor", { name })}
          disabled={props.index === 0}
          onClick={() => void move(props.index - 1)}
        >
          {t("forms.up")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-label={t("forms.downFor", { name })}
          disabled={props.index === props.count - 1}
          onClick={() => void move(props.index + 1)}
        >
          {t("forms.down")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-label={t(item.active ? "forms.retireFor" : "forms.restoreFor", { name })}
          onClick={() => void toggle()}
        >
          {t(item.active ? "forms.retire" : "forms.restore")}
        </button>
      </div>
    </div>
  );
}

function Editor({ forms }: { forms: Forms }) {
  if (!forms.editing) return null;
  return (
    <ItemEditor
      editing={forms.editing}
      languages={forms.data.languages}
      onSaved={forms.saved}
      onCancel={() => forms.edit(null)}
    />
  );
}

/** "Add a … here": the button, or the editor when it is open for this place. */
function AddHere(props: { forms: Forms; kind: TaxonomyKind; parentCode: string | null; parentName?: string }) {
  const t = useT("setup");
  const { forms } = props;
  const open = forms.editing && !forms.editing.item && forms.editing.kind === props.kind;
  if (open && forms.editing?.parentCode === props.parentCode) return <Editor forms={forms} />;
  return (
    <p class="forms-add">
      <button
        type="button"
        class="button button--secondary"
        aria-label={props.parentName ? t(`forms.addIn.${props.kind}`, { name: props.parentName }) : undefined}
        onClick={() => forms.edit({ kind: props.kind, parentCode: props.parentCode })}
      >
        {t(`forms.add.${props.kind}`)}
      </button>
    </p>
  );
}

function KeyPopulationsSection({ forms }: { forms: Forms }) {
  const t = useT("setup");
  const id = useId();
  const items = childrenOf(forms.data, "key_population", null);
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forms.keyPopulationsTitle")}</h2>
      <p>{t("forms.keyPopulationsIntro")}</p>
      <ul class="forms-list">
        {items.map((item, i) => (
          <li key={item.code}>
            <ItemRow forms={forms} item={item} index={i} count={items.length} />
          </li>
        ))}
      </ul>
      <AddHere forms={forms} kind="key_population" parentCode={null} />
    </section>
  );
}

function problemText(t: Translate, p: TaxonomyImportProblem): string {
  // Row 0: the file as a whole (not a spreadsheet, no choices sheet).
  if (p.row < 1)
    return t("forms.sheet.fileProblem", { problem: t(`forms.sheet.problems.${p.problem}`), message: p.message });
  return t("forms.sheet.problem", {
    row: p.row,
    problem: t(`forms.sheet.problems.${p.problem}`),
    message: p.message,
  });
}

/** Download the spreadsheet; upload it back: a check lists every problem by row, then the same file is applied. */
function SpreadsheetSection(props: { onApplied(): void }) {
  const t = useT("setup");
  const id = useId();
  const flow = useFileImport<TaxonomyImportProblem, Awaited<ReturnType<typeof formsApi.importSheet>>>(
    (data, dryRun) => formsApi.importSheet(data, dryRun),
    TAXONOMY_IMPORT_MAX_BYTES,
    fileAsBase64,
  );
  useEffect(() => {
    if (flow.applied) props.onApplied();
  }, [flow.applied]);
  const summary = flow.checked ?? flow.applied;
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forms.sheet.title")}</h2>
      <p>{t("forms.sheet.intro")}</p>
      <p>
        <a class="button button--secondary" href={formsApi.exportUrl()} download="taxonomy.xlsx">
          {t("forms.sheet.download")}
        </a>
      </p>
      <ImportControls
        id={`${id}-file`}
        label={t("forms.sheet.file")}
        hint={t("forms.sheet.fileHint")}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        flow={flow}
        problemText={(p) => problemText(t, p)}
        summary={summary ? t(flow.applied ? "forms.sheet.applied" : "forms.sheet.checked", summary) : ""}
      />
    </section>
  );
}
