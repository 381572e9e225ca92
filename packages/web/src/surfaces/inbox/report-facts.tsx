import type { InboxReport } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { useFormatters } from "./format.js";
import { useLabels } from "./use-labels.js";

/** What the report is about, where and when, and how it came in. No personal data here. */
export function ReportFacts(props: { report: InboxReport }) {
  const t = useT("inbox");
  const labels = useLabels();
  const fmt = useFormatters();
  const r = props.report;
  const rows: [string, string][] = [
    [t("fields.category"), labels.category(r.categoryCode)],
    [t("fields.subcategory"), labels.subcategory(r.subcategoryCode)],
    [t("fields.challenges"), r.challengeTypes.map(labels.challengeType).join(", ") || "—"],
    [t("fields.district"), labels.area(r.districtId)],
    [t("fields.region"), labels.area(r.regionId)],
    [t("fields.occurredOn"), fmt.date(r.occurredOn)],
    [t("fields.received"), fmt.dateTime(r.createdAt)],
    [t("fields.channel"), t(`channel.${r.channel as "app"}`, { defaultValue: r.channel })],
    [t("fields.reporterMode"), t(`reporterMode.${r.reporterMode as "self"}`, { defaultValue: r.reporterMode })],
    ...assistanceRows(t, r),
    [t("fields.gender"), t(`gender.${r.gender as "female"}`, { defaultValue: r.gender })],
    [t("fields.ageGroup"), r.ageGroup === "undisclosed" ? t("gender.undisclosed") : r.ageGroup],
    [
      t("fields.keyPopulations"),
      r.keyPopulations
        .map((k) => labels.keyPopulation(k) ?? t(`keyPopulation.${k as "plhiv"}`, { defaultValue: k }))
        .join(", ") || "—",
    ],
    [t("fields.contactConsent"), r.consent.contactMe ? t("yes") : t("no")],
  ];
  if (r.registrationRequired) {
    rows.push([t("fields.registered"), t(`registration.value.${r.registeredWithProgramme}`)]);
  }
  if (r.declineReason) rows.push([t("fields.declineReason"), t(`reasons.${r.declineReason as "spam"}`)]);
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who helped and how the person agreed (a report made on someone's behalf); the form's reference with personal data. */
function assistanceRows(t: ReturnType<typeof useT<"inbox">>, r: InboxReport): [string, string][] {
  const a = r.assistance;
  if (!a) return [];
  const rows: [string, string][] = [
    [t("fields.assistedBy"), t(`assistance.kind.${a.kind}`)],
    [
      t("fields.consentMethod"),
      a.consentMethod ? t(`assistance.method.${a.consentMethod}`) : t("assistance.notRecorded"),
    ],
  ];
  if (a.consentReference) rows.push([t("fields.consentReference"), a.consentReference]);
  return rows;
}
