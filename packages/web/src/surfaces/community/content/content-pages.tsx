import "./content.css";
import type { PublicContent, PublicContentItem } from "@openclm/contracts";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useConfig } from "../../../api/public-config.js";
import { contentLanguageFor } from "../../../i18n/i18n.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { dateTimeFormat, numberFormat } from "../../../shared/intl-format.js";
import { Problem } from "../../../shared/problem.js";
import { useLoad } from "../../../shared/use-load.js";
import { AppLink } from "../app-link.js";
import { APP_BASE, sectionBySlug } from "../sections.js";
import { SubPage } from "../sub-page.js";
import {
  isUpdatedSinceRead,
  keptText,
  kindsOfSection,
  loadArticle,
  loadContentList,
  markRead,
  syncArticles,
} from "./content-store.js";
import { keepDistrict, readDistrict, splitByDistrict } from "./district-first.js";

type ContentSectionId = keyof typeof kindsOfSection;

function useContentLanguage() {
  return contentLanguageFor(useLanguage());
}

/** The "sample content" banner the demo shows above every piece of content. */
function DemoBanner() {
  const t = useT("app");
  const { config } = useConfig();
  if (!config?.demo) return null;
  return (
    <p class="content-sample" role="note">
      {t("content.sample")}
    </p>
  );
}

function ReviewedOn(props: { at: string | null }) {
  const t = useT("app");
  const lng = useLanguage();
  if (!props.at) return null;
  const date = dateTimeFormat(lng, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${props.at}T00:00:00Z`));
  return <p class="content-reviewed">{t("content.reviewed", { date })}</p>;
}

/**
 * /app/rights, /app/information, /app/updates: the section's published items with a search box (which also searches
 * the text kept on the phone), FAQs under Get Information, "updated" badges; everything read offline afterwards.
 */
export function ContentSection() {
  const t = useT("app");
  const { path } = useRoute();
  const section = sectionBySlug(path.replace(/^\//, "").split("/")[0] ?? "");
  const id = (section?.id ?? "rights") as ContentSectionId;
  const lang = useContentLanguage();
  const [q, setQ] = useState("");
  const load = useCallback(() => loadContentList(lang), [lang]);
  const { data, error, reload } = useLoad(load);
  useEffect(() => {
    if (!data || data.offline) return;
    const ctrl = new AbortController();
    void syncArticles(lang, data.items, ctrl.signal);
    return () => ctrl.abort();
  }, [data, lang]);
  const kinds = kindsOfSection[id];
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (i: PublicContentItem) =>
    !words.length ||
    words.every((w) => `${i.title} ${i.summary} ${keptText(lang, i.slug)}`.toLocaleLowerCase().includes(w));
  const items = useMemo(() => {
    const mine = (data?.items ?? []).filter((i) => kinds.includes(i.kind));
    // Topics in the order they were written; announcements newest first.
    return id === "changes" ? mine.reverse() : mine;
  }, [data, kinds, id]);
  const shown = items.filter(matches);
  const articles = shown.filter((i) => i.kind !== "faq");
  const faqs = shown.filter((i) => i.kind === "faq");
  const base = section ? section.slug : "rights";
  return (
    <SubPage title={t(`sections.${id}.title`)}>
      <p class="lead">{t(`sections.${id}.summary`)}</p>
      <DemoBanner />
      {data?.offline && (
        <p class="content-offline" role="status">
          {t("content.offlineCopy")}
        </p>
      )}
      {items.length > 3 && (
        <search class="content-search">
          <label for="content-q">{t("content.search")}</label>
          <input id="content-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </search>
      )}
      {error && <Problem error={error} onRetry={reload} />}
      {!data && !error && <p role="status">{t("content.loading")}</p>}
      {data && !shown.length && <p role="status">{t(items.length ? "content.noMatch" : "content.none")}</p>}
      {id === "changes" ? (
        <DistrictFirst items={articles} base={base} />
      ) : (
        articles.length > 0 && <ItemList items={articles} base={base} />
      )}
      {faqs.length > 0 && (
        <section aria-labelledby="faq-h">
          <h2 id="faq-h">{t("content.faqs")}</h2>
          <ItemList items={faqs} base={section ? section.slug : "information"} />
        </section>
      )}
    </SubPage>
  );
}

/**
 * What changed: a district picker (remembered on the phone, not on a shared one), then the announcements meant for
 * that district or its region, then the others.
 */
function DistrictFirst(props: { items: PublicContentItem[]; base: string }) {
  const t = useT("app");
  const { config } = useConfig();
  const [district, setDistrict] = useState(readDistrict);
  const areas = config?.areas ?? [];
  const districts = areas.filter((a) => a.isLeaf && a.level > 0).sort((a, b) => a.name.localeCompare(b.name));
  const known = districts.some((d) => d.id === district) ? district : "";
  const { mine, others } = splitByDistrict(props.items, areas, known);
  const name = districts.find((d) => d.id === known)?.name ?? "";
  return (
    <>
      {districts.length > 1 && (
        <p class="field content-district">
          <label for="content-district">{t("content.myDistrict")}</label>
          <select
            id="content-district"
            value={known}
            onChange={(e) => {
              setDistrict(e.currentTarget.value);
              keepDistrict(e.currentTarget.value);
            }}
          >
            <option value="">{t("content.anyDistrict")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {known && (
        <section aria-labelledby="changes-mine-h">
          <h2 id="changes-mine-h">{t("content.forDistrict", { district: name })}</h2>
          {mine.length ? <ItemList items={mine} base={props.base} /> : <p>{t("content.noneForDistrict")}</p>}
        </section>
      )}
      {others.length > 0 &&
        (known ? (
          <section aria-labelledby="changes-others-h">
            <h2 id="changes-others-h">{t("content.elsewhere")}</h2>
            <ItemList items={others} base={props.base} />
          </section>
        ) : (
          <ItemList items={others} base={props.base} />
        ))}
    </>
  );
}

function ItemList(props: { items: PublicContentItem[]; base: string }) {
  const t = useT("app");
  return (
    <ul class="content-list">
      {props.items.map((i) => (
        <li key={i.slug} class="content-card">
          <AppLink href={`${APP_BASE}/${props.base}/${i.slug}`} class="content-card__link">
            <span class="content-card__title">{i.title}</span>
            {isUpdatedSinceRead(i) && <span class="content-badge">{t("content.updated")}</span>}
          </AppLink>
          {i.summary && <p class="content-card__summary">{i.summary}</p>}
        </li>
      ))}
    </ul>
  );
}

/** /app/<section>/<slug>: the reading view (the server's sanitised HTML), the review date, a live figure. */
export function ContentArticle() {
  const t = useT("app");
  const lng = useLanguage();
  const lang = useContentLanguage();
  const { params, path } = useRoute();
  const sectionSlug = path.replace(/^\//, "").split("/")[0] ?? "rights";
  const slug = params.item ?? "";
  const load = useCallback(() => loadArticle(lang, slug), [lang, slug]);
  const { data, error, reload } = useLoad(load);
  useEffect(() => {
    if (data) markRead(data.article.slug, data.article.updatedAt);
  }, [data]);
  const article: PublicContent | undefined = data?.article;
  const section = sectionBySlug(sectionSlug);
  const fallbackTitle = error && section ? t(`sections.${section.id}.title`) : t("content.loading");
  return (
    <SubPage title={article?.title ?? fallbackTitle}>
      <p>
        <AppLink href={`${APP_BASE}/${sectionSlug}`}>{t("content.allTopics")}</AppLink>
      </p>
      <DemoBanner />
      {error && <Problem error={error} onRetry={reload} />}
      {!data && !error && <p role="status">{t("content.loading")}</p>}
      {data?.offline && (
        <p class="content-offline" role="status">
          {t("content.offlineCopy")}
        </p>
      )}
      {article && (
        <article class="content-article" lang={article.language}>
          {article.language !== lang && <p class="content-offline">{t("content.otherLanguage")}</p>}
          {article.figure && (
            <p class="content-figure">
              <span>{article.figure.label}</span>{" "}
              <strong>
                {article.figure.value === null
                  ? t("content.figureHidden")
                  : numberFormat(lng).format(article.figure.value)}
              </strong>
            </p>
          )}
          {/* Rendered and sanitised on the server (content-markdown.ts): no script, no handlers, no embeds. */}
          <div class="content-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
          <ReviewedOn at={article.reviewedAt} />
        </article>
      )}
    </SubPage>
  );
}
