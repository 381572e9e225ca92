import type { Catalog } from "../../catalog.js";
import type en from "../en/app.js";

const app: Catalog<typeof en> = {
  quickExit: {
    label: "Saída rápida",
    hint: "Sai desta aplicação de imediato. Também pode premir Esc três vezes.",
  },
  nav: {
    label: "Secções da aplicação",
    home: "Início",
    back: "Voltar ao início",
  },
  home: {
    title: "Como podemos ajudar hoje?",
    intro: "Escolha uma secção. Nada do que consulta aqui é partilhado com ninguém.",
  },
  sections: {
    rights: { title: "Conheça os seus direitos", summary: "O que pode esperar dos serviços de saúde e de apoio." },
    info: { title: "Obter informação", summary: "Respostas claras sobre cuidados, tratamento e apoio." },
    access: { title: "Aceder a serviços", summary: "Serviços perto de mim: clínicas, apoio e aconselhamento." },
    connected: { title: "Ligar-se a outros", summary: "Conversar com pessoas que passaram pelo mesmo." },
    involved: { title: "Participar", summary: "Relate uma dificuldade que enfrentou, para que seja resolvida." },
    reports: { title: "Os meus relatos", summary: "Acompanhe o que acontece com o que relatou." },
    changes: { title: "O que mudou", summary: "Notícias sobre problemas que foram resolvidos." },
  },
  comingSoon: {
    title: "Em breve",
    body: "Esta secção está a ser preparada e chegará numa próxima atualização.",
  },
  nearMe: {
    intro: "Escolha uma área para ver os serviços que lá existem.",
    filters: "Filtrar serviços",
    area: "Área",
    chooseArea: "Escolha uma área",
    allOf: "{{name}} (toda a área)",
    type: "Tipo de serviço",
    allTypes: "Todos os tipos",
    results_one: "{{count}} local encontrado",
    results_other: "{{count}} locais encontrados",
    empty: "Não há serviços registados para esta escolha.",
    pickFirst: "Escolha uma área acima para ver os serviços.",
    address: "Morada",
    hours: "Horário",
    phone: "Telefone",
    call: "Ligar para {{phone}}",
    noHours: "Horário não indicado",
    closed: "Fechado",
    types: {
      tb_clinic: "Clínica de TB",
      dot_centre: "Centro de apoio ao tratamento",
      hospital: "Hospital",
      laboratory: "Laboratório",
      pharmacy: "Farmácia",
      ngo: "Organização comunitária",
      legal_aid: "Apoio jurídico",
      psychosocial: "Apoio psicológico e saúde mental",
      nutrition: "Apoio nutricional",
      social_protection: "Proteção social",
      point_of_interest: "Outro local",
    },
  },
};

export default app;
