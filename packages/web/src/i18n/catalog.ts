/**
 * The shape every translation must have: the English catalog's keys, with any string values. A missing or
 * misspelled key in a translation is a type error. Plural forms beyond English's `_one`/`_other` (Russian `_few`,
 * `_many`; Arabic `_zero`, `_two`) are allowed on top. `_one` is optional because some languages have no such
 * form: CLDR gives Indonesian and Khmer only `_other`, which i18next then uses for every count.
 */
export type Catalog<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Catalog<T[K]>;
} & {
  [K in keyof T as K extends `${string}_one` ? K : never]?: string;
} & {
  [plural: `${string}_${"zero" | "two" | "few" | "many"}`]: string;
};

/**
 * The shape of a machine-assisted catalogue (resources.ts `machineAssistedLanguages`): the English keys, each
 * optional, and no key English does not have. Other branches add English strings after such a catalogue was
 * written; a missing one is read along the language's fallback chain (ending in English) instead of failing the
 * build, and the catalogue test counts what is missing. The reviewed catalogues keep the strict `Catalog`.
 */
export type PartialCatalog<T> = {
  [K in keyof T]?: T[K] extends string ? string : PartialCatalog<T[K]>;
} & {
  [plural: `${string}_${"zero" | "two" | "few" | "many"}`]: string;
};
