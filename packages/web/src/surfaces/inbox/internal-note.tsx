import type { InboxReport } from "@openclm/contracts";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { actionAttrs } from "./inbox-actions.js";
import { TextEntryForm } from "./text-entry-form.js";
import { useReportWrite } from "./use-report-write.js";

export const NOTE_ID = "note-body";

/** A note for the team only: never shown to the reporter (the box says so, and looks different). */
export function InternalNote(props: { report: InboxReport }) {
  const t = useT("inbox");
  const write = useReportWrite();
  const attrs = actionAttrs("note", t("actions.note"));
  return (
    <section class="detail-section internal" aria-labelledby="note-h">
      <h3 id="note-h">{t("note.title")}</h3>
      <TextEntryForm
        id={NOTE_ID}
        class="text-entry--internal"
        label={t("note.label")}
        hint={t("note.hint")}
        submit={t("note.save")}
        busy={write.busy}
        error={write.error}
        title={attrs.title}
        keyshortcut={attrs["aria-keyshortcuts"]}
        onSubmit={(body) => write.run(() => inboxApi.note(props.report.id, body), t("note.saved"))}
      />
    </section>
  );
}
