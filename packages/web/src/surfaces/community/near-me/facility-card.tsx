import type { Facility } from "@openclm/contracts";
import { useT } from "../../../i18n/use-t.js";
import { directionsHref } from "./directions.js";
import { formatDistance, travelHint } from "./distance.js";
import { formatOpeningHours } from "./opening-hours.js";
import { FacilityRating } from "./rate-facility.js";
import { serviceLabel } from "./services.js";

/** Digits and a leading + only: what a tel: link wants. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

function formatDay(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

export function FacilityCard(props: { facility: Facility; locale: string; metres?: number }) {
  const t = useT("app");
  const f = props.facility;
  const hours = formatOpeningHours(f.openingHours, props.locale);
  const headingId = `facility-${f.id}`;
  const hint = props.metres === undefined ? undefined : travelHint(props.metres);
  return (
    <article class="facility" aria-labelledby={headingId}>
      <h2 id={headingId} class="facility__name">
        {f.name}
      </h2>
      <p class="facility__type">{t(`nearMe.types.${f.type}`)}</p>
      {props.metres !== undefined && hint && (
        <p class="facility__distance">
          {t(hint.mode === "walk" ? "nearMe.walk" : "nearMe.drive", {
            distance: formatDistance(props.metres, props.locale),
            minutes: hint.minutes,
          })}
        </p>
      )}
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
        {f.services.length > 0 && (
          <div>
            <dt>{t("nearMe.services")}</dt>
            <dd>
              <ul class="facility__services">
                {f.services.map((s) => (
                  <li key={s}>{serviceLabel(t, s)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
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
      <p class="facility__actions">
        <a
          class="facility__directions"
          href={directionsHref(f, navigator.userAgent)}
          rel="noopener noreferrer"
          aria-label={t("nearMe.directionsTo", { name: f.name })}
        >
          {t("nearMe.directions")}
        </a>
      </p>
      <p class="facility__updated">{t("nearMe.updated", { date: formatDay(f.updatedAt, props.locale) })}</p>
      <FacilityRating facility={f} />
    </article>
  );
}
