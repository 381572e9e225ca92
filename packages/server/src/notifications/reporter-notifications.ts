import { pickText } from "../platform/i18n-text.js";

/**
 * What the platform tells a reporter outside the track page (web push now; SMS and chats may call the same), written so
 * that it outs nobody (issue 14 item 5, PRODUCT.md 4): phones are shared and notifications show on a locked screen.
 * By default a notification says only that report XXXX-… has a reply or an update and how to read it: never the
 * illness, never the content. The platform setting `notifications.includeContent` (system administrator, audited)
 * adds the message. Channel-neutral: nothing here sends anything.
 */

/** What happened on a report that its reporter may hear about. */
export type ReporterEvent =
  | { kind: "reply"; from: "responder" | "system"; body: string }
  | { kind: "update"; toStatus: string };

/** The facts about a report this decision needs (a report row has them). */
export interface NotifiedReport {
  erasedAt: Date | null;
  status: string;
}

/** Whether the reporter should hear about this event at all: not once the report is erased or merged away. */
export function reporterShouldHear(report: NotifiedReport, event: ReporterEvent): boolean {
  if (report.erasedAt) return false;
  if (report.status === "merged") return false;
  if (event.kind === "reply") return event.body.trim().length > 0;
  // Status changes the reporter sees on the track page; an internal step (e.g. "escalated") is not news to them.
  return ["validated", "in_progress", "referred", "resolved", "declined", "closed"].includes(event.toStatus);
}

/** The languages the server writes notifications in; any other falls back to English. */
export const NOTIFICATION_LANGUAGES = ["en", "fr", "ru", "pt", "tg", "uk", "kk"] as const;

const texts = {
  title: {
    en: "New message",
    fr: "Nouveau message",
    ru: "Новое сообщение",
    pt: "Nova mensagem",
    tg: "Паёми нав",
    uk: "Нове повідомлення",
    kk: "Жаңа хабарлама",
  },
  reply: {
    en: "There is a reply to your report {ref}. Open the app and go to My reports to read it.",
    fr: "Votre signalement {ref} a reçu une réponse. Ouvrez l'application, puis Mes signalements pour la lire.",
    ru: "На ваше сообщение {ref} пришёл ответ. Откройте приложение, раздел «Мои сообщения», чтобы прочитать его.",
    pt: "Há uma resposta ao seu relato {ref}. Abra a aplicação e vá a Os meus relatos para a ler.",
    tg: "Ба хабари шумо {ref} ҷавоб омад. Барномаро кушоед ва барои хондан ба «Хабарҳои ман» гузаред.",
    uk: "На ваше звернення {ref} надійшла відповідь. Відкрийте застосунок, розділ «Мої звернення», щоб її прочитати.",
    kk: "{ref} өтінішіңізге жауап келді. Оны оқу үшін қосымшаны ашып, «Менің өтініштерім» бөліміне өтіңіз.",
  },
  update: {
    en: "There is news about your report {ref}. Open the app and go to My reports to see it.",
    fr: "Votre signalement {ref} a été mis à jour. Ouvrez l'application, puis Mes signalements pour le voir.",
    ru: "По вашему сообщению {ref} есть новости. Откройте приложение, раздел «Мои сообщения», чтобы узнать их.",
    pt: "Há novidades sobre o seu relato {ref}. Abra a aplicação e vá a Os meus relatos para as ver.",
    tg: "Дар бораи хабари шумо {ref} навигарӣ ҳаст. Барномаро кушоед ва барои дидан ба «Хабарҳои ман» гузаред.",
    uk: "Щодо вашого звернення {ref} є новини. Відкрийте застосунок, розділ «Мої звернення», щоб їх побачити.",
    kk: "{ref} өтінішіңіз бойынша жаңалық бар. Оны көру үшін қосымшаны ашып, «Менің өтініштерім» бөліміне өтіңіз.",
  },
} as const satisfies Record<string, Record<(typeof NOTIFICATION_LANGUAGES)[number], string>>;

/**
 * How a notification names the report: the first group of its tracking code and a mask (`K7QM-····`). The whole
 * code is a key to the report, and a locked screen is read by whoever holds the phone; the person recognises the
 * report by its first letters in My reports.
 */
export function reportReference(trackingCode: string): string {
  return `${trackingCode.slice(0, 4)}-····`;
}

export interface ReporterNotification {
  title: string;
  body: string;
}

/**
 * The privacy-safe text of a notification in the reporter's language. `content` (the message) is added only when the
 * platform setting allows it; without it the text says nothing of what the report is about.
 */
export function reporterNotificationText(
  event: ReporterEvent,
  opts: { reference: string; language: string | null; includeContent: boolean },
): ReporterNotification {
  const lang = opts.language ?? "en";
  const base = pickText(texts[event.kind], lang).replace("{ref}", opts.reference);
  const withContent = opts.includeContent && event.kind === "reply" ? `${base}\n\n${event.body.slice(0, 500)}` : base;
  return { title: pickText(texts.title, lang), body: withContent };
}
