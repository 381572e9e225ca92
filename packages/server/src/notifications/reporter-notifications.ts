import { pickText } from "../platform/i18n-text.js";

/**
 * What the platform tells a reporter outside the track page — by web push, SMS, Telegram or WhatsApp — written so that
 * it outs nobody (issue 14 item 5, PRODUCT.md 4): phones are shared and notifications show on a locked screen. By
 * default a notice says only that report XXXX-XXXX has a reply or news and how to read it: never the illness, never
 * the content. The one platform setting `notifications.reporter` `includeContent` (system administrator, audited)
 * adds a reply's words, for every channel at once. Channel-neutral: nothing here sends anything; each channel asks
 * `reporterNotice` for its text.
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

/** Status changes the reporter sees on the track page; an internal step (e.g. "escalated") is not news to them. */
export const STATUSES_REPORTERS_HEAR = ["validated", "in_progress", "referred", "resolved", "declined", "closed"];

/** Whether the reporter should hear about this event at all: not once the report is erased or merged away. */
export function reporterShouldHear(report: NotifiedReport, event: ReporterEvent): boolean {
  if (report.erasedAt) return false;
  if (report.status === "merged") return false;
  if (event.kind === "reply") return event.body.trim().length > 0;
  return STATUSES_REPORTERS_HEAR.includes(event.toStatus);
}

/** The languages the server writes notifications in; any other falls back to English. */
export const NOTIFICATION_LANGUAGES = ["en", "fr", "ru", "pt", "id", "sw", "km", "tg", "uk", "kk"] as const;

/**
 * How a notice reaches the reporter, which decides how it names the report and says how to read it: `push` shows
 * on a locked screen and names the report by the first group of its code only (see `reportReference`); an SMS or a
 * chat message goes to the reporter's own number or chat, which is also where they answer, and names the code.
 */
export type NoticeChannel = "push" | "sms" | "chat";

/** A reply's words are cut here when the setting lets them go (a long message costs several SMS). */
export const CONTENT_LIMIT = 300;

const texts = {
  title: {
    en: "New message",
    fr: "Nouveau message",
    ru: "Новое сообщение",
    pt: "Nova mensagem",
    id: "Pesan baru",
    sw: "Ujumbe mpya",
    km: "សារថ្មី",
    tg: "Паёми нав",
    uk: "Нове повідомлення",
    kk: "Жаңа хабарлама",
  },
  reply: {
    en: "There is a reply to your report {ref}.",
    fr: "Votre signalement {ref} a reçu une réponse.",
    ru: "На ваше обращение {ref} пришёл ответ.",
    pt: "Há uma resposta ao seu relato {ref}.",
    id: "Ada balasan untuk laporan Anda {ref}.",
    sw: "Kuna jibu kuhusu ripoti yako {ref}.",
    km: "មានការឆ្លើយតបចំពោះរបាយការណ៍របស់អ្នក {ref}។",
    tg: "Ба хабари шумо {ref} ҷавоб омад.",
    uk: "На ваше звернення {ref} надійшла відповідь.",
    kk: "{ref} өтінішіңізге жауап келді.",
  },
  update: {
    en: "There is news about your report {ref}.",
    fr: "Il y a du nouveau sur votre signalement {ref}.",
    ru: "По вашему обращению {ref} есть новости.",
    pt: "Há novidades sobre o seu relato {ref}.",
    id: "Ada kabar baru tentang laporan Anda {ref}.",
    sw: "Kuna habari mpya kuhusu ripoti yako {ref}.",
    km: "មានព័ត៌មានថ្មីអំពីរបាយការណ៍របស់អ្នក {ref}។",
    tg: "Дар бораи хабари шумо {ref} навигарӣ ҳаст.",
    uk: "Щодо вашого звернення {ref} є новини.",
    kk: "{ref} өтінішіңіз бойынша жаңалық бар.",
  },
  /** The words themselves, only where the setting allows it. */
  content: {
    en: "Report {ref}: {content}",
    fr: "Signalement {ref}: {content}",
    ru: "Обращение {ref}: {content}",
    pt: "Relato {ref}: {content}",
    id: "Laporan {ref}: {content}",
    sw: "Ripoti {ref}: {content}",
    km: "របាយការណ៍ {ref}: {content}",
    tg: "Хабари {ref}: {content}",
    uk: "Звернення {ref}: {content}",
    kk: "{ref} өтініші: {content}",
  },
  howPush: {
    en: "Open the app and go to My reports.",
    fr: "Ouvrez l'application, puis Mes signalements.",
    ru: "Откройте приложение, раздел «Мои сообщения».",
    pt: "Abra a aplicação e vá a Os meus relatos.",
    id: "Buka aplikasi dan masuk ke Laporan saya.",
    sw: "Fungua programu na uende kwenye Ripoti zangu.",
    km: "បើកកម្មវិធី ហើយចូលទៅ របាយការណ៍របស់ខ្ញុំ។",
    tg: "Барномаро кушоед ва ба «Хабарҳои ман» гузаред.",
    uk: "Відкрийте застосунок, розділ «Мої звернення».",
    kk: "Қосымшаны ашып, «Менің өтініштерім» бөліміне өтіңіз.",
  },
  howSmsUrl: {
    en: "Read it at {url} with your code, or reply to this SMS.",
    fr: "Lisez-la sur {url} avec votre code, ou répondez à ce SMS.",
    ru: "Читайте на {url} по коду или ответьте на это SMS.",
    pt: "Leia em {url} com o seu código, ou responda a este SMS.",
    id: "Baca di {url} dengan kode Anda, atau balas SMS ini.",
    sw: "Isome kwenye {url} kwa msimbo wako, au jibu SMS hii.",
    km: "អានវានៅ {url} ដោយប្រើលេខកូដរបស់អ្នក ឬឆ្លើយតបសារ SMS នេះ។",
    tg: "Дар {url} бо рамзатон хонед ё ба ин SMS ҷавоб диҳед.",
    uk: "Читайте на {url} за кодом або відповідайте на це SMS.",
    kk: "{url} сайтында кодыңызбен оқыңыз немесе осы SMS-ке жауап беріңіз.",
  },
  howSms: {
    en: "Read it on the tracking page with your code, or reply to this SMS.",
    fr: "Lisez-la sur la page de suivi avec votre code, ou répondez à ce SMS.",
    ru: "Читайте на странице отслеживания по коду или ответьте на это SMS.",
    pt: "Leia na página de acompanhamento com o seu código, ou responda a este SMS.",
    id: "Baca di halaman pelacakan dengan kode Anda, atau balas SMS ini.",
    sw: "Isome kwenye ukurasa wa kufuatilia kwa msimbo wako, au jibu SMS hii.",
    km: "អានវានៅទំព័រតាមដានដោយប្រើលេខកូដរបស់អ្នក ឬឆ្លើយតបសារ SMS នេះ។",
    tg: "Дар саҳифаи пайгирӣ бо рамзатон хонед ё ба ин SMS ҷавоб диҳед.",
    uk: "Читайте на сторінці відстеження за кодом або відповідайте на це SMS.",
    kk: "Бақылау бетінде кодыңызбен оқыңыз немесе осы SMS-ке жауап беріңіз.",
  },
  howChatUrl: {
    en: "Read it at {url} with your code, or reply in this chat.",
    fr: "Lisez-la sur {url} avec votre code, ou répondez dans cette conversation.",
    ru: "Читайте на {url} по коду или ответьте в этом чате.",
    pt: "Leia em {url} com o seu código, ou responda nesta conversa.",
    id: "Baca di {url} dengan kode Anda, atau balas di obrolan ini.",
    sw: "Isome kwenye {url} kwa msimbo wako, au jibu katika mazungumzo haya.",
    km: "អានវានៅ {url} ដោយប្រើលេខកូដរបស់អ្នក ឬឆ្លើយតបក្នុងការជជែកនេះ។",
    tg: "Дар {url} бо рамзатон хонед ё дар ин чат ҷавоб диҳед.",
    uk: "Читайте на {url} за кодом або відповідайте в цьому чаті.",
    kk: "{url} сайтында кодыңызбен оқыңыз немесе осы чатта жауап беріңіз.",
  },
  howChat: {
    en: "Read it on the tracking page with your code, or reply in this chat.",
    fr: "Lisez-la sur la page de suivi avec votre code, ou répondez dans cette conversation.",
    ru: "Читайте на странице отслеживания по коду или ответьте в этом чате.",
    pt: "Leia na página de acompanhamento com o seu código, ou responda nesta conversa.",
    id: "Baca di halaman pelacakan dengan kode Anda, atau balas di obrolan ini.",
    sw: "Isome kwenye ukurasa wa kufuatilia kwa msimbo wako, au jibu katika mazungumzo haya.",
    km: "អានវានៅទំព័រតាមដានដោយប្រើលេខកូដរបស់អ្នក ឬឆ្លើយតបក្នុងការជជែកនេះ។",
    tg: "Дар саҳифаи пайгирӣ бо рамзатон хонед ё дар ин чат ҷавоб диҳед.",
    uk: "Читайте на сторінці відстеження за кодом або відповідайте в цьому чаті.",
    kk: "Бақылау бетінде кодыңызбен оқыңыз немесе осы чатта жауап беріңіз.",
  },
  answerSms: {
    en: "(Reply to this SMS to answer.)",
    fr: "(Répondez à ce SMS pour répondre.)",
    ru: "(Ответьте на это SMS.)",
    pt: "(Responda a este SMS para responder.)",
    id: "(Balas SMS ini untuk menjawab.)",
    sw: "(Jibu SMS hii ili kujibu.)",
    km: "(ឆ្លើយតបសារ SMS នេះ ដើម្បីឆ្លើយ។)",
    tg: "(Ба ин SMS ҷавоб диҳед.)",
    uk: "(Відповідайте на це SMS.)",
    kk: "(Осы SMS-ке жауап беріңіз.)",
  },
  answerChat: {
    en: "(Reply in this chat to answer.)",
    fr: "(Répondez dans cette conversation.)",
    ru: "(Ответьте в этом чате.)",
    pt: "(Responda nesta conversa.)",
    id: "(Balas di obrolan ini untuk menjawab.)",
    sw: "(Jibu katika mazungumzo haya.)",
    km: "(ឆ្លើយតបក្នុងការជជែកនេះ។)",
    tg: "(Дар ин чат ҷавоб диҳед.)",
    uk: "(Відповідайте в цьому чаті.)",
    kk: "(Осы чатта жауап беріңіз.)",
  },
} as const satisfies Record<string, Record<(typeof NOTIFICATION_LANGUAGES)[number], string>>;

type TextKey = keyof typeof texts;

/** A text with its `{name}` filled in one pass, so a value holding "{ref}" (a responder's words) is never filled. */
function fill(key: TextKey, lang: string, vars: Record<string, string>): string {
  return pickText(texts[key], lang).replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/**
 * How a push notification names the report: the first group of its tracking code and a mask (`K7QM-····`). The whole
 * code is a key to the report, and a locked screen is read by whoever holds the phone; the person recognises the
 * report by its first letters in My reports.
 */
export function reportReference(trackingCode: string): string {
  return `${trackingCode.slice(0, 4)}-····`;
}

/**
 * SMS go in the GSM 7-bit alphabet where the language allows it (one SMS holds 160 characters, not 70): French and
 * Portuguese lose their accents there ("reponse"); Russian stays as it is.
 */
export function smsAlphabet(text: string): string {
  return text
    .normalize("NFD")
    .replace(/(?<=[A-Za-z])[\u0300-\u036f]/g, "")
    .normalize("NFC");
}

export interface ReporterNotification {
  title: string;
  body: string;
}

/**
 * The one builder of the text a reporter gets about their report, for every channel, in their language. `content`
 * (a reply's words) is added only when `includeContent` says so (the platform setting); without it the text says
 * nothing of what the report is about. `publicUrl` lets SMS and chats name the tracking page's address.
 */
export function reporterNotice(
  event: ReporterEvent,
  opts: { code: string; channel: NoticeChannel; language: string | null; includeContent: boolean; publicUrl?: string },
): ReporterNotification {
  const lang = opts.language ?? "en";
  const ref = opts.channel === "push" ? reportReference(opts.code) : opts.code;
  const title = pickText(texts.title, lang);
  const words = event.kind === "reply" ? event.body.trim().replace(/\s+/g, " ") : "";
  let body: string;
  if (opts.includeContent && words) {
    const content = words.length > CONTENT_LIMIT ? `${words.slice(0, CONTENT_LIMIT - 1)}…` : words;
    const answer = opts.channel === "sms" ? "answerSms" : opts.channel === "chat" ? "answerChat" : null;
    body = [fill("content", lang, { ref, content }), answer ? fill(answer, lang, {}) : ""].filter(Boolean).join(" ");
  } else {
    const url = opts.publicUrl ? `${opts.publicUrl}/track` : "";
    const how =
      opts.channel === "push"
        ? fill("howPush", lang, {})
        : fill(`${opts.channel === "sms" ? "howSms" : "howChat"}${url ? "Url" : ""}` as TextKey, lang, { url });
    // The platform's own messages (accepted, declined, resolved) are news; a responder's are a reply.
    const sentence = event.kind === "reply" && event.from === "responder" ? "reply" : "update";
    body = `${fill(sentence, lang, { ref })} ${how}`;
  }
  return { title, body: opts.channel === "sms" ? smsAlphabet(body) : body };
}
