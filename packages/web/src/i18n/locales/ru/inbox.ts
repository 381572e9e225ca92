import type { Catalog } from "../../catalog.js";
import type en from "../en/inbox.js";

const inbox: Catalog<typeof en> = {
  title: "Входящие",
  intro: "Здесь появятся обращения для вашей команды со сроками, сообщениями и следующими шагами.",
};

export default inbox;
