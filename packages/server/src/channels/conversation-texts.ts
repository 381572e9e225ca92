import { pickText } from "../platform/i18n-text.js";

/**
 * What the text channels say, in every language the platform ships. Short on purpose: a USSD screen holds 182
 * characters in GSM 7-bit text and 80 when the language needs UCS-2 (Russian), options included (screen.ts pages
 * them). Like every message the platform sends itself, nothing here names the illness: phones are shared.
 */
const texts = {
  category: { en: "What happened?", fr: "Que s'est-il passe?", pt: "O que aconteceu?", ru: "Что случилось?" },
  subcategory: { en: "What kind?", fr: "De quel type?", pt: "De que tipo?", ru: "Какого рода?" },
  challengeType: { en: "Closest to:", fr: "Le plus proche:", pt: "Mais perto de:", ru: "Ближе всего:" },
  region: { en: "Which region?", fr: "Quelle region?", pt: "Que regiao?", ru: "Какой регион?" },
  districtPrefix: {
    en: "Type the first letters of the district name (1: see the list):",
    fr: "Tapez les premieres lettres du district (1: voir la liste):",
    pt: "Escreva as primeiras letras do distrito (1: ver a lista):",
    ru: "Первые буквы района (1: список):",
  },
  noDistrict: {
    en: "No district starts so. Type other letters (1: see the list):",
    fr: "Aucun district ainsi. Autres lettres (1: la liste):",
    pt: "Nenhum distrito assim. Outras letras (1: a lista):",
    ru: "Нет такого. Другие буквы (1: список):",
  },
  district: { en: "Which district?", fr: "Quel district?", pt: "Que distrito?", ru: "Какой район?" },
  facility: { en: "Which place?", fr: "Quel lieu?", pt: "Que local?", ru: "Какое место?" },
  noFacility: { en: "None of these", fr: "Aucun", pt: "Nenhum", ru: "Нет в списке" },
  occurredOn: { en: "When?", fr: "Quand?", pt: "Quando?", ru: "Когда?" },
  today: { en: "Today", fr: "Aujourd'hui", pt: "Hoje", ru: "Сегодня" },
  yesterday: { en: "Yesterday", fr: "Hier", pt: "Ontem", ru: "Вчера" },
  lastWeek: { en: "This week", fr: "Cette semaine", pt: "Esta semana", ru: "На неделе" },
  lastMonth: { en: "This month", fr: "Ce mois", pt: "Este mes", ru: "В этом месяце" },
  gender: { en: "You are:", fr: "Vous etes:", pt: "Voce e:", ru: "Вы:" },
  female: { en: "Woman", fr: "Femme", pt: "Mulher", ru: "Женщина" },
  male: { en: "Man", fr: "Homme", pt: "Homem", ru: "Мужчина" },
  transgender: { en: "Transgender", fr: "Transgenre", pt: "Transgenero", ru: "Трансгендер" },
  other: { en: "Other", fr: "Autre", pt: "Outro", ru: "Другое" },
  undisclosed: { en: "Prefer not to say", fr: "Je prefere ne pas dire", pt: "Prefiro nao dizer", ru: "Не скажу" },
  ageGroup: { en: "Your age:", fr: "Votre age:", pt: "A sua idade:", ru: "Ваш возраст:" },
  keyPopulations: {
    en: "Are you in one of these groups?",
    fr: "Faites-vous partie d'un de ces groupes?",
    pt: "Pertence a um destes grupos?",
    ru: "Вы из этих групп?",
  },
  noneOfThese: { en: "None / not say", fr: "Aucun / ne pas dire", pt: "Nenhum / nao dizer", ru: "Нет / не скажу" },
  // Telegram and WhatsApp (chat-turn.ts): replies come back in the chat, not by SMS.
  contactMeChat: {
    en: "May we write to you in this chat when someone answers your report?",
    fr: "Pouvons-nous vous ecrire dans cette conversation quand quelqu'un repond a votre signalement?",
    pt: "Podemos escrever-lhe nesta conversa quando alguem responder ao seu relato?",
    ru: "Можно написать вам в этом чате, когда на обращение ответят?",
  },
  contactMe: {
    en: "May we send SMS about this report to this number?",
    fr: "Pouvons-nous envoyer des SMS sur ce signalement a ce numero?",
    pt: "Podemos enviar SMS sobre este relato para este numero?",
    ru: "Писать вам SMS об этом?",
  },
  shareDeidentified: {
    en: "May we count it, without your name, in public figures?",
    fr: "Pouvons-nous le compter, sans votre nom, dans les chiffres publics?",
    pt: "Podemos conta-lo, sem o seu nome, nos numeros publicos?",
    ru: "Учесть в общей статистике без имени?",
  },
  useInAdvocacyStories: {
    en: "May we tell what happened, without your name, to push for change?",
    fr: "Pouvons-nous raconter ce qui s'est passe, sans votre nom, pour faire changer les choses?",
    pt: "Podemos contar o que aconteceu, sem o seu nome, para pedir mudancas?",
    ru: "Рассказать о случае без имени ради перемен?",
  },
  yes: { en: "Yes", fr: "Oui", pt: "Sim", ru: "Да" },
  no: { en: "No", fr: "Non", pt: "Nao", ru: "Нет" },
  more: { en: "More", fr: "Plus", pt: "Mais", ru: "Ещё" },
  back: { en: "Back", fr: "Retour", pt: "Voltar", ru: "Назад" },
  invalid: { en: "Not a choice.", fr: "Choix invalide.", pt: "Escolha invalida.", ru: "Нет такого." },
  done: {
    en: "Thank you. Your report code is {code}. Keep it to follow your report.",
    fr: "Merci. Le code de votre signalement est {code}. Gardez-le pour le suivre.",
    pt: "Obrigado. O codigo do seu relato e {code}. Guarde-o para o acompanhar.",
    ru: "Спасибо. Код: {code}. Сохраните его.",
  },
  failed: {
    en: "Sorry, we could not take your report now. Please try again later.",
    fr: "Desole, nous ne pouvons pas prendre votre signalement. Reessayez plus tard.",
    pt: "Desculpe, nao foi possivel receber o seu relato. Tente mais tarde.",
    ru: "Не удалось принять. Попробуйте позже.",
  },
  simulated: {
    en: "TEST: the report would be accepted. Nothing was stored and nothing was sent.",
    fr: "TEST: le signalement serait accepte. Rien n'a ete enregistre ni envoye.",
    pt: "TESTE: o relato seria aceite. Nada foi guardado nem enviado.",
    ru: "ТЕСТ: сообщение было бы принято. Ничего не сохранено и не отправлено.",
  },
  chatStart: {
    en: "Hello. This service takes reports of problems with health services, in confidence. Choose with the buttons or type the number of an option.",
    fr: "Bonjour. Ce service recoit, en toute confidentialite, les signalements de problemes avec les services de sante. Choisissez avec les boutons ou tapez le numero d'une option.",
    pt: "Ola. Este servico recebe, em confidencialidade, relatos de problemas com os servicos de saude. Escolha com os botoes ou escreva o numero de uma opcao.",
    ru: "Здравствуйте. Этот сервис конфиденциально принимает сообщения о проблемах в медицинских услугах. Выбирайте кнопками или введите номер варианта.",
  },
  choose: { en: "Choose", fr: "Choisir", pt: "Escolher", ru: "Выбрать" },
  smsStart: {
    en: "To report a problem, reply REPORT.",
    fr: "Pour signaler un probleme, repondez REPORT.",
    pt: "Para relatar um problema, responda REPORT.",
    ru: "Чтобы сообщить, ответьте REPORT.",
  },
  replyTaken: {
    en: "Thank you. Your message was added to report {code}.",
    fr: "Merci. Votre message a ete ajoute au signalement {code}.",
    pt: "Obrigado. A sua mensagem foi juntada ao relato {code}.",
    ru: "Спасибо. Сообщение добавлено к обращению {code}.",
  },
} satisfies Record<string, Record<"en" | "fr" | "pt" | "ru", string>>;

export type TextKey = keyof typeof texts;

/** A channel text in `language` (its base language, then English, when the language has none). */
export function channelText(key: TextKey, language: string, vars: Record<string, string> = {}): string {
  let text = pickText(texts[key], language);
  // One pass, so a value holding "{code}" (a responder's words) is never filled in itself.
  text = text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  return text;
}

/** The languages the texts exist in (a test walks every screen in each). */
export const CHANNEL_TEXT_LANGUAGES = ["en", "fr", "pt", "ru"] as const;
