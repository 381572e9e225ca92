import type { Catalog } from "../../catalog.js";
import type en from "../en/dashboard.js";

const dashboard: Catalog<typeof en> = {
  title: "Painel de prestação de contas",
  intro: "Indicadores, tendências, metas e mapas a partir de relatos validados, sem identidades.",
};

export default dashboard;
