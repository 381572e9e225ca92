import type { Catalog } from "../../catalog.js";
import type en from "../en/channels.js";

const channels: Catalog<typeof en> = {
  category: "Que s'est-il passe?",
  subcategory: "De quel type?",
  challengeType: "Le plus proche:",
  region: "Quelle region?",
  districtPrefix: "Tapez les premieres lettres du district (1: voir la liste):",
  noDistrict: "Aucun district ainsi. Autres lettres (1: la liste):",
  district: "Quel district?",
  facility: "Quel lieu?",
  noFacility: "Aucun",
  occurredOn: "Quand?",
  today: "Aujourd'hui",
  yesterday: "Hier",
  lastWeek: "Cette semaine",
  lastMonth: "Ce mois",
  gender: "Vous etes:",
  female: "Femme",
  male: "Homme",
  transgender: "Transgenre",
  other: "Autre",
  undisclosed: "Je prefere ne pas dire",
  ageGroup: "Votre age:",
  keyPopulations: "Faites-vous partie d'un de ces groupes?",
  noneOfThese: "Aucun / ne pas dire",
  contactMeChat: "Pouvons-nous vous ecrire dans cette conversation quand quelqu'un repond a votre signalement?",
  contactMe: "Pouvons-nous envoyer des SMS sur ce signalement a ce numero?",
  shareDeidentified: "Pouvons-nous le compter, sans votre nom, dans les chiffres publics?",
  useInAdvocacyStories: "Pouvons-nous raconter ce qui s'est passe, sans votre nom, pour faire changer les choses?",
  yes: "Oui",
  no: "Non",
  more: "Plus",
  back: "Retour",
  invalid: "Choix invalide.",
  done: "Merci. Le code de votre signalement est {{code}}. Gardez-le pour le suivre.",
  failed: "Desole, nous ne pouvons pas prendre votre signalement. Reessayez plus tard.",
  simulated: "TEST: le signalement serait accepte. Rien n'a ete enregistre ni envoye.",
  chatStart:
    "Bonjour. Ce service recoit, en toute confidentialite, les signalements de problemes avec les services de sante. Choisissez avec les boutons ou tapez le numero d'une option.",
  choose: "Choisir",
  smsStart: "Pour signaler un probleme, repondez REPORT.",
  replyTaken: "Merci. Votre message a ete ajoute au signalement {{code}}.",
  // Messages the platform itself writes in the reporter's conversation (app, SMS, chat): a report accepted,
  // resolved, declined (why, and what the person can do), or part of a change. Never the illness.
  thread: {
    validated: "Merci. Votre signalement a été vérifié et accepté. Un intervenant vous répondra ici.",
    resolved: "Nous pensons que votre problème est résolu. Est-ce le cas ? Dites-le-nous sur cette page.",
    changed:
      "Merci d'avoir parlé. Votre signalement, avec d'autres, a permis un changement. Ouvrez Ce qui a changé dans l'application pour en savoir plus.",
    declined: {
      duplicate:
        "Merci pour votre signalement. Nous avons déjà un signalement sur ce même problème et l'équipe s'en occupe : nous avons donc fermé cette copie. Vous n'avez rien à faire. Si quelque chose de nouveau s'est passé, vous pouvez faire un nouveau signalement.",
      not_registered:
        "Merci pour votre signalement. Ce programme ne peut traiter que les signalements des personnes inscrites pour des soins auprès de lui, et nous n'avons pas trouvé cette inscription. Une clinique ou un agent communautaire peut vous aider à vous inscrire ; vous pourrez ensuite faire un nouveau signalement.",
      spam: "Merci pour votre signalement. Il ne ressemblait pas à un vrai problème de soins ou de soutien, nous n'avons donc pas pu le traiter. Si c'était un vrai problème, envoyez-le de nouveau en disant ce qui s'est passé, où et quand.",
      insufficient_information:
        "Merci pour votre signalement. Il n'y avait pas assez d'informations pour que nous puissions agir. Vous pouvez faire un nouveau signalement avec plus de détails : ce qui s'est passé, où et quand. Vous pouvez aussi nous écrire ici.",
      out_of_scope:
        "Merci pour votre signalement. Ce problème ne fait pas partie de ce que ce programme peut traiter. Dans l'application, « Accéder aux services » liste des services près de chez vous qui peuvent aider.",
      other:
        "Merci pour votre signalement. Nous n'avons pas pu y donner suite cette fois. Si vous avez des questions, écrivez-nous ici et un aidant vous répondra.",
    },
  },
};

export default channels;
