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
    id: "Terima kasih. Laporan Anda sudah diperiksa dan diterima. Seorang petugas akan menghubungi Anda di sini.",
    sw: "Asante. Ripoti yako imekaguliwa na kukubaliwa. Mhudumu atawasiliana nawe hapa.",
    km: "សូមអរគុណ។ របាយការណ៍របស់អ្នកត្រូវបានពិនិត្យ និងទទួលយកហើយ។ អ្នកឆ្លើយតបនឹងទាក់ទងអ្នកនៅទីនេះ។",
    tg: "Ташаккур. Хабари шумо санҷида ва қабул шуд. Мутахассис бо шумо дар ҳамин ҷо тамос мегирад.",
    uk: "Дякуємо. Ваше звернення перевірено й прийнято. Фахівець відповість вам тут.",
    kk: "Рақмет. Өтінішіңіз тексеріліп, қабылданды. Маман сізбен осы жерде байланысады.",
  },
  resolved: {
    en: "We believe your problem has been solved. Was it? Please tell us on this page.",
    fr: "Nous pensons que votre problème est résolu. Est-ce le cas ? Dites-le-nous sur cette page.",
    ru: "Мы считаем, что ваша проблема решена. Это так? Пожалуйста, ответьте на этой странице.",
    pt: "Achamos que o seu problema foi resolvido. Foi? Diga-nos nesta página.",
    id: "Kami rasa masalah Anda sudah teratasi. Benarkah? Beri tahu kami di halaman ini.",
    sw: "Tunaamini tatizo lako limetatuliwa. Je, ni kweli? Tafadhali tuambie kwenye ukurasa huu.",
    km: "យើងជឿថាបញ្ហារបស់អ្នកត្រូវបានដោះស្រាយហើយ។ ពិតមែនទេ? សូមប្រាប់យើងនៅលើទំព័រនេះ។",
    tg: "Ба назари мо, мушкили шумо ҳал шуд. Оё ҳамин тавр аст? Лутфан дар ҳамин саҳифа ба мо хабар диҳед.",
    uk: "Ми вважаємо, що вашу проблему вирішено. Це так? Будь ласка, дайте відповідь на цій сторінці.",
    kk: "Біздің ойымызша, мәселеңіз шешілді. Солай ма? Осы бетте бізге жауап беріңіз.",
  },
  // An advocacy case that counted this report was resolved (advocacy/advocacy.service.ts): what changed is told in
  // the app's "What changed", never here.
  changed: {
    en: "Thank you for speaking up. Your report, with others, led to a change. Open What changed in the app to read about it.",
    fr: "Merci d'avoir parlé. Votre signalement, avec d'autres, a permis un changement. Ouvrez Ce qui a changé dans l'application pour en savoir plus.",
    ru: "Спасибо, что сообщили. Ваше сообщение вместе с другими привело к изменениям. Откройте раздел «Что изменилось» в приложении, чтобы узнать о них.",
    pt: "Obrigado por falar. O seu relato, com outros, levou a uma mudança. Abra O que mudou na aplicação para saber mais.",
    id: "Terima kasih sudah bersuara. Laporan Anda, bersama laporan lain, membawa perubahan. Buka Apa yang berubah di aplikasi untuk membacanya.",
    sw: "Asante kwa kusema. Ripoti yako, pamoja na nyingine, imeleta mabadiliko. Fungua Mabadiliko kwenye programu ili usome zaidi.",
    km: "សូមអរគុណដែលបានបញ្ចេញសំឡេង។ របាយការណ៍របស់អ្នក រួមជាមួយរបាយការណ៍ផ្សេងទៀត បាននាំឱ្យមានការផ្លាស់ប្ដូរ។ សូមបើក «អ្វីដែលបានផ្លាស់ប្ដូរ» ក្នុងកម្មវិធីដើម្បីអានអំពីវា។",
    tg: "Ташаккур, ки садо баланд кардед. Хабари шумо дар қатори дигарон ба тағйирот оварда расонд. Барои хондан, дар барнома «Чӣ тағйир ёфт»-ро кушоед.",
    uk: "Дякуємо, що повідомили. Ваше звернення разом з іншими привело до змін. Відкрийте розділ «Що змінилося» в застосунку, щоб дізнатися про них.",
    kk: "Үн қатқаныңызға рақмет. Сіздің өтінішіңіз басқалармен бірге өзгеріске әкелді. Ол туралы оқу үшін қолданбадағы «Не өзгерді» бөлімін ашыңыз.",
  },
} as const;

export type NoticeKind = keyof typeof notices | "declined";

/** A declined report's notice says why, per reason, and what the person can do (reports/decline-notice.ts). */
export function reporterNotice(kind: NoticeKind, language: string | null, declineReason?: string | null): string {
  if (kind === "declined") return declineNotice(declineReason ?? null, language);
  return pickText(notices[kind], language ?? "en");
}
