import { useT } from "../../i18n/use-t.js";
import type { TableData } from "./csv.js";

/**
 * A table of figures, scrolling sideways on its own on narrow screens (the page never does). The scroll area can
 * take focus so keyboard users can scroll it too.
 */
export function DataTable(props: { table: TableData; caption: string; class?: string }) {
  const t = useT("dashboard");
  return (
    <section
      class={`table-scroll ${props.class ?? ""}`}
      aria-label={t("table.scrollLabel", { title: props.caption })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
      <table class="data-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.table.columns.map((c, i) => (
              <th key={c.label} scope="col" class={c.numeric ? "num" : undefined} data-col={i}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell.href ? <a href={cell.href}>{cell.text}</a> : cell.text}
                  </th>
                ) : (
                  <td
                    key={i}
                    class={`${props.table.columns[i]?.numeric ? "num" : ""} ${cell.hidden ? "cell--hidden" : ""}`}
                  >
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
