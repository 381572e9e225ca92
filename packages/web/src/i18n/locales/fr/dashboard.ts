import type { Catalog } from "../../catalog.js";
import type en from "../en/dashboard.js";

const dashboard: Catalog<typeof en> = {
  title: "Tableau de bord de redevabilité",
  intro: "Indicateurs, tendances, cibles et cartes issus des signalements validés, sans identités.",
};

export default dashboard;
