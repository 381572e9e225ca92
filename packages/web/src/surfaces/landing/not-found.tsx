import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { PageHeading } from "../../shared/page-heading.js";
import { PlainLayout } from "../../shared/plain-layout.js";

export default function NotFound() {
  const t = useT("common");
  useDocumentTitle(t("notFound.title"));
  return (
    <PlainLayout>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p>{t("notFound.body")}</p>
      <p>
        <a href="/">{t("notFound.home")}</a>
      </p>
    </PlainLayout>
  );
}
