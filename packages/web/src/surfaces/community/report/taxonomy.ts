import type { Category, PublicConfig } from "@openclm/contracts";

type Subcategory = Category["subcategories"][number];

export function findCategory(config: PublicConfig, code: string | null): Category | undefined {
  return code ? config.taxonomy.find((c) => c.code === code) : undefined;
}

export function findSubcategory(config: PublicConfig, code: string | null): Subcategory | undefined {
  if (!code) return undefined;
  for (const c of config.taxonomy) {
    const s = c.subcategories.find((sub) => sub.code === code);
    if (s) return s;
  }
  return undefined;
}

export function areaName(config: PublicConfig, id: string | null): string | undefined {
  return id ? config.areas.find((a) => a.id === id)?.name : undefined;
}
