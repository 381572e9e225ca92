import type { Catalog } from "../../catalog.js";
import type en from "../en/setup.js";

const setup: Catalog<typeof en> = {
  title: "Configuration",
  intro:
    "Adaptez les formulaires, lieux, contenus, la géographie, les protocoles, les cibles et les utilisateurs, sans redéploiement.",
  placeholder: {
    title: "Formulaires, lieux et contenus arrivent ensuite",
    body: "Les écrans pour adapter la taxonomie, les établissements, les contenus, la géographie, les protocoles et les cibles arrivent dans une prochaine version.",
  },
  accounts: {
    title: "Comptes du personnel",
    intro:
      "Qui peut se connecter, avec quel rôle et pour quelles zones. Les nouveaux comptes configurent la connexion en deux étapes à la première connexion.",
    person: "Personne",
    role: "Rôle",
    scope: "Zones",
    scopeHint: "Ne cochez rien pour tout le pays. Une région comprend tous ses districts.",
    wholeCountry: "Tout le pays",
    state: "État",
    actions: "Actions",
    active: "Actif",
    disabled: "Désactivé",
    mfaOn: "connexion en deux étapes activée",
    mfaPending: "connexion en deux étapes non configurée",
    disable: "Désactiver",
    enable: "Réactiver",
    disableFor: "Désactiver {{name}}",
    enableFor: "Réactiver {{name}}",
    disabledDone: "{{name}} ne peut plus se connecter.",
    enabledDone: "{{name}} peut de nouveau se connecter.",
    resetMfa: "Réinitialiser le second facteur",
    resetMfaFor: "Réinitialiser le second facteur de {{name}}",
    resetMfaDone: "{{name}} configurera de nouveau la connexion en deux étapes à la prochaine connexion.",
    createTitle: "Créer un compte",
    email: "Adresse e-mail",
    displayName: "Nom",
    password: "Premier mot de passe",
    passwordHint: "Au moins 12 caractères, pas un mot de passe courant. Transmettez-le à la personne de manière sûre.",
    create: "Créer le compte",
    created: "Compte créé pour {{name}}.",
  },
  reauth: {
    title: "Confirmez votre identité",
    intro: "Cette modification demande votre mot de passe et un nouveau code de votre application d’authentification.",
    password: "Votre mot de passe",
    code: "Code à 6 chiffres",
    confirm: "Confirmer",
    cancel: "Annuler",
  },
};

export default setup;
