import type { BenchmarkSeries, CsvRowError, IndicatorMetric } from "@openclm/contracts";
import { indicatorMetrics } from "@openclm/contracts/constants";
import { useId, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { benchmarksApi, ImportRefused } from "./dashboard-setup-api.js";
import { useSetupList } from "./use-setup-list.js";

/** The most a file may weigh: the server refuses bigger ones, so say so before sending. */
const MAX_BYTES = 64 * 1024;

const loadSeries = async () => (await benchmarksApi.list()).series;

/** Benchmark series (country admin): the imported ones, importing a CSV and removing a series. */
export function BenchmarksSetup() {
  const t = useT("setup");
  const td = useT("dashboard");
  const list = useSetupList(loadSeries);
  const series = list.items;
  const remove = (s: BenchmarkSeries) =>
    list.removeThen(() => benchmarksApi.remove(s.id), t("benchmarks.deleted", { name: s.name }));

  return (
    <section class="setup-section">
      <p>{t("benchmarks.intro")}</p>
      <p role="status" class="status-line">
        {list.status}
      </p>
      <FormError error={list.error} />
      {series && series.length === 0 && <p class="muted">{t("benchmarks.none")}</p>}
      {series && series.length > 0 && (
        <ul class="series-list">
          {series.map((s) => (
            <li key={s.id} class="series-list__item">
              <span>
                <strong>{s.name}</strong>
                <span class="muted">
                  {" · "}
                  {td(`metrics.${s.metric}`)}
                  {" · "}
                  {t("benchmarks.points", { count: s.points.length })}
                </span>
              </span>
              <button
                type="button"
                class="button button--secondary"
                aria-label={t("benchmarks.deleteFor", { name: s.name })}
                onClick={() => void remove(s)}
              >
                {t("benchmarks.delete")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ImportForm
        onImported={async (s) => {
          list.setStatus(t("benchmarks.imported", { name: s.name, count: s.points.length }));
          await list.reload();
        }}
      />
    </section>
  );
}

function ImportForm(props: { onImported(series: BenchmarkSeries): void | Promise<void> }) {
  const t = useT("setup");
  const td = useT("dashboard");
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<CsvRowError[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get("file");
    setError(null);
    setRows([]);
    const refusal =
      !(file instanceof File) || file.size === 0
        ? new ImportRefused(400, "VALIDATION_FAILED", "no file", [])
        : file.size > MAX_BYTES
          ? new ImportRefused(413, "PAYLOAD_TOO_LARGE", "file too large", [])
          : null;
    if (refusal || !(file instanceof File)) {
      setError(refusal);
      return;
    }
    setBusy(true);
    try {
      const series = await benchmarksApi.importCsv(
        String(data.get("name") ?? "").trim(),
        String(data.get("metric")) as IndicatorMetric,
        await file.text(),
      );
      form.reset();
      await props.onImported(series);
    } catch (err) {
      setError(err);
      if (err instanceof ImportRefused) setRows(err.rows);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="staff-form panel setup-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("benchmarks.formTitle")}</h2>
      <div class="field">
        <label for={`${id}-name`}>{t("benchmarks.name")}</label>
        <p class="hint" id={`${id}-name-hint`}>
          {t("benchmarks.nameHint")}
        </p>
        <input
          id={`${id}-name`}
          name="name"
          type="text"
          maxLength={120}
          required
          autocomplete="off"
          aria-describedby={`${id}-name-hint`}
        />
      </div>
      <div class="field">
        <label for={`${id}-metric`}>{t("benchmarks.metric")}</label>
        <select id={`${id}-metric`} name="metric">
          {indicatorMetrics.map((m) => (
            <option key={m} value={m}>
              {td(`metrics.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-file`}>{t("benchmarks.file")}</label>
        <p class="hint" id={`${id}-file-hint`}>
          {t("benchmarks.fileHint")}
        </p>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby={`${id}-file-hint`}
        />
      </div>
      <FormError error={error} />
      {rows.length > 0 && (
        <ul class="csv-problems" aria-label={t("benchmarks.problemsLabel")}>
          {rows.map((r) => (
            <li key={`${r.row}-${r.problem}`}>
              {t("benchmarks.rowProblem", { row: r.row, problem: t(`benchmarks.problems.${r.problem}`) })}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" class="button" disabled={busy}>
        {t("benchmarks.import")}
      </button>
    </form>
  );
}
