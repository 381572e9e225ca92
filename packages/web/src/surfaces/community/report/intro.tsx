import type { AssistantKind, ReporterMode } from "@openclm/contracts";
import { useId } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import type { Assistant } from "../assist/use-assistant.js";
import { FirstUseHint } from "../first-use-hint.js";
import { ChoiceList } from "./choice-list.js";
import type { Draft } from "./draft.js";
import type { UpdateDraft } from "./use-draft.js";

/**
 * Before the questions: what reporting means, that no name is needed; someone who may report for others (a peer
 * supporter, a community account) chooses for whom and, reporting for someone, as what kind of helper.
 */
export function Intro(props: { draft: Draft; update: UpdateDraft; assistant: Assistant | null; onStart(): void }) {
  const t = useT("app");
  const id = useId();
  const { draft, assistant } = props;
  const kinds = assistant?.kinds ?? [];
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
      <FirstUseHint id="report">{t("hints.report")}</FirstUseHint>
      {assistant && (
        <ChoiceList
          name={`${id}-mode`}
          legend={t("report.mode.legend")}
          choices={(["self", "on_behalf"] as const).map((m) => ({
            value: m,
            label: t(m === "self" ? "report.mode.self" : "report.mode.onBehalf"),
          }))}
          selected={[draft.reporterMode]}
          onChange={([m]) =>
            props.update({
              reporterMode: (m as ReporterMode) ?? "self",
              assistantKind: m === "on_behalf" ? (draft.assistantKind ?? kinds[0] ?? null) : null,
            })
          }
        />
      )}
      {assistant && draft.reporterMode === "on_behalf" && kinds.length > 1 && (
        <ChoiceList
          name={`${id}-kind`}
          legend={t("assist.kindLegend")}
          hint={t("assist.kindHint")}
          choices={kinds.map((k) => ({ value: k, label: t(`assist.kind.${k}`) }))}
          selected={draft.assistantKind ? [draft.assistantKind] : []}
          onChange={([k]) => props.update({ assistantKind: (k as AssistantKind) ?? null })}
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
