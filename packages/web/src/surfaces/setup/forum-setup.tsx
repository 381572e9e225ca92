import "./setup-dashboard.css";
import type { ForumSetting } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

/** The same rules as the contract's `forumSettingSchema` (the web imports no runtime values from the zod module). */
const CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const KEYWORDS_MAX = 300;

interface Draft {
  reading: ForumSetting["reading"];
  premoderation: ForumSetting["premoderation"];
  trustedAfter: string;
  retentionDays: string;
  keywords: string;
  phone: string;
  helpText: Record<string, string>;
  themes: { key: number; code: string; labels: Record<string, string> }[];
}

type Problems = Partial<Record<"trustedAfter" | "retentionDays" | "keywords" | "phone" | `theme-${number}`, string>>;

const draftOf = (s: ForumSetting): Draft => ({
  reading: s.reading,
  premoderation: s.premoderation,
  trustedAfter: String(s.trustedAfter),
  retentionDays: String(s.retentionDays),
  keywords: s.crisisKeywords.join("\n"),
  phone: s.helpline.phone,
  helpText: { ...s.helpline.text },
  themes: s.themes.map((th, i) => ({ key: i, code: th.code, labels: { ...th.labels } })),
});

/** A whole number between min and max, or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Only the languages with text: an empty label falls back to the next language of the reader's chain. */
const filled = (text: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(text)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, v.trim()]),
  );

/**
 * /setup/forum — Get Connected's rules for the whole country (country administrators with a country-wide scope;
 * `getForumSettings` / `updateForumSettings`): who may read, pre-moderation, how long hidden posts are kept, the
 * crisis keywords and the helpline they show, and the free themes beside the taxonomy's categories. Each field says
 * what is wrong before anything is sent; the server checks again and records the change with the value before and
 * after (the settings history lists it).
 */
export function ForumSetup() {
  const t = useT("setup");
  const id = useId();
  const { config } = useConfig();
  const languages = config?.languages ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState("");
  const [nextKey, setNextKey] = useState(1000);
  const { busy, error, run } = useAction();
  useEffect(() => {
    staffApi("GET /forum/settings", {}).then((s) => setDraft(draftOf(s)), setLoadError);
  }, []);
  if (!draft) return <FormError error={loadError} />;
  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const validate = (): ForumSetting | null => {
    const found: Problems = {};
    const trustedAfter = wholeIn(draft.trustedAfter, 0, 50);
    if (trustedAfter === null) found.trustedAfter = t("forumSetup.invalidTrusted");
    const retentionDays = wholeIn(draft.retentionDays, 0, 365);
    if (retentionDays === null) found.retentionDays = t("forumSetup.invalidRetention");
    const keywords = [...new Set(draft.keywords.split("\n").map((k) => k.trim()))].filter(Boolean);
    const wrong = keywords.find((k) => k.length < 2 || k.length > 80);
    if (wrong) found.keywords = t("forumSetup.invalidKeyword", { keyword: wrong });
    else if (keywords.length > KEYWORDS_MAX) found.keywords = t("forumSetup.tooManyKeywords", { max: KEYWORDS_MAX });
    if (draft.phone.trim().length > 40) found.phone = t("forumSetup.invalidPhone");
    const codes = new Set<string>();
    for (const th of draft.themes) {
      const code = th.code.trim();
      if (!CODE.test(code)) found[`theme-${th.key}`] = t("forumSetup.invalidThemeCode");
      else if (codes.has(code)) found[`theme-${th.key}`] = t("forumSetup.duplicateTheme");
      else if (Object.keys(filled(th.labels)).length === 0) found[`theme-${th.key}`] = t("forumSetup.themeLabel");
      codes.add(code);
    }
    setProblems(found);
    if (Object.keys(found).length || trustedAfter === null || retentionDays === null) return null;
    return {
      reading: draft.reading,
      premoderation: draft.premoderation,
      trustedAfter,
      retentionDays,
      crisisKeywords: keywords,
      helpline: { phone: draft.phone.trim(), text: filled(draft.helpText) },
      themes: draft.themes.map((th) => ({ code: th.code.trim(), labels: filled(th.labels) })),
    };
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setStatus("");
    const value = validate();
    if (!value) {
      setStatus(t("forumSetup.fix"));
      return;
    }
    void run(async () => {
      setDraft(draftOf(await staffApi("PUT /forum/settings", { body: value })));
      setStatus(t("settings.saved"));
    });
  };

  const described = (name: keyof Problems & string, hint = true) =>
    [hint ? `${id}-${name}-hint` : "", problems[name] ? `${id}-${name}-problem` : ""].filter(Boolean).join(" ") ||
    undefined;
  const problem = (name: keyof Problems & string) =>
    problems[name] ? (
      <p class="form-error" id={`${id}-${name}-problem`}>
        {problems[name]}
      </p>
    ) : null;

  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("forumSetup.heading")}</h2>
      <p>{t("forumSetup.intro")}</p>
      <form class="staff-form panel setup-form settings-form" noValidate onSubmit={submit} aria-labelledby={`${id}-h`}>
        <fieldset class="field">
          <legend>{t("forumSetup.reading")}</legend>
          {(["open", "members"] as const).map((r) => (
            <div class="check" key={r}>
              <input
                type="radio"
                id={`${id}-reading-${r}`}
                name={`${id}-reading`}
                checked={draft.reading === r}
                onChange={() => set({ reading: r })}
              />
              <label for={`${id}-reading-${r}`}>{t(`forumSetup.readingOptions.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t("forumSetup.premoderation")}</legend>
          {(["new_accounts", "everyone", "nobody"] as const).map((p) => (
            <div class="check" key={p}>
              <input
                type="radio"
                id={`${id}-pre-${p}`}
                name={`${id}-pre`}
                checked={draft.premoderation === p}
                onChange={() => set({ premoderation: p })}
              />
              <label for={`${id}-pre-${p}`}>{t(`forumSetup.premoderationOptions.${p}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for={`${id}-trustedAfter`}>{t("forumSetup.trustedAfter")}</label>
          <input
            id={`${id}-trustedAfter`}
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            value={draft.trustedAfter}
            aria-invalid={problems.trustedAfter ? "true" : undefined}
            aria-describedby={described("trustedAfter")}
            onInput={(e) => set({ trustedAfter: e.currentTarget.value })}
          />
          <p class="hint" id={`${id}-trustedAfter-hint`}>
            {t("forumSetup.trustedAfterHint")}
          </p>
          {problem("trustedAfter")}
        </div>
        <div class="field">
          <label for={`${id}-retentionDays`}>{t("forumSetup.retentionDays")}</label>
          <input
            id={`${id}-retentionDays`}
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            value={draft.retentionDays}
            aria-invalid={problems.retentionDays ? "true" : undefined}
            aria-describedby={described("retentionDays")}
            onInput={(e) => set({ retentionDays: e.currentTarget.value })}
          />
          <p class="hint" id={`${id}-retentionDays-hint`}>
            {t("forumSetup.retentionHint")}
          </p>
          {problem("retentionDays")}
        </div>
        <div class="field">
          <label for={`${id}-keywords`}>{t("forumSetup.keywords")}</label>
          <textarea
            id={`${id}-keywords`}
            rows={6}
            value={draft.keywords}
            aria-invalid={problems.keywords ? "true" : undefined}
            aria-describedby={described("keywords")}
            onInput={(e) => set({ keywords: e.currentTarget.value })}
          />
          <p class="hint" id={`${id}-keywords-hint`}>
            {t("forumSetup.keywordsHint")}
          </p>
          {problem("keywords")}
        </div>
        <div class="field">
          <label for={`${id}-phone`}>{t("forumSetup.phone")}</label>
          <input
            id={`${id}-phone`}
            type="tel"
            maxLength={60}
            value={draft.phone}
            aria-invalid={problems.phone ? "true" : undefined}
            aria-describedby={described("phone")}
            onInput={(e) => set({ phone: e.currentTarget.value })}
          />
          <p class="hint" id={`${id}-phone-hint`}>
            {t("forumSetup.phoneHint")}
          </p>
          {problem("phone")}
        </div>
        {languages.map((l) => (
          <div class="field" key={l.code}>
            <label for={`${id}-help-${l.code}`}>{t("forumSetup.helpText", { language: l.name })}</label>
            <textarea
              id={`${id}-help-${l.code}`}
              rows={2}
              maxLength={500}
              value={draft.helpText[l.code] ?? ""}
              onInput={(e) => set({ helpText: { ...draft.helpText, [l.code]: e.currentTarget.value } })}
            />
          </div>
        ))}
        <fieldset class="field">
          <legend>{t("forumSetup.themes")}</legend>
          <p class="hint">{t("forumSetup.themesHint")}</p>
          {draft.themes.map((th, i) => (
            <div class="panel" key={th.key}>
              <div class="field">
                <label for={`${id}-code-${th.key}`}>{t("forumSetup.themeCode", { n: i + 1 })}</label>
                <input
                  id={`${id}-code-${th.key}`}
                  type="text"
                  spellcheck={false}
                  maxLength={100}
                  value={th.code}
                  aria-invalid={problems[`theme-${th.key}`] ? "true" : undefined}
                  aria-describedby={described(`theme-${th.key}`, false)}
                  onInput={(e) =>
                    set({
                      themes: draft.themes.map((x) => (x.key === th.key ? { ...x, code: e.currentTarget.value } : x)),
                    })
                  }
                />
                {problem(`theme-${th.key}`)}
              </div>
              {languages.map((l) => (
                <div class="field" key={l.code}>
                  <label for={`${id}-label-${th.key}-${l.code}`}>
                    {t("forumSetup.themeName", { n: i + 1, language: l.name })}
                  </label>
                  <input
                    id={`${id}-label-${th.key}-${l.code}`}
                    type="text"
                    maxLength={100}
                    value={th.labels[l.code] ?? ""}
                    onInput={(e) =>
                      set({
                        themes: draft.themes.map((x) =>
                          x.key === th.key ? { ...x, labels: { ...x.labels, [l.code]: e.currentTarget.value } } : x,
                        ),
                      })
                    }
                  />
                </div>
              ))}
              <button
                type="button"
                class="button button--secondary"
                onClick={() => set({ themes: draft.themes.filter((x) => x.key !== th.key) })}
              >
                {t("forumSetup.removeTheme", { n: i + 1 })}
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              class="button button--secondary"
              disabled={draft.themes.length >= 50}
              onClick={() => {
                set({ themes: [...draft.themes, { key: nextKey, code: "", labels: {} }] });
                setNextKey(nextKey + 1);
              }}
            >
              {t("forumSetup.addTheme")}
            </button>
          </div>
        </fieldset>
        <FormError error={error} />
        <p role="status" class="status-line">
          {status}
        </p>
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t("forumSetup.save")}
        </button>
      </form>
    </section>
  );
}
