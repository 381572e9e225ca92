import type { Catalog } from "../../catalog.js";
import type en from "../en/inbox.js";

const inbox: Catalog<typeof en> = {
  title: "Boîte de réception",
  intro:
    "Les signalements destinés à votre équipe apparaîtront ici, avec leurs échéances, messages et étapes suivantes.",
};

export default inbox;
