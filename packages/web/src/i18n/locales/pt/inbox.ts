import type { Catalog } from "../../catalog.js";
import type en from "../en/inbox.js";

const inbox: Catalog<typeof en> = {
  title: "Caixa de entrada",
  intro: "Os relatos para a sua equipa aparecerão aqui, com prazos, mensagens e próximos passos.",
};

export default inbox;
