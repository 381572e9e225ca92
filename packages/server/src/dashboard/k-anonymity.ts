/**
 * k-anonymity for the de-identified report export (docs/disclosure-control.md §6): every combination of the
 * quasi-identifiers (region, district, facility, period, gender, age group, key populations) occurs at least k times.
 * Rows in a smaller group are generalised step by step (local recoding, coarsest harm first: the facility and key
 * populations are blanked, ages merged, the month widened to its quarter and year, the district to its region, the
 * gender blanked); rows still in a group below k lose every quasi-identifier, and if even those are fewer than k they
 * are left out. The summary says how many values each step changed.
 */

export interface QuasiIdentifiers {
  region_code: string;
  district_code: string;
  facility_code: string;
  period: string;
  gender: string;
  age_group: string;
  key_populations: string;
}
export const QUASI_IDENTIFIERS = [
  "region_code",
  "district_code",
  "facility_code",
  "period",
  "gender",
  "age_group",
  "key_populations",
] as const satisfies readonly (keyof QuasiIdentifiers)[];

const AGE_BANDS: Record<string, string> = {
  "0-4": "0-14",
  "5-14": "0-14",
  "15-24": "15-34",
  "25-34": "15-34",
  "35-44": "35-54",
  "45-54": "35-54",
  "55-64": "55+",
  "65+": "55+",
};

/** `2026-03` → `2026-Q1` → `2026`. */
function widenPeriod(p: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(p);
  if (month) return `${month[1]}-Q${Math.floor((Number(month[2]) - 1) / 3) + 1}`;
  return p.slice(0, 4);
}

/** One generalisation step: its name (in the summary) and what it does to a row (true when it changed a value). */
const STEPS: [string, (r: QuasiIdentifiers) => boolean][] = [
  ["facility_blanked", (r) => set(r, "facility_code", "")],
  ["key_populations_blanked", (r) => set(r, "key_populations", "")],
  ["age_group_merged", (r) => set(r, "age_group", AGE_BANDS[r.age_group] ?? r.age_group)],
  ["month_to_quarter", (r) => set(r, "period", r.period.length === 7 ? widenPeriod(r.period) : r.period)],
  ["quarter_to_year", (r) => set(r, "period", r.period.length > 4 ? widenPeriod(r.period) : r.period)],
  ["district_to_region", (r) => set(r, "district_code", "")],
  ["age_group_blanked", (r) => set(r, "age_group", "")],
  ["gender_blanked", (r) => set(r, "gender", "")],
  ["all_blanked", (r) => QUASI_IDENTIFIERS.map((q) => set(r, q, "")).some(Boolean)],
];

function set(r: QuasiIdentifiers, key: keyof QuasiIdentifiers, value: string): boolean {
  if (r[key] === value) return false;
  r[key] = value;
  return true;
}

const combination = (r: QuasiIdentifiers) => QUASI_IDENTIFIERS.map((q) => r[q]).join("\u0000");

/** Rows whose combination occurs fewer than k times. */
function rare<T extends QuasiIdentifiers>(rows: T[], k: number): T[] {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(combination(r), (sizes.get(combination(r)) ?? 0) + 1);
  return rows.filter((r) => (sizes.get(combination(r)) ?? 0) < k);
}

export interface KAnonymitySummary {
  k: number;
  rows: number;
  /** Values changed by each step, by step name. */
  generalised: Record<string, number>;
  /** Rows left out because even with every quasi-identifier blank they were fewer than k. */
  withheld: number;
}

/** Generalises the rows in place until every combination occurs at least k times; answers the kept rows. */
export function anonymise<T extends QuasiIdentifiers>(rows: T[], k: number): { rows: T[]; summary: KAnonymitySummary } {
  const generalised: Record<string, number> = {};
  for (const [name, step] of STEPS) {
    const small = rare(rows, k);
    if (!small.length) break;
    let changed = 0;
    for (const r of small) if (step(r)) changed += 1;
    if (changed) generalised[name] = changed;
  }
  const left = new Set(rare(rows, k));
  const kept = left.size ? rows.filter((r) => !left.has(r)) : rows;
  return { rows: kept, summary: { k, rows: kept.length, generalised, withheld: left.size } };
}
