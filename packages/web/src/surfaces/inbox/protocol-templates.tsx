import type { ReportProtocol } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";

type Template = ReportProtocol["templates"][number];

/**
 * Picks a message template and puts it, filled in and in the reporter's language, into the reply box; the
 * responder reads it (in their own language too, when the two differ) and sends it as any other reply.
 */
export function ProtocolTemplates(props: { templates: Template[]; onUse(body: string): void }) {
  const t = useT("inbox");
  const id = useId();
  const lng = useLanguage();
  const [code, setCode] = useState("");
  const chosen = props.templates.find((x) => x.code === code);
  if (props.templates.length === 0) return null;
  return (
    <div class="protocol-templates">
      <div class="field">
        <label for={`${id}-t`}>{t("protocol.templateLabel")}</label>
        <div class="protocol-templates__row">
          <select id={`${id}-t`} value={code} onChange={(e) => setCode(e.currentTarget.value)}>
            <option value="">{t("protocol.templateChoose")}</option>
            {props.templates.map((x) => (
              <option key={x.code} value={x.code}>
                {x.label}
              </option>
            ))}
          </select>
          <button type="button" class="button" disabled={!chosen} onClick={() => chosen && props.onUse(chosen.body)}>
            {t("protocol.templateUse")}
          </button>
        </div>
      </div>
      {chosen && chosen.language !== lng.split("-")[0] && (
        <details class="protocol-templates__translation">
          <summary>{t("protocol.staffVersion")}</summary>
          <p class="free-text">{chosen.staffBody}</p>
        </details>
      )}
    </div>
  );
}
