import type { PublicContentItem } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { callApi } from "../../../api/client.js";
import { contentLanguageFor } from "../../../i18n/i18n.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { AppLink } from "../app-link.js";
import { APP_BASE } from "../sections.js";

const sectionOfKind: Record<string, string> = {
  rights: "rights",
  information: "information",
  faq: "information",
  announcement: "updates",
};

/** At the end of the report flow: rights and information tagged with the report's subcategory (or its category). */
export function RelatedContent(props: { subcategoryCode: string | undefined }) {
  const t = useT("app");
  const lang = contentLanguageFor(useLanguage());
  const [items, setItems] = useState<PublicContentItem[]>([]);
  useEffect(() => {
    if (!props.subcategoryCode) return;
    callApi("GET /content", { query: { language: lang, tag: props.subcategoryCode } })
      .then((res) => setItems(res.items.filter((i) => i.kind !== "announcement").slice(0, 4)))
      .catch(() => setItems([]));
  }, [props.subcategoryCode, lang]);
  if (!items.length) return null;
  return (
    <section class="panel related-content" aria-labelledby="related-h">
      <h2 id="related-h">{t("content.related")}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.slug}>
            <AppLink href={`${APP_BASE}/${sectionOfKind[i.kind] ?? "rights"}/${i.slug}`}>{i.title}</AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
