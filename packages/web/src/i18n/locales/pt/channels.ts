import type { Catalog } from "../../catalog.js";
import type en from "../en/channels.js";

const channels: Catalog<typeof en> = {
  category: "O que aconteceu?",
  subcategory: "De que tipo?",
  challengeType: "Mais perto de:",
  region: "Que regiao?",
  districtPrefix: "Escreva as primeiras letras do distrito (1: ver a lista):",
  noDistrict: "Nenhum distrito assim. Outras letras (1: a lista):",
  district: "Que distrito?",
  facility: "Que local?",
  noFacility: "Nenhum",
  occurredOn: "Quando?",
  today: "Hoje",
  yesterday: "Ontem",
  lastWeek: "Esta semana",
  lastMonth: "Este mes",
  gender: "Voce e:",
  female: "Mulher",
  male: "Homem",
  transgender: "Transgenero",
  other: "Outro",
  undisclosed: "Prefiro nao dizer",
  ageGroup: "A sua idade:",
  keyPopulations: "Pertence a um destes grupos?",
  noneOfThese: "Nenhum / nao dizer",
  contactMeChat: "Podemos escrever-lhe nesta conversa quando alguem responder ao seu relato?",
  contactMe: "Podemos enviar SMS sobre este relato para este numero?",
  shareDeidentified: "Podemos conta-lo, sem o seu nome, nos numeros publicos?",
  useInAdvocacyStories: "Podemos contar o que aconteceu, sem o seu nome, para pedir mudancas?",
  yes: "Sim",
  no: "Nao",
  more: "Mais",
  back: "Voltar",
  invalid: "Escolha invalida.",
  done: "Obrigado. O codigo do seu relato e {{code}}. Guarde-o para o acompanhar.",
  failed: "Desculpe, nao foi possivel receber o seu relato. Tente mais tarde.",
  simulated: "TESTE: o relato seria aceite. Nada foi guardado nem enviado.",
  chatStart:
    "Ola. Este servico recebe, em confidencialidade, relatos de problemas com os servicos de saude. Escolha com os botoes ou escreva o numero de uma opcao.",
  choose: "Escolher",
  smsStart: "Para relatar um problema, responda REPORT.",
  replyTaken: "Obrigado. A sua mensagem foi juntada ao relato {{code}}.",
  // Messages the platform itself writes in the reporter's conversation (app, SMS, chat): a report accepted,
  // resolved, declined (why, and what the person can do), or part of a change. Never the illness.
  thread: {
    validated: "Obrigado. O seu relato foi verificado e aceite. Um técnico vai responder-lhe aqui.",
    resolved: "Achamos que o seu problema foi resolvido. Foi? Diga-nos nesta página.",
    changed:
      "Obrigado por falar. O seu relato, com outros, levou a uma mudança. Abra O que mudou na aplicação para saber mais.",
    declined: {
      duplicate:
        "Obrigado pelo seu relato. Já temos um relato sobre este mesmo problema e a equipa está a tratar dele, por isso fechámos esta cópia. Não precisa de fazer nada. Se aconteceu algo novo, pode enviar um novo relato.",
      not_registered:
        "Obrigado pelo seu relato. Este programa só pode tratar relatos de pessoas registadas nele para receber cuidados, e não encontrámos esse registo. Uma clínica ou um agente comunitário pode ajudá-lo a registar-se; depois pode relatar outra vez.",
      spam: "Obrigado pelo seu relato. Não parecia um problema real com cuidados ou apoio, por isso não o pudemos tratar. Se era um problema real, envie-o outra vez e diga-nos o que aconteceu, onde e quando.",
      insufficient_information:
        "Obrigado pelo seu relato. Não havia informação suficiente para podermos agir. Pode enviar um novo relato com mais detalhes: o que aconteceu, onde e quando. Também nos pode escrever aqui.",
      out_of_scope:
        "Obrigado pelo seu relato. Este problema está fora do que este programa pode ajudar a resolver. Na aplicação, «Aceder a serviços» mostra serviços perto de si que podem ajudar.",
      other:
        "Obrigado pelo seu relato. Desta vez não foi possível dar-lhe seguimento. Se tiver perguntas, escreva-nos aqui e um ajudante vai responder.",
    },
  },
};

export default channels;
