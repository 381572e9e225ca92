import type { PublicArea } from "@openclm/contracts";
import { useMemo } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";

/** Names for taxonomy codes and area ids, in the UI language (from the public config); unknown codes show as-is. */
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
    const areas = new Map<string, PublicArea>((config?.areas ?? []).map((a) => [a.id, a]));
    return {
      taxonomy: config?.taxonomy ?? [],
      areas: config?.areas ?? [],
      category: (code: string) => categories.get(code) ?? code,
      subcategory: (code: string) => subcategories.get(code) ?? code,
      challengeType: (code: string) => challengeTypes.get(code) ?? code,
      area: (id: string | null | undefined) => (id ? (areas.get(id)?.name ?? "—") : "—"),
    };
  }, [config]);
}
