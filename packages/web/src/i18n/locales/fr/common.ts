import type { Catalog } from "../../catalog.js";
import type en from "../en/common.js";

const common: Catalog<typeof en> = {
  skipToContent: "Aller au contenu principal",
  language: "Langue",
  loading: "Chargement…",
  retry: "Réessayer",
  help: {
    link: "Aide",
    newTab: "(s’ouvre dans un nouvel onglet)",
  },
  tour: {
    start: "Faire la visite",
    startFor: "Faire la visite de cet écran",
    step: "Étape {{current}} sur {{total}}",
    next: "Suivant",
    back: "Précédent",
    done: "Terminé",
    close: "Fermer la visite",
    inbox: {
      queue: {
        title: "Votre file",
        body: "Les signalements de vos zones, les plus récents d’abord. Ouvrez-en un pour le lire, le valider ou le refuser, l’attribuer et répondre à la personne qui l’a fait.",
      },
      search: {
        title: "Recherche",
        body: "Trouvez un signalement par son code de suivi ou par des mots de sa description.",
      },
      filters: {
        title: "Filtres",
        body: "Réduisez la file par statut, lieu, catégorie, personne qui tient le signalement, etc. L’adresse garde vos filtres : ajoutez-la aux favoris ou enregistrez-la comme vue.",
      },
      training: {
        title: "Mode formation",
        body: "Entraînez-vous sur des signalements d’entraînement : ils ne comptent dans aucun chiffre, et rien de ce que vous y faites n’est envoyé à qui que ce soit.",
      },
      help: {
        title: "Aide",
        body: "Le manuel de cet écran s’ouvre dans un nouvel onglet. Vous pouvez refaire cette visite d’ici.",
      },
    },
    setup: {
      checklist: {
        title: "Liste de contrôle",
        body: "Ce que le pays a déjà fait, et ce qui reste à faire avant de recevoir des signalements.",
      },
      sections: {
        title: "Sections",
        body: "Chaque section contient une partie du paramétrage du pays : géographie, établissements, formulaires, contenus, comptes du personnel, etc.",
      },
      nav: {
        title: "Navigation du paramétrage",
        body: "Passez d’une section à l’autre d’ici, sur chaque page du paramétrage.",
      },
      help: {
        title: "Aide",
        body: "Le manuel de cet écran s’ouvre dans un nouvel onglet. Vous pouvez refaire cette visite d’ici.",
      },
    },
  },
  offline: "Vous êtes hors ligne. Les informations enregistrées sont affichées.",
  surfaces: {
    app: "Application communautaire",
    inbox: "Boîte de réception des intervenants",
    dashboard: "Tableau de bord de redevabilité",
    publicDashboard: "Chiffres publics",
    setup: "Configuration",
    audit: "Journal d’audit",
  },
  landing: {
    title: "Bienvenue",
    intro:
      "Suivi mené par la communauté : les personnes signalent les difficultés rencontrées, les intervenants agissent et chacun voit ce qui change.",
    surfacesLabel: "Choisissez où aller",
    app: "Trouver des services, connaître vos droits et signaler une difficulté.",
    inbox: "Pour les premiers intervenants : traiter les signalements et répondre aux personnes.",
    publicDashboard: "Pour tous, sans connexion : ce que les gens signalent et ce qui a été fait, zone par zone.",
    dashboard: "Pour les défenseurs et le personnel du programme : indicateurs, tendances et cibles.",
    setup: "Pour les administrateurs : formulaires, lieux, contenus et utilisateurs.",
  },
  notices: {
    title: "Nouveau message",
    reply: "Votre signalement {{ref}} a reçu une réponse.",
    update: "Il y a du nouveau sur votre signalement {{ref}}.",
    content: "Signalement {{ref}}: {{content}}",
    howPush: "Ouvrez l'application, puis Mes signalements.",
    howSmsUrl: "Lisez-la sur {{url}} avec votre code, ou répondez à ce SMS.",
    howSms: "Lisez-la sur la page de suivi avec votre code, ou répondez à ce SMS.",
    howChatUrl: "Lisez-la sur {{url}} avec votre code, ou répondez dans cette conversation.",
    howChat: "Lisez-la sur la page de suivi avec votre code, ou répondez dans cette conversation.",
    answerSms: "(Répondez à ce SMS pour répondre.)",
    answerChat: "(Répondez dans cette conversation.)",
  },
  staff: {
    securityNotice: {
      title: "Tentatives de connexion à votre compte",
      failed_one:
        "{{count}} tentative de connexion échouée sur votre compte depuis votre dernière connexion, la dernière le {{date}}. Si ce n’était pas vous, prévenez votre administrateur.",
      failed_other:
        "{{count}} tentatives de connexion échouées sur votre compte depuis votre dernière connexion, la dernière le {{date}}. Si ce n’était pas vous, prévenez votre administrateur.",
      failed_many:
        "{{count}} tentatives de connexion échouées sur votre compte depuis votre dernière connexion, la dernière le {{date}}. Si ce n’était pas vous, prévenez votre administrateur.",
      alerts_one:
        "{{count}} alerte d’échecs de connexion répétés sur un compte depuis votre dernière connexion. Le journal d’audit donne les détails.",
      alerts_other:
        "{{count}} alertes d’échecs de connexion répétés sur des comptes depuis votre dernière connexion. Le journal d’audit donne les détails.",
      alerts_many:
        "{{count}} alertes d’échecs de connexion répétés sur des comptes depuis votre dernière connexion. Le journal d’audit donne les détails.",
      dismiss: "J’ai compris",
    },
    navLabel: "Espaces du personnel",
    assistedReporting: "Signaler pour quelqu’un",
    home: "Page d’accueil",
    signInSoon: "D’autres outils pour cet espace arrivent avec la prochaine version.",
    signInSoonDetail: "Vous êtes connecté ; cette page se remplira au fil des travaux.",
    signIn: {
      title: "Se connecter",
      email: "Adresse e-mail",
      password: "Mot de passe",
      continue: "Continuer",
      codeTitle: "Saisissez votre code de connexion",
      code: "Code à 6 chiffres",
      codeHint: "Ouvrez votre application d’authentification et saisissez le code affiché pour ce compte.",
      recoveryCode: "Code de récupération",
      verify: "Se connecter",
      useRecovery: "Utiliser un code de récupération",
      useApp: "Utiliser l’application d’authentification",
      restart: "Recommencer",
      locked: "Vous avez été déconnecté après une période d’inactivité. Reconnectez-vous pour continuer.",
      signedOut: "Vous êtes déconnecté.",
    },
    enrol: {
      title: "Configurer la connexion en deux étapes",
      intro:
        "Scannez ce code QR avec une application d’authentification sur votre téléphone, puis saisissez le code affiché.",
      qrAlt: "Code QR pour ajouter ce compte à une application d’authentification",
      manual: "Si vous ne pouvez pas le scanner, saisissez cette clé dans l’application :",
    },
    recovery: {
      title: "Conservez vos codes de récupération",
      intro:
        "Chaque code permet de vous connecter une fois si vous perdez votre téléphone. Gardez-les en lieu sûr : ils ne s’affichent que maintenant.",
      saved: "J’ai conservé mes codes de récupération",
      continue: "Continuer",
    },
    account: {
      signOut: "Se déconnecter",
      signOutEverywhere: "Se déconnecter partout",
    },
    notifications: {
      title: "Notifications par e-mail",
      intro:
        "Des e-mails sur les nouveaux signalements de votre zone, les signalements qui vous sont attribués et les escalades vers vous.",
      legend: "M'envoyer ces e-mails",
      choices: {
        immediate: "Tout de suite, un e-mail chacun",
        digest: "Une fois par jour, tous ensemble (résumé quotidien)",
        off: "Jamais",
      },
      privacy:
        "Un e-mail dit seulement ce qui s'est passé, dans quel district, avec un lien vers le signalement dans la boîte : jamais les mots ni les coordonnées de la personne.",
      save: "Enregistrer mon choix",
      saved: "Enregistré.",
    },
    password: {
      title: "Changer le mot de passe",
      pageTitle: "Votre compte",
      intro:
        "Saisissez votre mot de passe actuel, puis le nouveau deux fois. Vous restez connecté ici ; tous les autres appareils sont déconnectés.",
      forcedTitle: "Choisissez votre propre mot de passe",
      forcedIntro:
        "Un administrateur a choisi le mot de passe avec lequel vous vous êtes connecté. Choisissez-en un que vous seul connaissez avant de continuer.",
      current: "Mot de passe actuel",
      given: "Mot de passe reçu",
      new: "Nouveau mot de passe",
      again: "Nouveau mot de passe, à nouveau",
      policy: "Au moins 12 caractères, pas un mot de passe courant, pas votre adresse e-mail.",
      wrongCurrent: "Le mot de passe actuel n’est pas correct.",
      mismatch: "Les deux nouveaux mots de passe ne sont pas identiques.",
      save: "Enregistrer le nouveau mot de passe",
      changed: "Votre mot de passe a été changé. Les autres appareils ont été déconnectés.",
    },
    reset: {
      title: "Réinitialiser votre mot de passe",
      formTitle: "Choisissez un nouveau mot de passe",
      intro:
        "Un administrateur vous a envoyé ce lien à usage unique. Choisissez un nouveau mot de passe, puis connectez-vous et configurez à nouveau votre application d’authentification.",
      noToken:
        "Cette page a besoin du lien complet que vous avez reçu. Ouvrez à nouveau le lien, ou demandez-en un nouveau à un administrateur.",
      save: "Définir le mot de passe",
      doneTitle: "Votre nouveau mot de passe est défini",
      doneBody:
        "Connectez-vous avec. Vous configurerez ensuite à nouveau la connexion en deux étapes avec votre application d’authentification.",
      signIn: "Se connecter",
    },
    noAccess: {
      title: "Votre rôle ne donne pas accès à cet espace",
      body: "Votre compte ({{role}}) n’inclut pas cette partie de la plateforme. Adressez-vous à un administrateur si vous en avez besoin.",
      home: "Aller à votre espace : {{place}}",
      instead: "Vous pouvez aussi utiliser :",
    },
  },
  roles: {
    peer_supporter: "Pair aidant",
    data_manager: "Gestionnaire de données",
    first_responder: "Intervenant de première ligne",
    analyst: "Analyste",
    country_admin: "Administrateur national",
    system_admin: "Administrateur système",
    auditor: "Auditeur",
    content_editor: "Rédacteur de contenu",
  },
  notFound: {
    title: "Page introuvable",
    body: "Cette page n’existe pas ou a été déplacée.",
    home: "Aller à la page d’accueil",
  },
  problem: {
    title: "Un problème est survenu",
    network: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  },
  errors: {
    VALIDATION_FAILED: "Certaines informations manquent ou ne sont pas valides.",
    MALFORMED_JSON: "La demande n’a pas pu être lue.",
    UNSUPPORTED_MEDIA_TYPE: "La demande n’a pas pu être lue.",
    UNAUTHENTICATED: "Veuillez vous connecter.",
    MFA_REQUIRED: "Saisissez le code de votre application d’authentification.",
    INVALID_CREDENTIALS: "L’adresse e-mail ou le mot de passe est incorrect.",
    INVALID_MFA_CODE: "Le code est incorrect.",
    SESSION_EXPIRED: "Votre session a pris fin. Veuillez vous reconnecter.",
    FORBIDDEN: "Vous n’êtes pas autorisé à faire cela.",
    COUNTRY_SCOPE_REQUIRED:
      "Ceci s’applique à tout le pays : seul un administrateur dont la portée couvre tout le pays peut le modifier.",
    CSRF_FAILED: "Veuillez recharger la page et réessayer.",
    NOT_FOUND: "Introuvable.",
    ROUTE_NOT_FOUND: "Introuvable.",
    CONFLICT: "Quelqu’un d’autre a modifié cet élément. Rechargez et réessayez.",
    ALREADY_DECIDED: "Une décision a déjà été prise sur ce signalement.",
    VERSION_CONFLICT: "Quelqu’un d’autre a modifié cet élément. Rechargez et réessayez.",
    INVALID_TRANSITION: "Ce changement de statut n’est pas possible.",
    PAYLOAD_TOO_LARGE: "C’est trop volumineux pour être envoyé.",
    RATE_LIMITED: "Trop de tentatives. Patientez un instant et réessayez.",
    UNKNOWN_CATEGORY: "Veuillez choisir une catégorie dans la liste.",
    UNKNOWN_SUBCATEGORY: "Veuillez choisir un thème dans la liste.",
    UNKNOWN_CHALLENGE_TYPE: "Veuillez choisir une difficulté dans la liste.",
    UNKNOWN_KEY_POPULATION: "Veuillez choisir les groupes dans la liste.",
    UNKNOWN_AREA: "Veuillez choisir une zone dans la liste.",
    UNKNOWN_FACILITY: "Veuillez choisir un lieu dans la liste.",
    PLACE_REQUIRED: "Veuillez indiquer où cela s’est passé.",
    POSITION_OUTSIDE_AREAS: "Votre position est hors des zones couvertes. Veuillez choisir une zone.",
    WEAK_PASSWORD: "Choisissez un mot de passe plus long et moins courant.",
    TRIVIAL_PIN:
      "Ce code PIN est trop facile à deviner (chiffres répétés, suite comme 123456, date). Choisissez-en un autre.",
    PASSWORD_CHANGE_REQUIRED: "Choisissez votre propre mot de passe avant de continuer.",
    RESET_LINK_INVALID:
      "Ce lien de réinitialisation a expiré ou a déjà servi. Demandez-en un nouveau à un administrateur.",
    PLACEHOLDER_MISMATCH:
      "La traduction doit garder chaque variable du texte d’origine (les noms entre doubles accolades), sans en ajouter.",
    SERVICE_UNAVAILABLE: "Le service est occupé. Réessayez bientôt.",
    REAUTH_REQUIRED: "Confirmez votre mot de passe pour continuer.",
    EMAIL_TAKEN: "Cette adresse e-mail est déjà utilisée.",
    LAST_SYSTEM_ADMIN: "C’est le seul administrateur système actif. Nommez-en d’abord un autre.",
    MFA_NOT_ENROLLED: "Configurez d’abord la connexion en deux étapes.",
    NICKNAME_NOT_ALLOWED:
      "Choisissez un pseudonyme qui ne révèle pas qui vous êtes : ni vrai nom, ni numéro de téléphone, ni e-mail.",
    ACCOUNT_SUSPENDED: "Un modérateur a suspendu les publications de ce compte pour le moment.",
    MEMBERS_ONLY: "Connectez-vous à votre compte communautaire pour lire le forum.",
    ALREADY_RATED: "Vous avez noté ce lieu au cours des 30 derniers jours. Vous pourrez le noter à nouveau plus tard.",
    CODE_IN_USE:
      "Des signalements utilisent déjà ce code : il ne peut plus changer ni disparaître. Retirez plutôt l'élément.",
    CODE_TAKEN: "Un autre élément a déjà ce code. Choisissez-en un autre.",
    PERIOD_NOT_CLOSED:
      "Cette période n’est pas terminée : ses chiffres changeraient encore. Choisissez une période close.",
    ALREADY_PUSHED: "Cette période a déjà été envoyée à DHIS2. Cochez « envoyer à nouveau » pour la corriger.",
    DHIS2_NOT_CONFIGURED:
      "DHIS2 n’est pas encore configuré : indiquez d’abord l’adresse, un jeton et la correspondance.",
    REPORT_ERASED:
      "Ce signalement a été supprimé : ses données personnelles et ses messages ont été effacés, et personne ne peut plus y écrire.",
    PUBLIC_QUERY_NOT_ALLOWED:
      "Les chiffres publiés prennent une seule valeur par filtre, et seulement les signalements partagés pour publication.",
    PERIOD_NOT_CALENDAR: "Les chiffres publiés portent sur un mois civil, un trimestre ou une année.",
    INTERNAL: "Un problème est survenu de notre côté. Veuillez réessayer.",
    MALFORMED_REQUEST: "La requête n’a pas pu être lue.",
    REQUEST_TIMEOUT: "La connexion est trop lente. Réessayez.",
    HEADERS_TOO_LARGE: "La requête est trop volumineuse pour être envoyée.",
  },
};

export default common;
