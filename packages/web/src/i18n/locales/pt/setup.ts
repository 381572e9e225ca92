import type { Catalog } from "../../catalog.js";
import type en from "../en/setup.js";

const setup: Catalog<typeof en> = {
  title: "Configuração",
  intro: "Adapte formulários, locais, conteúdos, geografia, protocolos, metas e utilizadores, sem nova instalação.",
};

export default setup;
