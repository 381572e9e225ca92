import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown → HTML for content, on the server only (docs/adr/0018-markdown-rendering.md). Two layers:
 * 1. markdown-it with `html: false`: raw HTML in the Markdown is shown as text, never parsed; links are checked by
 *    markdown-it's own `validateLink` (no `javascript:`, `vbscript:`, `file:`, `data:` except images).
 * 2. sanitize-html with an allow-list of the tags Markdown produces, no images, no iframes, no `style` (the CSP refuses inline styles), no event
 *    attributes, and only http(s), mailto and tel links or links within the platform.
 * Links to other sites open outside the app with `rel="noopener noreferrer"` and carry a visible mark with words for
 * screen readers. Images are not supported yet: an image in the Markdown renders as its alt text.
 */

const LEAVES_APP: Record<string, string> = {
  en: "opens another website",
  fr: "ouvre un autre site web",
  pt: "abre outro site",
  ru: "откроется другой сайт",
};

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
// No images: only alt text (a remote image would tell another site who reads what; uploads are not built yet).
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? "");

const isExternal = (href: string) => /^https?:\/\//i.test(href);

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

const sanitizeOptions: sanitizeHtml.IOptions = {
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
  ],
  allowedAttributes: {
    a: ["href", "rel", "target", "class"],
    span: ["class", "aria-hidden"],
    ol: ["start"],
  },
  allowedClasses: { a: ["external-link"], span: ["leaves-app", "visually-hidden"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: {},
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
