import MarkdownIt, { type MarkdownIt as Markdown } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown → HTML for content, on the server only (docs/adr/0018-markdown-rendering.md). Two layers:
 * 1. markdown-it with `html: false`: raw HTML in the Markdown is shown as text, never parsed; links are checked by
 *    markdown-it's own `validateLink` (no `javascript:`, `vbscript:`, `file:`, `data:` except images).
 * 2. sanitize-html with an allow-list of the tags Markdown produces, no images, no iframes, no `style` (the CSP refuses inline styles), no event
 *    attributes, and only http(s), mailto and tel links or links within the platform.
 * Links to other sites open outside the app with `rel="noopener noreferrer"` and carry a visible mark with words for
 * screen readers. Images are shown only when they are the platform's own uploads (`/api/content/images/<id>`,
 * content-images.ts) with alt text; any other image renders as its alt text (a remote image would tell another site
 * who reads what), and editors are told before saving (`imageProblems`).
 */

const LEAVES_APP: Record<string, string> = {
  en: "opens another website",
  fr: "ouvre un autre site web",
  pt: "abre outro site",
  ru: "откроется другой сайт",
  id: "membuka situs web lain",
  sw: "inafungua tovuti nyingine",
  km: "បើកគេហទំព័រផ្សេង",
  tg: "сомонаи дигар кушода мешавад",
  uk: "відкриється інший сайт",
  kk: "басқа сайт ашылады",
};

/** The platform's own image addresses: nothing else is ever put in an `<img>`. */
const OWN_IMAGE = /^\/api\/content\/images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where an image may come from: the address to put in `<img src>`, or null to show the alt text instead. Content allows
 * only the platform's uploads; the manuals (help/help-manuals.ts) only their own screenshots.
 */
export type ImageResolver = (src: string, env: { lang?: string }) => string | null;

/**
 * A markdown-it with the rules every Markdown the platform shows follows: no raw HTML, images only where `resolveImage`
 * allows them, links to other sites marked as leaving the platform. Content uses one; the manuals another, with rules
 * of their own added (heading anchors, marked screen elements).
 */
export function markdownRenderer(resolveImage: ImageResolver): Markdown {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.renderer.rules.image = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    const alt = (token?.content ?? "").trim();
    const src = alt ? resolveImage(String(token?.attrGet("src") ?? ""), (env ?? {}) as { lang?: string }) : null;
    if (!alt || src === null) return md.utils.escapeHtml(alt);
    return `<img src="${md.utils.escapeHtml(src)}" alt="${md.utils.escapeHtml(alt)}" loading="lazy" decoding="async">`;
  };
  markExternalLinks(md);
  return md;
}

const md = markdownRenderer((src) => (OWN_IMAGE.test(src) ? src : null));

/**
 * What is wrong with a body's images, one message each: an image from anywhere but the platform, or without alt text.
 * Checked when content is saved, so an editor learns it at once rather than seeing the image vanish for readers.
 */
export function imageProblems(body: string): string[] {
  const problems: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const token of tokens) {
      if (token.type === "image") {
        const src = String(token.attrGet("src") ?? "");
        if (!OWN_IMAGE.test(src)) problems.push(`image ${src.slice(0, 100)} is not uploaded to the platform`);
        else if (!token.content.trim()) problems.push(`image ${src} has no alt text`);
      }
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(body, {}));
  return problems;
}

const isExternal = (href: string) => /^https?:\/\//i.test(href);

function markExternalLinks(md: Markdown): void {
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    const href = String(token?.attrGet("href") ?? "");
    if (token && isExternal(href)) {
      token.attrSet("rel", "noopener noreferrer");
      token.attrSet("target", "_blank");
      token.attrSet("class", "external-link");
      token.meta = { ...(token.meta ?? {}), external: true };
    }
    return self.renderToken(tokens, idx, options);
  };

  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    // The matching open token is the nearest earlier link_open at the same nesting level.
    let open = idx - 1;
    while (open >= 0 && tokens[open]?.type !== "link_open") open--;
    const external = open >= 0 && (tokens[open]?.meta as { external?: boolean } | null)?.external;
    const mark = external
      ? `<span class="leaves-app" aria-hidden="true"> ↗</span><span class="visually-hidden"> (${md.utils.escapeHtml(
          LEAVES_APP[String((env as { lang?: string } | undefined)?.lang ?? "en").split("-")[0] ?? "en"] ??
            LEAVES_APP.en ??
            "",
        )})</span>`
      : "";
    return mark + self.renderToken(tokens, idx, options);
  };
}

/** The sanitiser's allow-list for rendered Markdown; the manuals extend it (heading anchors). */
export const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
  ],
  allowedAttributes: {
    a: ["href", "rel", "target", "class"],
    span: ["class", "aria-hidden"],
    ol: ["start"],
    img: ["src", "alt", "loading", "decoding"],
  },
  allowedClasses: { a: ["external-link"], span: ["leaves-app", "visually-hidden"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  // Images: only relative addresses, which the renderer has already limited to the platform's own uploads.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // h1 is the page's own title: a heading written as `#` becomes the next level down.
  transformTags: { h1: "h2" },
};

/** The sanitised HTML readers get for a Markdown body, with "leaves the app" words in `lang`. */
export function renderContentMarkdown(body: string, lang = "en"): string {
  return sanitizeHtml(md.render(body, { lang }), sanitizeOptions);
}

/** Plain words of a Markdown body (search, summaries). */
export function markdownText(body: string): string {
  return sanitizeHtml(md.render(body), { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
