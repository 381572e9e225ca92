import type { Catalog } from "../../catalog.js";
import type en from "../en/audit.js";

const audit: Catalog<typeof en> = {
  title: "Journal d’audit",
  intro:
    "Chaque consultation de données personnelles et chaque modification sont enregistrées ici, dans une chaîne d’empreintes qui révèle toute modification ultérieure. Filtrez le journal et vérifiez son intégrité.",
  integrity: {
    title: "Contrôle d’intégrité",
    intro:
      "Le serveur recalcule l’empreinte de chaque événement depuis le premier et vérifie les points de contrôle signés, comme npm run audit:verify.",
    run: "Vérifier l’intégrité",
    running: "Vérification…",
    ok_one: "Le journal d’audit est intact : {{count}} événement vérifié.",
    ok_other: "Le journal d’audit est intact : {{count}} événements vérifiés.",
    ok_many: "Le journal d’audit est intact : {{count}} événements vérifiés.",
    bad_one: "Le journal d’audit a été modifié : {{count}} problème trouvé.",
    bad_other: "Le journal d’audit a été modifié : {{count}} problèmes trouvés.",
    bad_many: "Le journal d’audit a été modifié : {{count}} problèmes trouvés.",
    head: "Tête de la chaîne",
    checkpoints: "Points de contrôle signés",
    latestCheckpoint_one: "{{count}} point de contrôle ; le dernier à l’événement n° {{seq}}, {{at}}",
    latestCheckpoint_other: "{{count}} points de contrôle ; le dernier à l’événement n° {{seq}}, {{at}}",
    latestCheckpoint_many: "{{count}} points de contrôle ; le dernier à l’événement n° {{seq}}, {{at}}",
    noCheckpoint: "Aucun pour l’instant (le serveur en signe un toutes les 15 minutes).",
    checkedAt: "Vérifié le",
    problems: "Où la chaîne est rompue (les 50 premiers) :",
    record:
      "Notez l’empreinte de tête ailleurs que sur ce serveur (une note datée, un courriel à vous-même) : un contrôle ultérieur prouvera alors aussi que rien n’a été réécrit avant.",
  },
  filters: {
    title: "Filtres",
    actor: "Membre du personnel (courriel)",
    action: "Action",
    entity: "Entité",
    entityId: "Identifiant de l’entité",
    from: "Du",
    to: "Au",
    personal: "Seulement les consultations de données personnelles",
    utc: "Les heures et les dates sont en UTC.",
    actorId: "Seulement l’acteur {{id}}.",
    clearActorId: "Tout acteur",
    apply: "Afficher les événements",
    clear: "Effacer les filtres",
  },
  log: {
    title: "Événements, du plus récent au plus ancien",
    titleOlder: "Événements plus anciens",
    loading: "Chargement des événements…",
    none: "Aucun événement ne correspond à ces filtres.",
    pages: "Pages du journal",
    newest: "Événements les plus récents",
    older: "Événements plus anciens",
  },
  event: {
    personal: "Données personnelles consultées",
    action: "Action",
    actor: "Par",
    entity: "Sur",
    filterEntity: "Afficher seulement les événements sur {{entity}} {{id}}",
    details: "Détails",
  },
  actor: {
    staff: "Compte du personnel",
    community: "Compte communautaire",
    other: "Système ou anonyme",
  },
  outcome: {
    failure: "Échec",
    denied: "Refusé",
  },
};

export default audit;
