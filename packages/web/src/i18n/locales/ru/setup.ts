import type { Catalog } from "../../catalog.js";
import type en from "../en/setup.js";

const setup: Catalog<typeof en> = {
  title: "Настройка",
  intro:
    "Настраивайте формы, учреждения, материалы, географию, протоколы, целевые значения и пользователей без переустановки.",
};

export default setup;
