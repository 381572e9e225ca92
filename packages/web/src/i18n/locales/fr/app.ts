import type { Catalog } from "../../catalog.js";
import type en from "../en/app.js";

const app: Catalog<typeof en> = {
  quickExit: {
    label: "Sortie rapide",
    hint: "Quitte cette application immédiatement. Vous pouvez aussi appuyer trois fois sur Échap.",
  },
  nav: {
    label: "Sections de l’application",
    home: "Accueil",
    back: "Retour à l’accueil",
  },
  home: {
    title: "Comment pouvons-nous vous aider aujourd’hui ?",
    intro: "Choisissez une section. Rien de ce que vous consultez ici n’est partagé.",
  },
  sections: {
    rights: {
      title: "Connaître vos droits",
      summary: "Ce que vous pouvez attendre des services de santé et de soutien.",
    },
    info: { title: "S’informer", summary: "Des réponses claires sur les soins, le traitement et le soutien." },
    access: {
      title: "Accéder aux services",
      summary: "Services près de chez moi : centres de santé, soutien et conseils.",
    },
    connected: { title: "Rester en lien", summary: "Échanger avec des personnes qui sont passées par là." },
    involved: { title: "S’impliquer", summary: "Signaler une difficulté rencontrée pour qu’elle soit réglée." },
    reports: { title: "Mes signalements", summary: "Suivre ce qui se passe avec vos signalements." },
    changes: { title: "Ce qui a changé", summary: "Nouvelles des problèmes qui ont été résolus." },
  },
  comingSoon: {
    title: "Bientôt disponible",
    body: "Cette section est en préparation et arrivera dans une prochaine mise à jour.",
  },
  nearMe: {
    intro: "Choisissez une zone pour voir les services qui s’y trouvent.",
    filters: "Filtrer les services",
    area: "Zone",
    chooseArea: "Choisissez une zone",
    allOf: "{{name}} (toute la zone)",
    type: "Type de service",
    allTypes: "Tous les types",
    results_one: "{{count}} lieu trouvé",
    results_other: "{{count}} lieux trouvés",
    empty: "Aucun service n’est répertorié pour ce choix.",
    pickFirst: "Choisissez une zone ci-dessus pour voir les services.",
    address: "Adresse",
    hours: "Heures d’ouverture",
    phone: "Téléphone",
    call: "Appeler le {{phone}}",
    noHours: "Heures d’ouverture non indiquées",
    closed: "Fermé",
    types: {
      tb_clinic: "Centre de traitement de la TB",
      dot_centre: "Centre de soutien au traitement",
      hospital: "Hôpital",
      laboratory: "Laboratoire",
      pharmacy: "Pharmacie",
      ngo: "Organisation communautaire",
      legal_aid: "Aide juridique",
      psychosocial: "Soutien psychologique et santé mentale",
      nutrition: "Soutien nutritionnel",
      social_protection: "Protection sociale",
      point_of_interest: "Autre lieu",
    },
  },
};

export default app;
