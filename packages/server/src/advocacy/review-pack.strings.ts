import type { AdvocacyCaseStatus } from "@openclm/contracts";

/** The review pack's own words (the rest — indicator names, quarters — come from the factsheet's strings). */
export interface ReviewPackStrings {
  title: string;
  headlineVsTargets: string;
  topPerArea: string;
  openCases: string;
  loopClosure: string;
  colArea: string;
  colTopChallenges: string;
  colCase: string;
  colStatus: string;
  colDutyBearer: string;
  colReports: string;
  colTrend: string;
  trendText: (before: string, after: string) => string;
  noCommitment: string;
  resolvedReports: string;
  confirmedReports: string;
  confirmedPct: string;
  noCases: string;
  agreedActions: string;
  agreedActionsHint: string;
  hidden: (threshold: number) => string;
  statuses: Record<AdvocacyCaseStatus, string>;
}

const en: ReviewPackStrings = {
  title: "Quarterly review",
  headlineVsTargets: "Headline indicators against targets",
  topPerArea: "Top challenge types per area",
  openCases: "Open advocacy cases",
  loopClosure: "Closing the loop",
  colArea: "Area",
  colTopChallenges: "Top challenge types (validated reports)",
  colCase: "Case",
  colStatus: "Status",
  colDutyBearer: "Duty bearer",
  colReports: "Reports",
  colTrend: "Reports a month, before → after the commitment",
  trendText: (before, after) => `${before} → ${after}`,
  noCommitment: "no commitment yet",
  resolvedReports: "Reports resolved",
  confirmedReports: "Resolution confirmed by the reporter",
  confirmedPct: "Loop closure (% of resolved confirmed)",
  noCases: "No open cases.",
  agreedActions: "Agreed actions",
  agreedActionsHint: "Record each agreed action in its case (Dashboard → Advocacy cases).",
  hidden: (t) => `– : fewer than ${t} reports, hidden to protect the people who reported.`,
  statuses: {
    open: "Open",
    in_dialogue: "In dialogue",
    commitment_made: "Commitment made",
    resolved: "Resolved",
    stalled: "Stalled",
  },
};

const fr: ReviewPackStrings = {
  title: "Revue trimestrielle",
  headlineVsTargets: "Indicateurs clés et cibles",
  topPerArea: "Principaux types de problèmes par zone",
  openCases: "Dossiers de plaidoyer ouverts",
  loopClosure: "Boucler la boucle",
  colArea: "Zone",
  colTopChallenges: "Principaux types de problèmes (signalements validés)",
  colCase: "Dossier",
  colStatus: "Statut",
  colDutyBearer: "Débiteur d'obligations",
  colReports: "Signalements",
  colTrend: "Signalements par mois, avant → après l'engagement",
  trendText: (before, after) => `${before} → ${after}`,
  noCommitment: "pas encore d'engagement",
  resolvedReports: "Signalements résolus",
  confirmedReports: "Résolution confirmée par la personne",
  confirmedPct: "Boucle fermée (% des résolus confirmés)",
  noCases: "Aucun dossier ouvert.",
  agreedActions: "Actions convenues",
  agreedActionsHint: "Enregistrez chaque action convenue dans son dossier (Tableau de bord → Dossiers de plaidoyer).",
  hidden: (t) => `– : moins de ${t} signalements, masqué pour protéger les personnes qui ont signalé.`,
  statuses: {
    open: "Ouvert",
    in_dialogue: "En dialogue",
    commitment_made: "Engagement pris",
    resolved: "Résolu",
    stalled: "Bloqué",
  },
};

const pt: ReviewPackStrings = {
  title: "Revisão trimestral",
  headlineVsTargets: "Indicadores principais face às metas",
  topPerArea: "Principais tipos de problemas por área",
  openCases: "Casos de advocacia abertos",
  loopClosure: "Fechar o ciclo",
  colArea: "Área",
  colTopChallenges: "Principais tipos de problemas (relatos validados)",
  colCase: "Caso",
  colStatus: "Estado",
  colDutyBearer: "Responsável",
  colReports: "Relatos",
  colTrend: "Relatos por mês, antes → depois do compromisso",
  trendText: (before, after) => `${before} → ${after}`,
  noCommitment: "ainda sem compromisso",
  resolvedReports: "Relatos resolvidos",
  confirmedReports: "Resolução confirmada pela pessoa",
  confirmedPct: "Ciclo fechado (% dos resolvidos confirmados)",
  noCases: "Nenhum caso aberto.",
  agreedActions: "Ações acordadas",
  agreedActionsHint: "Registe cada ação acordada no seu caso (Painel → Casos de advocacia).",
  hidden: (t) => `– : menos de ${t} relatos, oculto para proteger as pessoas que relataram.`,
  statuses: {
    open: "Aberto",
    in_dialogue: "Em diálogo",
    commitment_made: "Compromisso assumido",
    resolved: "Resolvido",
    stalled: "Parado",
  },
};

const ru: ReviewPackStrings = {
  title: "Квартальный обзор",
  headlineVsTargets: "Основные показатели и целевые значения",
  topPerArea: "Основные типы проблем по территориям",
  openCases: "Открытые дела по адвокации",
  loopClosure: "Замыкание обратной связи",
  colArea: "Территория",
  colTopChallenges: "Основные типы проблем (подтверждённые сообщения)",
  colCase: "Дело",
  colStatus: "Статус",
  colDutyBearer: "Ответственная сторона",
  colReports: "Сообщения",
  colTrend: "Сообщений в месяц, до → после обязательства",
  trendText: (before, after) => `${before} → ${after}`,
  noCommitment: "обязательства пока нет",
  resolvedReports: "Решённые сообщения",
  confirmedReports: "Решение подтверждено автором",
  confirmedPct: "Замкнутый цикл (% подтверждённых из решённых)",
  noCases: "Открытых дел нет.",
  agreedActions: "Согласованные действия",
  agreedActionsHint: "Запишите каждое согласованное действие в его дело (Панель → Дела по адвокации).",
  hidden: (t) => `– : менее ${t} сообщений, скрыто для защиты сообщивших.`,
  statuses: {
    open: "Открыто",
    in_dialogue: "В диалоге",
    commitment_made: "Обязательство принято",
    resolved: "Решено",
    stalled: "Приостановлено",
  },
};

export const reviewPackLanguages = { en, fr, pt, ru } as const;
