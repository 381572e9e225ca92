import type { Facility } from "@openclm/contracts";
import { useT } from "../../../i18n/use-t.js";
import { formatOpeningHours } from "./opening-hours.js";

/** Digits and a leading + only: what a tel: link wants. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export function FacilityCard(props: { facility: Facility; locale: string }) {
  const t = useT("app");
  const f = props.facility;
  const hours = formatOpeningHours(f.openingHours, props.locale);
  const headingId = `facility-${f.id}`;
  return (
    <article class="facility" aria-labelledby={headingId}>
      <h2 id={headingId} class="facility__name">
        {f.name}
      </h2>
      <p class="facility__type">{t(`nearMe.types.${f.type}`)}</p>
      <dl class="facility__details">
        <div>
          <dt>{t("nearMe.address")}</dt>
          <dd>{f.address}</dd>
        </div>
        <div>
          <dt>{t("nearMe.hours")}</dt>
          <dd>
            {hours.length === 0 ? (
              t("nearMe.noHours")
            ) : (
              <ul class="hours">
                {hours.map((row) => (
                  <li key={row.days}>
                    <span class="hours__days">{row.days}</span> <span class="hours__times">{row.times}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {f.phone && (
          <div>
            <dt>{t("nearMe.phone")}</dt>
            <dd>
              <a class="phone-link" href={telHref(f.phone)} aria-label={t("nearMe.call", { phone: f.phone })}>
                {f.phone}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
