import { pickText } from "../platform/i18n-text.js";

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
  declined: {
    en: "Thank you for your report. We could not take it further this time.",
    fr: "Merci pour votre signalement. Nous n'avons pas pu y donner suite cette fois.",
    ru: "Спасибо за ваше сообщение. В этот раз мы не смогли взять его в работу.",
    pt: "Obrigado pelo seu relato. Desta vez não foi possível dar-lhe seguimento.",
  },
  resolved: {
    en: "We believe your problem has been solved. Was it? Please tell us on this page.",
    fr: "Nous pensons que votre problème est résolu. Est-ce le cas ? Dites-le-nous sur cette page.",
    ru: "Мы считаем, что ваша проблема решена. Это так? Пожалуйста, ответьте на этой странице.",
    pt: "Achamos que o seu problema foi resolvido. Foi? Diga-nos nesta página.",
  },
} as const;

export type NoticeKind = keyof typeof notices;

export function reporterNotice(kind: NoticeKind, language: string | null): string {
  return pickText(notices[kind], language ?? "en");
}
