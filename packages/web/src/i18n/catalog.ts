/**
 * The shape every translation must have: the English catalog's keys, with any string values. A missing or
 * misspelled key in a translation is a type error. Plural forms beyond English's `_one`/`_other` (Russian `_few`,
 * `_many`; Arabic `_zero`, `_two`) are allowed on top.
 */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> } & {
  [plural: `${string}_${"zero" | "two" | "few" | "many"}`]: string;
};
