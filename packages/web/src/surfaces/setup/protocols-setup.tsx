import "./setup-dashboard.css";
import "./protocols-setup.css";
import type { Protocol } from "@openclm/contracts";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { useMe } from "../staff/session-store.js";
import { useHoursText } from "./duration-field.js";
import { type ProtocolList, protocolsSetupApi } from "./protocols-setup-api.js";
import { type EditorLanguage, ProtocolEditor } from "./protocols-setup-editor.js";
import { ReauthDialog } from "./reauth-dialog.js";
import { useReauth } from "./use-reauth.js";

/** The configured languages, the default one first: its texts are the required ones. */
function useEditorLanguages(): EditorLanguage[] {
  const { config } = useConfig();
  const langs = config?.languages ?? [];
  return [...langs.filter((l) => l.isDefault), ...langs.filter((l) => !l.isDefault)];
}

/** Response protocols (country admin): every subcategory with its targets; one opens for editing at a time. */
export function ProtocolsSetup() {
  const t = useT("setup");
  const { config } = useConfig();
  const languages = useEditorLanguages();
  const reauth = useReauth();
  const [list, setList] = useState<ProtocolList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  // A protocol applies to every region: a region's administrator reads them, and only a country-wide scope edits.
  const mayEdit = useMe().scope.type === "country";

  const reload = useCallback(async () => {
    try {
      setList(await protocolsSetupApi.list());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const close = (code: string) => {
    setEditing(null);
    // Back to where the person started, once the editor is gone.
    requestAnimationFrame(() => editButtons.current.get(code)?.focus());
  };

  const hoursText = useHoursText();
  const hours = (own: number | null, fallback: number) =>
    own === null ? t("protocols.targetDefault", { duration: hoursText(fallback) }) : hoursText(own);

  return (
    <section class="setup-section">
      <p>{t("protocols.intro")}</p>
      {!mayEdit && <p class="panel panel--notice">{t("protocols.countryScopeOnly")}</p>}
      {list && (
        <p class="hint">
          {t("protocols.defaults", {
            first: hoursText(list.defaults.firstResponseHours),
            resolution: hoursText(list.defaults.resolutionHours),
          })}
        </p>
      )}
      <p role="status" class="status-line">
        {status}
      </p>
      <FormError error={error} />
      {list &&
        config?.taxonomy.map((category) => (
          <div key={category.code} class="protocol-category">
            <h2>{category.label}</h2>
            <ul class="protocol-subcats">
              {category.subcategories.map((sub) => {
                const p: Protocol | undefined = list.items.find((x) => x.subcategoryCode === sub.code);
                const open = editing === sub.code;
                return (
                  <li key={sub.code} class="protocol-subcat">
                    <div class="protocol-subcat__head">
                      <div>
                        <span class="protocol-subcat__name">{sub.label}</span>
                        <span class="hint protocol-subcat__line">
                          {t("protocols.targets", {
                            first: hours(p?.firstResponseHours ?? null, list.defaults.firstResponseHours),
                            resolution: hours(p?.resolutionHours ?? null, list.defaults.resolutionHours),
                          })}
                        </span>
                        <span class="hint protocol-subcat__line">
                          {t("protocols.contents", {
                            steps: t("protocols.steps", { count: p?.steps.length ?? 0 }),
                            templates: t("protocols.templates", { count: p?.templates.length ?? 0 }),
                          })}
                        </span>
                      </div>
                      {mayEdit && (
                        <button
                          type="button"
                          class="button button--secondary"
                          aria-expanded={open}
                          aria-label={t("protocols.editFor", { name: sub.label })}
                          ref={(el) => {
                            if (el) editButtons.current.set(sub.code, el);
                          }}
                          onClick={() => (open ? close(sub.code) : setEditing(sub.code))}
                        >
                          {t("protocols.edit")}
                        </button>
                      )}
                    </div>
                    {open && mayEdit && (
                      <ProtocolEditor
                        name={sub.label}
                        protocol={p}
                        defaults={list.defaults}
                        languages={languages}
                        onCancel={() => close(sub.code)}
                        save={async (body) => {
                          const saved = await reauth.guard(() => protocolsSetupApi.update(sub.code, body));
                          setList({
                            ...list,
                            items: [...list.items.filter((x) => x.subcategoryCode !== sub.code), saved],
                          });
                          setStatus(t("protocols.saved", { name: sub.label }));
                          close(sub.code);
                        }}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      <ReauthDialog open={reauth.dialog.open} onDone={reauth.dialog.onDone} />
    </section>
  );
}
