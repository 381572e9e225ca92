import "./protocol.css";
import type { ReportProtocol } from "@openclm/contracts";
import { useId } from "preact/hooks";
import type { ApiError } from "../../api/client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { useFormatters } from "./format.js";
import { useReportContext } from "./report-context.js";

type Clock = ReportProtocol["sla"]["firstResponse"];

/** "5 hours", "3 days" in the UI language: hours up to two days, days after. */
function useDuration() {
  const lng = useLanguage();
  const locale = lng === "en-XA" ? "en" : lng;
  return (ms: number) => {
    const hours = Math.max(1, Math.round(Math.abs(ms) / 3_600_000));
    const [value, unit] = hours < 48 ? [hours, "hour"] : [Math.round(hours / 24), "day"];
    return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
  };
}

/**
 * One deadline. Only an open report's clock counts down; once met it says when (and how late), and once the report
 * ended without it (declined, closed) it says whether the deadline had passed by then: no "due in" on a closed case.
 */
function ClockRow(props: { label: string; clock: Clock; status: string }) {
  const t = useT("inbox");
  const fmt = useFormatters();
  const duration = useDuration();
  const c = props.clock;
  const due = new Date(c.dueAt).getTime();
  const left = due - Date.now();
  const ended = {
    status: t(`status.${props.status}` as "status.closed"),
    when: c.endedAt ? fmt.dateTime(c.endedAt) : "",
  };
  // A clock the server saw running may have passed its deadline since: say so without waiting for a reload.
  const state = c.state === "running" && left <= 0 ? "overdue" : c.state;
  const text = {
    met: () => t("protocol.metAt", { when: fmt.dateTime(c.metAt!) }),
    met_late: () =>
      t("protocol.metLate", { when: fmt.dateTime(c.metAt!), time: duration(new Date(c.metAt!).getTime() - due) }),
    overdue: () => t("protocol.overdueBy", { time: duration(left) }),
    running: () => t("protocol.dueIn", { time: duration(left) }),
    missed: () => t("protocol.missed", ended),
    stopped: () => t("protocol.stoppedEnded", ended),
  }[state]();
  return (
    <div class={`sla-clock sla-clock--${state}`}>
      <dt>{props.label}</dt>
      <dd>
        <span class="sla-clock__state">{text}</span>
        <span class="muted">
          {" "}
          · {t("protocol.target", { hours: c.targetHours })} · <time dateTime={c.dueAt}>{fmt.dateTime(c.dueAt)}</time>
        </span>
        {c.restarted && (
          <span class="sla-clock__restarted">{t("protocol.restarted", { when: fmt.dateTime(c.startedAt) })}</span>
        )}
        {c.escalatedAt && <span class="badge badge--overdue">{t("protocol.escalated")}</span>}
      </dd>
    </div>
  );
}

/** SLA clocks and the checklist of the report's protocol; native checkboxes, so keyboards and screen readers work. */
export function ProtocolPanel(props: {
  protocol: ReportProtocol | null;
  error: ApiError | null;
  busy: boolean;
  canTick: boolean;
  onTick(stepCode: string, done: boolean): Promise<boolean>;
}) {
  const t = useT("inbox");
  const id = useId();
  const fmt = useFormatters();
  const { me, announce, report } = useReportContext();
  const p = props.protocol;
  const done = p?.steps.filter((s) => s.done).length ?? 0;
  return (
    <section class="detail-section protocol-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("protocol.title")}</h3>
      <FormError error={props.error} />
      {p && (
        <>
          <h4 class="protocol-panel__sub">{t("protocol.clocks")}</h4>
          <dl class="sla-clocks">
            <ClockRow label={t("protocol.firstResponse")} clock={p.sla.firstResponse} status={report.status} />
            <ClockRow label={t("protocol.resolution")} clock={p.sla.resolution} status={report.status} />
          </dl>
          {p.slaSource === "default" && <p class="hint">{t("protocol.targetDefault")}</p>}
          {p.steps.length === 0 ? (
            <p class="muted">{t("protocol.none")}</p>
          ) : (
            <fieldset class="checklist" aria-describedby={`${id}-progress`}>
              <legend>{t("protocol.checklist")}</legend>
              <p class="hint" id={`${id}-progress`}>
                {t("protocol.progress", { done, total: p.steps.length })}
              </p>
              <ul>
                {p.steps.map((s) => (
                  <li key={s.code} class={s.done ? "checklist__item checklist__item--done" : "checklist__item"}>
                    <input
                      type="checkbox"
                      id={`${id}-${s.code}`}
                      checked={s.done}
                      disabled={!props.canTick || props.busy}
                      onChange={async (e) => {
                        const want = e.currentTarget.checked;
                        if (await props.onTick(s.code, want))
                          announce(t(want ? "protocol.stepDone" : "protocol.stepUndone", { step: s.label }));
                      }}
                    />
                    <label for={`${id}-${s.code}`}>{s.label}</label>
                    {s.done && s.doneAt && (
                      <span class="checklist__who muted">
                        {s.doneBy === me.id ? t("timeline.byYou") : t("timeline.byStaff")} ·{" "}
                        <time dateTime={s.doneAt}>{fmt.dateTime(s.doneAt)}</time>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </>
      )}
    </section>
  );
}
