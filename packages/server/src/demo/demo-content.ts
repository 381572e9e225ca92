import type { ContentKind } from "@openclm/contracts";
import { createContent, publishContent } from "../content/content.service.js";
import type { Tx } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { demoContentId } from "./demo-content-id.js";
import { demoContentKk } from "./demo-content-kk.js";
import { demoContentKm } from "./demo-content-km.js";
import { demoContentSw } from "./demo-content-sw.js";
import { demoContentTg } from "./demo-content-tg.js";
import { demoContentUk } from "./demo-content-uk.js";
import type { DemoExtraLanguage } from "./demoland-extra-names.js";

/**
 * Demoland's sample content (issue 15 item 5): Know Your Rights, Get Information, FAQs and announcements in every
 * demo language, plainly worded and consistent with public WHO guidance on TB (symptoms, rapid molecular tests,
 * the 6-month and 4-month regimens, BPaLM for drug-resistant TB, preventive treatment options, contact screening).
 * The community app shows "sample content: review with your national TB programme" above it in demo mode. Created
 * and published through the real service verbs, as the platform (no staff member wrote it).
 */

type T = { title: string; summary: string; body: string };
interface DemoItem {
  kind: ContentKind;
  slug: string;
  tags: string[];
  t: { en: T; fr: T; pt: T; ru: T };
  figure?: { label: { en: string; fr: string; pt: string; ru: string } };
}

/** One extra language's texts of the sample content, by slug (one file per language: demo-content-<code>.ts). */
export type DemoContentTranslation = Readonly<Record<string, T & { figureLabel?: string }>>;

/** The shipped languages beyond the four written side by side below. */
export const demoContentExtra: Record<DemoExtraLanguage, DemoContentTranslation> = {
  id: demoContentId,
  sw: demoContentSw,
  km: demoContentKm,
  tg: demoContentTg,
  uk: demoContentUk,
  kk: demoContentKk,
};

/** An item's texts and figure label in every language the country offers (the content verbs refuse any other). */
function inOfferedLanguages(item: DemoItem, offered: Set<string>) {
  const translations: Record<string, T> = { ...item.t };
  const label: Record<string, string> | undefined = item.figure ? { ...item.figure.label } : undefined;
  for (const [lang, texts] of Object.entries(demoContentExtra)) {
    const text = texts[item.slug];
    if (!offered.has(lang) || !text) continue;
    const { figureLabel, ...t } = text;
    translations[lang] = t;
    if (label && figureLabel) label[lang] = figureLabel;
  }
  return { translations, label };
}

export const demoContent: DemoItem[] = [
  // ------------------------------------------------------------------ rights
  {
    kind: "rights",
    slug: "right-to-health",
    tags: ["rights.health", "health_services"],
    t: {
      en: {
        title: "Your right to health",
        summary: "TB care should be available, affordable, respectful and of good quality.",
        body: "Everyone has the right to the highest attainable standard of health. For TB this means:\n\n- **Available**: tests and medicines are in stock at your clinic.\n- **Accessible**: you can reach care and afford it. In most national programmes TB tests and medicines are free.\n- **Acceptable**: staff treat you with respect and in a language you understand.\n- **Good quality**: you get the tests and treatment that current guidance recommends.\n\nIf one of these is missing, you can report it in this app.",
      },
      fr: {
        title: "Votre droit à la santé",
        summary: "Les soins de la tuberculose doivent être disponibles, abordables, respectueux et de bonne qualité.",
        body: "Toute personne a droit au meilleur état de santé possible. Pour la tuberculose, cela veut dire :\n\n- **Disponibles** : les tests et les médicaments sont en stock dans votre centre de santé.\n- **Accessibles** : vous pouvez vous rendre aux soins et les payer. Dans la plupart des programmes nationaux, les tests et les médicaments contre la tuberculose sont gratuits.\n- **Acceptables** : le personnel vous traite avec respect, dans une langue que vous comprenez.\n- **De bonne qualité** : vous recevez les tests et le traitement recommandés aujourd'hui.\n\nSi l'un de ces points manque, vous pouvez le signaler dans cette application.",
      },
      pt: {
        title: "O seu direito à saúde",
        summary: "Os cuidados da tuberculose devem estar disponíveis, ser acessíveis, respeitosos e de boa qualidade.",
        body: "Todas as pessoas têm direito ao melhor estado de saúde possível. Na tuberculose isto significa:\n\n- **Disponíveis**: os testes e medicamentos existem na sua unidade de saúde.\n- **Acessíveis**: consegue chegar aos cuidados e pagá-los. Na maioria dos programas nacionais, os testes e medicamentos da tuberculose são gratuitos.\n- **Aceitáveis**: os profissionais tratam-no com respeito, numa língua que compreende.\n- **De boa qualidade**: recebe os testes e o tratamento recomendados atualmente.\n\nSe faltar algum destes pontos, pode comunicá-lo nesta aplicação.",
      },
      ru: {
        title: "Ваше право на здоровье",
        summary: "Помощь при туберкулёзе должна быть доступной, бесплатной или недорогой, уважительной и качественной.",
        body: "Каждый человек имеет право на наивысший достижимый уровень здоровья. При туберкулёзе это значит:\n\n- **Наличие**: анализы и лекарства есть в вашей клинике.\n- **Доступность**: вы можете добраться до помощи и оплатить её. В большинстве национальных программ анализы и лекарства от туберкулёза бесплатны.\n- **Приемлемость**: персонал относится к вам с уважением и говорит на понятном вам языке.\n- **Качество**: вы получаете анализы и лечение, которые рекомендуются сегодня.\n\nЕсли чего-то из этого нет, вы можете сообщить об этом в приложении.",
      },
    },
  },
  {
    kind: "rights",
    slug: "freedom-from-discrimination",
    tags: ["rights.discrimination", "stigma"],
    t: {
      en: {
        title: "Freedom from discrimination",
        summary: "No one may refuse you care, work or school because you have or had TB.",
        body: "Having TB, or having had it, is not a reason to treat you worse than others.\n\n- A clinic may not refuse to treat you or make you wait last because of TB.\n- An employer may not dismiss you because you have TB. People on effective treatment can usually go back to work or school when their health worker says so.\n- Your family, landlord or school should not exclude you.\n\nDiscrimination is often linked to other things too: being a woman, a migrant, living with HIV, using drugs or being in prison. You have the same rights.",
      },
      fr: {
        title: "Le droit de ne pas être discriminé",
        summary:
          "Personne ne peut vous refuser des soins, un travail ou l'école parce que vous avez ou avez eu la tuberculose.",
        body: "Avoir la tuberculose, ou l'avoir eue, n'est pas une raison de vous traiter moins bien que les autres.\n\n- Un centre de santé ne peut pas refuser de vous soigner ni vous faire passer en dernier à cause de la tuberculose.\n- Un employeur ne peut pas vous licencier parce que vous avez la tuberculose. Les personnes sous traitement efficace peuvent en général reprendre le travail ou l'école quand leur soignant le dit.\n- Votre famille, votre propriétaire ou votre école ne doivent pas vous exclure.\n\nLa discrimination est souvent liée à d'autres choses : être une femme, migrant, vivre avec le VIH, consommer des drogues ou être en prison. Vous avez les mêmes droits.",
      },
      pt: {
        title: "Direito a não ser discriminado",
        summary: "Ninguém lhe pode recusar cuidados, trabalho ou escola por ter ou ter tido tuberculose.",
        body: "Ter tuberculose, ou ter tido, não é motivo para ser tratado pior do que os outros.\n\n- Uma unidade de saúde não pode recusar tratá-lo nem deixá-lo sempre para o fim por causa da tuberculose.\n- Um empregador não o pode despedir por ter tuberculose. Quem faz tratamento eficaz pode em geral voltar ao trabalho ou à escola quando o profissional de saúde o disser.\n- A sua família, o senhorio ou a escola não o devem excluir.\n\nA discriminação está muitas vezes ligada a outras coisas: ser mulher, migrante, viver com VIH, usar drogas ou estar preso. Tem os mesmos direitos.",
      },
      ru: {
        title: "Свобода от дискриминации",
        summary:
          "Никто не может отказать вам в помощи, работе или учёбе из-за того, что у вас есть или был туберкулёз.",
        body: "Туберкулёз сейчас или в прошлом — не причина относиться к вам хуже, чем к другим.\n\n- Клиника не может отказать вам в лечении или заставлять ждать дольше всех из-за туберкулёза.\n- Работодатель не может уволить вас из-за туберкулёза. Люди на эффективном лечении обычно могут вернуться на работу или учёбу, когда это разрешит врач.\n- Семья, арендодатель или школа не должны вас исключать.\n\nДискриминация часто связана и с другим: если вы женщина, мигрант, живёте с ВИЧ, употребляете наркотики или находитесь в местах лишения свободы. У вас те же права.",
      },
    },
  },
  {
    kind: "rights",
    slug: "privacy-and-confidentiality",
    tags: ["rights.privacy", "stigma.health_care"],
    t: {
      en: {
        title: "Privacy and confidentiality",
        summary:
          "Your health information belongs to you. It is shared only with the people caring for you, or with your consent.",
        body: "- Health workers must keep your TB diagnosis confidential.\n- They may not tell your employer, neighbours or family without your agreement.\n- You can ask to be seen in private and to have your records kept safely.\n\nReports you make in this app are handled in confidence too: you can report without giving your name.",
      },
      fr: {
        title: "Vie privée et confidentialité",
        summary:
          "Vos informations de santé vous appartiennent. Elles ne sont partagées qu'avec ceux qui vous soignent, ou avec votre accord.",
        body: "- Les soignants doivent garder votre diagnostic de tuberculose confidentiel.\n- Ils ne peuvent pas en parler à votre employeur, à vos voisins ou à votre famille sans votre accord.\n- Vous pouvez demander à être reçu en privé et que votre dossier soit conservé en sécurité.\n\nLes signalements faits dans cette application sont aussi traités en toute confidentialité : vous pouvez signaler sans donner votre nom.",
      },
      pt: {
        title: "Privacidade e confidencialidade",
        summary:
          "A sua informação de saúde pertence-lhe. Só é partilhada com quem cuida de si, ou com o seu consentimento.",
        body: "- Os profissionais de saúde devem manter confidencial o seu diagnóstico de tuberculose.\n- Não podem contar ao seu empregador, vizinhos ou família sem o seu acordo.\n- Pode pedir para ser atendido em privado e que o seu processo seja guardado com segurança.\n\nAs comunicações feitas nesta aplicação também são tratadas com confidencialidade: pode comunicar sem dar o seu nome.",
      },
      ru: {
        title: "Частная жизнь и конфиденциальность",
        summary:
          "Сведения о вашем здоровье принадлежат вам. Их знают только те, кто вас лечит, или те, кому вы разрешили.",
        body: "- Медицинские работники обязаны хранить ваш диагноз в тайне.\n- Они не могут сообщать о нём вашему работодателю, соседям или родственникам без вашего согласия.\n- Вы можете попросить принять вас наедине и надёжно хранить вашу карту.\n\nСообщения в этом приложении тоже конфиденциальны: можно сообщить о проблеме, не называя имени.",
      },
    },
  },
  {
    kind: "rights",
    slug: "informed-consent",
    tags: ["rights.health", "health_services.quality"],
    t: {
      en: {
        title: "Informed consent",
        summary: "You have the right to understand a test or treatment and to agree to it before it starts.",
        body: "Before a test or treatment, a health worker should explain in words you understand:\n\n1. what it is for and how it is done;\n2. how long treatment lasts and what side effects can happen;\n3. what other options there are.\n\nYou can ask questions, ask for a person you trust to be with you, and take time to decide.",
      },
      fr: {
        title: "Consentement éclairé",
        summary: "Vous avez le droit de comprendre un test ou un traitement et d'y consentir avant qu'il commence.",
        body: "Avant un test ou un traitement, un soignant doit vous expliquer avec des mots que vous comprenez :\n\n1. à quoi il sert et comment il se fait ;\n2. combien de temps dure le traitement et quels effets indésirables peuvent survenir ;\n3. quelles autres possibilités existent.\n\nVous pouvez poser des questions, demander qu'une personne de confiance vous accompagne et prendre le temps de décider.",
      },
      pt: {
        title: "Consentimento informado",
        summary: "Tem o direito de compreender um teste ou tratamento e de concordar antes de começar.",
        body: "Antes de um teste ou tratamento, um profissional de saúde deve explicar-lhe com palavras que compreende:\n\n1. para que serve e como se faz;\n2. quanto tempo dura o tratamento e que efeitos secundários podem acontecer;\n3. que outras opções existem.\n\nPode fazer perguntas, pedir que uma pessoa de confiança o acompanhe e ter tempo para decidir.",
      },
      ru: {
        title: "Информированное согласие",
        summary: "Вы вправе понять, что за анализ или лечение вам предлагают, и дать согласие до начала.",
        body: "Перед анализом или лечением медицинский работник должен понятными словами объяснить:\n\n1. зачем это нужно и как проводится;\n2. сколько длится лечение и какие бывают побочные эффекты;\n3. какие есть другие варианты.\n\nВы можете задавать вопросы, попросить, чтобы рядом был человек, которому вы доверяете, и взять время на решение.",
      },
    },
  },
  {
    kind: "rights",
    slug: "when-a-right-is-denied",
    tags: ["rights"],
    t: {
      en: {
        title: "What to do when a right is denied",
        summary: "Write down what happened, report it here, and ask for support.",
        body: "1. **Write down** what happened: the date, the place and, if you can, who was involved.\n2. **Report it** in this app under *Report a problem*. You can stay anonymous. You get a code to follow your report.\n3. **Ask for support**: a peer supporter or a legal aid service can help you. See *Near me* for services close to you.\n\nResponders look at every report. Patterns across many reports are shown to the TB programme so that they get fixed.",
      },
      fr: {
        title: "Que faire quand un droit n'est pas respecté",
        summary: "Notez ce qui s'est passé, signalez-le ici et demandez du soutien.",
        body: "1. **Notez** ce qui s'est passé : la date, le lieu et, si possible, les personnes concernées.\n2. **Signalez-le** dans cette application, sous *Signaler un problème*. Vous pouvez rester anonyme. Vous recevez un code pour suivre votre signalement.\n3. **Demandez du soutien** : un pair aidant ou un service d'aide juridique peut vous aider. Voir *Près de chez moi* pour les services proches.\n\nDes répondants examinent chaque signalement. Les tendances sont montrées au programme tuberculose pour que les problèmes soient corrigés.",
      },
      pt: {
        title: "O que fazer quando um direito não é respeitado",
        summary: "Anote o que aconteceu, comunique-o aqui e peça apoio.",
        body: "1. **Anote** o que aconteceu: a data, o local e, se puder, quem esteve envolvido.\n2. **Comunique-o** nesta aplicação, em *Comunicar um problema*. Pode ficar anónimo. Recebe um código para acompanhar a sua comunicação.\n3. **Peça apoio**: um educador de pares ou um serviço de apoio jurídico pode ajudá-lo. Veja *Perto de mim* para serviços próximos.\n\nHá quem analise cada comunicação. As tendências são mostradas ao programa da tuberculose para que os problemas sejam resolvidos.",
      },
      ru: {
        title: "Что делать, если ваше право нарушено",
        summary: "Запишите, что произошло, сообщите об этом здесь и попросите поддержки.",
        body: "1. **Запишите**, что произошло: дату, место и, если можете, кто был причастен.\n2. **Сообщите** об этом в приложении в разделе *Сообщить о проблеме*. Можно не называть себя. Вы получите код, чтобы следить за сообщением.\n3. **Попросите поддержки**: помочь может равный консультант или служба юридической помощи. Ближайшие службы — в разделе *Рядом со мной*.\n\nКаждое сообщение рассматривают. Повторяющиеся проблемы показывают программе по борьбе с туберкулёзом, чтобы их устранили.",
      },
    },
  },
  {
    kind: "rights",
    slug: "legal-aid",
    tags: ["support_services.legal_aid", "rights"],
    t: {
      en: {
        title: "Legal aid",
        summary: "Free legal advice can help when you lose a job, are refused care or your privacy is broken.",
        body: "Legal aid services and some NGOs give free advice to people affected by TB. They can:\n\n- explain your rights in your situation;\n- help you write a complaint;\n- go with you to talk to an employer, a clinic or an official.\n\nIn this app, *Near me* lists legal aid services. When you report a problem you can also ask to be contacted.",
      },
      fr: {
        title: "Aide juridique",
        summary:
          "Des conseils juridiques gratuits peuvent aider si vous perdez votre emploi, si on vous refuse des soins ou si votre vie privée n'est pas respectée.",
        body: "Des services d'aide juridique et certaines ONG conseillent gratuitement les personnes touchées par la tuberculose. Ils peuvent :\n\n- expliquer vos droits dans votre situation ;\n- vous aider à écrire une plainte ;\n- vous accompagner auprès d'un employeur, d'un centre de santé ou d'une administration.\n\nDans cette application, *Près de chez moi* indique les services d'aide juridique. En signalant un problème, vous pouvez aussi demander à être contacté.",
      },
      pt: {
        title: "Apoio jurídico",
        summary:
          "Aconselhamento jurídico gratuito pode ajudar se perder o emprego, lhe recusarem cuidados ou a sua privacidade não for respeitada.",
        body: "Serviços de apoio jurídico e algumas ONG aconselham gratuitamente pessoas afetadas pela tuberculose. Podem:\n\n- explicar os seus direitos na sua situação;\n- ajudá-lo a escrever uma queixa;\n- acompanhá-lo junto de um empregador, de uma unidade de saúde ou de um serviço público.\n\nNesta aplicação, *Perto de mim* mostra os serviços de apoio jurídico. Ao comunicar um problema, também pode pedir para ser contactado.",
      },
      ru: {
        title: "Юридическая помощь",
        summary:
          "Бесплатная юридическая консультация поможет, если вас уволили, отказали в помощи или нарушили вашу тайну.",
        body: "Службы юридической помощи и некоторые НКО бесплатно консультируют людей, затронутых туберкулёзом. Они могут:\n\n- объяснить ваши права в вашей ситуации;\n- помочь написать жалобу;\n- пойти с вами к работодателю, в клинику или к чиновнику.\n\nВ приложении службы юридической помощи есть в разделе *Рядом со мной*. Сообщая о проблеме, можно также попросить связаться с вами.",
      },
    },
  },
  // ------------------------------------------------------------- information
  {
    kind: "information",
    slug: "tb-symptoms",
    tags: ["health_services"],
    t: {
      en: {
        title: "Signs of TB",
        summary: "A cough for two weeks or more, fever, night sweats and weight loss can be signs of TB.",
        body: "TB usually affects the lungs. Common signs are:\n\n- a cough that lasts **two weeks or more**, sometimes with blood;\n- fever and sweating at night;\n- losing weight without trying;\n- feeling very tired, chest pain.\n\nTB can be cured. If you have these signs, go to a clinic and ask for a TB test. Children and people living with HIV may have fewer or different signs.",
      },
      fr: {
        title: "Les signes de la tuberculose",
        summary:
          "Une toux de deux semaines ou plus, de la fièvre, des sueurs nocturnes et une perte de poids peuvent être des signes de tuberculose.",
        body: "La tuberculose touche le plus souvent les poumons. Les signes fréquents sont :\n\n- une toux qui dure **deux semaines ou plus**, parfois avec du sang ;\n- de la fièvre et des sueurs la nuit ;\n- une perte de poids sans raison ;\n- une grande fatigue, une douleur dans la poitrine.\n\nLa tuberculose se guérit. Si vous avez ces signes, allez dans un centre de santé et demandez un test. Les enfants et les personnes vivant avec le VIH peuvent avoir moins de signes, ou d'autres.",
      },
      pt: {
        title: "Sinais de tuberculose",
        summary:
          "Tosse durante duas semanas ou mais, febre, suores noturnos e perda de peso podem ser sinais de tuberculose.",
        body: "A tuberculose afeta sobretudo os pulmões. Os sinais mais comuns são:\n\n- tosse que dura **duas semanas ou mais**, por vezes com sangue;\n- febre e suores à noite;\n- perda de peso sem razão;\n- muito cansaço, dor no peito.\n\nA tuberculose tem cura. Se tiver estes sinais, vá a uma unidade de saúde e peça um teste. Crianças e pessoas que vivem com VIH podem ter menos sinais, ou sinais diferentes.",
      },
      ru: {
        title: "Признаки туберкулёза",
        summary:
          "Кашель две недели и дольше, температура, ночная потливость и потеря веса могут быть признаками туберкулёза.",
        body: "Туберкулёз чаще всего поражает лёгкие. Частые признаки:\n\n- кашель **две недели и дольше**, иногда с кровью;\n- температура и потливость по ночам;\n- потеря веса без причины;\n- сильная усталость, боль в груди.\n\nТуберкулёз излечим. Если у вас есть эти признаки, обратитесь в клинику и попросите анализ на туберкулёз. У детей и людей с ВИЧ признаков может быть меньше или они другие.",
      },
    },
  },
  {
    kind: "information",
    slug: "tb-testing",
    tags: ["health_services.availability"],
    t: {
      en: {
        title: "Getting tested",
        summary: "A rapid molecular test on a sputum sample can find TB and drug resistance within hours.",
        body: "The World Health Organization recommends a **rapid molecular test** as the first test for TB. It usually uses a sample of sputum (the mucus you cough up) and also shows whether the TB resists rifampicin, a main TB medicine.\n\nA chest X-ray can help find people who need a test. Children may be tested with other samples, such as stool.\n\nAsk for your result and what it means. Testing for TB is free in most national programmes.",
      },
      fr: {
        title: "Se faire tester",
        summary:
          "Un test moléculaire rapide sur un échantillon de crachat peut trouver la tuberculose et la résistance aux médicaments en quelques heures.",
        body: "L'Organisation mondiale de la santé recommande un **test moléculaire rapide** comme premier test de la tuberculose. Il utilise le plus souvent un échantillon de crachat (ce que vous crachez en toussant) et montre aussi si la tuberculose résiste à la rifampicine, un médicament principal.\n\nUne radiographie du thorax peut aider à trouver les personnes à tester. Chez l'enfant, on peut tester d'autres échantillons, comme les selles.\n\nDemandez votre résultat et ce qu'il signifie. Le test est gratuit dans la plupart des programmes nationaux.",
      },
      pt: {
        title: "Fazer o teste",
        summary:
          "Um teste molecular rápido numa amostra de expetoração pode detetar a tuberculose e a resistência aos medicamentos em poucas horas.",
        body: "A Organização Mundial da Saúde recomenda um **teste molecular rápido** como primeiro teste da tuberculose. Usa normalmente uma amostra de expetoração (o que sai quando tosse) e mostra também se a tuberculose é resistente à rifampicina, um dos principais medicamentos.\n\nUma radiografia do tórax ajuda a encontrar quem precisa de teste. Nas crianças podem usar-se outras amostras, como fezes.\n\nPeça o seu resultado e o que significa. O teste é gratuito na maioria dos programas nacionais.",
      },
      ru: {
        title: "Как пройти обследование",
        summary:
          "Быстрый молекулярный тест мокроты за несколько часов выявляет туберкулёз и устойчивость к лекарствам.",
        body: "Всемирная организация здравоохранения рекомендует **быстрый молекулярный тест** как первый анализ на туберкулёз. Обычно исследуют мокроту (то, что отходит при кашле); тест также показывает, устойчив ли туберкулёз к рифампицину, одному из главных препаратов.\n\nРентген грудной клетки помогает найти тех, кому нужен анализ. У детей могут исследовать другие образцы, например кал.\n\nСпросите свой результат и что он значит. В большинстве национальных программ анализ бесплатный.",
      },
    },
  },
  {
    kind: "information",
    slug: "tb-treatment",
    tags: ["health_services"],
    t: {
      en: {
        title: "Treatment and how long it lasts",
        summary: "TB is cured with several medicines taken every day, usually for 4 to 6 months.",
        body: "- The usual treatment for TB that is not drug-resistant lasts **6 months**: four medicines for 2 months, then two medicines for 4 months.\n- Shorter **4-month** treatments are recommended for some people, for example children with non-severe TB.\n- Take every dose, even when you feel better. Stopping early can make TB come back and become drug-resistant.\n\nAsk your health worker for a treatment supporter or reminders if you need them.",
      },
      fr: {
        title: "Le traitement et sa durée",
        summary: "La tuberculose se guérit avec plusieurs médicaments pris chaque jour, en général pendant 4 à 6 mois.",
        body: "- Le traitement habituel de la tuberculose non résistante dure **6 mois** : quatre médicaments pendant 2 mois, puis deux médicaments pendant 4 mois.\n- Des traitements plus courts, de **4 mois**, sont recommandés pour certaines personnes, par exemple les enfants dont la tuberculose n'est pas grave.\n- Prenez chaque dose, même quand vous vous sentez mieux. Arrêter trop tôt peut faire revenir la tuberculose et la rendre résistante.\n\nDemandez à votre soignant un accompagnant de traitement ou des rappels si besoin.",
      },
      pt: {
        title: "O tratamento e a sua duração",
        summary:
          "A tuberculose cura-se com vários medicamentos tomados todos os dias, normalmente durante 4 a 6 meses.",
        body: "- O tratamento habitual da tuberculose não resistente dura **6 meses**: quatro medicamentos durante 2 meses, depois dois medicamentos durante 4 meses.\n- Tratamentos mais curtos, de **4 meses**, são recomendados para algumas pessoas, por exemplo crianças com tuberculose não grave.\n- Tome todas as doses, mesmo quando se sentir melhor. Parar cedo pode fazer a tuberculose voltar e tornar-se resistente.\n\nPeça ao profissional de saúde um apoiante de tratamento ou lembretes, se precisar.",
      },
      ru: {
        title: "Лечение и его длительность",
        summary: "Туберкулёз излечивают несколькими лекарствами, которые принимают каждый день, обычно 4–6 месяцев.",
        body: "- Обычное лечение туберкулёза без лекарственной устойчивости длится **6 месяцев**: четыре препарата 2 месяца, затем два препарата 4 месяца.\n- Для некоторых людей, например детей с нетяжёлым туберкулёзом, рекомендуют более короткое лечение — **4 месяца**.\n- Принимайте каждую дозу, даже когда станет лучше. Если прекратить раньше, болезнь может вернуться и стать устойчивой к лекарствам.\n\nЕсли нужно, попросите врача о помощнике по лечению или напоминаниях.",
      },
    },
  },
  {
    kind: "information",
    slug: "side-effects",
    tags: ["health_services.quality"],
    t: {
      en: {
        title: "Side effects and what to do",
        summary: "Most side effects are mild. Some need a health worker at once. Never stop treatment on your own.",
        body: "**Common and usually mild**: feeling sick, less appetite, joint pain. Taking medicines with a little food may help. Orange or red urine and tears are normal with rifampicin.\n\n**Tell your health worker soon**: tingling or burning in hands or feet (vitamin B6 can help), itching or a rash.\n\n**Go to a health worker at once**: yellow eyes or skin, dark urine, vomiting again and again, changes in your eyesight, a severe rash.\n\nDo not stop your medicines on your own: your health worker can change the treatment safely. If side effects are not taken seriously, you can report it here.",
      },
      fr: {
        title: "Effets indésirables : que faire",
        summary:
          "La plupart des effets indésirables sont légers. Certains demandent de voir un soignant tout de suite. N'arrêtez jamais le traitement seul.",
        body: "**Fréquents et en général légers** : nausées, moins d'appétit, douleurs articulaires. Prendre les médicaments avec un peu de nourriture peut aider. Des urines et des larmes orange ou rouges sont normales avec la rifampicine.\n\n**À signaler bientôt à votre soignant** : picotements ou brûlures dans les mains ou les pieds (la vitamine B6 peut aider), démangeaisons ou boutons.\n\n**Voir un soignant tout de suite** : yeux ou peau jaunes, urines foncées, vomissements répétés, changement de la vue, éruption grave.\n\nN'arrêtez pas vos médicaments seul : votre soignant peut modifier le traitement sans danger. Si vos effets indésirables ne sont pas pris au sérieux, vous pouvez le signaler ici.",
      },
      pt: {
        title: "Efeitos secundários: o que fazer",
        summary:
          "A maioria dos efeitos secundários é ligeira. Alguns exigem ir logo a um profissional de saúde. Nunca pare o tratamento por conta própria.",
        body: "**Frequentes e normalmente ligeiros**: enjoo, menos apetite, dores nas articulações. Tomar os medicamentos com um pouco de comida pode ajudar. Urina e lágrimas cor de laranja ou vermelhas são normais com a rifampicina.\n\n**Diga em breve ao profissional de saúde**: formigueiro ou ardor nas mãos ou nos pés (a vitamina B6 pode ajudar), comichão ou manchas na pele.\n\n**Vá logo a um profissional de saúde**: olhos ou pele amarelos, urina escura, vómitos repetidos, alterações da visão, erupção grave na pele.\n\nNão pare os medicamentos por conta própria: o profissional de saúde pode mudar o tratamento com segurança. Se os seus efeitos secundários não forem levados a sério, pode comunicá-lo aqui.",
      },
      ru: {
        title: "Побочные эффекты: что делать",
        summary:
          "Большинство побочных эффектов лёгкие. При некоторых нужно сразу к врачу. Никогда не прекращайте лечение сами.",
        body: "**Частые и обычно лёгкие**: тошнота, плохой аппетит, боли в суставах. Может помочь приём лекарств с небольшим количеством еды. Оранжевая или красная моча и слёзы при приёме рифампицина — это нормально.\n\n**Скоро скажите врачу**: покалывание или жжение в руках или ногах (может помочь витамин B6), зуд или сыпь.\n\n**Сразу обратитесь к врачу**: жёлтые глаза или кожа, тёмная моча, повторная рвота, изменения зрения, сильная сыпь.\n\nНе прекращайте приём лекарств сами: врач может безопасно изменить лечение. Если к вашим побочным эффектам не относятся серьёзно, сообщите об этом здесь.",
      },
    },
  },
  {
    kind: "information",
    slug: "drug-resistant-tb",
    tags: ["health_services"],
    t: {
      en: {
        title: "Drug-resistant TB",
        summary:
          "Drug-resistant TB can be cured too. Newer treatments are shorter, often 6 months, and taken as tablets.",
        body: "TB is drug-resistant when the main medicines no longer work against it. It can be passed to others or develop when treatment is interrupted.\n\n- It is found with the same rapid tests and further tests in the laboratory.\n- The World Health Organization recommends a **6-month treatment of four medicines taken by mouth** (BPaLM) for many people aged 14 and over. Others receive treatments of 9 months or longer.\n- Support with food, travel and side effects helps people finish treatment.\n\nDrug-resistant TB is curable.",
      },
      fr: {
        title: "La tuberculose résistante",
        summary:
          "La tuberculose résistante se guérit aussi. Les nouveaux traitements sont plus courts, souvent 6 mois, et se prennent en comprimés.",
        body: "La tuberculose est résistante quand les médicaments principaux n'agissent plus contre elle. Elle peut se transmettre, ou apparaître quand un traitement est interrompu.\n\n- On la trouve avec les mêmes tests rapides et d'autres tests au laboratoire.\n- L'Organisation mondiale de la santé recommande un **traitement de 6 mois par quatre médicaments pris par la bouche** (BPaLM) pour beaucoup de personnes de 14 ans et plus. D'autres reçoivent des traitements de 9 mois ou plus.\n- Un soutien pour la nourriture, les trajets et les effets indésirables aide à aller au bout du traitement.\n\nLa tuberculose résistante se guérit.",
      },
      pt: {
        title: "Tuberculose resistente",
        summary:
          "A tuberculose resistente também tem cura. Os tratamentos mais recentes são mais curtos, muitas vezes 6 meses, e tomam-se em comprimidos.",
        body: "A tuberculose é resistente quando os principais medicamentos já não atuam contra ela. Pode ser transmitida, ou surgir quando o tratamento é interrompido.\n\n- Deteta-se com os mesmos testes rápidos e outros testes de laboratório.\n- A Organização Mundial da Saúde recomenda um **tratamento de 6 meses com quatro medicamentos tomados por via oral** (BPaLM) para muitas pessoas com 14 anos ou mais. Outras fazem tratamentos de 9 meses ou mais.\n- Apoio com alimentação, transporte e efeitos secundários ajuda a terminar o tratamento.\n\nA tuberculose resistente tem cura.",
      },
      ru: {
        title: "Лекарственно-устойчивый туберкулёз",
        summary: "Устойчивый туберкулёз тоже излечим. Новые схемы короче, часто 6 месяцев, и принимаются в таблетках.",
        body: "Туберкулёз называют устойчивым, когда основные лекарства на него больше не действуют. Им можно заразиться, или он появляется, когда лечение прерывают.\n\n- Его выявляют теми же быстрыми тестами и дополнительными анализами в лаборатории.\n- Всемирная организация здравоохранения рекомендует **6-месячное лечение четырьмя препаратами внутрь** (BPaLM) для многих людей от 14 лет. Другим назначают схемы на 9 месяцев и дольше.\n- Поддержка с питанием, дорогой и побочными эффектами помогает завершить лечение.\n\nУстойчивый туберкулёз излечим.",
      },
    },
  },
  {
    kind: "information",
    slug: "preventive-treatment",
    tags: ["health_services"],
    t: {
      en: {
        title: "Preventive treatment",
        summary: "People at high risk can take short treatment that stops TB infection from becoming TB disease.",
        body: "Some people carry TB infection without being ill. Preventive treatment lowers the chance that it turns into TB disease.\n\nIt is offered especially to people living with HIV and to household contacts of someone with TB, once a health worker has checked that they do not have TB disease.\n\nShort options recommended by the World Health Organization include **3 months** of a weekly dose of two medicines, or **1 month** of daily doses. Longer options last 6 months.",
      },
      fr: {
        title: "Le traitement préventif",
        summary:
          "Les personnes à haut risque peuvent prendre un traitement court qui empêche l'infection tuberculeuse de devenir une maladie.",
        body: "Certaines personnes portent l'infection tuberculeuse sans être malades. Le traitement préventif réduit le risque qu'elle devienne une tuberculose maladie.\n\nIl est proposé surtout aux personnes vivant avec le VIH et aux contacts familiaux d'une personne ayant la tuberculose, après qu'un soignant a vérifié qu'elles n'ont pas la maladie.\n\nParmi les options courtes recommandées par l'Organisation mondiale de la santé : **3 mois** d'une dose par semaine de deux médicaments, ou **1 mois** de doses quotidiennes. Des options plus longues durent 6 mois.",
      },
      pt: {
        title: "Tratamento preventivo",
        summary: "Pessoas com risco elevado podem fazer um tratamento curto que impede a infeção de se tornar doença.",
        body: "Algumas pessoas têm infeção por tuberculose sem estarem doentes. O tratamento preventivo reduz a probabilidade de a infeção se tornar doença.\n\nÉ oferecido sobretudo a pessoas que vivem com VIH e aos contactos de casa de alguém com tuberculose, depois de um profissional de saúde verificar que não têm a doença.\n\nEntre as opções curtas recomendadas pela Organização Mundial da Saúde estão **3 meses** de uma dose semanal de dois medicamentos, ou **1 mês** de doses diárias. Opções mais longas duram 6 meses.",
      },
      ru: {
        title: "Профилактическое лечение",
        summary: "Людям с высоким риском предлагают короткое лечение, которое не даёт инфекции перейти в болезнь.",
        body: "Некоторые люди инфицированы туберкулёзом, но не больны. Профилактическое лечение снижает вероятность того, что инфекция перейдёт в болезнь.\n\nЕго предлагают прежде всего людям с ВИЧ и тем, кто живёт вместе с больным туберкулёзом, — после того как врач убедится, что у них нет болезни.\n\nСреди коротких схем, рекомендованных Всемирной организацией здравоохранения, — **3 месяца** приёма двух препаратов раз в неделю или **1 месяц** ежедневного приёма. Более длинные схемы длятся 6 месяцев.",
      },
    },
  },
  {
    kind: "information",
    slug: "household-contacts",
    tags: ["health_services.accessibility", "stigma.family_community"],
    t: {
      en: {
        title: "Family and household contacts",
        summary: "People you live with should be checked for TB; children under 5 need special attention.",
        body: "TB spreads through the air when a person with TB of the lungs coughs, speaks or sings.\n\n- Everyone living with you should be **checked for TB**, especially children under 5 and people living with HIV.\n- Those without TB disease may be offered preventive treatment.\n- Open windows and cover your mouth when you cough. After some weeks of effective treatment, a person is much less likely to pass TB on.\n\nYou do not need separate plates or cups: TB does not spread that way.",
      },
      fr: {
        title: "La famille et les contacts du foyer",
        summary:
          "Les personnes qui vivent avec vous doivent être examinées ; les enfants de moins de 5 ans demandent une attention particulière.",
        body: "La tuberculose se transmet par l'air quand une personne ayant la tuberculose des poumons tousse, parle ou chante.\n\n- Toutes les personnes qui vivent avec vous doivent être **examinées pour la tuberculose**, surtout les enfants de moins de 5 ans et les personnes vivant avec le VIH.\n- Celles qui n'ont pas la maladie peuvent recevoir un traitement préventif.\n- Aérez et couvrez votre bouche quand vous toussez. Après quelques semaines de traitement efficace, une personne transmet beaucoup moins la tuberculose.\n\nInutile d'avoir des assiettes ou des verres à part : la tuberculose ne se transmet pas ainsi.",
      },
      pt: {
        title: "Família e contactos de casa",
        summary:
          "As pessoas que vivem consigo devem ser observadas; as crianças com menos de 5 anos precisam de atenção especial.",
        body: "A tuberculose transmite-se pelo ar quando uma pessoa com tuberculose pulmonar tosse, fala ou canta.\n\n- Todas as pessoas que vivem consigo devem ser **observadas para a tuberculose**, sobretudo crianças com menos de 5 anos e pessoas que vivem com VIH.\n- Quem não tiver a doença pode receber tratamento preventivo.\n- Abra as janelas e tape a boca ao tossir. Após algumas semanas de tratamento eficaz, a pessoa transmite muito menos a tuberculose.\n\nNão são precisos pratos nem copos separados: a tuberculose não se transmite assim.",
      },
      ru: {
        title: "Семья и те, кто живёт с вами",
        summary: "Тех, кто живёт с вами, нужно обследовать на туберкулёз; особое внимание — детям до 5 лет.",
        body: "Туберкулёз передаётся по воздуху, когда человек с туберкулёзом лёгких кашляет, говорит или поёт.\n\n- Всех, кто живёт с вами, нужно **обследовать на туберкулёз**, особенно детей до 5 лет и людей с ВИЧ.\n- Тем, у кого нет болезни, могут предложить профилактическое лечение.\n- Проветривайте помещение и прикрывайте рот при кашле. Через несколько недель эффективного лечения человек гораздо реже заражает других.\n\nОтдельная посуда не нужна: так туберкулёз не передаётся.",
      },
    },
  },
  {
    kind: "information",
    slug: "nutrition-and-support",
    tags: ["support_services.nutrition", "support_services.financial", "support_services.mental_health"],
    t: {
      en: {
        title: "Nutrition and support",
        summary: "Good food, money for travel and someone to talk to help people finish treatment.",
        body: "- **Food**: TB and its treatment take energy. Eat regular meals when you can. Ask whether your programme offers food support.\n- **Money**: many people lose income during TB. Ask about help with travel costs, cash support or social protection.\n- **Feelings**: worry and sadness are common. Talking with a peer supporter, a counsellor or a support group helps.\n\n*Near me* lists nutrition, social protection and psychosocial services.",
      },
      fr: {
        title: "Alimentation et soutien",
        summary: "Bien manger, de l'argent pour les trajets et quelqu'un à qui parler aident à terminer le traitement.",
        body: "- **Alimentation** : la tuberculose et son traitement demandent de l'énergie. Mangez régulièrement quand vous le pouvez. Demandez si votre programme offre une aide alimentaire.\n- **Argent** : beaucoup de personnes perdent des revenus pendant la tuberculose. Renseignez-vous sur l'aide aux frais de transport, les aides financières ou la protection sociale.\n- **Moral** : l'inquiétude et la tristesse sont fréquentes. Parler avec un pair aidant, un conseiller ou un groupe de soutien aide.\n\n*Près de chez moi* indique les services d'alimentation, de protection sociale et de soutien psychologique.",
      },
      pt: {
        title: "Alimentação e apoio",
        summary: "Boa alimentação, dinheiro para transporte e alguém com quem falar ajudam a terminar o tratamento.",
        body: "- **Alimentação**: a tuberculose e o tratamento gastam energia. Faça refeições regulares quando puder. Pergunte se o seu programa oferece apoio alimentar.\n- **Dinheiro**: muitas pessoas perdem rendimento durante a tuberculose. Informe-se sobre ajuda com transporte, apoio em dinheiro ou proteção social.\n- **Sentimentos**: preocupação e tristeza são comuns. Falar com um educador de pares, um conselheiro ou um grupo de apoio ajuda.\n\n*Perto de mim* mostra serviços de nutrição, proteção social e apoio psicossocial.",
      },
      ru: {
        title: "Питание и поддержка",
        summary: "Хорошее питание, деньги на дорогу и возможность поговорить помогают завершить лечение.",
        body: "- **Питание**: болезнь и лечение требуют сил. Ешьте регулярно, когда можете. Спросите, есть ли в вашей программе продуктовая поддержка.\n- **Деньги**: многие теряют доход во время болезни. Узнайте о помощи с оплатой дороги, денежной поддержке или социальной защите.\n- **Чувства**: тревога и грусть — это нормально. Помогает разговор с равным консультантом, психологом или группой поддержки.\n\nВ разделе *Рядом со мной* есть службы питания, социальной защиты и психологической помощи.",
      },
    },
  },
  // -------------------------------------------------------------------- FAQs
  {
    kind: "faq",
    slug: "is-tb-curable",
    tags: [],
    t: {
      en: {
        title: "Can TB be cured?",
        summary: "Yes.",
        body: "Yes. TB, including drug-resistant TB, can be cured when the full treatment is taken.",
      },
      fr: {
        title: "La tuberculose se guérit-elle ?",
        summary: "Oui.",
        body: "Oui. La tuberculose, y compris résistante, se guérit quand le traitement est pris en entier.",
      },
      pt: {
        title: "A tuberculose tem cura?",
        summary: "Sim.",
        body: "Sim. A tuberculose, incluindo a resistente, tem cura quando o tratamento é feito até ao fim.",
      },
      ru: {
        title: "Излечим ли туберкулёз?",
        summary: "Да.",
        body: "Да. Туберкулёз, в том числе устойчивый, излечим, если пройти лечение полностью.",
      },
    },
  },
  {
    kind: "faq",
    slug: "missed-a-dose",
    tags: [],
    t: {
      en: {
        title: "What if I miss a dose?",
        summary: "Tell your health worker or treatment supporter.",
        body: "Tell your health worker or treatment supporter as soon as you can; they will tell you what to do. Do not take two doses at once to catch up.",
      },
      fr: {
        title: "Et si j'oublie une dose ?",
        summary: "Prévenez votre soignant ou votre accompagnant de traitement.",
        body: "Prévenez dès que possible votre soignant ou votre accompagnant de traitement : ils vous diront quoi faire. Ne prenez pas deux doses à la fois pour rattraper.",
      },
      pt: {
        title: "E se me esquecer de uma dose?",
        summary: "Diga ao profissional de saúde ou ao apoiante de tratamento.",
        body: "Diga o mais cedo possível ao profissional de saúde ou ao apoiante de tratamento: eles dizem-lhe o que fazer. Não tome duas doses de uma vez para compensar.",
      },
      ru: {
        title: "Что делать, если я пропустил дозу?",
        summary: "Скажите врачу или помощнику по лечению.",
        body: "Как можно скорее скажите врачу или помощнику по лечению — вам объяснят, что делать. Не принимайте две дозы сразу, чтобы наверстать.",
      },
    },
  },
  {
    kind: "faq",
    slug: "work-and-school",
    tags: ["stigma.employment", "stigma.education"],
    t: {
      en: {
        title: "Can I keep working or go to school?",
        summary: "Usually yes, once your health worker says you are no longer infectious.",
        body: "Usually yes. After some weeks of effective treatment most people can go back to work or school; your health worker will tell you when. Losing your job or place at school because of TB is discrimination: you can report it.",
      },
      fr: {
        title: "Puis-je continuer à travailler ou aller à l'école ?",
        summary: "En général oui, quand votre soignant dit que vous n'êtes plus contagieux.",
        body: "En général oui. Après quelques semaines de traitement efficace, la plupart des personnes peuvent reprendre le travail ou l'école ; votre soignant vous dira quand. Perdre son emploi ou sa place à l'école à cause de la tuberculose est une discrimination : vous pouvez le signaler.",
      },
      pt: {
        title: "Posso continuar a trabalhar ou ir à escola?",
        summary: "Normalmente sim, quando o profissional de saúde disser que já não é contagioso.",
        body: "Normalmente sim. Após algumas semanas de tratamento eficaz, a maioria das pessoas pode voltar ao trabalho ou à escola; o profissional de saúde diz-lhe quando. Perder o emprego ou o lugar na escola por causa da tuberculose é discriminação: pode comunicá-lo.",
      },
      ru: {
        title: "Можно ли мне работать или учиться?",
        summary: "Обычно да — когда врач скажет, что вы больше не заразны.",
        body: "Обычно да. Через несколько недель эффективного лечения большинство людей могут вернуться на работу или учёбу; когда именно — скажет врач. Потеря работы или места в школе из-за туберкулёза — это дискриминация: о ней можно сообщить.",
      },
    },
  },
  {
    kind: "faq",
    slug: "is-my-report-private",
    tags: ["rights.privacy"],
    t: {
      en: {
        title: "Who sees my report?",
        summary: "Only the responders who handle it. Public figures never show who reported.",
        body: "Only trained responders in your area read your report. You can report without your name. The figures shown to the public are counts, and small numbers are hidden so that no one can be recognised.",
      },
      fr: {
        title: "Qui voit mon signalement ?",
        summary: "Seuls les répondants qui le traitent. Les chiffres publics ne montrent jamais qui a signalé.",
        body: "Seuls des répondants formés de votre zone lisent votre signalement. Vous pouvez signaler sans donner votre nom. Les chiffres publics sont des comptages, et les petits nombres sont masqués pour que personne ne puisse être reconnu.",
      },
      pt: {
        title: "Quem vê a minha comunicação?",
        summary: "Só quem a trata. Os números públicos nunca mostram quem comunicou.",
        body: "Só profissionais formados da sua zona leem a sua comunicação. Pode comunicar sem dar o nome. Os números públicos são contagens, e os números pequenos são escondidos para que ninguém possa ser reconhecido.",
      },
      ru: {
        title: "Кто видит моё сообщение?",
        summary: "Только те, кто его рассматривает. Публичные цифры никогда не показывают, кто сообщил.",
        body: "Ваше сообщение читают только обученные специалисты вашего района. Можно сообщить, не называя имени. Публичные цифры — это количества, а маленькие числа скрываются, чтобы никого нельзя было узнать.",
      },
    },
  },
  // ----------------------------------------------------------- announcements
  {
    kind: "announcement",
    slug: "your-reports-are-being-resolved",
    tags: [],
    t: {
      en: {
        title: "Your reports are being resolved",
        summary: "Responders in Demoland are working through the problems you report.",
        body: "Every report is read by a responder. When a problem is fixed, the person who reported it is asked to confirm. Thank you for reporting: it is how problems get noticed and fixed.",
      },
      fr: {
        title: "Vos signalements sont résolus",
        summary: "Les répondants de Demoland traitent les problèmes que vous signalez.",
        body: "Chaque signalement est lu par un répondant. Quand un problème est réglé, la personne qui l'a signalé est invitée à le confirmer. Merci de signaler : c'est ainsi que les problèmes sont vus et corrigés.",
      },
      pt: {
        title: "As suas comunicações estão a ser resolvidas",
        summary: "Os profissionais em Demoland estão a tratar os problemas que comunica.",
        body: "Cada comunicação é lida por um profissional. Quando um problema é resolvido, quem o comunicou é convidado a confirmar. Obrigado por comunicar: é assim que os problemas são vistos e resolvidos.",
      },
      ru: {
        title: "Ваши сообщения решаются",
        summary: "Специалисты в Демоленде разбирают проблемы, о которых вы сообщаете.",
        body: "Каждое сообщение читает специалист. Когда проблема решена, автора сообщения просят это подтвердить. Спасибо, что сообщаете: так проблемы замечают и устраняют.",
      },
    },
    figure: {
      label: {
        en: "Reports resolved this year",
        fr: "Signalements résolus cette année",
        pt: "Comunicações resolvidas este ano",
        ru: "Решённых сообщений в этом году",
      },
    },
  },
  {
    kind: "announcement",
    slug: "medicines-are-free",
    tags: ["health_services.accessibility"],
    t: {
      en: {
        title: "Reminder: TB medicines are free",
        summary: "Several reports said people were asked to pay for TB medicines. They are free.",
        body: "Several of you reported being asked to pay for TB medicines. In Demoland's programme TB tests and medicines are free at public clinics. If you are asked to pay, report it here: responders follow it up with the clinic.",
      },
      fr: {
        title: "Rappel : les médicaments contre la tuberculose sont gratuits",
        summary: "Plusieurs signalements disent qu'on a demandé de payer les médicaments. Ils sont gratuits.",
        body: "Plusieurs d'entre vous ont signalé qu'on leur demandait de payer les médicaments contre la tuberculose. Dans le programme de Demoland, les tests et les médicaments sont gratuits dans les centres publics. Si on vous demande de payer, signalez-le ici : les répondants en parlent avec le centre.",
      },
      pt: {
        title: "Lembrete: os medicamentos da tuberculose são gratuitos",
        summary: "Várias comunicações disseram que pediram pagamento pelos medicamentos. São gratuitos.",
        body: "Vários de vós comunicaram que vos pediram para pagar os medicamentos da tuberculose. No programa de Demoland, os testes e os medicamentos são gratuitos nas unidades públicas. Se lhe pedirem para pagar, comunique-o aqui: os profissionais tratam o assunto com a unidade.",
      },
      ru: {
        title: "Напоминание: лекарства от туберкулёза бесплатны",
        summary: "Несколько человек сообщили, что с них просили деньги за лекарства. Они бесплатны.",
        body: "Несколько человек сообщили, что с них требовали плату за лекарства от туберкулёза. В программе Демоленда анализы и лекарства в государственных клиниках бесплатны. Если с вас просят деньги, сообщите об этом здесь: специалисты разберутся с клиникой.",
      },
    },
  },
];

/**
 * Creates and publishes the sample content as the platform itself, in the seed's transaction. The content verbs use
 * only the handle, the actor and the request id of their context (no cipher, config or logger), so the seed, which runs
 * before any service exists, gives them those.
 */
export async function seedDemoContent(tx: Tx) {
  const ctx = {
    db: tx,
    actor: { type: "system", process: "demo-seed" },
    requestId: "demo-seed",
    language: "en",
  } as Omit<Ctx, "services" | "log"> as Ctx;
  const year = new Date().getUTCFullYear();
  const today = new Date().toISOString().slice(0, 10);
  const offered = new Set((await listEnabledLanguages(tx)).map((l) => l.code));
  for (const item of demoContent) {
    const { translations, label } = inOfferedLanguages(item, offered);
    const { id } = await createContent(ctx, {
      kind: item.kind,
      slug: item.slug,
      translations,
      tags: item.tags,
      reviewedAt: today,
      figure: label ? { metric: "reports_resolved", from: `${year}-01-01`, to: `${year}-12-31`, label } : null,
    });
    await publishContent(ctx, id);
  }
}
