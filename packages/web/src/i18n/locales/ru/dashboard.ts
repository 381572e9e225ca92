import type { Catalog } from "../../catalog.js";
import type en from "../en/dashboard.js";

const dashboard: Catalog<typeof en> = {
  title: "Панель подотчётности",
  intro: "Показатели, тенденции, целевые значения и карты по проверенным обращениям, без личных данных.",
};

export default dashboard;
