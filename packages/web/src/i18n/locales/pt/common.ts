import type { Catalog } from "../../catalog.js";
import type en from "../en/common.js";

const common: Catalog<typeof en> = {
  skipToContent: "Ir para o conteúdo principal",
  language: "Idioma",
  loading: "A carregar…",
  retry: "Tentar de novo",
  help: {
    link: "Ajuda",
    newTab: "(abre num novo separador)",
  },
  tour: {
    start: "Fazer a visita guiada",
    startFor: "Fazer a visita guiada deste ecrã",
    step: "Passo {{current}} de {{total}}",
    next: "Seguinte",
    back: "Anterior",
    done: "Concluir",
    close: "Fechar a visita guiada",
    inbox: {
      queue: {
        title: "A sua fila",
        body: "As denúncias das suas áreas, as mais recentes primeiro. Abra uma para a ler, validar ou recusar, atribuir e responder a quem a fez.",
      },
      search: {
        title: "Pesquisa",
        body: "Encontre uma denúncia pelo código de acompanhamento ou por palavras da descrição.",
      },
      filters: {
        title: "Filtros",
        body: "Reduza a fila por estado, local, categoria, quem tem a denúncia e mais. O endereço guarda os seus filtros: marque-o ou guarde-o como vista.",
      },
      training: {
        title: "Modo de formação",
        body: "Pratique com denúncias de prática: nunca contam em nenhum número, e nada do que fizer aí é enviado a ninguém.",
      },
      help: {
        title: "Ajuda",
        body: "O manual deste ecrã abre num novo separador. Pode fazer esta visita guiada outra vez a partir daqui.",
      },
    },
    setup: {
      checklist: {
        title: "Lista de verificação",
        body: "O que o país já fez e o que falta antes de poder receber denúncias.",
      },
      sections: {
        title: "Secções",
        body: "Cada secção contém uma parte da configuração do país: geografia, unidades de saúde, formulários, conteúdos, contas do pessoal e mais.",
      },
      nav: {
        title: "Navegação da configuração",
        body: "Passe de uma secção para outra a partir daqui, em cada página da configuração.",
      },
      help: {
        title: "Ajuda",
        body: "O manual deste ecrã abre num novo separador. Pode fazer esta visita guiada outra vez a partir daqui.",
      },
    },
  },
  offline: "Está sem ligação. É mostrada a informação guardada.",
  surfaces: {
    app: "Aplicação comunitária",
    inbox: "Caixa de entrada dos técnicos",
    dashboard: "Painel de prestação de contas",
    publicDashboard: "Números públicos",
    setup: "Configuração",
    audit: "Registo de auditoria",
  },
  landing: {
    title: "Bem-vindo",
    intro:
      "Monitoria liderada pela comunidade: as pessoas relatam as dificuldades que enfrentam, os técnicos agem e todos veem o que muda.",
    surfacesLabel: "Escolha para onde ir",
    app: "Encontrar serviços, conhecer os seus direitos e relatar uma dificuldade.",
    inbox: "Para técnicos de primeira resposta: tratar relatos e responder às pessoas.",
    publicDashboard: "Para todos, sem iniciar sessão: o que as pessoas relatam e o que foi feito, área a área.",
    dashboard: "Para ativistas e pessoal do programa: indicadores, tendências e metas.",
    setup: "Para administradores: formulários, locais, conteúdos e utilizadores.",
  },
  notices: {
    title: "Nova mensagem",
    reply: "Há uma resposta ao seu relato {{ref}}.",
    update: "Há novidades sobre o seu relato {{ref}}.",
    content: "Relato {{ref}}: {{content}}",
    howPush: "Abra a aplicação e vá a Os meus relatos.",
    howSmsUrl: "Leia em {{url}} com o seu código, ou responda a este SMS.",
    howSms: "Leia na página de acompanhamento com o seu código, ou responda a este SMS.",
    howChatUrl: "Leia em {{url}} com o seu código, ou responda nesta conversa.",
    howChat: "Leia na página de acompanhamento com o seu código, ou responda nesta conversa.",
    answerSms: "(Responda a este SMS para responder.)",
    answerChat: "(Responda nesta conversa.)",
  },
  staff: {
    securityNotice: {
      title: "Tentativas de entrada na sua conta",
      failed_one:
        "{{count}} tentativa de entrada falhada na sua conta desde a sua última entrada, a mais recente em {{date}}. Se não foi você, avise o seu administrador.",
      failed_other:
        "{{count}} tentativas de entrada falhadas na sua conta desde a sua última entrada, a mais recente em {{date}}. Se não foi você, avise o seu administrador.",
      failed_many:
        "{{count}} tentativas de entrada falhadas na sua conta desde a sua última entrada, a mais recente em {{date}}. Se não foi você, avise o seu administrador.",
      alerts_one:
        "{{count}} alerta de falhas de entrada repetidas numa conta desde a sua última entrada. O registo de auditoria tem os detalhes.",
      alerts_other:
        "{{count}} alertas de falhas de entrada repetidas em contas desde a sua última entrada. O registo de auditoria tem os detalhes.",
      alerts_many:
        "{{count}} alertas de falhas de entrada repetidas em contas desde a sua última entrada. O registo de auditoria tem os detalhes.",
      dismiss: "Entendido",
    },
    navLabel: "Áreas do pessoal",
    assistedReporting: "Relatar em nome de alguém",
    home: "Página inicial",
    signInSoon: "Mais ferramentas para esta área chegam na próxima versão.",
    signInSoonDetail: "A sua sessão está iniciada; esta página será preenchida à medida que o trabalho avança.",
    signIn: {
      title: "Iniciar sessão",
      email: "E-mail",
      password: "Palavra-passe",
      continue: "Continuar",
      codeTitle: "Introduza o seu código de acesso",
      code: "Código de 6 dígitos",
      codeHint: "Abra a sua aplicação de autenticação e escreva o código que ela mostra para esta conta.",
      recoveryCode: "Código de recuperação",
      verify: "Iniciar sessão",
      useRecovery: "Usar um código de recuperação",
      useApp: "Usar a aplicação de autenticação",
      restart: "Recomeçar",
      locked: "A sua sessão foi terminada após um período sem atividade. Inicie sessão novamente para continuar.",
      signedOut: "A sua sessão foi terminada.",
    },
    enrol: {
      title: "Configurar o início de sessão em dois passos",
      intro:
        "Leia este código QR com uma aplicação de autenticação no seu telemóvel e introduza o código que ela mostra.",
      qrAlt: "Código QR para adicionar esta conta a uma aplicação de autenticação",
      manual: "Se não conseguir ler o código, escreva esta chave na aplicação:",
    },
    recovery: {
      title: "Guarde os seus códigos de recuperação",
      intro:
        "Cada código permite iniciar sessão uma vez se perder o telemóvel. Guarde-os num lugar seguro: só são mostrados agora.",
      saved: "Guardei os meus códigos de recuperação",
      continue: "Continuar",
    },
    account: {
      signOut: "Terminar sessão",
      signOutEverywhere: "Terminar sessão em todo o lado",
    },
    notifications: {
      title: "Notificações por e-mail",
      intro: "E-mails sobre novos relatos na sua área, relatos atribuídos a si e escalamentos para si.",
      legend: "Enviar-me estes e-mails",
      choices: {
        immediate: "De imediato, um e-mail cada",
        digest: "Uma vez por dia, todos juntos (resumo diário)",
        off: "Nunca",
      },
      privacy:
        "Um e-mail diz apenas o que aconteceu, em que distrito, com uma ligação para o relato na caixa: nunca as palavras nem o contacto de quem relatou.",
      save: "Guardar a minha escolha",
      saved: "Guardado.",
    },
    password: {
      title: "Alterar palavra-passe",
      pageTitle: "A sua conta",
      intro:
        "Escreva a palavra-passe atual e depois a nova duas vezes. Continua com sessão iniciada aqui; a sessão termina em todos os outros dispositivos.",
      forcedTitle: "Escolha a sua própria palavra-passe",
      forcedIntro:
        "Um administrador escolheu a palavra-passe com que entrou. Escolha uma que só você conheça antes de continuar.",
      current: "Palavra-passe atual",
      given: "Palavra-passe que recebeu",
      new: "Nova palavra-passe",
      again: "Nova palavra-passe outra vez",
      policy: "Pelo menos 12 caracteres, não uma palavra-passe comum, não o seu e-mail.",
      wrongCurrent: "A palavra-passe atual não está correta.",
      mismatch: "As duas novas palavras-passe não são iguais.",
      save: "Guardar nova palavra-passe",
      changed: "A sua palavra-passe foi alterada. A sessão terminou nos outros dispositivos.",
    },
    reset: {
      title: "Repor a sua palavra-passe",
      formTitle: "Escolha uma nova palavra-passe",
      intro:
        "Um administrador enviou-lhe esta ligação de utilização única. Escolha uma nova palavra-passe; depois entre e configure de novo a sua aplicação de autenticação.",
      noToken:
        "Esta página precisa da ligação completa que recebeu. Abra a ligação outra vez ou peça uma nova a um administrador.",
      save: "Definir palavra-passe",
      doneTitle: "A sua nova palavra-passe está definida",
      doneBody:
        "Entre com ela. Depois vai configurar de novo a verificação em dois passos com a sua aplicação de autenticação.",
      signIn: "Entrar",
    },
    noAccess: {
      title: "A sua função não pode usar esta área",
      body: "A sua conta ({{role}}) não inclui esta parte da plataforma. Peça a um administrador se precisar dela.",
      home: "Ir para a sua área: {{place}}",
      instead: "Também pode usar:",
    },
  },
  roles: {
    peer_supporter: "Apoio de pares",
    data_manager: "Gestor de dados",
    first_responder: "Agente de primeira resposta",
    analyst: "Analista",
    country_admin: "Administrador nacional",
    system_admin: "Administrador de sistema",
    auditor: "Auditor",
    content_editor: "Editor de conteúdos",
  },
  notFound: {
    title: "Página não encontrada",
    body: "Esta página não existe ou foi movida.",
    home: "Ir para a página inicial",
  },
  problem: {
    title: "Algo correu mal",
    network: "Não foi possível contactar o servidor. Verifique a ligação e tente de novo.",
  },
  errors: {
    VALIDATION_FAILED: "Falta alguma informação ou não é válida.",
    MALFORMED_JSON: "Não foi possível ler o pedido.",
    UNSUPPORTED_MEDIA_TYPE: "Não foi possível ler o pedido.",
    UNAUTHENTICATED: "Por favor, inicie sessão.",
    MFA_REQUIRED: "Introduza o código da sua aplicação de autenticação.",
    INVALID_CREDENTIALS: "O e-mail ou a palavra-passe não estão corretos.",
    INVALID_MFA_CODE: "O código não está correto.",
    SESSION_EXPIRED: "A sua sessão terminou. Inicie sessão de novo.",
    FORBIDDEN: "Não tem permissão para fazer isto.",
    COUNTRY_SCOPE_REQUIRED: "Isto aplica-se a todo o país: só um administrador com âmbito nacional o pode alterar.",
    CSRF_FAILED: "Recarregue a página e tente de novo.",
    NOT_FOUND: "Não encontrado.",
    ROUTE_NOT_FOUND: "Não encontrado.",
    CONFLICT: "Outra pessoa alterou isto. Recarregue e tente de novo.",
    ALREADY_DECIDED: "Já foi tomada uma decisão sobre este relato.",
    VERSION_CONFLICT: "Outra pessoa alterou isto. Recarregue e tente de novo.",
    INVALID_TRANSITION: "Esta mudança de estado não é possível.",
    PAYLOAD_TOO_LARGE: "É demasiado grande para enviar.",
    RATE_LIMITED: "Demasiadas tentativas. Aguarde um momento e tente de novo.",
    UNKNOWN_CATEGORY: "Escolha uma categoria da lista.",
    UNKNOWN_SUBCATEGORY: "Escolha um tema da lista.",
    UNKNOWN_CHALLENGE_TYPE: "Escolha uma dificuldade da lista.",
    UNKNOWN_KEY_POPULATION: "Escolha os grupos da lista.",
    UNKNOWN_AREA: "Escolha uma área da lista.",
    UNKNOWN_FACILITY: "Escolha um local da lista.",
    PLACE_REQUIRED: "Indique onde isto aconteceu.",
    POSITION_OUTSIDE_AREAS: "A sua posição está fora das áreas cobertas. Escolha uma área.",
    WEAK_PASSWORD: "Escolha uma palavra-passe mais longa e menos comum.",
    TRIVIAL_PIN:
      "Este PIN é demasiado fácil de adivinhar (dígitos repetidos, sequência como 123456, data). Escolha outro.",
    PASSWORD_CHANGE_REQUIRED: "Escolha a sua própria palavra-passe antes de continuar.",
    RESET_LINK_INVALID: "Esta ligação de reposição expirou ou já foi usada. Peça uma nova a um administrador.",
    PLACEHOLDER_MISMATCH:
      "A tradução tem de manter cada variável do texto original (os nomes entre chavetas duplas), sem acrescentar outras.",
    SERVICE_UNAVAILABLE: "O serviço está ocupado. Tente de novo daqui a pouco.",
    REAUTH_REQUIRED: "Confirme a sua palavra-passe para continuar.",
    EMAIL_TAKEN: "Este endereço de e-mail já está a ser utilizado.",
    LAST_SYSTEM_ADMIN: "Este é o único administrador de sistema ativo. Nomeie primeiro outro.",
    MFA_NOT_ENROLLED: "Configure primeiro o início de sessão em dois passos.",
    NICKNAME_NOT_ALLOWED:
      "Escolha um apelido que não revele quem é: sem nome verdadeiro, número de telefone ou e-mail.",
    ACCOUNT_SUSPENDED: "Um moderador suspendeu as publicações desta conta por agora.",
    MEMBERS_ONLY: "Entre na sua conta da comunidade para ler o fórum.",
    ALREADY_RATED: "Avaliou este local nos últimos 30 dias. Poderá avaliá-lo de novo mais tarde.",
    CODE_IN_USE: "Há relatos que já usam este código: não pode mudar nem desaparecer. Retire o item em vez disso.",
    CODE_TAKEN: "Outro item já tem este código. Escolha outro.",
    PERIOD_NOT_CLOSED: "Este período ainda não terminou: os seus números ainda mudariam. Escolha um período fechado.",
    ALREADY_PUSHED: "Este período já foi enviado ao DHIS2. Marque “enviar de novo” para o corrigir.",
    DHIS2_NOT_CONFIGURED: "O DHIS2 ainda não está configurado: indique primeiro o endereço, um token e o mapeamento.",
    REPORT_ERASED:
      "Este relato foi apagado: os seus dados pessoais e mensagens foram eliminados e já ninguém pode escrever nele.",
    PUBLIC_QUERY_NOT_ALLOWED:
      "Os números publicados aceitam um só valor por filtro, e apenas relatos partilhados para publicação.",
    PERIOD_NOT_CALENDAR: "Os números publicados cobrem um mês civil, um trimestre ou um ano.",
    INTERNAL: "Algo correu mal do nosso lado. Tente de novo.",
    MALFORMED_REQUEST: "Não foi possível ler o pedido.",
    REQUEST_TIMEOUT: "A ligação está demasiado lenta. Tente de novo.",
    HEADERS_TOO_LARGE: "O pedido é demasiado grande para ser enviado.",
  },
};

export default common;
