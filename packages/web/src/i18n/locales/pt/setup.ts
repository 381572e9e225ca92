import type { Catalog } from "../../catalog.js";
import type en from "../en/setup.js";

const setup: Catalog<typeof en> = {
  title: "Configuração",
  intro:
    "Adapte formulários, locais, conteúdos, geografia, protocolos, metas e utilizadores, sem reinstalar a plataforma.",
  placeholder: {
    title: "Formulários, locais e conteúdos vêm a seguir",
    body: "Os ecrãs para adaptar a taxonomia, as unidades, os conteúdos, a geografia, os protocolos e as metas chegam numa próxima versão.",
  },
  accounts: {
    title: "Contas do pessoal",
    intro:
      "Quem pode iniciar sessão, com que função e para que áreas. As novas contas configuram o início de sessão em dois passos na primeira vez.",
    person: "Pessoa",
    role: "Função",
    scope: "Áreas",
    scopeHint: "Deixe tudo por marcar para o país inteiro. Uma região inclui todos os seus distritos.",
    wholeCountry: "País inteiro",
    state: "Estado",
    actions: "Ações",
    active: "Ativa",
    disabled: "Desativada",
    mfaOn: "início de sessão em dois passos ativo",
    mfaPending: "início de sessão em dois passos por configurar",
    disable: "Desativar",
    enable: "Ativar",
    disableFor: "Desativar {{name}}",
    enableFor: "Ativar {{name}}",
    disabledDone: "{{name}} já não pode iniciar sessão.",
    enabledDone: "{{name}} pode voltar a iniciar sessão.",
    resetMfa: "Repor o segundo fator",
    resetMfaFor: "Repor o segundo fator de {{name}}",
    resetMfaDone: "{{name}} vai configurar de novo o início de sessão em dois passos na próxima vez.",
    createTitle: "Criar uma conta",
    email: "E-mail",
    displayName: "Nome",
    password: "Primeira palavra-passe",
    passwordHint: "Pelo menos 12 caracteres, não uma palavra-passe comum. Entregue-a à pessoa de forma segura.",
    create: "Criar conta",
    created: "Conta criada para {{name}}.",
  },
  reauth: {
    title: "Confirme que é você",
    intro: "Esta alteração pede a sua palavra-passe e um código novo da aplicação de autenticação.",
    password: "A sua palavra-passe",
    code: "Código de 6 dígitos",
    confirm: "Confirmar",
    cancel: "Cancelar",
  },
};

export default setup;
