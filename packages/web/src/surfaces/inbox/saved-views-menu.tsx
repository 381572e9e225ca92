import type { SavedView } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { viewsApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { filtersFromSaved, filtersToSaved, type InboxFilters } from "./inbox-filters.js";

/** "Views": the person's saved filters. Choosing one applies it; the current filters can be saved under a name. */
export function SavedViewsMenu(props: {
  filters: InboxFilters;
  onApply(filters: InboxFilters): void;
  announce(text: string): void;
}) {
  const t = useT("inbox");
  const id = useId();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError | null>(null);

  const load = () =>
    viewsApi.list().then(
      (r) => setViews(r.items),
      () => setViews([]),
    );
  useEffect(() => {
    void load();
  }, []);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      await load();
      props.announce(done);
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)));
      return false;
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await run(() => viewsApi.create(name.trim(), filtersToSaved(props.filters)), t("views.saved"))) setName("");
  };

  return (
    <details class="views-menu">
      <summary>{t("views.title")}</summary>
      <div class="views-menu__body">
        {views.length === 0 && <p class="muted">{t("views.none")}</p>}
        <ul class="views-menu__list">
          {views.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                class="button button--link"
                aria-label={t("views.apply", { name: v.name })}
                onClick={() => {
                  props.onApply(filtersFromSaved(v.filters));
                  props.announce(t("views.applied", { name: v.name }));
                }}
              >
                {v.name}
              </button>
              <button
                type="button"
                class="button button--link views-menu__delete"
                aria-label={t("views.delete", { name: v.name })}
                title={t("views.delete", { name: v.name })}
                onClick={() => void run(() => viewsApi.remove(v.id), t("views.deleted"))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form class="views-menu__save" onSubmit={save}>
          <div class="field">
            <label for={`${id}-name`}>{t("views.nameLabel")}</label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={80}
              required
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button button--secondary">
            {t("views.save")}
          </button>
        </form>
        <FormError error={error} />
      </div>
    </details>
  );
}
