import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { type TableData, toCsv } from "./csv.js";
import { DataTable } from "./data-table.js";
import { csvBlob, fileName, saveFile, svgBlob, svgToPng } from "./download.js";
import { useAreaName } from "./filter-bar.js";
import { useDashboard } from "./use-indicators.js";

export interface ChartImage {
  /**
   * The chart as a stand-alone SVG document, with its size. `caption`: the lines under the title (area and period,
   * source), so a downloaded image still says what it shows once it is pasted into a report.
   */
  svg(caption: string[]): Promise<{ svg: string; width: number; height: number }>;
}

/** Where, when and from whom a downloaded chart's figures come. */
function useCaption(): string[] {
  const t = useT("dashboard");
  const lng = useLanguage();
  const view = useDashboard();
  const area = useAreaName();
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  return [
    `${area} · ${day(view.period.from)} – ${day(view.period.to)}`,
    view.source === "public"
      ? `${t("download.source")} ${t("download.adjusted")}`
      : `${t("download.source")} ${t("download.staffFigures")}`,
  ];
}

/**
 * A dashboard panel: a visible title, optional controls, the chart, downloads (PNG, SVG, and the data behind it
 * as CSV) and the same figures as a table for people who cannot see the chart. `id` names the downloaded files.
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  hint?: string;
  controls?: ComponentChildren;
  table: TableData | null;
  image?: ChartImage | null;
  /** Show the table open rather than behind a disclosure (for tables that are the panel). */
  tableOpen?: boolean;
  busy?: boolean;
  children?: ComponentChildren;
}) {
  const t = useT("dashboard");
  const view = useDashboard();
  const headingId = useId();
  const [failed, setFailed] = useState(false);
  const caption = useCaption();
  const { table, image } = props;

  const download = async (kind: "png" | "svg" | "csv") => {
    setFailed(false);
    try {
      const name = fileName(props.id, view.period, kind);
      if (kind === "csv" && table) return saveFile(name, csvBlob(toCsv(table)));
      if (!image) return;
      const { svg, width, height } = await image.svg(caption);
      saveFile(name, kind === "svg" ? svgBlob(svg) : await svgToPng(svg, width, height));
    } catch {
      setFailed(true);
    }
  };

  return (
    <section
      class={`dash-card dash-card--${props.id}`}
      aria-labelledby={headingId}
      aria-busy={props.busy ? "true" : undefined}
    >
      <div class="dash-card__head">
        <h2 id={headingId}>{props.title}</h2>
        {props.controls && <div class="dash-card__controls">{props.controls}</div>}
      </div>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.children}
      {table && (
        <>
          {props.tableOpen ? (
            <DataTable table={table} caption={props.title} />
          ) : (
            <details class="dash-card__table">
              <summary>{t("table.show")}</summary>
              <DataTable table={table} caption={props.title} />
            </details>
          )}
          <fieldset class="dash-downloads">
            <legend class="visually-hidden">{t("download.label")}</legend>
            <span class="dash-downloads__label" aria-hidden="true">
              {t("download.label")}
            </span>
            {image && (
              <>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={t("download.pngOf", { title: props.title })}
                  onClick={() => void download("png")}
                >
                  {t("download.png")}
                </button>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={t("download.svgOf", { title: props.title })}
                  onClick={() => void download("svg")}
                >
                  {t("download.svg")}
                </button>
              </>
            )}
            <button
              type="button"
              class="button button--secondary button--small"
              aria-label={t("download.csvOf", { title: props.title })}
              onClick={() => void download("csv")}
            >
              {t("download.csv")}
            </button>
          </fieldset>
          {failed && (
            <p class="form-error" role="alert">
              {t("download.failed")}
            </p>
          )}
        </>
      )}
    </section>
  );
}
