import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/common.js";

const common: PartialCatalog<typeof en> = {
  skipToContent: "Ruka hadi maudhui makuu",
  language: "Lugha",
  loading: "Inapakia…",
  retry: "Jaribu tena",
  offline: "Huna mtandao. Taarifa zilizohifadhiwa zinaonyeshwa.",
  surfaces: {
    app: "Programu ya jamii",
    inbox: "Kikasha cha wahudumu",
    dashboard: "Dashibodi ya uwajibikaji",
    publicDashboard: "Takwimu za umma",
    setup: "Mipangilio",
    audit: "Kumbukumbu za ukaguzi",
  },
  landing: {
    title: "Karibu",
    intro:
      "Ufuatiliaji unaoongozwa na jamii: watu hueleza changamoto wanazokutana nazo, wahudumu huchukua hatua, na kila mtu huona kinachobadilika.",
    surfacesLabel: "Chagua unakotaka kwenda",
    app: "Tafuta huduma, jua haki zako na ripoti changamoto.",
    inbox: "Kwa wahudumu wa kwanza: shughulikia ripoti na wajibu watu.",
    publicDashboard: "Kwa kila mtu, bila kuingia: watu wanaripoti nini na nini kimefanyika, eneo kwa eneo.",
    dashboard: "Kwa watetezi na wafanyakazi wa programu: viashiria, mwenendo na malengo.",
    setup: "Kwa wasimamizi: fomu, maeneo, maudhui na watumiaji.",
  },
  notices: {
    title: "Ujumbe mpya",
    reply: "Kuna jibu kuhusu ripoti yako {{ref}}.",
    update: "Kuna habari mpya kuhusu ripoti yako {{ref}}.",
    content: "Ripoti {{ref}}: {{content}}",
    howPush: "Fungua programu na uende kwenye Ripoti zangu.",
    howSmsUrl: "Isome kwenye {{url}} kwa msimbo wako, au jibu SMS hii.",
    howSms: "Isome kwenye ukurasa wa kufuatilia kwa msimbo wako, au jibu SMS hii.",
    howChatUrl: "Isome kwenye {{url}} kwa msimbo wako, au jibu katika mazungumzo haya.",
    howChat: "Isome kwenye ukurasa wa kufuatilia kwa msimbo wako, au jibu katika mazungumzo haya.",
    answerSms: "(Jibu SMS hii ili kujibu.)",
    answerChat: "(Jibu katika mazungumzo haya.)",
  },
  staff: {
    securityNotice: {
      title: "Majaribio ya kuingia kwenye akaunti yako",
      failed_one:
        "Jaribio {{count}} la kuingia lililoshindwa kwenye akaunti yako tangu uingie mara ya mwisho, la karibuni tarehe {{date}}. Kama si wewe, mjulishe msimamizi wako.",
      failed_other:
        "Majaribio {{count}} ya kuingia yaliyoshindwa kwenye akaunti yako tangu uingie mara ya mwisho, la karibuni tarehe {{date}}. Kama si wewe, mjulishe msimamizi wako.",
      alerts_one:
        "Tahadhari {{count}} ya majaribio ya kuingia yaliyoshindwa mara kwa mara kwenye akaunti tangu uingie mara ya mwisho. Maelezo yako kwenye kumbukumbu za ukaguzi.",
      alerts_other:
        "Tahadhari {{count}} za majaribio ya kuingia yaliyoshindwa mara kwa mara kwenye akaunti tangu uingie mara ya mwisho. Maelezo yako kwenye kumbukumbu za ukaguzi.",
      dismiss: "Nimeelewa",
    },
    navLabel: "Sehemu za wafanyakazi",
    assistedReporting: "Ripoti kwa niaba ya mtu mwingine",
    home: "Ukurasa wa mwanzo",
    signInSoon: "Zana zaidi za sehemu hii zitakuja katika toleo lijalo.",
    signInSoonDetail: "Umeingia; ukurasa huu utajazwa kadiri kazi inavyokamilika.",
    signIn: {
      title: "Ingia",
      email: "Barua pepe",
      password: "Nenosiri",
      continue: "Endelea",
      codeTitle: "Weka msimbo wako wa kuingia",
      code: "Msimbo wa tarakimu 6",
      codeHint: "Fungua programu yako ya uthibitishaji na uandike msimbo inaouonyesha kwa akaunti hii.",
      recoveryCode: "Msimbo wa kurejesha",
      verify: "Ingia",
      useRecovery: "Tumia msimbo wa kurejesha",
      useApp: "Tumia programu ya uthibitishaji",
      restart: "Anza upya",
      locked: "Umetolewa baada ya muda bila shughuli. Ingia tena ili kuendelea.",
      signedOut: "Umetoka.",
    },
    enrol: {
      title: "Weka uthibitishaji wa hatua mbili",
      intro:
        "Changanua msimbo huu wa QR kwa programu ya uthibitishaji kwenye simu yako, kisha weka msimbo inaouonyesha.",
      qrAlt: "Msimbo wa QR wa kuongeza akaunti hii kwenye programu ya uthibitishaji",
      manual: "Kama huwezi kuuchanganua, andika ufunguo huu kwenye programu:",
    },
    recovery: {
      title: "Hifadhi misimbo yako ya kurejesha",
      intro:
        "Kila msimbo unakuwezesha kuingia mara moja ukipoteza simu yako. Ihifadhi mahali salama: inaonyeshwa sasa tu.",
      saved: "Nimehifadhi misimbo yangu ya kurejesha",
      continue: "Endelea",
    },
    account: {
      signOut: "Toka",
      signOutEverywhere: "Toka kwenye vifaa vyote",
    },
    notifications: {
      title: "Arifa za barua pepe",
      intro: "Barua pepe kuhusu ripoti mpya katika eneo lako, ripoti ulizopewa na ripoti zilizopandishwa kwako.",
      legend: "Nitumie barua pepe hizi",
      choices: {
        immediate: "Mara moja, barua pepe moja kwa kila moja",
        digest: "Mara moja kwa siku, zote pamoja (muhtasari wa kila siku)",
        off: "Kamwe",
      },
      privacy:
        "Barua pepe inasema tu kilichotokea, katika wilaya gani, na kiungo cha ripoti kwenye kikasha: kamwe si maneno wala mawasiliano ya mtoa ripoti.",
      save: "Hifadhi chaguo langu",
      saved: "Imehifadhiwa.",
    },
    password: {
      title: "Badilisha nenosiri",
      pageTitle: "Akaunti yako",
      intro:
        "Andika nenosiri lako la sasa, kisha jipya mara mbili. Utaendelea kuwa umeingia hapa; vifaa vingine vyote vitatolewa.",
      forcedTitle: "Chagua nenosiri lako mwenyewe",
      forcedIntro:
        "Msimamizi alichagua nenosiri ulilotumia kuingia. Chagua nenosiri unalolijua wewe peke yako kabla ya kuendelea.",
      current: "Nenosiri la sasa",
      given: "Nenosiri ulilopewa",
      new: "Nenosiri jipya",
      again: "Nenosiri jipya tena",
      policy: "Angalau herufi 12, si nenosiri la kawaida, si barua pepe yako.",
      wrongCurrent: "Nenosiri la sasa si sahihi.",
      mismatch: "Manenosiri mawili mapya hayafanani.",
      save: "Hifadhi nenosiri jipya",
      changed: "Nenosiri lako limebadilishwa. Vifaa vingine vimetolewa.",
    },
    reset: {
      title: "Weka upya nenosiri lako",
      formTitle: "Chagua nenosiri jipya",
      intro:
        "Msimamizi amekutumia kiungo hiki cha matumizi ya mara moja. Chagua nenosiri jipya; kisha ingia na uweke tena programu yako ya uthibitishaji.",
      noToken: "Ukurasa huu unahitaji kiungo kizima ulichopewa. Fungua kiungo tena, au muombe msimamizi kiungo kipya.",
      save: "Weka nenosiri",
      doneTitle: "Nenosiri lako jipya limewekwa",
      doneBody: "Ingia nalo. Kisha utaweka tena uthibitishaji wa hatua mbili kwa programu yako ya uthibitishaji.",
      signIn: "Ingia",
    },
    noAccess: {
      title: "Jukumu lako haliwezi kutumia sehemu hii",
      body: "Akaunti yako ({{role}}) haijumuishi sehemu hii ya jukwaa. Muulize msimamizi kama unaihitaji.",
      home: "Nenda kwenye sehemu yako: {{place}}",
      instead: "Unaweza pia kutumia:",
    },
  },
  roles: {
    peer_supporter: "Msaidizi rika",
    data_manager: "Msimamizi wa takwimu",
    first_responder: "Mhudumu wa kwanza",
    analyst: "Mchambuzi",
    country_admin: "Msimamizi wa nchi",
    system_admin: "Msimamizi wa mfumo",
    auditor: "Mkaguzi",
    content_editor: "Mhariri wa maudhui",
  },
  notFound: {
    title: "Ukurasa haukupatikana",
    body: "Ukurasa huu haupo au umehamishwa.",
    home: "Nenda kwenye ukurasa wa mwanzo",
  },
  problem: {
    title: "Kuna tatizo limetokea",
    network: "Hatukuweza kufikia seva. Angalia mtandao wako na ujaribu tena.",
  },
  errors: {
    VALIDATION_FAILED: "Baadhi ya taarifa hazipo au si sahihi.",
    MALFORMED_JSON: "Ombi halikuweza kusomeka.",
    UNSUPPORTED_MEDIA_TYPE: "Ombi halikuweza kusomeka.",
    UNAUTHENTICATED: "Tafadhali ingia.",
    MFA_REQUIRED: "Weka msimbo kutoka kwenye programu yako ya uthibitishaji.",
    INVALID_CREDENTIALS: "Barua pepe au nenosiri si sahihi.",
    INVALID_MFA_CODE: "Msimbo si sahihi.",
    SESSION_EXPIRED: "Kipindi chako kimeisha. Tafadhali ingia tena.",
    FORBIDDEN: "Huruhusiwi kufanya hivi.",
    COUNTRY_SCOPE_REQUIRED:
      "Hili linahusu nchi nzima: ni msimamizi mwenye mamlaka ya nchi nzima pekee anayeweza kulibadilisha.",
    CSRF_FAILED: "Tafadhali pakia ukurasa upya na ujaribu tena.",
    NOT_FOUND: "Haikupatikana.",
    ROUTE_NOT_FOUND: "Haikupatikana.",
    CONFLICT: "Hili limebadilishwa na mtu mwingine. Pakia upya na ujaribu tena.",
    ALREADY_DECIDED: "Uamuzi kuhusu ripoti hii tayari umefanywa.",
    VERSION_CONFLICT: "Hili limebadilishwa na mtu mwingine. Pakia upya na ujaribu tena.",
    INVALID_TRANSITION: "Mabadiliko haya ya hali hayawezekani.",
    PAYLOAD_TOO_LARGE: "Hiki ni kikubwa mno kutumwa.",
    RATE_LIMITED: "Majaribio mengi mno. Tafadhali subiri kidogo na ujaribu tena.",
    UNKNOWN_CATEGORY: "Tafadhali chagua kundi kutoka kwenye orodha.",
    UNKNOWN_SUBCATEGORY: "Tafadhali chagua mada kutoka kwenye orodha.",
    UNKNOWN_CHALLENGE_TYPE: "Tafadhali chagua changamoto kutoka kwenye orodha.",
    UNKNOWN_KEY_POPULATION: "Tafadhali chagua makundi kutoka kwenye orodha.",
    UNKNOWN_AREA: "Tafadhali chagua eneo kutoka kwenye orodha.",
    UNKNOWN_FACILITY: "Tafadhali chagua mahali kutoka kwenye orodha.",
    PLACE_REQUIRED: "Tafadhali sema hili lilitokea wapi.",
    POSITION_OUTSIDE_AREAS: "Mahali ulipo ni nje ya maeneo yanayohudumiwa. Tafadhali chagua eneo.",
    WEAK_PASSWORD: "Tafadhali chagua nenosiri refu zaidi na lisilo la kawaida.",
    TRIVIAL_PIN:
      "PIN hii ni rahisi mno kubahatisha (tarakimu zinazojirudia, mfululizo kama 123456, tarehe). Chagua nyingine.",
    PASSWORD_CHANGE_REQUIRED: "Chagua nenosiri lako mwenyewe kabla ya kuendelea.",
    RESET_LINK_INVALID: "Kiungo hiki cha kuweka upya kimeisha muda au kimeshatumika. Muombe msimamizi kiungo kipya.",
    PLACEHOLDER_MISMATCH:
      "Tafsiri lazima ibakize kila kishikanafasi cha maandishi asilia (majina ndani ya mabano mawili ya kengele) na isiongeze kipya.",
    SERVICE_UNAVAILABLE: "Huduma ina shughuli nyingi. Tafadhali jaribu tena baada ya muda mfupi.",
    REAUTH_REQUIRED: "Tafadhali thibitisha nenosiri lako ili kuendelea.",
    EMAIL_TAKEN: "Anwani hii ya barua pepe tayari inatumika.",
    LAST_SYSTEM_ADMIN: "Huyu ndiye msimamizi wa mfumo pekee aliye hai. Teua mwingine kwanza.",
    MFA_NOT_ENROLLED: "Weka uthibitishaji wa hatua mbili kwanza.",
    NICKNAME_NOT_ALLOWED:
      "Chagua jina la utani lisiloonyesha wewe ni nani: bila jina halisi, namba ya simu wala barua pepe.",
    ACCOUNT_SUSPENDED: "Msimamizi wa jukwaa amesimamisha akaunti hii kuchapisha kwa sasa.",
    MEMBERS_ONLY: "Ingia kwenye akaunti yako ya jamii ili usome jukwaa.",
    ALREADY_RATED: "Ulikadiria mahali hapa ndani ya siku 30 zilizopita. Unaweza kukadiria tena baadaye.",
    CODE_IN_USE:
      "Ripoti tayari zinatumia msimbo huu, kwa hiyo hauwezi kubadilika wala kuondolewa. Sitisha kipengele badala yake.",
    CODE_TAKEN: "Kipengele kingine tayari kina msimbo huu. Chagua msimbo tofauti.",
    PERIOD_NOT_CLOSED: "Kipindi hiki bado hakijaisha: takwimu zake bado zitabadilika. Chagua kipindi kilichofungwa.",
    ALREADY_PUSHED: "Kipindi hiki tayari kimetumwa DHIS2. Weka alama “tuma tena” ili kukisahihisha.",
    DHIS2_NOT_CONFIGURED: "DHIS2 bado haijawekwa: weka anwani, tokeni na uoanishaji kwanza.",
    REPORT_ERASED:
      "Ripoti hii ilifutwa: taarifa zake binafsi na ujumbe vimeondolewa, na hakuna anayeweza kuiandikia tena.",
    PUBLIC_QUERY_NOT_ALLOWED:
      "Takwimu zilizochapishwa hupokea thamani moja kwa kila kichujio, na ripoti zilizoruhusiwa kuchapishwa tu.",
    PERIOD_NOT_CALENDAR: "Takwimu zilizochapishwa zinahusu mwezi mmoja wa kalenda, robo mwaka moja au mwaka mmoja.",
    INTERNAL: "Kuna tatizo limetokea upande wetu. Tafadhali jaribu tena.",
    MALFORMED_REQUEST: "Ombi halikuweza kusomeka.",
    REQUEST_TIMEOUT: "Mtandao ni wa polepole mno. Tafadhali jaribu tena.",
    HEADERS_TOO_LARGE: "Ombi ni kubwa mno kutumwa.",
  },
  help: {
    link: "Msaada",
    newTab: "(inafunguka kwenye kichupo kipya)",
  },
  tour: {
    start: "Pitia ziara",
    startFor: "Pitia ziara ya skrini hii",
    step: "Hatua {{current}} kati ya {{total}}",
    next: "Endelea",
    back: "Rudi",
    done: "Maliza",
    close: "Funga ziara",
    inbox: {
      queue: {
        title: "Foleni yako",
        body: "Ripoti za maeneo yako, mpya kwanza. Fungua moja kuisoma, kuithibitisha au kuikataa, kuikabidhi na kumjibu mwandishi wa ripoti.",
      },
      search: { title: "Utafutaji", body: "Pata ripoti kwa msimbo wake wa ufuatiliaji au kwa maneno ya maelezo yake." },
      filters: {
        title: "Vichujio",
        body: "Punguza foleni kwa hali, mahali, kundi, anayeshikilia ripoti na mengine. Anwani inahifadhi vichujio vyako: iwekee alamisho au uihifadhi kama mwonekano.",
      },
      training: {
        title: "Hali ya mafunzo",
        body: "Jizoeze kwenye ripoti za mazoezi: hazihesabiwi kamwe kwenye takwimu yoyote, na hakuna unachofanya huko kinachotumwa kwa mtu yeyote.",
      },
      help: {
        title: "Msaada",
        body: "Mwongozo wa skrini hii unafunguka kwenye kichupo kipya. Unaweza kupitia ziara hii tena kutoka hapa.",
      },
    },
    setup: {
      checklist: {
        title: "Orodha ya ukaguzi wa mipangilio",
        body: "Kile ambacho nchi imefanya hadi sasa, na kilichobaki kabla ripoti hazijaanza kuingia.",
      },
      sections: {
        title: "Sehemu",
        body: "Kila sehemu ina kipande kimoja cha mipangilio ya nchi: jiografia, vituo, fomu, maudhui, akaunti za wafanyakazi na mengine.",
      },
      nav: {
        title: "Urambazaji wa mipangilio",
        body: "Hamia kati ya sehemu kutoka hapa kwenye kila ukurasa wa Mipangilio.",
      },
      help: {
        title: "Msaada",
        body: "Mwongozo wa skrini hii unafunguka kwenye kichupo kipya. Unaweza kupitia ziara hii tena kutoka hapa.",
      },
    },
  },
};

export default common;
