import type { AuditVerification } from "@openclm/contracts";
import { useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { auditApi } from "./audit-api.js";
import { utcTime } from "./audit-filters.js";

/**
 * The integrity check: the server recomputes the whole hash chain and checks every signed checkpoint (what
 * `npm run audit:verify` does) and answers the head hash, which the auditor records somewhere else.
 */
export function IntegrityCheck() {
  const t = useT("audit");
  const action = useAction();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const run = () =>
    action.run(async () => {
      setResult(null);
      setResult(await auditApi.verify());
    });

  return (
    <section class="panel audit-integrity" aria-labelledby="audit-integrity-title">
      <h2 id="audit-integrity-title">{t("integrity.title")}</h2>
      <p>{t("integrity.intro")}</p>
      <button type="button" class="button" onClick={() => void run()} disabled={action.busy}>
        {action.busy ? t("integrity.running") : t("integrity.run")}
      </button>
      <FormError error={action.error} />
      <div role="status" aria-live="polite">
        {result && <IntegrityResult result={result} />}
      </div>
    </section>
  );
}

function IntegrityResult(props: { result: AuditVerification }) {
  const t = useT("audit");
  const r = props.result;
  return (
    <div class={`audit-verdict ${r.ok ? "audit-verdict--ok" : "audit-verdict--bad"}`}>
      <p class="audit-verdict__title">
        <strong>
          {r.ok ? t("integrity.ok", { count: r.checked }) : t("integrity.bad", { count: r.problemCount })}
        </strong>
      </p>
      <dl class="audit-verdict__facts">
        <div>
          <dt>{t("integrity.head")}</dt>
          <dd>
            <span translate={false}>#{r.headSeq}</span>{" "}
            <code class="audit-hash" translate={false}>
              {r.headHash}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t("integrity.checkpoints")}</dt>
          <dd>
            {r.latestCheckpoint
              ? t("integrity.latestCheckpoint", {
                  count: r.checkpoints,
                  seq: r.latestCheckpoint.seq,
                  at: utcTime(r.latestCheckpoint.at),
                })
              : t("integrity.noCheckpoint")}
          </dd>
        </div>
        <div>
          <dt>{t("integrity.checkedAt")}</dt>
          <dd translate={false}>{utcTime(r.verifiedAt)}</dd>
        </div>
      </dl>
      {r.problems.length > 0 && (
        <>
          <p>{t("integrity.problems")}</p>
          <ul class="audit-problems">
            {r.problems.map((p) => (
              <li key={`${p.seq}-${p.problem}`}>
                <span class="code" translate={false}>
                  #{p.seq}
                </span>{" "}
                {p.problem}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hint">{t("integrity.record")}</p>
    </div>
  );
}
