import type { PublicArea } from "@openclm/contracts";
import { useMemo } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";

/**
 * Names for taxonomy codes, key populations and area ids, in the UI language (from the public config, retired items
 * included: old reports still name them); unknown codes show as-is.
 */
export function useLabels() {
  const { config } = useConfig();
  return useMemo(() => {
    const categories = new Map<string, string>();
    const subcategories = new Map<string, string>();
    const challengeTypes = new Map<string, string>();
    for (const c of config?.taxonomy ?? []) {
      categories.set(c.code, c.label);
      for (const s of c.subcategories) {
        subcategories.set(s.code, s.label);
        for (const ct of s.challengeTypes) challengeTypes.set(ct.code, ct.label);
      }
    }
    const others = new Map<string, string>();
    for (const item of [...(config?.keyPopulations ?? []), ...(config?.retired ?? [])])
      others.set(item.code, item.label);
    const named = (own: Map<string, string>) => (code: string) => own.get(code) ?? others.get(code) ?? code;
    const areas = new Map<string, PublicArea>((config?.areas ?? []).map((a) => [a.id, a]));
    return {
      taxonomy: config?.taxonomy ?? [],
      areas: config?.areas ?? [],
      category: named(categories),
      subcategory: named(subcategories),
      challengeType: named(challengeTypes),
      /** A key population's name from Set-up, or null when the config does not know the code. */
      keyPopulation: (code: string) => others.get(code) ?? null,
      area: (id: string | null | undefined) => (id ? (areas.get(id)?.name ?? "—") : "—"),
    };
  }, [config]);
}
