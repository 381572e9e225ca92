import { useId } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { areasInTreeOrder } from "./area-tree.js";

/**
 * A multi-select of areas as checkboxes, indented by level (regions, then their districts). Empty = whole country.
 * `legend` and `hint` name what the areas are for (a staff account's scope by default).
 */
export function AreaPicker(props: { value: string[]; onChange(next: string[]): void; legend?: string; hint?: string }) {
  const t = useT("setup");
  const id = useId();
  const { config } = useConfig();
  const ordered = areasInTreeOrder(config?.areas ?? []).filter((a) => a.level > 0);
  const toggle = (areaId: string, on: boolean) =>
    props.onChange(on ? [...props.value, areaId] : props.value.filter((v) => v !== areaId));
  return (
    <fieldset class="area-picker">
      <legend>{props.legend ?? t("accounts.scope")}</legend>
      <p class="hint">{props.hint ?? t("accounts.scopeHint")}</p>
      <div class="area-picker__list">
        {ordered.map((a) => (
          <div key={a.id} class={`check check--level-${Math.min(a.level, 3)}`}>
            <input
              id={`${id}-${a.id}`}
              type="checkbox"
              checked={props.value.includes(a.id)}
              onChange={(e) => toggle(a.id, e.currentTarget.checked)}
            />
            <label for={`${id}-${a.id}`}>{a.name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
