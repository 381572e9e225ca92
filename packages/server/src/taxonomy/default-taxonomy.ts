/**
 * The default challenge taxonomy (PRODUCT.md 3.1) and default languages, as plain data.
 *
 * Codes are stable identifiers: reports and aggregates keep them for years, so never rename one here; add a new
 * code instead. Labels are written for people with little schooling: short, concrete, first person where the
 * reporter is describing what happened to them.
 */

import { taxonomyId } from "./default-taxonomy-id.js";
import { taxonomyKk } from "./default-taxonomy-kk.js";
import { taxonomyKm } from "./default-taxonomy-km.js";
import { taxonomySw } from "./default-taxonomy-sw.js";
import { taxonomyTg } from "./default-taxonomy-tg.js";
import { taxonomyUk } from "./default-taxonomy-uk.js";

/** Languages every default label is written in. Adding one here makes the compiler ask for every translation. */
export const DEFAULT_LANGUAGE_CODES = ["en", "fr", "ru", "pt"] as const;
export type DefaultLanguageCode = (typeof DEFAULT_LANGUAGE_CODES)[number];
/** A text in every default language (stricter than LocalizedText so that a missing translation fails to compile). */
export type DefaultText = Record<DefaultLanguageCode, string>;

/**
 * Languages the taxonomy and key populations also ship in, one file per language keyed by code
 * (default-taxonomy-<code>.ts), so that a language is added without touching the texts side by side below. They are
 * machine-assisted: seeded as languages an administrator can offer, not offered until then.
 */
export const EXTRA_TAXONOMY_LANGUAGES = ["id", "sw", "km", "tg", "uk", "kk"] as const;
export type ExtraTaxonomyLanguage = (typeof EXTRA_TAXONOMY_LANGUAGES)[number];
export const TAXONOMY_LANGUAGE_CODES = [...DEFAULT_LANGUAGE_CODES, ...EXTRA_TAXONOMY_LANGUAGES] as const;
/** A taxonomy text: every default language plus every extra one. */
export type TaxonomyText = Record<DefaultLanguageCode | ExtraTaxonomyLanguage, string>;

/** One extra language's taxonomy texts, keyed by category, subcategory, challenge-type or key-population code. */
export interface TaxonomyTranslation {
  labels: Readonly<Record<string, string>>;
  descriptions: Readonly<Record<string, string>>;
  keyPopulations: Readonly<Record<string, string>>;
}

export interface DefaultLanguage {
  code: DefaultLanguageCode | ExtraTaxonomyLanguage;
  /** The language's own name, as shown in the switcher. */
  name: string;
  dir: "ltr" | "rtl";
  isDefault: boolean;
  /** Offered to people; the extra, machine-assisted languages wait until an administrator offers them. */
  enabled: boolean;
  /**
   * Where a string missing in this language is looked up before English (translations/languages.service.ts
   * `fallbackChain`): Russian for Tajik and Kazakh, which their speakers read more widely than English.
   */
  fallback?: string;
  sort: number;
}

export interface DefaultChallengeType<T = TaxonomyText> {
  code: string;
  labels: T;
}

export interface DefaultSubcategory<T = TaxonomyText> {
  code: string;
  labels: T;
  descriptions: T;
  challengeTypes: DefaultChallengeType<T>[];
}

export interface DefaultCategory<T = TaxonomyText> {
  code: string;
  /** Icon name; the web app maps it to an inline SVG. */
  icon: string;
  labels: T;
  descriptions: T;
  subcategories: DefaultSubcategory<T>[];
}

export const DEFAULT_LANGUAGES: readonly DefaultLanguage[] = [
  { code: "en", name: "English", dir: "ltr", isDefault: true, enabled: true, sort: 0 },
  { code: "fr", name: "Français", dir: "ltr", isDefault: false, enabled: true, sort: 1 },
  { code: "ru", name: "Русский", dir: "ltr", isDefault: false, enabled: true, sort: 2 },
  { code: "pt", name: "Português", dir: "ltr", isDefault: false, enabled: true, sort: 3 },
  { code: "id", name: "Bahasa Indonesia", dir: "ltr", isDefault: false, enabled: false, sort: 4 },
  { code: "sw", name: "Kiswahili", dir: "ltr", isDefault: false, enabled: false, sort: 5 },
  { code: "km", name: "ខ្មែរ", dir: "ltr", isDefault: false, enabled: false, sort: 6 },
  { code: "tg", name: "Тоҷикӣ", dir: "ltr", isDefault: false, enabled: false, fallback: "ru", sort: 7 },
  { code: "uk", name: "Українська", dir: "ltr", isDefault: false, enabled: false, sort: 8 },
  { code: "kk", name: "Қазақша", dir: "ltr", isDefault: false, enabled: false, fallback: "ru", sort: 9 },
];

const EXTRA_TRANSLATIONS: Record<ExtraTaxonomyLanguage, TaxonomyTranslation> = {
  id: taxonomyId,
  sw: taxonomySw,
  km: taxonomyKm,
  tg: taxonomyTg,
  uk: taxonomyUk,
  kk: taxonomyKk,
};

/** Adds every extra language to a text written side by side; a missing translation fails at start-up and in tests. */
function withExtras(text: DefaultText, code: string, kind: keyof TaxonomyTranslation): TaxonomyText {
  const out: Partial<TaxonomyText> = { ...text };
  for (const lang of EXTRA_TAXONOMY_LANGUAGES) {
    const value = EXTRA_TRANSLATIONS[lang][kind][code];
    if (!value) throw new Error(`Default taxonomy: no ${lang} ${kind} for ${code}`);
    out[lang] = value;
  }
  return out as TaxonomyText;
}

const translateType = (t: DefaultChallengeType<DefaultText>): DefaultChallengeType => ({
  code: t.code,
  labels: withExtras(t.labels, t.code, "labels"),
});

function translateCategory(c: DefaultCategory<DefaultText>): DefaultCategory {
  return {
    ...c,
    labels: withExtras(c.labels, c.code, "labels"),
    descriptions: withExtras(c.descriptions, c.code, "descriptions"),
    subcategories: c.subcategories.map((s) => ({
      ...s,
      labels: withExtras(s.labels, s.code, "labels"),
      descriptions: withExtras(s.descriptions, s.code, "descriptions"),
      challengeTypes: s.challengeTypes.map(translateType),
    })),
  };
}

// Positional helpers keep the four translations of one text side by side, which is what a reviewer checks.
function t(en: string, fr: string, ru: string, pt: string): DefaultText {
  return { en, fr, ru, pt };
}

function ct(code: string, en: string, fr: string, ru: string, pt: string): DefaultChallengeType<DefaultText> {
  return { code, labels: t(en, fr, ru, pt) };
}

const rights: DefaultCategory<DefaultText> = {
  code: "rights",
  icon: "scale",
  labels: t("Human rights", "Droits humains", "Права человека", "Direitos humanos"),
  descriptions: t(
    "Someone did not respect my rights: to health care, to equal treatment or to privacy.",
    "Quelqu'un n'a pas respecté mes droits : aux soins, à l'égalité ou à la vie privée.",
    "Кто-то нарушил мои права: на лечение, на равное отношение или на личную тайну.",
    "Alguém não respeitou os meus direitos: à saúde, à igualdade ou à privacidade.",
  ),
  subcategories: [
    {
      code: "rights.health",
      labels: t("Right to health", "Droit à la santé", "Право на здоровье", "Direito à saúde"),
      descriptions: t(
        "I was refused care, information or a choice that I have a right to.",
        "On m'a refusé des soins, des informations ou un choix auxquels j'ai droit.",
        "Мне отказали в помощи, информации или выборе, на которые я имею право.",
        "Recusaram-me cuidados, informação ou uma escolha a que tenho direito.",
      ),
      challengeTypes: [
        ct(
          "refused_tb_treatment",
          "Refused TB treatment",
          "On m'a refusé le traitement de la tuberculose",
          "Мне отказали в лечении туберкулёза",
          "Recusaram-me o tratamento da TB",
        ),
        ct(
          "treated_without_consent",
          "Tested or treated without my consent",
          "Testé ou soigné sans mon accord",
          "Меня обследовали или лечили без моего согласия",
          "Testado ou tratado sem o meu consentimento",
        ),
        ct(
          "not_told_about_illness",
          "Nobody explained my illness or treatment",
          "Personne ne m'a expliqué ma maladie ni mon traitement",
          "Мне не объяснили мою болезнь и лечение",
          "Ninguém me explicou a minha doença nem o tratamento",
        ),
        ct(
          "isolated_against_will",
          "Kept in hospital or isolated against my will",
          "Gardé à l'hôpital ou isolé contre ma volonté",
          "Меня держали в больнице или в изоляции против моей воли",
          "Mantido no hospital ou isolado contra a minha vontade",
        ),
        ct(
          "complaint_ignored",
          "My complaint was ignored",
          "Ma plainte a été ignorée",
          "Мою жалобу проигнорировали",
          "A minha queixa foi ignorada",
        ),
      ],
    },
    {
      code: "rights.discrimination",
      labels: t("Discrimination", "Discrimination", "Дискриминация", "Discriminação"),
      descriptions: t(
        "I was treated unfairly because of TB, HIV, who I am or where I come from.",
        "On m'a traité injustement à cause de la tuberculose, du VIH, de qui je suis ou d'où je viens.",
        "Со мной поступили несправедливо из-за туберкулёза, ВИЧ, того, кто я, или откуда я.",
        "Fui tratado de forma injusta por causa da TB, do HIV, de quem sou ou de onde venho.",
      ),
      challengeTypes: [
        ct(
          "refused_service_because_of_tb",
          "Refused a service because of TB",
          "Service refusé à cause de la tuberculose",
          "Мне отказали в услуге из-за туберкулёза",
          "Recusaram-me um serviço por causa da TB",
        ),
        ct(
          "refused_housing",
          "Refused housing or forced to leave my home",
          "Logement refusé ou chassé de chez moi",
          "Мне отказали в жилье или выгнали из дома",
          "Recusaram-me casa ou expulsaram-me de casa",
        ),
        ct(
          "discriminated_hiv_status",
          "Treated worse because of HIV",
          "Moins bien traité à cause du VIH",
          "Ко мне относились хуже из-за ВИЧ",
          "Tratado pior por causa do HIV",
        ),
        ct(
          "discriminated_who_i_am",
          "Treated worse because of who I am (migrant, prisoner, drug use…)",
          "Moins bien traité à cause de qui je suis (migrant, détenu, drogues…)",
          "Ко мне относились хуже из-за того, кто я (мигрант, заключённый, наркотики…)",
          "Tratado pior por causa de quem sou (migrante, preso, uso de drogas…)",
        ),
        ct(
          "discriminated_gender",
          "Treated worse because I am a woman, a girl or a trans person",
          "Moins bien traitée parce que je suis une femme, une fille ou une personne trans",
          "Ко мне относились хуже, потому что я женщина, девочка или трансгендерный человек",
          "Tratado pior por ser mulher, menina ou pessoa trans",
        ),
      ],
    },
    {
      code: "rights.privacy",
      labels: t("Privacy", "Vie privée", "Личная тайна", "Privacidade"),
      descriptions: t(
        "Someone shared my health information without my consent.",
        "Quelqu'un a partagé mes informations de santé sans mon accord.",
        "Кто-то рассказал о моём здоровье без моего согласия.",
        "Alguém partilhou as minhas informações de saúde sem o meu consentimento.",
      ),
      challengeTypes: [
        ct(
          "status_disclosed_without_consent",
          "My TB status was disclosed without consent",
          "On a révélé ma tuberculose sans mon accord",
          "О моём туберкулёзе рассказали без моего согласия",
          "Revelaram que tenho TB sem o meu consentimento",
        ),
        ct(
          "records_not_kept_private",
          "My medical records were not kept private",
          "Mon dossier médical n'a pas été gardé secret",
          "Мою медицинскую карту не хранили в тайне",
          "O meu processo clínico não foi mantido em segredo",
        ),
        ct(
          "no_private_space",
          "No private place to talk with health workers",
          "Pas d'endroit privé pour parler avec les soignants",
          "Негде поговорить с медиками наедине",
          "Não há um lugar privado para falar com os profissionais de saúde",
        ),
        ct(
          "home_visits_exposed_me",
          "Home visits showed the neighbours that I am ill",
          "Les visites à domicile ont montré aux voisins que je suis malade",
          "Из-за визитов на дом соседи узнали о моей болезни",
          "As visitas a casa mostraram aos vizinhos que estou doente",
        ),
      ],
    },
  ],
};

const stigma: DefaultCategory<DefaultText> = {
  code: "stigma",
  icon: "heart",
  labels: t("Stigma", "Stigmatisation", "Стигма", "Estigma"),
  descriptions: t(
    "Shame, fear or rejection because of TB — from other people or in my own feelings.",
    "Honte, peur ou rejet à cause de la tuberculose — venant des autres ou de mes propres sentiments.",
    "Стыд, страх или отторжение из-за туберкулёза — со стороны других людей или мои собственные чувства.",
    "Vergonha, medo ou rejeição por causa da TB — vindos de outras pessoas ou dos meus próprios sentimentos.",
  ),
  subcategories: [
    {
      code: "stigma.self",
      labels: t("How I feel about myself", "Le regard que je porte sur moi", "Как я отношусь к себе", "Como me vejo"),
      descriptions: t(
        "I feel shame or blame myself because of TB.",
        "J'ai honte ou je me sens coupable à cause de la tuberculose.",
        "Мне стыдно, или я виню себя из-за туберкулёза.",
        "Sinto vergonha ou culpo-me por causa da TB.",
      ),
      challengeTypes: [
        ct(
          "feel_ashamed",
          "I feel ashamed of having TB",
          "J'ai honte d'avoir la tuberculose",
          "Мне стыдно, что у меня туберкулёз",
          "Tenho vergonha de ter TB",
        ),
        ct(
          "blame_myself",
          "I blame myself for being ill",
          "Je me reproche d'être malade",
          "Я виню себя за свою болезнь",
          "Culpo-me por estar doente",
        ),
        ct(
          "avoid_other_people",
          "I stay away from other people",
          "J'évite les autres",
          "Я избегаю других людей",
          "Afasto-me das outras pessoas",
        ),
        ct(
          "feel_worth_less",
          "I feel I am worth less than others",
          "Je me sens moins que les autres",
          "Мне кажется, что я хуже других",
          "Sinto que valho menos do que os outros",
        ),
      ],
    },
    {
      code: "stigma.anticipated",
      labels: t("Fear of stigma", "Peur d'être rejeté", "Страх осуждения", "Medo do estigma"),
      descriptions: t(
        "I am afraid of how others will treat me if they find out.",
        "J'ai peur de la façon dont les autres me traiteront s'ils l'apprennent.",
        "Я боюсь, как ко мне будут относиться, если узнают.",
        "Tenho medo de como os outros me vão tratar se souberem.",
      ),
      challengeTypes: [
        ct(
          "hide_my_tb",
          "I hide my TB from others",
          "Je cache ma tuberculose aux autres",
          "Я скрываю от других, что у меня туберкулёз",
          "Escondo dos outros que tenho TB",
        ),
        ct(
          "afraid_to_get_tested",
          "I am afraid to get tested",
          "J'ai peur de me faire dépister",
          "Я боюсь пройти обследование",
          "Tenho medo de fazer o teste",
        ),
        ct(
          "avoid_clinic_to_not_be_seen",
          "I avoid the clinic so nobody sees me there",
          "J'évite le centre de santé pour qu'on ne m'y voie pas",
          "Я не хожу в клинику, чтобы меня там не увидели",
          "Evito a clínica para ninguém me ver lá",
        ),
        ct(
          "hide_medicines",
          "I hide my medicines or take them in secret",
          "Je cache mes médicaments ou je les prends en cachette",
          "Я прячу лекарства или принимаю их тайком",
          "Escondo os medicamentos ou tomo-os às escondidas",
        ),
        ct(
          "afraid_to_lose_job_or_partner",
          "I am afraid of losing my job or my partner",
          "J'ai peur de perdre mon travail ou mon partenaire",
          "Я боюсь потерять работу или близкого человека",
          "Tenho medo de perder o emprego ou o meu parceiro",
        ),
      ],
    },
    {
      code: "stigma.family_community",
      labels: t("Family and community", "Famille et communauté", "Семья и окружение", "Família e comunidade"),
      descriptions: t(
        "My family, neighbours or friends treated me badly because of TB.",
        "Ma famille, mes voisins ou mes amis se sont mal comportés envers moi à cause de la tuberculose.",
        "Семья, соседи или друзья плохо относились ко мне из-за туберкулёза.",
        "A minha família, vizinhos ou amigos trataram-me mal por causa da TB.",
      ),
      challengeTypes: [
        ct(
          "rejected_by_family",
          "Rejected or abandoned by my family",
          "Rejeté ou abandonné par ma famille",
          "Семья отвернулась от меня или бросила меня",
          "Rejeitado ou abandonado pela família",
        ),
        ct(
          "made_to_eat_sleep_apart",
          "Made to eat or sleep apart from others",
          "Obligé de manger ou de dormir à part",
          "Меня заставляют есть или спать отдельно",
          "Obrigado a comer ou dormir à parte",
        ),
        ct(
          "gossip_or_insults",
          "Gossip or insults from neighbours",
          "Commérages ou insultes des voisins",
          "Сплетни или оскорбления от соседей",
          "Boatos ou insultos dos vizinhos",
        ),
        ct(
          "unwelcome_at_gatherings",
          "Not welcome at gatherings, church or mosque",
          "Pas le bienvenu aux réunions, à l'église ou à la mosquée",
          "Мне не рады на собраниях, в церкви или мечети",
          "Não sou bem-vindo em reuniões, na igreja ou na mesquita",
        ),
        ct(
          "partner_left_me",
          "My partner left me because of TB",
          "Mon ou ma partenaire m'a quitté à cause de la tuberculose",
          "Из-за туберкулёза со мной расстался близкий человек",
          "O meu parceiro ou parceira deixou-me por causa da TB",
        ),
      ],
    },
    {
      code: "stigma.health_care",
      labels: t(
        "Stigma in health care",
        "Stigmatisation dans les soins",
        "Стигма в медицинских учреждениях",
        "Estigma nos serviços de saúde",
      ),
      descriptions: t(
        "Health workers treated me badly or without respect because of TB.",
        "Des soignants m'ont mal traité ou sans respect à cause de la tuberculose.",
        "Медработники относились ко мне плохо или неуважительно из-за туберкулёза.",
        "Profissionais de saúde trataram-me mal ou sem respeito por causa da TB.",
      ),
      challengeTypes: [
        ct(
          "health_worker_rude",
          "A health worker was rude or shouted at me",
          "Un soignant a été impoli ou a crié sur moi",
          "Медработник грубил мне или кричал на меня",
          "Um profissional de saúde foi mal-educado ou gritou comigo",
        ),
        ct(
          "staff_kept_distance",
          "Staff avoided touching me or stayed far away",
          "Le personnel a évité de me toucher ou est resté loin",
          "Персонал избегал касаться меня или держался далеко",
          "Os funcionários evitaram tocar-me ou ficaram longe",
        ),
        ct(
          "made_to_wait_longer",
          "Made to wait longer than others or seen last",
          "Obligé d'attendre plus que les autres ou reçu en dernier",
          "Мне пришлось ждать дольше других, меня приняли в последнюю очередь",
          "Fizeram-me esperar mais do que os outros ou fui atendido por último",
        ),
        ct(
          "blamed_for_illness",
          "Blamed or judged for being ill",
          "On m'a reproché d'être malade",
          "Меня обвиняли в моей болезни",
          "Culparam-me ou julgaram-me por estar doente",
        ),
        ct(
          "singled_out_in_public",
          "Marked or set apart where everyone could see",
          "Marqué ou mis à l'écart devant tout le monde",
          "Меня выделили или отделили у всех на виду",
          "Fui marcado ou posto à parte à vista de todos",
        ),
      ],
    },
    {
      code: "stigma.employment",
      labels: t("Stigma at work", "Stigmatisation au travail", "Стигма на работе", "Estigma no trabalho"),
      descriptions: t(
        "I had problems at work or finding work because of TB.",
        "J'ai eu des problèmes au travail ou pour trouver du travail à cause de la tuberculose.",
        "У меня были проблемы на работе или с поиском работы из-за туберкулёза.",
        "Tive problemas no trabalho ou a encontrar trabalho por causa da TB.",
      ),
      challengeTypes: [
        ct(
          "lost_job_because_of_tb",
          "Lost my job because of TB",
          "J'ai perdu mon travail à cause de la tuberculose",
          "Меня уволили из-за туберкулёза",
          "Perdi o emprego por causa da TB",
        ),
        ct(
          "not_hired_because_of_tb",
          "Not hired because of TB",
          "Pas embauché à cause de la tuberculose",
          "Меня не взяли на работу из-за туберкулёза",
          "Não fui contratado por causa da TB",
        ),
        ct(
          "refused_sick_leave",
          "Refused sick leave for treatment",
          "Congé maladie refusé pour le traitement",
          "Мне не дали больничный для лечения",
          "Recusaram-me licença por doença para o tratamento",
        ),
        ct(
          "colleagues_avoid_me",
          "Colleagues avoid me or talk about me",
          "Mes collègues m'évitent ou parlent de moi",
          "Коллеги избегают меня или обсуждают за спиной",
          "Os colegas evitam-me ou falam de mim",
        ),
        ct(
          "employer_demanded_health_info",
          "My employer demanded my health information or test results",
          "Mon employeur a exigé mes informations de santé ou mes résultats",
          "Работодатель требовал сведения о моём здоровье или результаты анализов",
          "O patrão exigiu informações sobre a minha saúde ou os resultados dos testes",
        ),
      ],
    },
    {
      code: "stigma.education",
      labels: t("Stigma at school", "Stigmatisation à l'école", "Стигма в учёбе", "Estigma na escola"),
      descriptions: t(
        "A child or student had problems at school or college because of TB.",
        "Un enfant ou un élève a eu des problèmes à l'école à cause de la tuberculose.",
        "У ребёнка или студента были проблемы в школе или на учёбе из-за туберкулёза.",
        "Uma criança ou estudante teve problemas na escola por causa da TB.",
      ),
      challengeTypes: [
        ct(
          "sent_away_from_school",
          "Sent away from school or not allowed back",
          "Renvoyé de l'école ou pas autorisé à revenir",
          "Выгнали из школы или не пускают обратно",
          "Mandado embora da escola ou impedido de voltar",
        ),
        ct(
          "bullied_by_students",
          "Teased or bullied by other students",
          "Moqué ou harcelé par les autres élèves",
          "Дразнят или травят другие ученики",
          "Gozado ou maltratado pelos colegas",
        ),
        ct(
          "teacher_treated_badly",
          "A teacher treated me or my child badly",
          "Un enseignant s'est mal comporté avec moi ou mon enfant",
          "Учитель плохо обращался со мной или с моим ребёнком",
          "Um professor tratou-me mal, a mim ou ao meu filho",
        ),
        ct(
          "no_help_to_catch_up",
          "Missed school during treatment and got no help to catch up",
          "École manquée pendant le traitement, sans aide pour rattraper",
          "Пропуски учёбы во время лечения, и никто не помог наверстать",
          "Faltas às aulas durante o tratamento, sem ajuda para recuperar",
        ),
      ],
    },
  ],
};

const healthServices: DefaultCategory<DefaultText> = {
  code: "health_services",
  icon: "clinic",
  labels: t("Health services", "Services de santé", "Медицинская помощь", "Serviços de saúde"),
  descriptions: t(
    "Problems getting TB tests, medicines or good care.",
    "Problèmes pour obtenir des tests, des médicaments ou de bons soins contre la tuberculose.",
    "Трудности с обследованием, лекарствами или качественным лечением туберкулёза.",
    "Problemas para conseguir testes, medicamentos ou bons cuidados para a TB.",
  ),
  subcategories: [
    {
      code: "health_services.availability",
      labels: t("Not available", "Pas disponible", "Нет в наличии", "Não disponível"),
      descriptions: t(
        "The medicine, test or health worker I needed was not there.",
        "Le médicament, le test ou le soignant dont j'avais besoin n'était pas là.",
        "Нужного лекарства, анализа или медработника не было на месте.",
        "O medicamento, o teste ou o profissional de saúde de que precisava não estava lá.",
      ),
      challengeTypes: [
        ct(
          "no_medicines_in_stock",
          "No TB medicines in stock",
          "Pas de médicaments contre la tuberculose en stock",
          "Нет лекарств от туберкулёза",
          "Faltam medicamentos para a TB",
        ),
        ct(
          "no_tb_test",
          "TB test not available",
          "Test de la tuberculose pas disponible",
          "Нельзя сдать анализ на туберкулёз",
          "Teste de TB não disponível",
        ),
        ct("no_xray", "No X-ray available", "Pas de radiographie possible", "Нет рентгена", "Sem raio-X disponível"),
        ct(
          "no_health_worker",
          "No doctor or nurse there",
          "Pas de médecin ni d'infirmier sur place",
          "Нет врача или медсестры",
          "Nenhum médico ou enfermeiro presente",
        ),
        ct(
          "clinic_closed",
          "Clinic closed during opening hours",
          "Centre de santé fermé pendant les heures d'ouverture",
          "Клиника закрыта в рабочее время",
          "Clínica fechada no horário de funcionamento",
        ),
        ct(
          "no_child_medicines",
          "No TB medicines for children",
          "Pas de médicaments contre la tuberculose pour enfants",
          "Нет детских лекарств от туберкулёза",
          "Sem medicamentos para a TB para crianças",
        ),
      ],
    },
    {
      code: "health_services.accessibility",
      labels: t(
        "Hard to reach or pay",
        "Difficile d'accès ou trop cher",
        "Трудно добраться или оплатить",
        "Difícil de chegar ou pagar",
      ),
      descriptions: t(
        "Getting to care is too far, too costly or too hard.",
        "Se faire soigner est trop loin, trop cher ou trop difficile.",
        "До помощи слишком далеко, слишком дорого или слишком трудно добраться.",
        "Chegar aos cuidados é muito longe, muito caro ou muito difícil.",
      ),
      challengeTypes: [
        ct(
          "transport_too_expensive",
          "Transport too expensive",
          "Transport trop cher",
          "Дорога слишком дорогая",
          "Transporte demasiado caro",
        ),
        ct(
          "clinic_too_far",
          "Clinic too far away",
          "Centre de santé trop loin",
          "Клиника слишком далеко",
          "Clínica muito longe",
        ),
        ct(
          "paid_for_medicines",
          "Asked to pay for TB medicines",
          "On m'a demandé de payer les médicaments contre la tuberculose",
          "С меня потребовали деньги за лекарства от туберкулёза",
          "Pediram-me para pagar os medicamentos da TB",
        ),
        ct(
          "paid_for_tests",
          "Asked to pay for tests or X-ray",
          "On m'a demandé de payer les examens ou la radiographie",
          "С меня потребовали деньги за анализы или рентген",
          "Pediram-me para pagar análises ou raio-X",
        ),
        ct(
          "asked_for_bribe",
          "Asked for a bribe or a “gift”",
          "On m'a demandé un pot-de-vin ou un « cadeau »",
          "У меня вымогали взятку или «подарок»",
          "Pediram-me um suborno ou uma “prenda”",
        ),
        ct(
          "opening_hours_unsuitable",
          "Opening hours clash with my work or school",
          "Les horaires ne conviennent pas à mon travail ou à l'école",
          "Часы работы неудобны из-за работы или учёбы",
          "O horário não é compatível com o meu trabalho ou a escola",
        ),
      ],
    },
    {
      code: "health_services.acceptability",
      labels: t(
        "Care not right for me",
        "Soins pas adaptés à moi",
        "Помощь не подходит мне",
        "Cuidados não adequados a mim",
      ),
      descriptions: t(
        "Care did not respect my language, culture, gender, age or daily life.",
        "Les soins n'ont pas respecté ma langue, ma culture, mon genre, mon âge ou ma vie quotidienne.",
        "Помощь не учитывала мой язык, культуру, пол, возраст или мою жизнь.",
        "Os cuidados não respeitaram a minha língua, cultura, género, idade ou vida diária.",
      ),
      challengeTypes: [
        ct(
          "information_not_in_my_language",
          "Information not in my language",
          "Informations pas dans ma langue",
          "Информация не на моём языке",
          "Informação não está na minha língua",
        ),
        ct(
          "no_woman_health_worker",
          "No woman health worker when I asked for one",
          "Pas de soignante quand j'en ai demandé une",
          "Мне не дали медработника-женщину, когда я попросила",
          "Não havia uma profissional de saúde mulher quando pedi",
        ),
        ct(
          "care_not_child_friendly",
          "Care not suitable for children",
          "Soins pas adaptés aux enfants",
          "Помощь не подходит для детей",
          "Cuidados não adequados para crianças",
        ),
        ct(
          "daily_visits_too_hard",
          "Going to the clinic every day for treatment is too hard",
          "Aller au centre chaque jour pour le traitement est trop difficile",
          "Ходить в клинику каждый день за лечением слишком тяжело",
          "Ir à clínica todos os dias para o tratamento é muito difícil",
        ),
        ct(
          "culture_or_religion_not_respected",
          "My culture or religion was not respected",
          "Ma culture ou ma religion n'a pas été respectée",
          "Не уважали мою культуру или веру",
          "A minha cultura ou religião não foi respeitada",
        ),
      ],
    },
    {
      code: "health_services.quality",
      labels: t("Poor quality care", "Soins de mauvaise qualité", "Плохое качество помощи", "Cuidados de má qualidade"),
      descriptions: t(
        "The care I got was poor, wrong or unsafe.",
        "Les soins que j'ai reçus étaient mauvais, erronés ou dangereux.",
        "Помощь была плохой, неправильной или небезопасной.",
        "Os cuidados que recebi foram maus, errados ou inseguros.",
      ),
      challengeTypes: [
        ct(
          "side_effects_not_managed",
          "Side effects not managed",
          "Effets secondaires pas pris en charge",
          "Не помогли с побочными эффектами",
          "Efeitos secundários não tratados",
        ),
        ct(
          "family_not_screened",
          "Family members not screened",
          "Les membres de ma famille n'ont pas été dépistés",
          "Членов семьи не обследовали",
          "Os meus familiares não foram testados",
        ),
        ct(
          "late_or_wrong_diagnosis",
          "Diagnosis was late or wrong",
          "Diagnostic tardif ou erroné",
          "Диагноз поставили поздно или неверно",
          "Diagnóstico tardio ou errado",
        ),
        ct(
          "results_delayed",
          "Test results took too long",
          "Les résultats ont mis trop de temps",
          "Результаты анализов пришлось ждать слишком долго",
          "Os resultados demoraram demasiado",
        ),
        ct(
          "infection_risk_at_clinic",
          "Clinic dirty or crowded, with a risk of catching infections",
          "Centre sale ou bondé, avec un risque d'attraper des infections",
          "В клинике грязно или тесно, можно заразиться",
          "Clínica suja ou cheia, com risco de apanhar doenças",
        ),
        ct(
          "not_tested_for_drug_resistance",
          "Not tested for drug-resistant TB",
          "Pas de test pour la tuberculose résistante",
          "Не проверили на лекарственно-устойчивый туберкулёз",
          "Não fui testado para TB resistente",
        ),
      ],
    },
  ],
};

const supportServices: DefaultCategory<DefaultText> = {
  code: "support_services",
  icon: "hands",
  labels: t("Support services", "Services d'aide", "Поддержка", "Serviços de apoio"),
  descriptions: t(
    "Problems getting help with feelings, food, money or the law during treatment.",
    "Problèmes pour obtenir de l'aide pendant le traitement : moral, nourriture, argent ou justice.",
    "Трудности с получением помощи во время лечения: психологической, продуктовой, денежной или юридической.",
    "Problemas para conseguir ajuda durante o tratamento: apoio emocional, comida, dinheiro ou justiça.",
  ),
  subcategories: [
    {
      code: "support_services.mental_health",
      labels: t("Mental health", "Santé mentale", "Психологическая помощь", "Saúde mental"),
      descriptions: t(
        "I could not get help for stress, sadness, worry or alcohol and drug use.",
        "Je n'ai pas pu avoir d'aide pour le stress, la tristesse, l'inquiétude ou l'alcool et les drogues.",
        "Я не смог(ла) получить помощь при стрессе, грусти, тревоге или зависимости.",
        "Não consegui ajuda para o stress, a tristeza, a preocupação ou o álcool e as drogas.",
      ),
      challengeTypes: [
        ct(
          "no_counselling",
          "No counselling available",
          "Pas de soutien psychologique",
          "Негде получить консультацию психолога",
          "Sem aconselhamento disponível",
        ),
        ct(
          "depression_not_taken_seriously",
          "Sadness or depression not taken seriously",
          "Tristesse ou dépression pas prise au sérieux",
          "К моей грусти или депрессии не отнеслись серьёзно",
          "A tristeza ou depressão não foi levada a sério",
        ),
        ct(
          "no_alcohol_drug_support",
          "No help with alcohol or drug use",
          "Pas d'aide pour l'alcool ou les drogues",
          "Нет помощи при зависимости от алкоголя или наркотиков",
          "Sem ajuda para o álcool ou as drogas",
        ),
        ct(
          "no_peer_support_group",
          "No support group with people who had TB",
          "Pas de groupe de soutien avec d'autres personnes touchées",
          "Нет группы поддержки с людьми, которые болели туберкулёзом",
          "Sem grupo de apoio com pessoas que tiveram TB",
        ),
      ],
    },
    {
      code: "support_services.nutrition",
      labels: t("Food", "Nourriture", "Питание", "Alimentação"),
      descriptions: t(
        "I do not have enough good food during treatment.",
        "Je n'ai pas assez de bonne nourriture pendant le traitement.",
        "Во время лечения мне не хватает хорошей еды.",
        "Não tenho comida boa suficiente durante o tratamento.",
      ),
      challengeTypes: [
        ct(
          "not_enough_food",
          "Not enough food during treatment",
          "Pas assez à manger pendant le traitement",
          "Не хватает еды во время лечения",
          "Não tenho comida suficiente durante o tratamento",
        ),
        ct(
          "food_support_stopped",
          "Food support stopped or never came",
          "L'aide alimentaire s'est arrêtée ou n'est jamais venue",
          "Продуктовую помощь прекратили или так и не дали",
          "O apoio alimentar parou ou nunca chegou",
        ),
        ct(
          "no_nutrition_advice",
          "No advice on what to eat",
          "Pas de conseils sur quoi manger",
          "Не объяснили, как правильно питаться",
          "Sem conselhos sobre o que comer",
        ),
        ct(
          "child_underweight_no_help",
          "My child is too thin and gets no help",
          "Mon enfant est trop maigre et ne reçoit pas d'aide",
          "Мой ребёнок слишком худой, а помощи нет",
          "O meu filho está muito magro e não recebe ajuda",
        ),
      ],
    },
    {
      code: "support_services.financial",
      labels: t(
        "Money and social support",
        "Argent et aide sociale",
        "Деньги и социальная помощь",
        "Dinheiro e apoio social",
      ),
      descriptions: t(
        "I could not get the money or social help I need during treatment.",
        "Je n'ai pas pu obtenir l'argent ou l'aide sociale dont j'ai besoin pendant le traitement.",
        "Я не смог(ла) получить деньги или социальную помощь, нужные во время лечения.",
        "Não consegui o dinheiro ou o apoio social de que preciso durante o tratamento.",
      ),
      challengeTypes: [
        ct(
          "no_income_during_treatment",
          "No income while on treatment",
          "Pas de revenu pendant le traitement",
          "Нет дохода во время лечения",
          "Sem rendimento durante o tratamento",
        ),
        ct(
          "cash_support_refused",
          "Refused a grant or cash support",
          "Allocation ou aide en argent refusée",
          "Мне отказали в пособии или денежной помощи",
          "Recusaram-me um subsídio ou apoio em dinheiro",
        ),
        ct(
          "support_payment_late",
          "Support payment late or missing",
          "Aide versée en retard ou pas versée",
          "Выплату задержали или не выплатили",
          "Pagamento do apoio atrasado ou em falta",
        ),
        ct(
          "no_transport_support",
          "No help with transport costs",
          "Pas d'aide pour les frais de transport",
          "Нет помощи с оплатой дороги",
          "Sem ajuda para pagar o transporte",
        ),
        ct(
          "missing_documents_for_support",
          "Cannot get the papers needed for support (ID, certificate)",
          "Impossible d'obtenir les papiers pour l'aide (pièce d'identité, certificat)",
          "Не могу получить документы для помощи (паспорт, справку)",
          "Não consigo os documentos para o apoio (identificação, atestado)",
        ),
        ct(
          "sold_or_borrowed_to_pay",
          "Had to sell things or borrow money to pay for care",
          "J'ai dû vendre des biens ou emprunter pour payer les soins",
          "Пришлось продать вещи или взять в долг, чтобы платить за лечение",
          "Tive de vender bens ou pedir dinheiro emprestado para pagar o tratamento",
        ),
      ],
    },
    {
      code: "support_services.legal_aid",
      labels: t("Legal help", "Aide juridique", "Юридическая помощь", "Apoio jurídico"),
      descriptions: t(
        "I need a lawyer or legal advice and could not get it.",
        "J'ai besoin d'un avocat ou d'un conseil juridique et je n'ai pas pu l'obtenir.",
        "Мне нужен юрист или совет юриста, но я не смог(ла) его получить.",
        "Preciso de um advogado ou de aconselhamento jurídico e não consegui.",
      ),
      challengeTypes: [
        ct(
          "no_free_legal_advice",
          "Could not get free legal advice",
          "Je n'ai pas pu obtenir de conseil juridique gratuit",
          "Негде получить бесплатную консультацию юриста",
          "Não consegui aconselhamento jurídico gratuito",
        ),
        ct(
          "no_help_to_complain",
          "Nobody helped me make a complaint",
          "Personne ne m'a aidé à porter plainte",
          "Никто не помог мне подать жалобу",
          "Ninguém me ajudou a fazer uma queixa",
        ),
        ct(
          "need_help_with_id_papers",
          "Need help with ID or residence papers",
          "Besoin d'aide pour mes papiers d'identité ou de séjour",
          "Нужна помощь с паспортом или регистрацией",
          "Preciso de ajuda com documentos de identidade ou de residência",
        ),
        ct(
          "need_help_against_dismissal",
          "Need help to fight being fired",
          "Besoin d'aide pour contester un licenciement",
          "Нужна помощь, чтобы оспорить увольнение",
          "Preciso de ajuda para contestar o despedimento",
        ),
        ct(
          "lawyer_too_expensive",
          "A lawyer is too expensive",
          "Un avocat coûte trop cher",
          "Адвокат слишком дорогой",
          "Um advogado é demasiado caro",
        ),
      ],
    },
  ],
};

/** The default taxonomy in display order (array position becomes `sort`). */
export const DEFAULT_TAXONOMY: readonly DefaultCategory[] = [rights, stigma, healthServices, supportServices].map(
  translateCategory,
);

/** The default key populations (PRODUCT.md 3.2), worded as the reporter describes the person. */
const KEY_POPULATIONS: readonly DefaultChallengeType<DefaultText>[] = [
  ct("plhiv", "Living with HIV", "Vit avec le VIH", "Живёт с ВИЧ", "Vive com HIV"),
  ct("health_worker", "Health worker", "Travaille dans la santé", "Медицинский работник", "Trabalha na saúde"),
  ct(
    "prisoner",
    "In prison, now or before",
    "En prison, maintenant ou avant",
    "В местах лишения свободы, сейчас или раньше",
    "Na prisão, agora ou antes",
  ),
  ct("people_who_use_drugs", "Uses drugs", "Consomme des drogues", "Употребляет наркотики", "Usa drogas"),
  ct("miner", "Works in a mine", "Travaille dans une mine", "Работает в шахте", "Trabalha numa mina"),
  ct(
    "migrant",
    "Moved here from another place or country",
    "Venu d'une autre région ou d'un autre pays",
    "Переехал(а) из другого места или страны",
    "Veio de outro lugar ou de outro país",
  ),
  ct("child", "Child", "Enfant", "Ребёнок", "Criança"),
  ct("woman", "Woman or girl", "Femme ou fille", "Женщина или девочка", "Mulher ou rapariga"),
  ct("urban_poor", "Poor, living in a town", "Pauvre, vit en ville", "Бедный, живёт в городе", "Pobre, vive na cidade"),
  ct(
    "rural_poor",
    "Poor, living in a village or the countryside",
    "Pauvre, vit au village ou à la campagne",
    "Бедный, живёт в селе",
    "Pobre, vive na aldeia ou no campo",
  ),
  ct("indigenous", "Indigenous people", "Peuple autochtone", "Коренной народ", "Povo indígena"),
  ct("homeless", "Has no home", "N'a pas de logement", "Нет жилья", "Não tem casa"),
  ct("diabetes", "Living with diabetes", "Vit avec le diabète", "Живёт с диабетом", "Vive com diabetes"),
];

export const DEFAULT_KEY_POPULATIONS: readonly DefaultChallengeType[] = KEY_POPULATIONS.map((k) => ({
  code: k.code,
  labels: withExtras(k.labels, k.code, "keyPopulations"),
}));
