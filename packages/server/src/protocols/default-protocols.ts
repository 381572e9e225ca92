import type { DefaultText } from "../taxonomy/default-taxonomy.js";

/**
 * Demo response protocols for every subcategory of the default taxonomy (issue #5), as plain data: SLA targets in
 * hours, a checklist (shared opening and closing steps around the category's and subcategory's own), and message
 * templates. Templates go to reporters, whose phones may be shared: they never name the illness.
 * Placeholders: {trackingCode}, {subcategory}.
 */

export interface DefaultStep {
  code: string;
  labels: DefaultText;
}
export interface DefaultTemplate {
  code: string;
  labels: DefaultText;
  bodies: DefaultText;
}
export interface DefaultProtocol {
  subcategoryCode: string;
  firstResponseHours: number;
  resolutionHours: number;
  steps: DefaultStep[];
  templates: DefaultTemplate[];
}

function t(en: string, fr: string, ru: string, pt: string): DefaultText {
  return { en, fr, ru, pt };
}
const step = (code: string, labels: DefaultText): DefaultStep => ({ code, labels });
const template = (code: string, labels: DefaultText, bodies: DefaultText): DefaultTemplate => ({
  code,
  labels,
  bodies,
});

const contactReporter = step(
  "contact_reporter",
  t(
    "Contact the reporter and confirm what happened",
    "Contacter la personne et confirmer ce qui s'est passé",
    "Связаться с заявителем и уточнить, что произошло",
    "Contactar a pessoa e confirmar o que aconteceu",
  ),
);
const agreePlan = step(
  "agree_plan",
  t(
    "Agree the next steps with the reporter (with consent)",
    "Convenir des prochaines étapes avec la personne (avec son accord)",
    "Согласовать дальнейшие шаги с заявителем (с его согласия)",
    "Combinar os próximos passos com a pessoa (com consentimento)",
  ),
);
const recordOutcome = step(
  "record_outcome",
  t(
    "Record the outcome and tell the reporter",
    "Consigner le résultat et en informer la personne",
    "Записать результат и сообщить заявителю",
    "Registar o resultado e informar a pessoa",
  ),
);

const commonTemplates: DefaultTemplate[] = [
  // Validating already sends the reporter an automatic acknowledgement (inbox/reporter-notices.ts): the responder's
  // first message introduces the person who will handle the report and asks how to reach them, rather than
  // acknowledging it a second time.
  template(
    "introduce",
    t("Introduce yourself", "Vous présenter", "Представиться", "Apresentar-se"),
    t(
      "Hello, I am the responder now handling your report {trackingCode}. When and how may I contact you to agree on what to do? You can answer here.",
      "Bonjour, je suis l'intervenant qui s'occupe maintenant de votre signalement {trackingCode}. Quand et comment puis-je vous contacter pour convenir de la suite ? Vous pouvez répondre ici.",
      "Здравствуйте, я специалист, который теперь занимается вашим сообщением {trackingCode}. Когда и как с вами можно связаться, чтобы договориться о дальнейших шагах? Вы можете ответить здесь.",
      "Olá, sou o técnico que agora trata do seu relato {trackingCode}. Quando e como posso contactá-lo para combinarmos o que fazer? Pode responder aqui.",
    ),
  ),
  template(
    "ask_details",
    t("Ask for details", "Demander des précisions", "Запросить подробности", "Pedir mais detalhes"),
    t(
      "To help you with report {trackingCode}, could you tell us when and where this happened, and what you would like to change?",
      "Pour vous aider avec le signalement {trackingCode}, pouvez-vous nous dire quand et où cela s'est passé, et ce que vous souhaitez voir changer ?",
      "Чтобы помочь вам по сообщению {trackingCode}, расскажите, пожалуйста, когда и где это произошло и что вы хотели бы изменить?",
      "Para o ajudar com o relato {trackingCode}, pode dizer-nos quando e onde isto aconteceu e o que gostaria que mudasse?",
    ),
  ),
  template(
    "progress_update",
    t("Progress update", "Point d'avancement", "Ход работы", "Ponto de situação"),
    t(
      "An update on report {trackingCode}: we have raised your concern with the people responsible and are following it up. We will tell you what they answer.",
      "Des nouvelles du signalement {trackingCode} : nous avons transmis votre demande aux responsables et nous suivons le dossier. Nous vous dirons ce qu'ils répondent.",
      "Новости по сообщению {trackingCode}: мы передали вашу проблему ответственным лицам и следим за её решением. Мы сообщим вам их ответ.",
      "Novidades sobre o relato {trackingCode}: levámos a sua preocupação aos responsáveis e estamos a acompanhar. Diremos o que responderem.",
    ),
  ),
];

interface CategoryProtocol {
  steps: DefaultStep[];
  template: DefaultTemplate;
}

const byCategory: Record<string, CategoryProtocol> = {
  rights: {
    steps: [
      step(
        "refer_legal_aid",
        t(
          "Offer a referral to legal aid or a paralegal",
          "Proposer une orientation vers l'aide juridique ou un parajuriste",
          "Предложить направление к юристу или параюристу",
          "Propor encaminhamento para apoio jurídico ou paralegal",
        ),
      ),
      step(
        "document_evidence",
        t(
          "Document the facts and any evidence (dates, names, receipts)",
          "Documenter les faits et les preuves (dates, noms, reçus)",
          "Задокументировать факты и доказательства (даты, имена, квитанции)",
          "Documentar os factos e as provas (datas, nomes, recibos)",
        ),
      ),
    ],
    template: template(
      "rights_info",
      t("Your rights", "Vos droits", "Ваши права", "Os seus direitos"),
      t(
        "You have the right to care without discrimination and to privacy. If you wish, we can put you in touch with free legal help about report {trackingCode}.",
        "Vous avez droit à des soins sans discrimination et au respect de votre vie privée. Si vous le souhaitez, nous pouvons vous mettre en contact avec une aide juridique gratuite pour le signalement {trackingCode}.",
        "Вы имеете право на помощь без дискриминации и на неприкосновенность частной жизни. Если хотите, мы свяжем вас с бесплатной юридической помощью по сообщению {trackingCode}.",
        "Tem direito a cuidados sem discriminação e à privacidade. Se quiser, podemos pô-lo em contacto com apoio jurídico gratuito sobre o relato {trackingCode}.",
      ),
    ),
  },
  stigma: {
    steps: [
      step(
        "offer_peer_support",
        t(
          "Offer peer support or counselling",
          "Proposer un soutien par les pairs ou un accompagnement psychologique",
          "Предложить поддержку равных или консультацию психолога",
          "Propor apoio de pares ou aconselhamento",
        ),
      ),
      step(
        "plan_sensitisation",
        t(
          "Consider a sensitisation session where it happened",
          "Envisager une séance de sensibilisation sur le lieu concerné",
          "Рассмотреть просветительскую встречу там, где это произошло",
          "Considerar uma sessão de sensibilização no local",
        ),
      ),
    ],
    template: template(
      "support_offer",
      t("Offer support", "Proposer du soutien", "Предложить поддержку", "Oferecer apoio"),
      t(
        "What you went through is not your fault. If you would like to talk to someone who has been through the same, reply here and we will arrange it.",
        "Ce que vous avez vécu n'est pas de votre faute. Si vous souhaitez parler à quelqu'un qui a vécu la même chose, répondez ici et nous l'organiserons.",
        "В том, что с вами произошло, нет вашей вины. Если хотите поговорить с человеком, который прошёл через то же самое, ответьте здесь, и мы это организуем.",
        "O que viveu não é culpa sua. Se quiser falar com alguém que passou pelo mesmo, responda aqui e nós organizamos.",
      ),
    ),
  },
  health_services: {
    steps: [
      step(
        "contact_facility",
        t(
          "Contact the facility in charge and describe the problem",
          "Contacter l'établissement concerné et décrire le problème",
          "Связаться с медучреждением и описать проблему",
          "Contactar a unidade de saúde responsável e descrever o problema",
        ),
      ),
      step(
        "notify_programme",
        t(
          "Inform the district TB coordinator",
          "Informer le coordinateur TB du district",
          "Сообщить районному координатору по ТБ",
          "Informar o coordenador distrital de TB",
        ),
      ),
    ],
    template: template(
      "facility_contacted",
      t("Facility contacted", "Établissement contacté", "Учреждение уведомлено", "Unidade contactada"),
      t(
        "We have contacted the health facility about report {trackingCode}. Please keep taking your treatment; tell us here if anything stops you.",
        "Nous avons contacté l'établissement de santé au sujet du signalement {trackingCode}. Continuez votre traitement ; dites-nous ici si quelque chose vous en empêche.",
        "Мы связались с медучреждением по сообщению {trackingCode}. Пожалуйста, продолжайте лечение; напишите нам здесь, если что-то мешает.",
        "Contactámos a unidade de saúde sobre o relato {trackingCode}. Continue o seu tratamento; diga-nos aqui se algo o impedir.",
      ),
    ),
  },
  support_services: {
    steps: [
      step(
        "check_eligibility",
        t(
          "Check which support schemes the reporter is eligible for",
          "Vérifier à quels dispositifs d'aide la personne a droit",
          "Проверить, на какие программы поддержки имеет право заявитель",
          "Verificar a que apoios a pessoa tem direito",
        ),
      ),
      step(
        "refer_service",
        t(
          "Refer to the support service and confirm it was received",
          "Orienter vers le service d'aide et confirmer la prise en charge",
          "Направить в службу поддержки и убедиться, что обращение принято",
          "Encaminhar para o serviço de apoio e confirmar a receção",
        ),
      ),
    ],
    template: template(
      "referral_made",
      t("Referral made", "Orientation faite", "Направление отправлено", "Encaminhamento feito"),
      t(
        "About report {trackingCode}: we have referred you to a support service. They should contact you soon; tell us here if they do not.",
        "Au sujet du signalement {trackingCode} : nous vous avons orienté vers un service d'aide. Il devrait vous contacter bientôt ; dites-nous ici si ce n'est pas le cas.",
        "По сообщению {trackingCode}: мы направили вас в службу поддержки. С вами скоро свяжутся; напишите нам здесь, если этого не произойдёт.",
        "Sobre o relato {trackingCode}: encaminhámo-lo para um serviço de apoio. Devem contactá-lo em breve; diga-nos aqui se não o fizerem.",
      ),
    ),
  },
};

/** Each subcategory's own step and targets: urgent access problems get the shortest clocks. */
const bySubcategory: [code: string, first: number, resolution: number, own: DefaultStep][] = [
  [
    "rights.health",
    48,
    336,
    step(
      "check_denial",
      t(
        "Check whether care was refused or charged for",
        "Vérifier si des soins ont été refusés ou facturés",
        "Проверить, было ли отказано в помощи или взята плата",
        "Verificar se os cuidados foram recusados ou cobrados",
      ),
    ),
  ],
  [
    "rights.discrimination",
    48,
    504,
    step(
      "identify_duty_bearer",
      t(
        "Identify who is responsible for the discrimination",
        "Identifier le responsable de la discrimination",
        "Установить, кто несёт ответственность за дискриминацию",
        "Identificar o responsável pela discriminação",
      ),
    ),
  ],
  [
    "rights.privacy",
    24,
    336,
    step(
      "limit_disclosure",
      t(
        "Help limit further disclosure of the person's status",
        "Aider à limiter toute nouvelle divulgation du statut",
        "Помочь предотвратить дальнейшее разглашение статуса",
        "Ajudar a evitar nova divulgação do estado de saúde",
      ),
    ),
  ],
  [
    "stigma.self",
    72,
    504,
    step(
      "screen_wellbeing",
      t(
        "Ask about wellbeing and signs of distress",
        "Demander comment la personne se sent et repérer une détresse",
        "Расспросить о самочувствии и признаках стресса",
        "Perguntar pelo bem-estar e sinais de sofrimento",
      ),
    ),
  ],
  [
    "stigma.anticipated",
    72,
    504,
    step(
      "share_rights_info",
      t(
        "Share information on rights and confidentiality",
        "Partager l'information sur les droits et la confidentialité",
        "Рассказать о правах и конфиденциальности",
        "Partilhar informação sobre direitos e confidencialidade",
      ),
    ),
  ],
  [
    "stigma.family_community",
    72,
    504,
    step(
      "offer_family_session",
      t(
        "Offer a family or community conversation",
        "Proposer un échange avec la famille ou la communauté",
        "Предложить беседу с семьёй или общиной",
        "Propor uma conversa com a família ou comunidade",
      ),
    ),
  ],
  [
    "stigma.health_care",
    48,
    336,
    step(
      "raise_with_manager",
      t(
        "Raise the behaviour with the facility manager",
        "Signaler le comportement au responsable de l'établissement",
        "Сообщить о поведении руководителю учреждения",
        "Levar o comportamento ao responsável da unidade",
      ),
    ),
  ],
  [
    "stigma.employment",
    72,
    720,
    step(
      "check_labour_rights",
      t(
        "Check labour protections and sick-leave rules",
        "Vérifier les protections du travail et le congé maladie",
        "Проверить трудовые гарантии и правила больничного",
        "Verificar a proteção laboral e a baixa médica",
      ),
    ),
  ],
  [
    "stigma.education",
    72,
    504,
    step(
      "contact_school",
      t(
        "With consent, contact the school or college",
        "Avec accord, contacter l'école ou l'établissement",
        "С согласия связаться со школой или колледжем",
        "Com consentimento, contactar a escola",
      ),
    ),
  ],
  [
    "health_services.availability",
    24,
    168,
    step(
      "check_stock",
      t(
        "Check medicine or test stock with the facility and the district store",
        "Vérifier le stock de médicaments ou de tests auprès de l'établissement et du dépôt",
        "Проверить запасы лекарств или тестов в учреждении и на районном складе",
        "Verificar o stock de medicamentos ou testes na unidade e no armazém distrital",
      ),
    ),
  ],
  [
    "health_services.accessibility",
    48,
    336,
    step(
      "explore_transport",
      t(
        "Explore transport support or a nearer facility",
        "Étudier une aide au transport ou un établissement plus proche",
        "Изучить помощь с транспортом или более близкое учреждение",
        "Explorar apoio ao transporte ou uma unidade mais próxima",
      ),
    ),
  ],
  [
    "health_services.acceptability",
    48,
    336,
    step(
      "agree_adjustment",
      t(
        "Agree an adjustment with the facility (hours, privacy, language)",
        "Convenir d'un ajustement avec l'établissement (horaires, intimité, langue)",
        "Согласовать с учреждением изменения (часы, приватность, язык)",
        "Combinar um ajuste com a unidade (horário, privacidade, língua)",
      ),
    ),
  ],
  [
    "health_services.quality",
    48,
    336,
    step(
      "clinical_review",
      t(
        "Ask for a clinical review (side effects, contacts screened)",
        "Demander un avis clinique (effets secondaires, dépistage des contacts)",
        "Запросить клинический разбор (побочные эффекты, обследование контактов)",
        "Pedir uma revisão clínica (efeitos secundários, rastreio de contactos)",
      ),
    ),
  ],
  [
    "support_services.mental_health",
    24,
    336,
    step(
      "safety_check",
      t(
        "Check for immediate risk and give crisis contacts",
        "Vérifier un risque immédiat et donner les contacts d'urgence",
        "Оценить непосредственный риск и дать контакты экстренной помощи",
        "Verificar risco imediato e dar contactos de emergência",
      ),
    ),
  ],
  [
    "support_services.nutrition",
    48,
    336,
    step(
      "food_support",
      t(
        "Arrange food support or a nutrition assessment",
        "Organiser une aide alimentaire ou une évaluation nutritionnelle",
        "Организовать продуктовую помощь или оценку питания",
        "Organizar apoio alimentar ou avaliação nutricional",
      ),
    ),
  ],
  [
    "support_services.financial",
    72,
    504,
    step(
      "apply_benefit",
      t(
        "Help apply for the cash transfer or benefit",
        "Aider à demander l'allocation ou l'aide financière",
        "Помочь оформить пособие или денежную помощь",
        "Ajudar a pedir o subsídio ou apoio financeiro",
      ),
    ),
  ],
  [
    "support_services.legal_aid",
    48,
    504,
    step(
      "book_lawyer",
      t(
        "Book an appointment with a lawyer or paralegal",
        "Prendre rendez-vous avec un avocat ou un parajuriste",
        "Записать на приём к юристу или параюристу",
        "Marcar consulta com um advogado ou paralegal",
      ),
    ),
  ],
];

export const DEFAULT_PROTOCOLS: DefaultProtocol[] = bySubcategory.map(([code, first, resolution, own]) => {
  const category = byCategory[code.split(".")[0]!]!;
  return {
    subcategoryCode: code,
    firstResponseHours: first,
    resolutionHours: resolution,
    steps: [contactReporter, ...category.steps, own, agreePlan, recordOutcome],
    templates: [...commonTemplates, category.template],
  };
});
