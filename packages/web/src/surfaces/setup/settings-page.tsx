import "./setup-dashboard.css";
import type { SettingKey, Settings, SettingsHistoryEntry, SmsUsage } from "@openclm/contracts";
import { optionalReportQuestions } from "@openclm/contracts/constants";
import type { ComponentChildren } from "preact";
import { useEffect, useId, useState } from "preact/hooks";
import { staffApi } from "../../api/staff-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { formatDate } from "../community/my-reports/format-date.js";
import { FormError } from "../staff/form-error.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { DeviceSetup } from "./device-setup.js";
import { RetentionSetup } from "./retention-setup.js";

/** The settings the history names (kept here: the web imports no runtime values from the contracts' zod module). */
const settingNames: readonly SettingKey[] = [
  "device",
  "retention",
  "suppression",
  "sessions",
  "duplicates",
  "registration",
  "reportQuestions",
  "sms",
  "mapTiles",
  "ratings",
  "notifications",
  "forum",
];

type Editable =
  | "suppression"
  | "sessions"
  | "duplicates"
  | "registration"
  | "responseTargets"
  | "reportQuestions"
  | "sms"
  | "mapTiles"
  | "ratings"
  | "notifications";

/**
 * /setup/settings — every run-time setting on one page (system administrator), a section each, then the history of
 * changes from the audit log (which the auditor may read too).
 */
export function SettingsPage() {
  const t = useT("setup");
  const me = useMe();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  const manage = hasPermission(me, "security:manage");
  useEffect(() => {
    if (manage) staffApi("GET /settings", {}).then(setSettings, setLoadError);
  }, [manage]);
  const saved = (s: Settings) => {
    setSettings(s);
    setChanges((n) => n + 1);
  };
  return (
    <>
      <p>
        <a href="/setup">{t("profile.back")}</a>
      </p>
      <p class="lead">{t("settings.intro")}</p>
      <FormError error={loadError} />
      {manage && <DeviceSetup />}
      {manage && <RetentionSetup />}
      {settings && <SuppressionSection settings={settings} onSaved={saved} />}
      {settings && <SessionsSection settings={settings} onSaved={saved} />}
      {settings && <DuplicatesSection settings={settings} onSaved={saved} />}
      {settings && <RegistrationSection settings={settings} onSaved={saved} />}
      {settings && <ResponseTargetsSection settings={settings} onSaved={saved} />}
      {settings && <ReportQuestionsSection settings={settings} onSaved={saved} />}
      {settings && <SmsSection key={changes} settings={settings} onSaved={saved} />}
      {settings && <MapTilesSection settings={settings} onSaved={saved} />}
      {settings && <RatingsSection settings={settings} onSaved={saved} />}
      {settings && <NotificationsSection settings={settings} onSaved={saved} />}
      {hasPermission(me, "audit:read") && <SettingsHistoryList key={changes} />}
    </>
  );
}

interface SectionProps {
  settings: Settings;
  onSaved: (s: Settings) => void;
}

/** A whole number between min and max, or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** One section's form: saves `{ [key]: value }` when `validate` finds nothing wrong, then says so. */
function SettingForm(props: {
  name: Editable;
  onSaved: (s: Settings) => void;
  validate: () => { value: unknown } | null;
  children: ComponentChildren;
}) {
  const t = useT("setup");
  const id = useId();
  const [status, setStatus] = useState("");
  const { busy, error, run } = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    setStatus("");
    const checked = props.validate();
    if (!checked) return;
    void run(async () => {
      props.onSaved(await staffApi("PATCH /settings", { body: { [props.name]: checked.value } }));
      setStatus(t("settings.saved"));
    });
  };
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(`settings.${props.name}.title`)}</h2>
      <p>{t(`settings.${props.name}.intro`)}</p>
      <form class="staff-form panel setup-form settings-form" noValidate onSubmit={submit} aria-labelledby={`${id}-h`}>
        {props.children}
        <FormError error={error} />
        <p role="status" class="status-line">
          {status}
        </p>
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t(`settings.${props.name}.save`)}
        </button>
      </form>
    </section>
  );
}

/** A labelled check box with its hint (the hint describes the box to screen readers). */
function CheckField(props: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <>
      <div class="check">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <label for={id}>{props.label}</label>
      </div>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
    </>
  );
}

/** A labelled whole-number field with its hint and, when wrong, its message. */
function NumberField(props: {
  label: string;
  hint: string;
  value: string;
  min: number;
  max: number;
  problem: string;
  onInput: (v: string) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={props.value}
        aria-invalid={props.problem ? "true" : undefined}
        aria-describedby={`${id}-hint${props.problem ? ` ${id}-problem` : ""}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.problem && (
        <p class="form-error" id={`${id}-problem`}>
          {props.problem}
        </p>
      )}
    </div>
  );
}

function SuppressionSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [threshold, setThreshold] = useState(String(settings.suppression.threshold));
  const codes = Object.keys(settings.suppression.categoryThresholds).sort();
  const [byCategory, setByCategory] = useState<Record<string, string>>(
    Object.fromEntries(codes.map((c) => [c, String(settings.suppression.categoryThresholds[c])])),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const validate = () => {
    const found: Record<string, string> = {};
    const base = wholeIn(threshold, 3, 100);
    if (base === null) found.threshold = t("settings.suppression.invalidThreshold");
    const categoryThresholds: Record<string, number> = {};
    for (const code of codes) {
      const n = wholeIn(byCategory[code] ?? "", 3, 100);
      if (n === null || (base !== null && n < base)) found[code] = t("settings.suppression.invalidCategory");
      else categoryThresholds[code] = n;
    }
    setProblems(found);
    return Object.keys(found).length ? null : { value: { threshold: base, categoryThresholds } };
  };
  return (
    <SettingForm name="suppression" onSaved={onSaved} validate={validate}>
      <NumberField
        label={t("settings.suppression.threshold")}
        hint={t("settings.suppression.thresholdHint")}
        value={threshold}
        min={3}
        max={100}
        problem={problems.threshold ?? ""}
        onInput={setThreshold}
      />
      {codes.map((code) => (
        <NumberField
          key={code}
          label={t("settings.suppression.category", { code })}
          hint={t("settings.suppression.categoryHint")}
          value={byCategory[code] ?? ""}
          min={3}
          max={100}
          problem={problems[code] ?? ""}
          onInput={(v) => setByCategory((b) => ({ ...b, [code]: v }))}
        />
      ))}
    </SettingForm>
  );
}

function SessionsSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [idle, setIdle] = useState(String(settings.sessions.idleMinutes));
  const [max, setMax] = useState(String(settings.sessions.maxHours));
  const [problems, setProblems] = useState<{ idle?: string; max?: string }>({});
  const validate = () => {
    const idleMinutes = wholeIn(idle, 5, 1440);
    const maxHours = wholeIn(max, 1, 72);
    const found = {
      idle:
        idleMinutes === null
          ? t("settings.sessions.invalidIdle")
          : maxHours !== null && idleMinutes > maxHours * 60
            ? t("settings.sessions.idleTooLong")
            : undefined,
      max: maxHours === null ? t("settings.sessions.invalidMax") : undefined,
    };
    setProblems(found);
    return found.idle || found.max ? null : { value: { idleMinutes, maxHours } };
  };
  return (
    <SettingForm name="sessions" onSaved={onSaved} validate={validate}>
      <NumberField
        label={t("settings.sessions.idle")}
        hint={t("settings.sessions.idleHint")}
        value={idle}
        min={5}
        max={1440}
        problem={problems.idle ?? ""}
        onInput={setIdle}
      />
      <NumberField
        label={t("settings.sessions.max")}
        hint={t("settings.sessions.maxHint")}
        value={max}
        min={1}
        max={72}
        problem={problems.max ?? ""}
        onInput={setMax}
      />
    </SettingForm>
  );
}

function DuplicatesSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [days, setDays] = useState(String(settings.duplicates.windowDays));
  const [problem, setProblem] = useState("");
  const validate = () => {
    const windowDays = wholeIn(days, 1, 365);
    setProblem(windowDays === null ? t("settings.duplicates.invalid") : "");
    return windowDays === null ? null : { value: { windowDays } };
  };
  return (
    <SettingForm name="duplicates" onSaved={onSaved} validate={validate}>
      <NumberField
        label={t("settings.duplicates.days")}
        hint={t("settings.duplicates.hint")}
        value={days}
        min={1}
        max={365}
        problem={problem}
        onInput={setDays}
      />
    </SettingForm>
  );
}

/** The minimum number of ratings before a facility's averages are shown anywhere (issue 17). */
function RatingsSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [count, setCount] = useState(String(settings.ratings.minimumCount));
  const [problem, setProblem] = useState("");
  const validate = () => {
    const minimumCount = wholeIn(count, 3, 100);
    setProblem(minimumCount === null ? t("settings.ratings.invalid") : "");
    return minimumCount === null ? null : { value: { minimumCount } };
  };
  return (
    <SettingForm name="ratings" onSaved={onSaved} validate={validate}>
      <NumberField
        label={t("settings.ratings.minimum")}
        hint={t("settings.ratings.hint")}
        value={count}
        min={3}
        max={100}
        problem={problem}
        onInput={setCount}
      />
    </SettingForm>
  );
}

function ResponseTargetsSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [first, setFirst] = useState(String(settings.responseTargets.firstResponseHours));
  const [days, setDays] = useState(String(settings.responseTargets.resolutionDays));
  const [problems, setProblems] = useState<{ first?: string; days?: string }>({});
  const validate = () => {
    const firstResponseHours = wholeIn(first, 1, 720);
    const resolutionDays = wholeIn(days, 1, 365);
    const found = {
      first:
        firstResponseHours === null
          ? t("settings.responseTargets.invalidFirst")
          : resolutionDays !== null && firstResponseHours > resolutionDays * 24
            ? t("settings.responseTargets.firstTooLate")
            : undefined,
      days: resolutionDays === null ? t("settings.responseTargets.invalidDays") : undefined,
    };
    setProblems(found);
    return found.first || found.days ? null : { value: { firstResponseHours, resolutionDays } };
  };
  return (
    <SettingForm name="responseTargets" onSaved={onSaved} validate={validate}>
      <NumberField
        label={t("settings.responseTargets.first")}
        hint={t("settings.responseTargets.firstHint")}
        value={first}
        min={1}
        max={720}
        problem={problems.first ?? ""}
        onInput={setFirst}
      />
      <NumberField
        label={t("settings.responseTargets.days")}
        hint={t("settings.responseTargets.daysHint")}
        value={days}
        min={1}
        max={365}
        problem={problems.days ?? ""}
        onInput={setDays}
      />
    </SettingForm>
  );
}

function RegistrationSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [required, setRequired] = useState(settings.registration.required);
  return (
    <SettingForm name="registration" onSaved={onSaved} validate={() => ({ value: { required } })}>
      <CheckField
        label={t("settings.registration.required")}
        hint={t("settings.registration.hint")}
        checked={required}
        onChange={setRequired}
      />
    </SettingForm>
  );
}

/**
 * Whether notices to reporters may carry the message, by push, SMS, Telegram and WhatsApp alike (off by default: they
 * show on locked screens and shared phones).
 */
function NotificationsSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const [includeContent, setIncludeContent] = useState(settings.notifications.includeContent);
  return (
    <SettingForm name="notifications" onSaved={onSaved} validate={() => ({ value: { includeContent } })}>
      <CheckField
        label={t("settings.notifications.includeContent")}
        hint={t("settings.notifications.hint")}
        checked={includeContent}
        onChange={setIncludeContent}
      />
    </SettingForm>
  );
}

/** Which optional questions the report flow asks: one box per question, all on by default. */
function ReportQuestionsSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const id = useId();
  const [asked, setAsked] = useState(settings.reportQuestions);
  return (
    <SettingForm name="reportQuestions" onSaved={onSaved} validate={() => ({ value: asked })}>
      <fieldset class="field">
        <legend>{t("settings.reportQuestions.legend")}</legend>
        {optionalReportQuestions.map((q) => (
          <div class="check" key={q}>
            <input
              id={`${id}-${q}`}
              type="checkbox"
              checked={asked[q]}
              onChange={(e) => setAsked({ ...asked, [q]: e.currentTarget.checked })}
            />
            <label for={`${id}-${q}`}>{t(`settings.reportQuestions.questions.${q}`)}</label>
          </div>
        ))}
      </fieldset>
      <p class="hint">{t("settings.reportQuestions.hint")}</p>
    </SettingForm>
  );
}

/**
 * Outbound SMS: the monthly limit (empty: none); above the form, this month's count against the limit and, once it
 * held messages, how many wait (so nobody wonders why no SMS arrive). What notices say is the notifications section's
 * one rule, for every channel.
 */
function SmsSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const lng = useLanguage();
  const [limit, setLimit] = useState(settings.sms.monthlyLimit === null ? "" : String(settings.sms.monthlyLimit));
  const [problem, setProblem] = useState("");
  const [usage, setUsage] = useState<SmsUsage | null>(null);
  useEffect(() => {
    staffApi("GET /channels/sms/usage", {}).then(setUsage, () => setUsage(null));
  }, []);
  const validate = () => {
    const monthlyLimit = limit.trim() === "" ? null : wholeIn(limit, 0, 10_000_000);
    if (limit.trim() !== "" && monthlyLimit === null) {
      setProblem(t("settings.sms.invalidLimit"));
      return null;
    }
    setProblem("");
    return { value: { monthlyLimit } };
  };
  return (
    <SettingForm name="sms" onSaved={onSaved} validate={validate}>
      {usage && (
        <div class="sms-usage">
          <p>
            {usage.monthlyLimit === null
              ? t("settings.sms.usage", { month: usage.month, sent: usage.sent })
              : t("settings.sms.usageOf", { month: usage.month, sent: usage.sent, limit: usage.monthlyLimit })}
          </p>
          {usage.heldSince && usage.outbox.held > 0 && (
            <p class="form-error">
              {t("settings.sms.held", { since: formatDate(usage.heldSince, lng, true), count: usage.outbox.held })}
            </p>
          )}
          <p class="hint">{t("settings.sms.outbox", usage.outbox)}</p>
        </div>
      )}
      <NumberField
        label={t("settings.sms.limit")}
        hint={t("settings.sms.limitHint")}
        value={limit}
        min={0}
        max={10_000_000}
        problem={problem}
        onInput={setLimit}
      />
    </SettingForm>
  );
}

/** A first check of a tile server address (the server checks it fully): https, with {z}, {x} and {y}. */
function looksLikeTileUrl(text: string): boolean {
  return /^https:\/\/[^/{}\s]+\/\S*$/.test(text) && ["{z}", "{x}", "{y}"].every((p) => text.includes(p));
}

/** Near Me's basemap: none (the country's boundaries only) unless a tile server is named. */
function MapTilesSection({ settings, onSaved }: SectionProps) {
  const t = useT("setup");
  const id = useId();
  const [url, setUrl] = useState(settings.mapTiles.tileUrl ?? "");
  const [attribution, setAttribution] = useState(settings.mapTiles.attribution);
  const [problem, setProblem] = useState("");
  const validate = () => {
    const tileUrl = url.trim() || null;
    const wrong = tileUrl !== null && !looksLikeTileUrl(tileUrl);
    setProblem(wrong ? t("settings.mapTiles.invalid") : "");
    return wrong ? null : { value: { tileUrl, attribution: attribution.trim() } };
  };
  return (
    <SettingForm name="mapTiles" onSaved={onSaved} validate={validate}>
      <div class="field">
        <label for={`${id}-url`}>{t("settings.mapTiles.url")}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          spellcheck={false}
          maxLength={500}
          value={url}
          aria-invalid={problem ? "true" : undefined}
          aria-describedby={`${id}-url-hint${problem ? ` ${id}-url-problem` : ""}`}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <p class="hint" id={`${id}-url-hint`}>
          {t("settings.mapTiles.urlHint")}
        </p>
        {problem && (
          <p class="form-error" id={`${id}-url-problem`}>
            {problem}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-credit`}>{t("settings.mapTiles.attribution")}</label>
        <input
          id={`${id}-credit`}
          type="text"
          maxLength={200}
          value={attribution}
          aria-describedby={`${id}-credit-hint`}
          onInput={(e) => setAttribution(e.currentTarget.value)}
        />
        <p class="hint" id={`${id}-credit-hint`}>
          {t("settings.mapTiles.attributionHint")}
        </p>
      </div>
    </SettingForm>
  );
}

/** "90 minutes" → "1 hour 30 minutes"; "48 hours" → "2 days"; in the reader's language. */
function useDuration(): (minutes: number) => string {
  const t = useT("setup");
  return (minutes) => {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    const parts = [
      days ? t("settings.duration.days", { count: days }) : "",
      hours ? t("settings.duration.hours", { count: hours }) : "",
      mins || minutes === 0 ? t("settings.duration.minutes", { count: mins }) : "",
    ];
    return parts.filter(Boolean).join(" ");
  };
}

/** A setting's value as a sentence fragment (durations in days, hours and minutes). */
function useDescribe(): (setting: string, value: unknown) => string {
  const t = useT("setup");
  const duration = useDuration();
  return (setting, value) => {
    if (value === null || value === undefined) return "—";
    const v = value as Record<string, unknown>;
    switch (setting) {
      case "sessions":
        return t("settings.describe.sessions", {
          idle: duration(Number(v.idleMinutes)),
          max: duration(Number(v.maxHours) * 60),
        });
      case "duplicates":
        return duration(Number(v.windowDays) * 1440);
      case "ratings":
        return String(v.minimumCount);
      case "responseTargets":
        return t("settings.describe.responseTargets", {
          first: duration(Number(v.firstResponseHours) * 60),
          resolution: duration(Number(v.resolutionDays) * 1440),
        });
      case "notifications":
        return v.includeContent ? t("settings.describe.withContent") : t("settings.describe.withoutContent");
      case "forum":
        return t("settings.describe.forum", {
          reading: t(`forumSetup.readingOptions.${v.reading === "members" ? "members" : "open"}`),
          premoderation: t(
            `forumSetup.premoderationOptions.${v.premoderation === "everyone" ? "everyone" : v.premoderation === "nobody" ? "nobody" : "new_accounts"}`,
          ),
          keywords: Array.isArray(v.crisisKeywords) ? v.crisisKeywords.length : 0,
        });
      case "registration":
        return v.required ? t("settings.describe.required") : t("settings.describe.notRequired");
      case "suppression":
        return t("settings.describe.suppression", {
          threshold: v.threshold,
          categories: Object.entries((v.categoryThresholds ?? {}) as Record<string, number>)
            .map(([c, n]) => `${c} ${n}`)
            .join(", "),
        });
      case "retention":
        return t("settings.describe.retention", {
          messages: v.messagesMonths,
          personal: v.personalDataMonths,
          comments: v.ratingCommentMonths,
        });
      case "device":
        return v.keepReportsByDefault ? t("settings.describe.keep") : t("settings.describe.notKeep");
      case "sms": {
        const limit = v.monthlyLimit === null ? t("settings.describe.noLimit") : v.monthlyLimit;
        // Before the one notifications rule, the SMS setting had its own (older history entries still show it).
        return typeof v.includeContent === "boolean"
          ? t("settings.describe.sms", {
              limit,
              content: v.includeContent ? t("settings.describe.content") : t("settings.describe.noContent"),
            })
          : t("settings.describe.smsLimit", { limit });
      }
      case "mapTiles":
        return typeof v.tileUrl === "string" ? v.tileUrl : t("settings.describe.noTiles");
      case "reportQuestions":
        return optionalReportQuestions
          .filter((q) => v[q])
          .map((q) => t(`settings.reportQuestions.questions.${q}`))
          .join(", ");
      default:
        return JSON.stringify(value);
    }
  };
}

function SettingsHistoryList() {
  const t = useT("setup");
  const id = useId();
  const describe = useDescribe();
  const lng = useLanguage();
  const [items, setItems] = useState<SettingsHistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    staffApi("GET /settings/history", {}).then((h) => setItems(h.items), setError);
  }, []);
  const known = new Set<string>(settingNames);
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("settings.history.title")}</h2>
      <FormError error={error} />
      {items && items.length === 0 && <p>{t("settings.history.none")}</p>}
      {items && items.length > 0 && (
        <ol class="settings-history">
          {items.map((i) => (
            <li key={i.id}>
              <p>
                <strong>{known.has(i.setting) ? t(`settings.names.${i.setting as SettingKey}`) : i.setting}</strong>{" "}
                {t("settings.history.by", {
                  who: i.actorEmail ?? t("settings.history.system"),
                  when: formatDate(i.at, lng, true),
                })}
              </p>
              <p>
                {t("settings.history.change", {
                  before: describe(i.setting, i.before),
                  after: describe(i.setting, i.after),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
