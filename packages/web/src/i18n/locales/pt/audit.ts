import type { Catalog } from "../../catalog.js";
import type en from "../en/audit.js";

const audit: Catalog<typeof en> = {
  title: "Registo de auditoria",
  intro:
    "Cada consulta de dados pessoais e cada alteração ficam registadas aqui, numa cadeia de resumos criptográficos que revela qualquer edição posterior. Filtre o registo e verifique a sua integridade.",
  integrity: {
    title: "Verificação de integridade",
    intro:
      "O servidor recalcula o resumo de cada evento desde o primeiro e verifica os pontos de controlo assinados, como faz npm run audit:verify.",
    run: "Verificar integridade",
    running: "A verificar…",
    ok_one: "O registo de auditoria está intacto: {{count}} evento verificado.",
    ok_other: "O registo de auditoria está intacto: {{count}} eventos verificados.",
    ok_many: "O registo de auditoria está intacto: {{count}} eventos verificados.",
    bad_one: "O registo de auditoria foi alterado: {{count}} problema encontrado.",
    bad_other: "O registo de auditoria foi alterado: {{count}} problemas encontrados.",
    bad_many: "O registo de auditoria foi alterado: {{count}} problemas encontrados.",
    head: "Topo da cadeia",
    checkpoints: "Pontos de controlo assinados",
    latestCheckpoint_one: "{{count}} ponto de controlo; o último no evento n.º {{seq}}, {{at}}",
    latestCheckpoint_other: "{{count}} pontos de controlo; o último no evento n.º {{seq}}, {{at}}",
    latestCheckpoint_many: "{{count}} pontos de controlo; o último no evento n.º {{seq}}, {{at}}",
    noCheckpoint: "Ainda nenhum (o servidor assina um a cada 15 minutos).",
    checkedAt: "Verificado em",
    problems: "Onde a cadeia se quebra (os primeiros 50):",
    record:
      "Anote o resumo do topo fora deste servidor (uma nota datada, um email para si): uma verificação posterior prova então também que nada foi reescrito antes.",
  },
  filters: {
    title: "Filtros",
    actor: "Membro da equipa (email)",
    action: "Ação",
    entity: "Entidade",
    entityId: "Identificador da entidade",
    from: "De",
    to: "Até",
    personal: "Só consultas de dados pessoais",
    utc: "As horas e datas estão em UTC.",
    actorId: "Só o ator {{id}}.",
    clearActorId: "Qualquer ator",
    apply: "Mostrar eventos",
    clear: "Limpar filtros",
  },
  log: {
    title: "Eventos, do mais recente ao mais antigo",
    titleOlder: "Eventos mais antigos",
    loading: "A carregar eventos…",
    none: "Nenhum evento corresponde a estes filtros.",
    pages: "Páginas do registo",
    newest: "Eventos mais recentes",
    older: "Eventos mais antigos",
  },
  event: {
    personal: "Dados pessoais consultados",
    action: "Ação",
    actor: "Por",
    entity: "Sobre",
    filterEntity: "Mostrar só eventos sobre {{entity}} {{id}}",
    details: "Detalhes",
  },
  actor: {
    staff: "Conta da equipa",
    community: "Conta comunitária",
    other: "Sistema ou anónimo",
  },
  outcome: {
    failure: "Falhou",
    denied: "Recusado",
  },
};

export default audit;
