import type { ReporterMode } from "@openclm/contracts";
import { useId } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import { ChoiceList } from "./choice-list.js";
import type { Draft } from "./draft.js";
import type { UpdateDraft } from "./use-draft.js";

/** Before the questions: what reporting means, that no name is needed; peer supporters choose for whom. */
export function Intro(props: { draft: Draft; update: UpdateDraft; peerSupporter: boolean; onStart(): void }) {
  const t = useT("app");
  const id = useId();
  return (
    <form
      class="step"
      onSubmit={(e) => {
        e.preventDefault();
        props.onStart();
      }}
    >
      <p class="lead">{t("report.intro.lead")}</p>
      <ul class="intro-points">
        <li>{t("report.intro.anonymous")}</li>
        <li>{t("report.intro.time")}</li>
        <li>{t("report.intro.offline")}</li>
      </ul>
      {props.peerSupporter && (
        <ChoiceList
          name={`${id}-mode`}
          legend={t("report.mode.legend")}
          hint={t("report.mode.hint")}
          choices={(["self", "on_behalf"] as const).map((m) => ({
            value: m,
            label: t(m === "self" ? "report.mode.self" : "report.mode.onBehalf"),
          }))}
          selected={[props.draft.reporterMode]}
          onChange={([m]) => props.update({ reporterMode: (m as ReporterMode) ?? "self" })}
        />
      )}
      <div class="step__nav">
        <button type="submit" class="button">
          {t("report.intro.start")}
        </button>
      </div>
    </form>
  );
}
