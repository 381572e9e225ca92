import "./advocacy-stories.css";
import { useMemo } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { storiesApi } from "../../api/stories-client.js";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { monthLabel } from "../../shared/month-label.js";
import { Problem } from "../../shared/problem.js";
import { useLoad } from "../../shared/use-load.js";

/**
 * /dashboard/stories — advocacy stories for analysts: texts a data manager redacted and approved, from reporters who
 * agreed, with the category, region and month only. Nothing here leads back to a report.
 */
export function AdvocacyStories() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const { config } = useConfig();
  const { data, error, reload } = useLoad(storiesApi.approved);
  const names = useMemo(() => {
    const categories = new Map((config?.taxonomy ?? []).map((c) => [c.code, c.label]));
    const areas = new Map((config?.areas ?? []).map((a) => [a.id, a.name]));
    return {
      category: (code: string) => categories.get(code) ?? code,
      region: (id: string | null) => (id ? (areas.get(id) ?? "—") : "—"),
    };
  }, [config]);

  return (
    <section class="advocacy-stories" aria-labelledby="advocacy-stories-list" aria-busy={!data && !error}>
      <p>
        <a href="/dashboard">{t("stories.back")}</a>
      </p>
      <p class="lead">{t("stories.intro")}</p>
      <h2 id="advocacy-stories-list">{t("stories.listTitle")}</h2>
      {error && <Problem error={error} onRetry={reload} />}
      {!data && !error && <p aria-live="polite">{t("stories.loading")}</p>}
      {data?.items.length === 0 && <p class="muted">{t("stories.none")}</p>}
      {data && data.items.length > 0 && (
        <ul class="story-list">
          {data.items.map((s) => (
            <li key={s.id} class="story-card">
              <blockquote class="story-card__text">{s.text}</blockquote>
              <p class="story-card__facts">
                <span>{names.category(s.categoryCode)}</span>
                <span>{names.region(s.regionId)}</span>
                <span>{monthLabel(lng, s.month, "long")}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
