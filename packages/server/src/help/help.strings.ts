/**
 * The words of the help pages' own frame (header, contents, links), in each language the platform ships (kk, tg, id
 * and sw machine-assisted, like their catalogues; km has none yet).
 * The manuals' text is in docs/manual/<lang>/*.md; a language without its own words here uses English.
 */
export interface HelpStrings {
  help: string;
  skip: string;
  manuals: string;
  intro: string;
  contents: string;
  /** The line under a manual's title: whom it is for. */
  forWhom: (audience: string) => string;
  pdf: string;
  languages: string;
  open: string;
  notTranslated: string;
}

export const helpStrings: Record<string, HelpStrings> = {
  en: {
    help: "Help",
    skip: "Skip to the manual",
    manuals: "Manuals",
    intro: "How to do each task on this platform, for each role, with pictures of the screens as they are today.",
    contents: "Contents",
    forWhom: (a) => `For: ${a}`,
    pdf: "Download as PDF",
    languages: "Other languages",
    open: "Open the platform",
    notTranslated: "This manual is not written in your language yet: here it is in English.",
  },
  fr: {
    help: "Aide",
    skip: "Aller au manuel",
    manuals: "Manuels",
    intro:
      "Comment faire chaque tâche sur cette plateforme, pour chaque rôle, avec des images des écrans tels qu’ils sont aujourd’hui.",
    contents: "Sommaire",
    forWhom: (a) => `Pour : ${a}`,
    pdf: "Télécharger en PDF",
    languages: "Autres langues",
    open: "Ouvrir la plateforme",
    notTranslated: "Ce manuel n’est pas encore écrit dans votre langue : le voici en anglais.",
  },
  pt: {
    help: "Ajuda",
    skip: "Ir para o manual",
    manuals: "Manuais",
    intro: "Como fazer cada tarefa nesta plataforma, para cada função, com imagens dos ecrãs tal como são hoje.",
    contents: "Índice",
    forWhom: (a) => `Para: ${a}`,
    pdf: "Descarregar em PDF",
    languages: "Outras línguas",
    open: "Abrir a plataforma",
    notTranslated: "Este manual ainda não está escrito na sua língua: aqui está em inglês.",
  },
  ru: {
    help: "Справка",
    skip: "Перейти к руководству",
    manuals: "Руководства",
    intro:
      "Как выполнить каждую задачу на этой платформе, для каждой роли, с изображениями экранов в их нынешнем виде.",
    contents: "Содержание",
    forWhom: (a) => `Для кого: ${a}`,
    pdf: "Скачать в PDF",
    languages: "Другие языки",
    open: "Открыть платформу",
    notTranslated: "Это руководство ещё не написано на вашем языке: вот оно на английском.",
  },
  id: {
    help: "Bantuan",
    skip: "Langsung ke manual",
    manuals: "Manual",
    intro:
      "Cara melakukan setiap tugas di platform ini, untuk setiap peran, dengan gambar layar seperti keadaannya hari ini.",
    contents: "Daftar isi",
    forWhom: (a) => `Untuk: ${a}`,
    pdf: "Unduh sebagai PDF",
    languages: "Bahasa lain",
    open: "Buka platform",
    notTranslated: "Manual ini belum ditulis dalam bahasa Anda: berikut versi bahasa Inggrisnya.",
  },
  sw: {
    help: "Msaada",
    skip: "Nenda kwenye mwongozo",
    manuals: "Miongozo",
    intro:
      "Jinsi ya kufanya kila kazi kwenye jukwaa hili, kwa kila jukumu, pamoja na picha za skrini kama zilivyo leo.",
    contents: "Yaliyomo",
    forWhom: (a) => `Kwa ajili ya: ${a}`,
    pdf: "Pakua kama PDF",
    languages: "Lugha nyingine",
    open: "Fungua jukwaa",
    notTranslated: "Mwongozo huu bado haujaandikwa kwa lugha yako: huu hapa kwa Kiingereza.",
  },
  km: {
    help: "ជំនួយ",
    skip: "រំលងទៅសៀវភៅណែនាំ",
    manuals: "សៀវភៅណែនាំ",
    intro: "របៀបធ្វើកិច្ចការនីមួយៗលើប្រព័ន្ធនេះ សម្រាប់តួនាទីនីមួយៗ ជាមួយរូបភាពអេក្រង់ដូចដែលវាមាននៅថ្ងៃនេះ។",
    contents: "មាតិកា",
    forWhom: (a) => `សម្រាប់៖ ${a}`,
    pdf: "ទាញយកជា PDF",
    languages: "ភាសាផ្សេងទៀត",
    open: "បើកប្រព័ន្ធ",
    notTranslated: "សៀវភៅណែនាំនេះមិនទាន់បានសរសេរជាភាសារបស់អ្នកនៅឡើយទេ៖ នេះគឺជាកំណែភាសាអង់គ្លេស។",
  },
  uk: {
    help: "Довідка",
    skip: "Перейти до посібника",
    manuals: "Посібники",
    intro:
      "Як виконати кожне завдання на цій платформі, для кожної ролі, із зображеннями екранів у їхньому теперішньому вигляді.",
    contents: "Зміст",
    forWhom: (a) => `Для кого: ${a}`,
    pdf: "Завантажити як PDF",
    languages: "Інші мови",
    open: "Відкрити платформу",
    notTranslated: "Цей посібник ще не написано вашою мовою: ось він англійською.",
  },
  kk: {
    help: "Анықтама",
    skip: "Нұсқаулыққа өту",
    manuals: "Нұсқаулықтар",
    intro: "Осы платформадағы әр тапсырманы әр рөл үшін қалай орындау керек, экрандардың бүгінгі суреттерімен.",
    contents: "Мазмұны",
    forWhom: (a) => `Кімге арналған: ${a}`,
    pdf: "PDF ретінде жүктеп алу",
    languages: "Басқа тілдер",
    open: "Платформаны ашу",
    notTranslated: "Бұл нұсқаулық сіздің тіліңізде әлі жазылмаған: міне, ағылшын тіліндегісі.",
  },
  tg: {
    help: "Маълумотнома",
    skip: "Гузариш ба дастур",
    manuals: "Дастурҳо",
    intro:
      "Чӣ тавр ҳар корро дар ин платформа иҷро кардан, барои ҳар нақш, бо тасвирҳои экранҳо чунон ки имрӯз ҳастанд.",
    contents: "Мундариҷа",
    forWhom: (a) => `Барои: ${a}`,
    pdf: "Боргирӣ ҳамчун PDF",
    languages: "Забонҳои дигар",
    open: "Кушодани платформа",
    notTranslated: "Ин дастур ҳанӯз бо забони шумо навишта нашудааст: инак он бо забони англисӣ.",
  },
};

export function helpStringsFor(lang: string): HelpStrings {
  return helpStrings[lang] ?? (helpStrings.en as HelpStrings);
}
