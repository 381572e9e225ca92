import { type AgeGroup, ageGroups, type Gender, type LocalizedText } from "@openclm/contracts";
import { pickText } from "../platform/i18n-text.js";
import type { TextKey } from "./conversation-texts.js";
import type { ConversationWorld } from "./conversation-world.js";
import { type Choice, pageOfChoices, toGsm } from "./screen.js";

/**
 * The report flow over a text channel, as pure functions of (state, input, world): the same questions as the app
 * (taxonomy, place, the optional questions switched on in Set-up, consent), one numbered screen at a time. The
 * state is plain JSON kept in the database between turns (channel-sessions.repo.ts); it holds answers as codes and
 * ids, never the phone number.
 */
export const steps = [
  "language",
  "category",
  "subcategory",
  "challengeType",
  "region",
  "districtPrefix",
  "district",
  "facility",
  "occurredOn",
  "gender",
  "ageGroup",
  "keyPopulations",
  "contactMe",
  "shareDeidentified",
  "useInAdvocacyStories",
] as const;
export type Step = (typeof steps)[number];

export interface ConversationState {
  step: Step | "submit";
  page: number;
  /** Steps answered, latest last: "00 Back" on a first page returns to the previous one. */
  trail: Step[];
  invalid?: boolean;
  language?: string;
  category?: string;
  subcategory?: string;
  challengeType?: string;
  region?: string;
  prefix?: string;
  district?: string;
  facility?: string | null;
  occurredDaysAgo?: number;
  gender?: Gender;
  ageGroup?: AgeGroup;
  keyPopulation?: string | null;
  contactMe?: boolean;
  shareDeidentified?: boolean;
  useInAdvocacyStories?: boolean;
}

export const MORE = "0";
export const BACK = "00";
const LIST_ALL = "1";

/** A new conversation: the first question that applies (the language, unless only one is configured). */
export function startConversation(world: ConversationWorld): ConversationState {
  const state: ConversationState = { step: "language", page: 0, trail: [] };
  if (world.languages.length <= 1) state.language = world.languages[0]?.code ?? world.defaultLanguage;
  return { ...state, step: nextStep(state, world, -1) };
}

/** The first step after `index` (in `steps`) that applies to this conversation, or "submit". */
function nextStep(state: ConversationState, world: ConversationWorld, index: number): Step | "submit" {
  for (let i = index + 1; i < steps.length; i++) {
    const step = steps[i] as Step;
    if (applies(step, state, world)) return step;
  }
  return "submit";
}

function applies(step: Step, state: ConversationState, world: ConversationWorld): boolean {
  const q = world.questions;
  switch (step) {
    case "language":
      return world.languages.length > 1;
    case "region":
      return world.regions.length > 1;
    case "facility":
      return q.facility && facilitiesOf(state, world).length > 0;
    case "occurredOn":
      return q.occurredOn;
    case "gender":
      return q.gender;
    case "ageGroup":
      return q.ageGroup;
    case "keyPopulations":
      return q.keyPopulations && world.keyPopulations.length > 0;
    default:
      return true;
  }
}

/** A choice offered on a step: what the person reads, and what answering it records. */
interface Option extends Choice {
  apply(state: ConversationState): void;
}

function label(text: LocalizedText, language: string): string {
  return toGsm(pickText(text, language));
}

function facilitiesOf(state: ConversationState, world: ConversationWorld) {
  return world.facilities.filter((f) => f.districtId === state.district);
}

function districtsOf(state: ConversationState, world: ConversationWorld) {
  return world.districts.filter((d) => world.regions.length <= 1 || d.regionId === state.region);
}

/** Digits of the phone keypad: a district can be found by letters or by the keys that carry them ("22" = "Ba…"). */
const KEYPAD = ["", "", "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"];
function keyOf(letter: string): string {
  const at = KEYPAD.findIndex((keys) => keys.includes(letter));
  return at < 0 ? letter : String(at);
}
function plainLetters(text: string): string {
  return toGsm(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
function matchesPrefix(name: string, typed: string): boolean {
  const letters = plainLetters(name);
  const wanted = typed.toLowerCase().replace(/\s+/g, "");
  if (/^[2-9]+$/.test(wanted)) return [...letters.slice(0, wanted.length)].map(keyOf).join("") === wanted;
  return letters.startsWith(plainLetters(wanted));
}

function yesNo(world: ConversationWorld, language: string, set: (s: ConversationState, v: boolean) => void): Option[] {
  return [
    { label: world.text("yes", language), apply: (s) => set(s, true) },
    { label: world.text("no", language), apply: (s) => set(s, false) },
  ];
}

/** The question and options of a choice step (the district prefix step is free text: no options). */
function question(state: ConversationState, world: ConversationWorld): { title: string; options: Option[] } {
  const lang = state.language ?? world.defaultLanguage;
  const t = (key: TextKey) => world.text(key, lang);
  const step = state.step;
  switch (step) {
    case "language":
      return {
        title: "",
        options: world.languages.map((l) => ({
          label: l.name,
          apply: (s) => {
            s.language = l.code;
          },
        })),
      };
    case "category":
      return {
        title: t("category"),
        options: world.taxonomy.map((c) => ({
          label: label(c.labels, lang),
          apply: (s) => {
            s.category = c.code;
          },
        })),
      };
    case "subcategory": {
      const subs = world.taxonomy.find((c) => c.code === state.category)?.subcategories ?? [];
      return {
        title: t("subcategory"),
        options: subs.map((sc) => ({
          label: label(sc.labels, lang),
          apply: (s) => {
            s.subcategory = sc.code;
          },
        })),
      };
    }
    case "challengeType": {
      const sub = world.taxonomy.flatMap((c) => c.subcategories).find((sc) => sc.code === state.subcategory);
      return {
        title: t("challengeType"),
        options: (sub?.challengeTypes ?? []).map((ct) => ({
          label: label(ct.labels, lang),
          apply: (s) => {
            s.challengeType = ct.code;
          },
        })),
      };
    }
    case "region":
      return {
        title: t("region"),
        options: world.regions.map((r) => ({
          label: label(r.names, lang),
          apply: (s) => {
            s.region = r.id;
          },
        })),
      };
    case "district": {
      const matching = districtsOf(state, world).filter((d) =>
        matchesPrefix(pickText(d.names, lang), state.prefix ?? ""),
      );
      return {
        title: t("district"),
        options: matching.map((d) => ({
          label: label(d.names, lang),
          apply: (s) => {
            s.district = d.id;
          },
        })),
      };
    }
    case "facility":
      return {
        title: t("facility"),
        options: [
          ...facilitiesOf(state, world).map((f) => ({
            label: label(f.names, lang),
            apply: (s: ConversationState) => {
              s.facility = f.id;
            },
          })),
          {
            label: t("noFacility"),
            apply: (s) => {
              s.facility = null;
            },
          },
        ],
      };
    case "occurredOn":
      return {
        title: t("occurredOn"),
        options: (
          [
            ["today", 0],
            ["yesterday", 1],
            ["lastWeek", 3],
            ["lastMonth", 14],
          ] as const
        ).map(([key, days]) => ({
          label: t(key),
          apply: (s) => {
            s.occurredDaysAgo = days;
          },
        })),
      };
    case "gender":
      return {
        title: t("gender"),
        options: (["female", "male", "transgender", "other", "undisclosed"] as const).map((g) => ({
          label: t(g),
          apply: (s) => {
            s.gender = g;
          },
        })),
      };
    case "ageGroup":
      return {
        title: t("ageGroup"),
        options: ageGroups.map((a) => ({
          label: a === "undisclosed" ? t("undisclosed") : a,
          apply: (s) => {
            s.ageGroup = a;
          },
        })),
      };
    case "keyPopulations":
      return {
        title: t("keyPopulations"),
        // "None" first: the most common answer costs no page turns.
        options: [
          {
            label: t("noneOfThese"),
            apply: (s) => {
              s.keyPopulation = null;
            },
          },
          ...world.keyPopulations.map((k) => ({
            label: label(k.labels, lang),
            apply: (s: ConversationState) => {
              s.keyPopulation = k.code;
            },
          })),
        ],
      };
    case "contactMe":
      return { title: t("contactMe"), options: yesNo(world, lang, (s, v) => (s.contactMe = v)) };
    case "shareDeidentified":
      return { title: t("shareDeidentified"), options: yesNo(world, lang, (s, v) => (s.shareDeidentified = v)) };
    case "useInAdvocacyStories":
      return { title: t("useInAdvocacyStories"), options: yesNo(world, lang, (s, v) => (s.useInAdvocacyStories = v)) };
    default:
      return { title: "", options: [] };
  }
}

/** The screen the person sees for the current step (without `CON `). */
export function render(state: ConversationState, world: ConversationWorld): string {
  const lang = state.language ?? world.defaultLanguage;
  const invalid = state.invalid ? `${world.text("invalid", lang)} ` : "";
  if (state.step === "districtPrefix") {
    const key = state.prefix !== undefined ? "noDistrict" : "districtPrefix";
    return `${invalid}${world.text(key, lang)}\n${BACK} ${world.text("back", lang)}`;
  }
  const q = question(state, world);
  return pageOfChoices({
    title: `${invalid}${q.title}`,
    choices: q.options,
    page: state.page,
    canGoBack: state.trail.length > 0,
    moreLabel: world.text("more", lang),
    backLabel: world.text("back", lang),
  }).text;
}

/**
 * Takes one input and answers the next state (a new object; `state` is not changed). "0" turns the page, "00" goes
 * back a page or a question; anything else is an answer, or repeats the question marked "not a choice".
 */
export function advance(state: ConversationState, input: string, world: ConversationWorld): ConversationState {
  const s: ConversationState = structuredClone(state);
  delete s.invalid;
  const typed = input.trim();
  if (s.step === "submit") return s;
  if (typed === BACK) return goBack(s);
  if (s.step === "districtPrefix") {
    // "1" (no letter on the keypad's 1) lists every district of the region, page by page.
    s.prefix = typed === LIST_ALL ? "" : typed;
    if (typed === LIST_ALL) return moveOn(s, world);
    const found = districtsOf(s, world).some((d) => matchesPrefix(pickText(d.names, s.language ?? "en"), typed));
    if (!found || typed === "") return s;
    return moveOn(s, world);
  }
  const q = question(s, world);
  const lang = s.language ?? world.defaultLanguage;
  const { pages } = pageOfChoices({
    title: q.title,
    choices: q.options,
    page: s.page,
    canGoBack: s.trail.length > 0,
    moreLabel: world.text("more", lang),
    backLabel: world.text("back", lang),
  });
  if (typed === MORE) {
    if (s.page < pages.length - 1) s.page++;
    else s.invalid = true;
    return s;
  }
  const n = /^\d{1,3}$/.test(typed) ? Number(typed) : 0;
  const option = n >= 1 ? q.options[n - 1] : undefined;
  if (!option) {
    s.invalid = true;
    return s;
  }
  option.apply(s);
  return moveOn(s, world);
}

function moveOn(s: ConversationState, world: ConversationWorld): ConversationState {
  const current = s.step as Step;
  s.trail.push(current);
  s.page = 0;
  s.step = nextStep(s, world, steps.indexOf(current));
  return s;
}

function goBack(s: ConversationState): ConversationState {
  if (s.page > 0) {
    s.page--;
    return s;
  }
  const previous = s.trail.pop();
  if (!previous) return s;
  s.step = previous;
  s.page = 0;
  // Going back to the letters of the district asks for them afresh.
  if (previous === "districtPrefix") delete s.prefix;
  return s;
}

/**
 * The current question as a list of choices, for channels with buttons (Telegram, WhatsApp): the title and every
 * option's label, each answered by its number (what `advance` takes), and whether the step wants typed text instead
 * (the district's first letters). Empty options once the conversation is over.
 */
export function choicesOf(
  state: ConversationState,
  world: ConversationWorld,
): { title: string; labels: string[]; freeText: boolean; canGoBack: boolean } {
  const lang = state.language ?? world.defaultLanguage;
  const invalid = state.invalid ? `${world.text("invalid", lang)} ` : "";
  const canGoBack = state.trail.length > 0;
  if (state.step === "districtPrefix") {
    const key = state.prefix !== undefined ? "noDistrict" : "districtPrefix";
    return { title: `${invalid}${world.text(key, lang)}`, labels: [], freeText: true, canGoBack };
  }
  const q = question(state, world);
  const title = q.title || (state.step === "language" ? "Language / Langue / Idioma / Язык" : "");
  return { title: `${invalid}${title}`, labels: q.options.map((o) => o.label), freeText: false, canGoBack };
}
