import type { IndicatorDimension } from "@openclm/contracts";

type Ranked = { dimensions: Record<string, string>; metrics: Record<string, number | null> };

/**
 * The `top` option applied to an answer already built (public answers, after suppression): within each combination
 * of all dimensions but the last, the `n` rows with the highest `by` value (a hidden value ranks last), ties by the
 * last dimension's value in byte order, as the SQL ranking in indicators.repo.ts. Rows keep their order.
 */
export function keepTop<R extends Ranked>(
  rows: R[],
  dimensions: IndicatorDimension[],
  top: { n: number; by: string },
): R[] {
  const last = dimensions.at(-1) ?? "";
  const groupOf = (r: R) =>
    dimensions
      .slice(0, -1)
      .map((d) => r.dimensions[d] ?? "")
      .join("\u0000");
  const value = (r: R) => r.metrics[top.by] ?? -1;
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const key = groupOf(r);
    const members = groups.get(key);
    if (members) members.push(r);
    else groups.set(key, [r]);
  }
  const kept = new Set<R>();
  for (const members of groups.values()) {
    const ranked = [...members].sort(
      (a, b) => value(b) - value(a) || byteOrder(a.dimensions[last], b.dimensions[last]),
    );
    for (const r of ranked.slice(0, top.n)) kept.add(r);
  }
  return rows.filter((r) => kept.has(r));
}

function byteOrder(a = "", b = ""): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
