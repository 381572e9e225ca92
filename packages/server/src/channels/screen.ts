/**
 * A USSD screen is one USSD string: 160 octets, 182 characters in the GSM 7-bit alphabet, 80 when any character
 * needs UCS-2 (PRODUCT.md 7; reference round2-facts.md §4). Texts are written to GSM 7-bit where the language allows
 * it (accents outside the alphabet are dropped: "região" → "regiao"), so French and Portuguese keep the long limit.
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Escaped characters: two septets each. */
const GSM_EXTENDED = "^{}\\[~]|€";
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export const GSM_SCREEN_LIMIT = 182;
export const UCS2_SCREEN_LIMIT = 80;

/** Septets the text takes in GSM 7-bit, or null when it needs UCS-2. */
export function gsmLength(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (basic.has(ch)) n += 1;
    else if (extended.has(ch)) n += 2;
    else return null;
  }
  return n;
}

/** Whether the whole reply (with its `CON `/`END ` prefix) fits one USSD string. */
export function fitsScreen(reply: string): boolean {
  const septets = gsmLength(reply);
  return septets === null ? reply.length <= UCS2_SCREEN_LIMIT : septets <= GSM_SCREEN_LIMIT;
}

const TYPOGRAPHY: Record<string, string> = {
  "’": "'",
  "‘": "'",
  "“": '"',
  "”": '"',
  "«": '"',
  "»": '"',
  "–": "-",
  "—": "-",
  "…": "...",
  "\u00a0": " ",
  ç: "c",
};

/** The text in the GSM 7-bit alphabet where it can be: typography simplified, accents outside it dropped. */
export function toGsm(text: string): string {
  let out = "";
  for (const ch of text) {
    if (basic.has(ch) || extended.has(ch)) out += ch;
    else if (TYPOGRAPHY[ch] !== undefined) out += TYPOGRAPHY[ch];
    else {
      const plain = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += plain.length > 0 && [...plain].every((c) => basic.has(c)) ? plain : ch;
    }
  }
  return out;
}

export interface Choice {
  label: string;
}

/** At most this many options on one screen: longer lists confuse on small handsets (round2-facts.md §4). */
const MAX_OPTIONS_PER_PAGE = 6;
const MIN_LABEL = 6;

export interface Paged {
  /** The screen's text (without `CON `). */
  text: string;
  /** The option numbers (1-based, counted over all pages) on each page. */
  pages: number[][];
}

/**
 * One page of a numbered list: options are numbered over the whole list (a practised user's "3" stays 3), as many per
 * page as fit the screen, then "0 More" while more follow and "00 Back" where going back is possible.
 */
export function pageOfChoices(opts: {
  title: string;
  choices: Choice[];
  page: number;
  canGoBack: boolean;
  moreLabel: string;
  backLabel: string;
}): Paged {
  const pages = paginate(opts);
  const page = Math.min(Math.max(opts.page, 0), pages.length - 1);
  const numbers = pages[page] ?? [];
  const hasMore = page < pages.length - 1;
  const back = opts.canGoBack || page > 0;
  const lines = numbers.map((n) => optionLine(n, opts.choices[n - 1]?.label ?? ""));
  const text = fitLines(opts.title, lines, navLines(opts, hasMore, back));
  return { text, pages };
}

function navLines(opts: { moreLabel: string; backLabel: string }, more: boolean, back: boolean): string[] {
  return [...(more ? [`0 ${opts.moreLabel}`] : []), ...(back ? [`00 ${opts.backLabel}`] : [])];
}

function optionLine(n: number, label: string): string {
  return `${n} ${label}`;
}

function screen(title: string, lines: string[], nav: string[]): string {
  return [title, ...lines, ...nav].filter((l) => l !== "").join("\n");
}

/** The screen with option labels shortened (longest first) until it fits. */
function fitLines(title: string, lines: string[], nav: string[]): string {
  const current = [...lines];
  for (;;) {
    const text = screen(title, current, nav);
    if (fitsScreen(`CON ${text}`)) return text;
    let longest = -1;
    for (let i = 0; i < current.length; i++) {
      if (longest < 0 || (current[i]?.length ?? 0) > (current[longest]?.length ?? 0)) longest = i;
    }
    const line = current[longest] ?? "";
    if (longest < 0 || line.length <= MIN_LABEL) return text;
    current[longest] = `${line.slice(0, line.length - 2).trimEnd()}.`;
  }
}

function paginate(opts: {
  title: string;
  choices: Choice[];
  canGoBack: boolean;
  moreLabel: string;
  backLabel: string;
}) {
  const pages: number[][] = [];
  let next = 1;
  const total = opts.choices.length;
  while (next <= total) {
    const page: number[] = [];
    const back = opts.canGoBack || pages.length > 0;
    while (next <= total && page.length < MAX_OPTIONS_PER_PAGE) {
      const candidate = [...page, next];
      const more = next < total;
      const lines = candidate.map((n) => optionLine(n, opts.choices[n - 1]?.label ?? ""));
      const fits = fitsScreen(`CON ${screen(opts.title, lines, navLines(opts, more, back))}`);
      // The first option of a page always goes on it (shortened if need be); later ones only if they fit.
      if (!fits && page.length > 0) break;
      page.push(next++);
    }
    pages.push(page);
  }
  return pages.length > 0 ? pages : [[]];
}
