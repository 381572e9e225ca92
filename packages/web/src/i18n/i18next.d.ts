import "i18next";
import type { SourceResources } from "./resources.js";

// Translation keys are checked against the English catalogs: `t("home.titel")` does not compile.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: SourceResources;
  }
}
