import type { Catalog } from "../../catalog.js";
import type en from "../en/setup.js";

const setup: Catalog<typeof en> = {
  title: "Configuration",
  intro:
    "Adaptez les formulaires, lieux, contenus, la géographie, les protocoles, les cibles et les utilisateurs, sans redéploiement.",
};

export default setup;
