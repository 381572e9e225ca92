import type { declineReasons, IndicatorMetric } from "@openclm/contracts";

type DeclineReason = (typeof declineReasons)[number];

/**
 * The factsheet's own words, in each language it is written in. The server writes this document itself, so its text
 * lives here rather than in the web catalogs; names of areas, categories and challenge types come from the database.
 */
export interface FactsheetStrings {
  kicker: string;
  title: string;
  wholeCountry: string;
  period: (from: string, to: string) => string;
  generated: (when: string) => string;
  headlines: string;
  reported: string;
  validated: string;
  declined: string;
  resolvedPct: string;
  medianFirstResponse: string;
  medianValidation: string;
  medianResolution: string;
  assistedShare: string;
  loopClosure: string;
  hours: (n: string) => string;
  days: (n: string) => string;
  quarter: (q: number, year: number) => string;
  trend: string;
  byCategory: string;
  topChallenges: string;
  declinedReasons: string;
  districts: string;
  /** Title of the table of the lowest-rated facilities, naming the minimum number of ratings. */
  lowestRated: (minimum: number) => string;
  colFacility: string;
  colAverageRating: string;
  colRatings: string;
  targets: string;
  colChallenge: string;
  colReason: string;
  colDistrict: string;
  colIndicator: string;
  colPeriod: string;
  colTarget: string;
  colActual: string;
  colPer1000: string;
  none: string;
  /** Under the monthly chart when the period reaches the month still running (marked * on the axis). */
  runningMonth: string;
  method: string;
  methodText: (threshold: number, sensitive: number, asOf: string) => string;
  declineReasons: Record<DeclineReason, string>;
  metrics: Record<IndicatorMetric, string>;
}

const en: FactsheetStrings = {
  kicker: "Community-led monitoring of TB care",
  title: "Factsheet",
  wholeCountry: "Whole country",
  period: (from, to) => `${from} – ${to}`,
  generated: (when) => `Generated ${when}`,
  headlines: "Headline numbers",
  reported: "Challenges reported",
  validated: "Validated",
  declined: "Declined",
  resolvedPct: "Resolved (% of validated)",
  medianFirstResponse: "Median time to first response",
  medianValidation: "Median time to validation",
  medianResolution: "Median time to resolution",
  assistedShare: "Reported with a peer supporter",
  loopClosure: "Loop closure (resolution confirmed)",
  hours: (n) => `${n} h`,
  days: (n) => `${n} days`,
  quarter: (q, year) => `Q${q} ${year}`,
  trend: "Challenges by month",
  byCategory: "Validated challenges by category",
  topChallenges: "Top challenge types",
  declinedReasons: "Why reports were declined",
  districts: "Districts",
  lowestRated: (n) => `Lowest-rated facilities (community ratings, 1 to 5; only facilities with at least ${n} ratings)`,
  colFacility: "Facility",
  colAverageRating: "Average",
  colRatings: "Ratings",
  targets: "Targets and actual",
  colChallenge: "Challenge type",
  colReason: "Reason",
  colDistrict: "District",
  colIndicator: "Indicator",
  colPeriod: "Period",
  colTarget: "Target",
  colActual: "Actual",
  colPer1000: "Per 1,000 affected",
  none: "None in this period.",
  runningMonth: "* Month still running: its figures are incomplete and will still grow.",
  method: "Method",
  methodText: (threshold, sensitive, asOf) =>
    `Challenges are counted in the month they were reported (UTC) and show each report's current state. ` +
    `"Validated" counts every report that passed validation; resolved and loop-closure percentages are of validated ` +
    `and of resolved reports. Medians are measured from the time of reporting. Only reports whose authors agreed to ` +
    `share them are counted. Figures are slightly adjusted to protect people: each count moves by a small, fixed ` +
    `amount, so totals may differ a little from the sum of their parts. A count below ${threshold} (${sensitive} for ` +
    `rights and stigma) is not shown (–). This factsheet contains no personal data. Data as of ${asOf}.`,
  declineReasons: {
    duplicate: "Duplicate",
    not_registered: "Could not be registered",
    spam: "Spam",
    insufficient_information: "Not enough information",
    out_of_scope: "Out of scope",
    other: "Other reason",
  },
  metrics: {
    reports_total: "Challenges reported",
    reports_pending: "Awaiting validation",
    reports_validated: "Validated challenges",
    reports_declined: "Declined reports",
    reports_resolved: "Resolved challenges",
    reports_escalated: "Escalated challenges",
    reports_confirmed: "Resolutions confirmed",
    reports_on_behalf: "Reported with a peer supporter",
    pct_resolved: "Resolved (% of validated)",
    pct_confirmed: "Loop closure (%)",
    pct_on_behalf: "Assisted reporting (%)",
    per_1000_affected: "Challenges per 1,000 affected",
    coverage_pct: "Coverage (% of affected)",
    median_hours_to_first_response: "Median hours to first response",
    median_hours_to_validation: "Median hours to validation",
    median_hours_to_resolution: "Median hours to resolution",
  },
};

const fr: FactsheetStrings = {
  kicker: "Suivi communautaire des soins de la tuberculose",
  title: "Fiche d'information",
  wholeCountry: "Tout le pays",
  period: (from, to) => `du ${from} au ${to}`,
  generated: (when) => `Produite le ${when}`,
  headlines: "Chiffres clés",
  reported: "Problèmes signalés",
  validated: "Validés",
  declined: "Rejetés",
  resolvedPct: "Résolus (% des validés)",
  medianFirstResponse: "Délai médian de première réponse",
  medianValidation: "Délai médian de validation",
  medianResolution: "Délai médian de résolution",
  assistedShare: "Signalés avec un pair aidant",
  loopClosure: "Boucle bouclée (résolution confirmée)",
  hours: (n) => `${n} h`,
  days: (n) => `${n} jours`,
  quarter: (q, year) => `T${q} ${year}`,
  trend: "Problèmes par mois",
  byCategory: "Problèmes validés par catégorie",
  topChallenges: "Principaux types de problèmes",
  declinedReasons: "Motifs de rejet des signalements",
  districts: "Districts",
  lowestRated: (n) =>
    `Lieux les moins bien notés (avis de la communauté, de 1 à 5 ; seulement les lieux d'au moins ${n} avis)`,
  colFacility: "Lieu",
  colAverageRating: "Moyenne",
  colRatings: "Avis",
  targets: "Cibles et réalisations",
  colChallenge: "Type de problème",
  colReason: "Motif",
  colDistrict: "District",
  colIndicator: "Indicateur",
  colPeriod: "Période",
  colTarget: "Cible",
  colActual: "Réalisé",
  colPer1000: "Pour 1 000 personnes touchées",
  none: "Aucun sur cette période.",
  runningMonth: "* Mois en cours : ses chiffres sont incomplets et vont encore augmenter.",
  method: "Méthode",
  methodText: (threshold, sensitive, asOf) =>
    `Les problèmes sont comptés dans le mois de leur signalement (UTC) et reflètent l'état actuel de chaque ` +
    `signalement. « Validés » compte tout signalement ayant passé la validation ; les pourcentages de résolution et ` +
    `de boucle bouclée portent sur les signalements validés et résolus. Les délais médians partent du moment du ` +
    `signalement. Seuls les signalements dont les auteurs ont accepté le partage sont comptés. Les chiffres sont ` +
    `légèrement ajustés pour protéger les personnes : chaque nombre est décalé d'une petite quantité fixe, si bien que ` +
    `les totaux peuvent différer un peu de la somme de leurs parties. Un nombre inférieur à ${threshold} ` +
    `(${sensitive} pour les droits et la stigmatisation) n'est pas affiché (–). Cette fiche ne contient aucune ` +
    `donnée personnelle. Données au ${asOf}.`,
  declineReasons: {
    duplicate: "Doublon",
    not_registered: "Enregistrement impossible",
    spam: "Indésirable",
    insufficient_information: "Informations insuffisantes",
    out_of_scope: "Hors champ",
    other: "Autre raison",
  },
  metrics: {
    reports_total: "Problèmes signalés",
    reports_pending: "En attente de validation",
    reports_validated: "Problèmes validés",
    reports_declined: "Signalements rejetés",
    reports_resolved: "Problèmes résolus",
    reports_escalated: "Problèmes transmis au plaidoyer",
    reports_confirmed: "Résolutions confirmées",
    reports_on_behalf: "Signalés avec un pair aidant",
    pct_resolved: "Résolus (% des validés)",
    pct_confirmed: "Boucle bouclée (%)",
    pct_on_behalf: "Signalement assisté (%)",
    per_1000_affected: "Problèmes pour 1 000 personnes touchées",
    coverage_pct: "Couverture (% des personnes touchées)",
    median_hours_to_first_response: "Heures médianes avant première réponse",
    median_hours_to_validation: "Heures médianes avant validation",
    median_hours_to_resolution: "Heures médianes avant résolution",
  },
};

const ru: FactsheetStrings = {
  kicker: "Мониторинг помощи при туберкулёзе силами сообществ",
  title: "Информационный бюллетень",
  wholeCountry: "Вся страна",
  period: (from, to) => `${from} – ${to}`,
  generated: (when) => `Сформирован ${when}`,
  headlines: "Основные показатели",
  reported: "Сообщено о проблемах",
  validated: "Подтверждено",
  declined: "Отклонено",
  resolvedPct: "Решено (% от подтверждённых)",
  medianFirstResponse: "Медианное время до первого ответа",
  medianValidation: "Медианное время до проверки",
  medianResolution: "Медианное время до решения",
  assistedShare: "Сообщено с помощью равного консультанта",
  loopClosure: "Замыкание цикла (решение подтверждено)",
  hours: (n) => `${n} ч`,
  days: (n) => `${n} дн.`,
  quarter: (q, year) => `${q} кв. ${year}`,
  trend: "Проблемы по месяцам",
  byCategory: "Подтверждённые проблемы по категориям",
  topChallenges: "Основные виды проблем",
  declinedReasons: "Причины отклонения сообщений",
  districts: "Районы",
  lowestRated: (n) =>
    `Учреждения с самыми низкими оценками (оценки сообщества от 1 до 5; только учреждения, у которых не меньше ${n} оценок)`,
  colFacility: "Учреждение",
  colAverageRating: "Средняя",
  colRatings: "Оценок",
  targets: "Целевые и фактические значения",
  colChallenge: "Вид проблемы",
  colReason: "Причина",
  colDistrict: "Район",
  colIndicator: "Показатель",
  colPeriod: "Период",
  colTarget: "Цель",
  colActual: "Факт",
  colPer1000: "На 1000 затронутых",
  none: "За этот период нет.",
  runningMonth: "* Месяц ещё не закончился: его данные неполные и ещё вырастут.",
  method: "Методика",
  methodText: (threshold, sensitive, asOf) =>
    `Проблемы учитываются в месяце, когда о них сообщили (UTC), и отражают текущее состояние каждого сообщения. ` +
    `«Подтверждено» включает все сообщения, прошедшие проверку; доли решённых и замкнутых циклов считаются от ` +
    `подтверждённых и от решённых сообщений. Медианы отсчитываются с момента сообщения. Учитываются только сообщения, ` +
    `авторы которых согласились ими поделиться. Цифры немного скорректированы для защиты людей: каждое число смещено ` +
    `на небольшую постоянную величину, поэтому итоги могут немного отличаться от суммы частей. Число меньше ` +
    `${threshold} (${sensitive} для прав и стигмы) не показывается (–). Бюллетень не содержит персональных данных. ` +
    `Данные на ${asOf}.`,
  declineReasons: {
    duplicate: "Дубликат",
    not_registered: "Невозможно зарегистрировать",
    spam: "Спам",
    insufficient_information: "Недостаточно информации",
    out_of_scope: "Вне компетенции",
    other: "Другая причина",
  },
  metrics: {
    reports_total: "Сообщено о проблемах",
    reports_pending: "Ожидают проверки",
    reports_validated: "Подтверждённые проблемы",
    reports_declined: "Отклонённые сообщения",
    reports_resolved: "Решённые проблемы",
    reports_escalated: "Переданные для адвокации",
    reports_confirmed: "Подтверждённые решения",
    reports_on_behalf: "Сообщено с помощью равного консультанта",
    pct_resolved: "Решено (% от подтверждённых)",
    pct_confirmed: "Замыкание цикла (%)",
    pct_on_behalf: "Сообщения с помощью (%)",
    per_1000_affected: "Проблем на 1000 затронутых",
    coverage_pct: "Охват (% затронутых)",
    median_hours_to_first_response: "Медиана часов до первого ответа",
    median_hours_to_validation: "Медиана часов до проверки",
    median_hours_to_resolution: "Медиана часов до решения",
  },
};

const pt: FactsheetStrings = {
  kicker: "Monitorização comunitária dos cuidados da tuberculose",
  title: "Ficha informativa",
  wholeCountry: "Todo o país",
  period: (from, to) => `de ${from} a ${to}`,
  generated: (when) => `Gerada em ${when}`,
  headlines: "Números principais",
  reported: "Problemas comunicados",
  validated: "Validados",
  declined: "Recusados",
  resolvedPct: "Resolvidos (% dos validados)",
  medianFirstResponse: "Tempo mediano até à primeira resposta",
  medianValidation: "Tempo mediano até à validação",
  medianResolution: "Tempo mediano até à resolução",
  assistedShare: "Comunicados com um apoio de pares",
  loopClosure: "Ciclo fechado (resolução confirmada)",
  hours: (n) => `${n} h`,
  days: (n) => `${n} dias`,
  quarter: (q, year) => `T${q} ${year}`,
  trend: "Problemas por mês",
  byCategory: "Problemas validados por categoria",
  topChallenges: "Principais tipos de problema",
  declinedReasons: "Motivos de recusa das comunicações",
  districts: "Distritos",
  lowestRated: (n) =>
    `Locais com as piores avaliações (avaliações da comunidade, de 1 a 5; só locais com pelo menos ${n} avaliações)`,
  colFacility: "Local",
  colAverageRating: "Média",
  colRatings: "Avaliações",
  targets: "Metas e resultados",
  colChallenge: "Tipo de problema",
  colReason: "Motivo",
  colDistrict: "Distrito",
  colIndicator: "Indicador",
  colPeriod: "Período",
  colTarget: "Meta",
  colActual: "Resultado",
  colPer1000: "Por 1000 pessoas afetadas",
  none: "Nenhum neste período.",
  runningMonth: "* Mês em curso: os seus números estão incompletos e ainda vão aumentar.",
  method: "Método",
  methodText: (threshold, sensitive, asOf) =>
    `Os problemas são contados no mês em que foram comunicados (UTC) e refletem o estado atual de cada comunicação. ` +
    `"Validados" conta todas as comunicações que passaram a validação; as percentagens de resolução e de ciclo fechado ` +
    `referem-se às comunicações validadas e resolvidas. As medianas contam a partir do momento da comunicação. Só ` +
    `são contadas as comunicações cujos autores aceitaram partilhá-las. Os números são ligeiramente ajustados para ` +
    `proteger as pessoas: cada número desloca-se uma pequena quantidade fixa, pelo que os totais podem diferir um ` +
    `pouco da soma das partes. Um número inferior a ${threshold} (${sensitive} para direitos e estigma) não é ` +
    `mostrado (–). Esta ficha não contém dados pessoais. Dados de ${asOf}.`,
  declineReasons: {
    duplicate: "Duplicado",
    not_registered: "Não foi possível registar",
    spam: "Spam",
    insufficient_information: "Informação insuficiente",
    out_of_scope: "Fora do âmbito",
    other: "Outro motivo",
  },
  metrics: {
    reports_total: "Problemas comunicados",
    reports_pending: "A aguardar validação",
    reports_validated: "Problemas validados",
    reports_declined: "Comunicações recusadas",
    reports_resolved: "Problemas resolvidos",
    reports_escalated: "Levados à advocacia",
    reports_confirmed: "Resoluções confirmadas",
    reports_on_behalf: "Comunicados com um apoio de pares",
    pct_resolved: "Resolvidos (% dos validados)",
    pct_confirmed: "Ciclo fechado (%)",
    pct_on_behalf: "Comunicação assistida (%)",
    per_1000_affected: "Problemas por 1000 pessoas afetadas",
    coverage_pct: "Cobertura (% das pessoas afetadas)",
    median_hours_to_first_response: "Horas medianas até à primeira resposta",
    median_hours_to_validation: "Horas medianas até à validação",
    median_hours_to_resolution: "Horas medianas até à resolução",
  },
};

export const factsheetLanguages = { en, fr, ru, pt } as const;
export type FactsheetLanguage = keyof typeof factsheetLanguages;

/** The factsheet language for a requested tag: exact, then its base (pt-MZ → pt), then English. */
export function factsheetLanguage(tag: string | undefined): FactsheetLanguage {
  const base = (tag ?? "en").toLowerCase().split("-")[0] ?? "en";
  return base in factsheetLanguages ? (base as FactsheetLanguage) : "en";
}
