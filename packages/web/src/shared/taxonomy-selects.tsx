interface TaxonomyOption {
  code: string;
  label: string;
  subcategories: { code: string; label: string }[];
}

export interface TaxonomySelectsProps {
  /** Prefix for the element ids (from useId). */
  id: string;
  taxonomy: readonly TaxonomyOption[];
  category: string;
  subcategory: string;
  /** Choosing a category clears the subcategory. */
  onChange(next: { category?: string; subcategory?: string }): void;
  labels: { category: string; subcategory: string; any: string };
}

/** The category select and the subcategory select it drives, as both the inbox and the dashboard filter them. */
export function TaxonomySelects(props: TaxonomySelectsProps) {
  const { id, labels } = props;
  const chosen = props.taxonomy.find((c) => c.code === props.category);
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement).value;
  return (
    <>
      <div class="field">
        <label for={`${id}-cat`}>{labels.category}</label>
        <select
          id={`${id}-cat`}
          value={props.category}
          onChange={(e) => props.onChange({ category: value(e), subcategory: "" })}
        >
          <option value="">{labels.any}</option>
          {props.taxonomy.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-sub`}>{labels.subcategory}</label>
        <select
          id={`${id}-sub`}
          value={props.subcategory}
          disabled={!chosen}
          onChange={(e) => props.onChange({ subcategory: value(e) })}
        >
          <option value="">{labels.any}</option>
          {chosen?.subcategories.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
