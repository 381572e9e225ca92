import { pickText } from "../platform/i18n-text.js";
import { declineNotice } from "../reports/decline-notice.js";

/**
 * Messages the platform itself sends to reporters. Wording never names the illness: phones are shared, and the
 * message may be read by someone the reporter has not told.
 */
const notices = {
  validated: {
    en: "Thank you. Your report was checked and accepted. A responder will contact you here.",
    fr: "Merci. Votre signalement a été vérifié et accepté. Un intervenant vous répondra ici.",
    ru: "Спасибо. Ваше сообщение проверено и принято. Специалист ответит вам здесь.",
    pt: "Obrigado. O seu relato foi verificado e aceite. Um técnico vai responder-lhe aqui.",
  },
  resolved: {
    en: "We believe your problem has been solved. Was it? Please tell us on this page.",
    fr: "Nous pensons que votre problème est résolu. Est-ce le cas ? Dites-le-nous sur cette page.",
    ru: "Мы считаем, что ваша проблема решена. Это так? Пожалуйста, ответьте на этой странице.",
    pt: "Achamos que o seu problema foi resolvido. Foi? Diga-nos nesta página.",
  },
  // An advocacy case that counted this report was resolved (advocacy/advocacy.service.ts): what changed is told in
  // the app's "What changed", never here.
  changed: {
    en: "Thank you for speaking up. Your report, with others, led to a change. Open What changed in the app to read about it.",
    fr: "Merci d'avoir parlé. Votre signalement, avec d'autres, a permis un changement. Ouvrez Ce qui a changé dans l'application pour en savoir plus.",
    ru: "Спасибо, что сообщили. Ваше сообщение вместе с другими привело к изменениям. Откройте раздел «Что изменилось» в приложении, чтобы узнать о них.",
    pt: "Obrigado por falar. O seu relato, com outros, levou a uma mudança. Abra O que mudou na aplicação para saber mais.",
  },
} as const;

export type NoticeKind = keyof typeof notices | "declined";

/** A declined report's notice says why, per reason, and what the person can do (reports/decline-notice.ts). */
export function reporterNotice(kind: NoticeKind, language: string | null, declineReason?: string | null): string {
  if (kind === "declined") return declineNotice(declineReason ?? null, language);
  return pickText(notices[kind], language ?? "en");
}
