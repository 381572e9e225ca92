import type { Dhis2Mapping, Dhis2Metadata, Dhis2PushResult, PublicArea } from "@openclm/contracts";
import { countMetrics } from "@openclm/contracts/constants";
import { useEffect, useId, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { dhis2Api, lastClosedMonth, lastClosedQuarter } from "./dhis2-api.js";

type Row = { metric: (typeof countMetrics)[number]; dataElement: string; categoryOptionCombo: string };

/**
 * /setup/dhis2 (system administrator): where CLM figures go in the national DHIS2 — the instance and its token, which
 * indicator goes to which data element, which area is which organisation unit — then a period's payload to download,
 * a dry run whose summary explains each conflict, the real push, and the history of pushes (issue 19).
 */
export function Dhis2Setup() {
  const t = useT("setup");
  const [mapping, setMapping] = useState<Dhis2Mapping | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    dhis2Api.mapping().then(setMapping, setLoadError);
  }, []);
  return (
    <>
      <p class="lead">{t("dhis2.intro")}</p>
      <FormError error={loadError} />
      {mapping && <MappingForm mapping={mapping} onSaved={setMapping} />}
      {mapping && <PushPanel periodType={mapping.periodType} />}
    </>
  );
}

function MappingForm(props: { mapping: Dhis2Mapping; onSaved: (m: Dhis2Mapping) => void }) {
  const t = useT("setup");
  const td = useT("dashboard");
  const id = useId();
  const { config } = useConfig();
  const m = props.mapping;
  const [baseUrl, setBaseUrl] = useState(m.baseUrl ?? "");
  const [token, setToken] = useState("");
  const [periodType, setPeriodType] = useState(m.periodType);
  const [idScheme, setIdScheme] = useState(m.idScheme);
  const [autoPush, setAutoPush] = useState(m.autoPush);
  const [rows, setRows] = useState<Row[]>(
    m.dataElements.map((d) => ({ ...d, categoryOptionCombo: d.categoryOptionCombo ?? "" })),
  );
  const [orgUnits, setOrgUnits] = useState<Record<string, string>>(
    Object.fromEntries(m.orgUnits.map((o) => [o.areaId, o.orgUnit])),
  );
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const lists = useAction();
  const [metadata, setMetadata] = useState<Dhis2Metadata | null>(null);
  const areas: PublicArea[] = config?.areas ?? [];
  // What a mapping names an object by: its UID, or its code when the mapping uses codes.
  const ref = (o: { id: string; code: string | null }) => (idScheme === "code" ? (o.code ?? o.id) : o.id);
  const matchByCode = () => {
    const byCode = new Map((metadata?.orgUnits ?? []).filter((o) => o.code).map((o) => [o.code, ref(o)]));
    const matched = Object.fromEntries(
      areas.flatMap((a) => (byCode.has(a.code) ? [[a.id, byCode.get(a.code) ?? ""]] : [])),
    );
    setOrgUnits({ ...matched, ...nonEmpty(orgUnits) });
  };

  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const next = await dhis2Api.save({
        periodType,
        idScheme,
        autoPush,
        baseUrl: baseUrl.trim() || null,
        ...(token.trim() ? { token: token.trim() } : {}),
        dataElements: rows.map((r) => ({
          metric: r.metric,
          dataElement: r.dataElement.trim(),
          ...(r.categoryOptionCombo.trim() ? { categoryOptionCombo: r.categoryOptionCombo.trim() } : {}),
        })),
        orgUnits: Object.entries(orgUnits)
          .filter(([, ou]) => ou.trim())
          .map(([areaId, ou]) => ({ areaId, orgUnit: ou.trim() })),
      });
      setToken("");
      props.onSaved(next);
      setSaved(true);
    });
  };

  return (
    <form class="staff-form panel setup-form" noValidate onSubmit={save} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("dhis2.mappingTitle")}</h2>
      <fieldset>
        <legend>{t("dhis2.instance")}</legend>
        <div class="field">
          <label for={`${id}-url`}>{t("dhis2.baseUrl")}</label>
          <input
            id={`${id}-url`}
            type="url"
            value={baseUrl}
            disabled={m.fromEnvironment.baseUrl}
            placeholder="https://hmis.example.org"
            onInput={(e) => setBaseUrl(e.currentTarget.value)}
          />
          {m.fromEnvironment.baseUrl && <p class="hint">{t("dhis2.fromEnvironment")}</p>}
        </div>
        <div class="field">
          <label for={`${id}-token`}>{t("dhis2.token")}</label>
          <input
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            value={token}
            aria-describedby={`${id}-token-hint`}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-token-hint`}>
            {m.hasToken ? t("dhis2.tokenStored") : t("dhis2.tokenNone")}
          </p>
        </div>
        <div class="field">
          <label for={`${id}-period`}>{t("dhis2.periodType")}</label>
          <select
            id={`${id}-period`}
            value={periodType}
            onChange={(e) => setPeriodType(e.currentTarget.value as Dhis2Mapping["periodType"])}
          >
            <option value="monthly">{t("dhis2.monthly")}</option>
            <option value="quarterly">{t("dhis2.quarterly")}</option>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-scheme`}>{t("dhis2.idScheme")}</label>
          <select
            id={`${id}-scheme`}
            value={idScheme}
            onChange={(e) => setIdScheme(e.currentTarget.value as Dhis2Mapping["idScheme"])}
          >
            <option value="uid">{t("dhis2.uid")}</option>
            <option value="code">{t("dhis2.code")}</option>
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={autoPush} onChange={(e) => setAutoPush(e.currentTarget.checked)} />{" "}
          {t("dhis2.autoPush")}
        </label>
        <button
          type="button"
          class="secondary"
          disabled={lists.busy || !m.hasToken}
          onClick={() => lists.run(async () => setMetadata(await dhis2Api.metadata()))}
        >
          {t("dhis2.loadLists")}
        </button>
        <FormError error={lists.error} />
        <p role="status" class="status-line">
          {metadata
            ? t("dhis2.listsLoaded", {
                dataElements: metadata.dataElements.length,
                orgUnits: metadata.orgUnits.length,
              })
            : ""}
        </p>
        {metadata && (
          <>
            <datalist id={`${id}-des`}>
              {metadata.dataElements.map((d) => (
                <option key={d.id} value={ref(d)} label={d.name} />
              ))}
            </datalist>
            <datalist id={`${id}-cocs`}>
              {metadata.categoryOptionCombos.map((c) => (
                <option key={c.id} value={ref(c)} label={c.name} />
              ))}
            </datalist>
            <datalist id={`${id}-ous`}>
              {metadata.orgUnits.map((o) => (
                <option key={o.id} value={ref(o)} label={o.name} />
              ))}
            </datalist>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t("dhis2.indicators")}</legend>
        <p class="hint">{t("dhis2.indicatorsHint")}</p>
        {rows.map((r, i) => (
          <div class="dhis2-row" key={i}>
            <div class="field">
              <label for={`${id}-m${i}`}>{t("dhis2.indicator")}</label>
              <select
                id={`${id}-m${i}`}
                value={r.metric}
                onChange={(e) => setRow(i, { metric: e.currentTarget.value as Row["metric"] })}
              >
                {countMetrics.map((metric) => (
                  <option key={metric} value={metric}>
                    {td(`metrics.${metric}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${id}-de${i}`}>{t("dhis2.dataElement")}</label>
              <input
                id={`${id}-de${i}`}
                list={metadata ? `${id}-des` : undefined}
                value={r.dataElement}
                onInput={(e) => setRow(i, { dataElement: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={`${id}-coc${i}`}>{t("dhis2.coc")}</label>
              <input
                id={`${id}-coc${i}`}
                list={metadata ? `${id}-cocs` : undefined}
                value={r.categoryOptionCombo}
                onInput={(e) => setRow(i, { categoryOptionCombo: e.currentTarget.value })}
              />
            </div>
            <button type="button" class="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t("dhis2.removeIndicator", { name: td(`metrics.${r.metric}`) })}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => setRows([...rows, { metric: "reports_total", dataElement: "", categoryOptionCombo: "" }])}
        >
          {t("dhis2.addIndicator")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("dhis2.areas")}</legend>
        <p class="hint">{t("dhis2.areasHint")}</p>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            setOrgUnits({ ...Object.fromEntries(areas.map((a) => [a.id, a.code])), ...nonEmpty(orgUnits) })
          }
        >
          {t("dhis2.suggestCodes")}
        </button>
        {metadata && (
          <button type="button" class="secondary" onClick={matchByCode}>
            {t("dhis2.matchCodes")}
          </button>
        )}
        <div class="dhis2-areas">
          {areas.map((a) => (
            <div class="field" key={a.id}>
              <label for={`${id}-ou-${a.id}`}>{a.name}</label>
              <input
                id={`${id}-ou-${a.id}`}
                list={metadata ? `${id}-ous` : undefined}
                value={orgUnits[a.id] ?? ""}
                onInput={(e) => setOrgUnits({ ...orgUnits, [a.id]: e.currentTarget.value })}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <FormError error={error} />
      <p role="status" class="status-line">
        {saved ? t("dhis2.saved") : ""}
      </p>
      <button type="submit" disabled={busy}>
        {busy ? t("dhis2.saving") : t("dhis2.save")}
      </button>
    </form>
  );
}

const nonEmpty = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim()));

function PushPanel(props: { periodType: Dhis2Mapping["periodType"] }) {
  const t = useT("setup");
  const id = useId();
  const [period, setPeriod] = useState(props.periodType === "monthly" ? lastClosedMonth() : lastClosedQuarter());
  const [again, setAgain] = useState(false);
  const [result, setResult] = useState<Dhis2PushResult | null>(null);
  const [history, setHistory] = useState<Dhis2PushResult[]>([]);
  const { busy, error, run } = useAction();
  const refresh = () =>
    dhis2Api.history().then(
      (h) => setHistory(h.items),
      () => {},
    );
  useEffect(() => {
    void refresh();
  }, []);

  const push = (dryRun: boolean) =>
    run(async () => {
      setResult(await dhis2Api.push({ period, dryRun, again }));
      await refresh();
    });
  const download = () =>
    run(async () => {
      const payload = await dhis2Api.payload(period);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify({ dataValues: payload.dataValues }, null, 2)], { type: "application/json" }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = `dataValueSets-${payload.dhis2Period}.json`;
      a.click();
      URL.revokeObjectURL(url);
    });

  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("dhis2.sendTitle")}</h2>
      <p>{t("dhis2.sendIntro")}</p>
      <div class="panel setup-form">
        <div class="field">
          <label for={`${id}-p`}>{t("dhis2.period")}</label>
          <input
            id={`${id}-p`}
            value={period}
            aria-describedby={`${id}-p-hint`}
            onInput={(e) => setPeriod(e.currentTarget.value.trim())}
          />
          <p class="hint" id={`${id}-p-hint`}>
            {t("dhis2.periodHint")}
          </p>
        </div>
        <label class="check">
          <input type="checkbox" checked={again} onChange={(e) => setAgain(e.currentTarget.checked)} />{" "}
          {t("dhis2.again")}
        </label>
        <div class="button-row">
          <button type="button" class="secondary" disabled={busy} onClick={download}>
            {t("dhis2.download")}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => push(true)}>
            {t("dhis2.dryRun")}
          </button>
          <button type="button" disabled={busy} onClick={() => push(false)}>
            {t("dhis2.push")}
          </button>
        </div>
        <FormError error={error} />
      </div>
      <div aria-live="polite">{result && <PushSummary result={result} />}</div>
      {history.length > 0 && <PushHistory items={history} />}
    </section>
  );
}

function PushSummary({ result }: { result: Dhis2PushResult }) {
  const t = useT("setup");
  const c = result.importCount;
  return (
    <div class="panel dhis2-summary">
      <h3>
        {t(result.dryRun ? "dhis2.summaryDry" : "dhis2.summaryPush", { period: result.period })}:{" "}
        {t(`dhis2.status.${result.status}`)}
      </h3>
      <p>{t("dhis2.counts", { sent: result.sent, ...c })}</p>
      {result.status !== "SUCCESS" && <p>{result.message}</p>}
      {result.conflicts.length > 0 && (
        <ul>
          {result.conflicts.map((k, i) => (
            <li key={i}>
              <strong>{k.explanation}</strong>{" "}
              <span class="hint">
                {t("dhis2.conflictRows", { rows: k.indexes.map((n) => n + 1).join(", ") })} — DHIS2: {k.value}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PushHistory({ items }: { items: Dhis2PushResult[] }) {
  const t = useT("setup");
  return (
    <section
      class="table-scroll"
      aria-label={t("dhis2.history")}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
      <table class="data-table">
        <caption>{t("dhis2.history")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dhis2.when")}</th>
            <th scope="col">{t("dhis2.period")}</th>
            <th scope="col">{t("dhis2.kind")}</th>
            <th scope="col">{t("dhis2.result")}</th>
            <th scope="col">{t("dhis2.by")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <td>{new Date(h.at).toLocaleString()}</td>
              <td>{h.period}</td>
              <td>{t(h.dryRun ? "dhis2.kindDry" : "dhis2.kindPush")}</td>
              <td>
                {t(`dhis2.status.${h.status}`)} ({t("dhis2.counts", { sent: h.sent, ...h.importCount })})
              </td>
              <td>{h.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
