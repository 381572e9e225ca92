import type { DemoContentTranslation } from "./demo-content.js";

/** Demoland's sample content in Kiswahili, by slug (machine-assisted: to be reviewed like the rest). */
export const demoContentSw: DemoContentTranslation = {
  "right-to-health": {
    title: "Haki yako ya afya",
    summary: "Huduma za TB zinapaswa kupatikana, kumudu gharama, kuheshimu utu na kuwa bora.",
    body: "Kila mtu ana haki ya kiwango cha juu kabisa cha afya kinachoweza kufikiwa. Kwa TB hii inamaanisha:\n\n- **Zinapatikana**: vipimo na dawa zipo kwenye kliniki yako.\n- **Zinafikika**: unaweza kufika kwenye huduma na kumudu gharama. Katika programu nyingi za taifa, vipimo na dawa za TB ni bure.\n- **Zinakubalika**: wafanyakazi wanakuheshimu na kuongea kwa lugha unayoielewa.\n- **Ni bora**: unapata vipimo na matibabu yanayopendekezwa na miongozo ya sasa.\n\nKama mojawapo ya haya halipo, unaweza kuliripoti kwenye programu hii.",
  },
  "freedom-from-discrimination": {
    title: "Uhuru dhidi ya ubaguzi",
    summary: "Hakuna anayeruhusiwa kukunyima matibabu, kazi au shule kwa sababu una TB au uliwahi kuwa nayo.",
    body: "Kuwa na TB, au kuwahi kuwa nayo, si sababu ya kukutendea vibaya kuliko wengine.\n\n- Kliniki hairuhusiwi kukataa kukutibu au kukusubirisha mwisho kwa sababu ya TB.\n- Mwajiri hairuhusiwi kukufukuza kazi kwa sababu una TB. Watu wanaopata matibabu yanayofanya kazi kwa kawaida wanaweza kurudi kazini au shuleni mhudumu wa afya akisema hivyo.\n- Familia yako, mwenye nyumba au shule hawapaswi kukutenga.\n\nUbaguzi mara nyingi unahusiana pia na mambo mengine: kuwa mwanamke, mhamiaji, kuishi na VVU, kutumia dawa za kulevya au kuwa gerezani. Una haki zile zile.",
  },
  "privacy-and-confidentiality": {
    title: "Faragha na usiri",
    summary: "Taarifa zako za afya ni zako. Zinashirikiwa na wanaokuhudumia tu, au kwa ridhaa yako.",
    body: "- Wahudumu wa afya lazima watunze siri ya utambuzi wako wa TB.\n- Hawaruhusiwi kumwambia mwajiri wako, majirani au familia bila ridhaa yako.\n- Unaweza kuomba kuhudumiwa faraghani na kumbukumbu zako zihifadhiwe salama.\n\nRipoti unazotuma kwenye programu hii pia zinashughulikiwa kwa siri: unaweza kuripoti bila kutaja jina lako.",
  },
  "informed-consent": {
    title: "Ridhaa baada ya kuelezwa",
    summary: "Una haki ya kuelewa kipimo au matibabu na kukubali kabla hayajaanza.",
    body: "Kabla ya kipimo au matibabu, mhudumu wa afya anapaswa kukueleza kwa maneno unayoyaelewa:\n\n1. ni kwa ajili ya nini na yanafanywaje;\n2. matibabu yanachukua muda gani na madhara gani yanaweza kutokea;\n3. kuna njia gani nyingine.\n\nUnaweza kuuliza maswali, kuomba mtu unayemwamini awe nawe, na kuchukua muda kuamua.",
  },
  "when-a-right-is-denied": {
    title: "Ufanye nini haki yako inaponyimwa",
    summary: "Andika kilichotokea, kiripoti hapa, na uombe msaada.",
    body: "1. **Andika** kilichotokea: tarehe, mahali na, ukiweza, waliohusika.\n2. **Kiripoti** kwenye programu hii kupitia *Ripoti tatizo*. Unaweza kubaki bila kujulikana. Unapata msimbo wa kufuatilia ripoti yako.\n3. **Omba msaada**: msaidizi rika au huduma ya msaada wa kisheria anaweza kukusaidia. Tazama *Karibu nami* kwa huduma zilizo karibu nawe.\n\nWahudumu huangalia kila ripoti. Mifumo inayojitokeza katika ripoti nyingi huonyeshwa kwa programu ya TB ili ishughulikiwe.",
  },
  "legal-aid": {
    title: "Msaada wa kisheria",
    summary: "Ushauri wa kisheria bure unaweza kusaidia unapopoteza kazi, kunyimwa matibabu au faragha yako kuvunjwa.",
    body: "Huduma za msaada wa kisheria na baadhi ya mashirika yasiyo ya kiserikali hutoa ushauri bure kwa watu walioathiriwa na TB. Wanaweza:\n\n- kukueleza haki zako katika hali yako;\n- kukusaidia kuandika malalamiko;\n- kwenda nawe kuongea na mwajiri, kliniki au afisa.\n\nKwenye programu hii, *Karibu nami* inaorodhesha huduma za msaada wa kisheria. Unaporipoti tatizo unaweza pia kuomba kuwasiliana nawe.",
  },
  "tb-symptoms": {
    title: "Dalili za TB",
    summary:
      "Kikohozi cha wiki mbili au zaidi, homa, kutokwa jasho usiku na kupungua uzito vinaweza kuwa dalili za TB.",
    body: "TB kwa kawaida huathiri mapafu. Dalili za kawaida ni:\n\n- kikohozi kinachodumu **wiki mbili au zaidi**, wakati mwingine chenye damu;\n- homa na kutokwa jasho usiku;\n- kupungua uzito bila sababu;\n- kuchoka sana, maumivu ya kifua.\n\nTB inatibika. Ukiwa na dalili hizi, nenda kliniki na uombe kupimwa TB. Watoto na watu wanaoishi na VVU wanaweza kuwa na dalili chache au tofauti.",
  },
  "tb-testing": {
    title: "Kupima",
    summary:
      "Kipimo cha haraka cha molekuli kwenye sampuli ya makohozi kinaweza kugundua TB na usugu wa dawa ndani ya saa chache.",
    body: "Shirika la Afya Duniani linapendekeza **kipimo cha haraka cha molekuli** kama kipimo cha kwanza cha TB. Kwa kawaida hutumia sampuli ya makohozi (kamasi unayotoa ukikohoa) na pia huonyesha kama TB ni sugu dhidi ya rifampicin, dawa kuu ya TB.\n\nX-ray ya kifua inaweza kusaidia kuwapata watu wanaohitaji kupimwa. Watoto wanaweza kupimwa kwa sampuli nyingine, kama kinyesi.\n\nUliza majibu yako na maana yake. Kupima TB ni bure katika programu nyingi za taifa.",
  },
  "tb-treatment": {
    title: "Matibabu na muda wake",
    summary: "TB inatibiwa kwa dawa kadhaa zinazomezwa kila siku, kwa kawaida kwa miezi 4 hadi 6.",
    body: "- Matibabu ya kawaida ya TB isiyo sugu huchukua **miezi 6**: dawa nne kwa miezi 2, kisha dawa mbili kwa miezi 4.\n- Matibabu mafupi ya **miezi 4** yanapendekezwa kwa baadhi ya watu, kwa mfano watoto wenye TB isiyo kali.\n- Meza kila dozi, hata unapojisikia vizuri. Kuacha mapema kunaweza kufanya TB irudi na kuwa sugu dhidi ya dawa.\n\nMuombe mhudumu wako wa afya msaidizi wa matibabu au vikumbusho ukivihitaji.",
  },
  "side-effects": {
    title: "Madhara ya dawa na ufanye nini",
    summary: "Madhara mengi ni madogo. Mengine yanahitaji mhudumu wa afya mara moja. Usiache matibabu mwenyewe kamwe.",
    body: "**Ya kawaida na kwa kawaida madogo**: kichefuchefu, kupungua hamu ya kula, maumivu ya viungo. Kumeza dawa na chakula kidogo kunaweza kusaidia. Mkojo na machozi ya rangi ya machungwa au nyekundu ni kawaida kwa rifampicin.\n\n**Mjulishe mhudumu wa afya mapema**: kuwashwa au kuungua kwenye mikono au miguu (vitamini B6 inaweza kusaidia), muwasho au vipele.\n\n**Nenda kwa mhudumu wa afya mara moja**: macho au ngozi ya njano, mkojo mweusi, kutapika mara kwa mara, mabadiliko ya kuona, vipele vikali.\n\nUsiache dawa zako mwenyewe: mhudumu wako wa afya anaweza kubadilisha matibabu kwa usalama. Kama madhara hayachukuliwi kwa uzito, unaweza kuripoti hapa.",
  },
  "drug-resistant-tb": {
    title: "TB sugu dhidi ya dawa",
    summary: "TB sugu pia inatibika. Matibabu mapya ni mafupi zaidi, mara nyingi miezi 6, na ni ya vidonge.",
    body: "TB ni sugu dhidi ya dawa pale dawa kuu zinapoacha kufanya kazi dhidi yake. Inaweza kuambukizwa kwa wengine au kutokea matibabu yanapokatizwa.\n\n- Hugunduliwa kwa vipimo vile vile vya haraka na vipimo zaidi maabara.\n- Shirika la Afya Duniani linapendekeza **matibabu ya miezi 6 ya dawa nne za kumeza** (BPaLM) kwa watu wengi wenye umri wa miaka 14 na zaidi. Wengine hupata matibabu ya miezi 9 au zaidi.\n- Msaada wa chakula, nauli na madhara ya dawa huwasaidia watu kumaliza matibabu.\n\nTB sugu inatibika.",
  },
  "preventive-treatment": {
    title: "Tiba kinga",
    summary: "Watu walio katika hatari kubwa wanaweza kupata tiba fupi inayozuia maambukizi ya TB kuwa ugonjwa wa TB.",
    body: "Baadhi ya watu wana maambukizi ya TB bila kuwa wagonjwa. Tiba kinga hupunguza uwezekano wa maambukizi hayo kugeuka kuwa ugonjwa wa TB.\n\nHutolewa hasa kwa watu wanaoishi na VVU na kwa wanaoishi nyumba moja na mtu mwenye TB, baada ya mhudumu wa afya kuhakikisha kwamba hawana ugonjwa wa TB.\n\nNjia fupi zinazopendekezwa na Shirika la Afya Duniani ni pamoja na **miezi 3** ya dozi ya kila wiki ya dawa mbili, au **mwezi 1** wa dozi za kila siku. Njia ndefu zaidi huchukua miezi 6.",
  },
  "household-contacts": {
    title: "Familia na wanaoishi nawe",
    summary: "Watu unaoishi nao wanapaswa kuchunguzwa TB; watoto chini ya miaka 5 wanahitaji uangalizi maalum.",
    body: "TB huenea kupitia hewa pale mtu mwenye TB ya mapafu anapokohoa, anapoongea au anapoimba.\n\n- Kila mtu anayeishi nawe anapaswa **kuchunguzwa TB**, hasa watoto chini ya miaka 5 na watu wanaoishi na VVU.\n- Wasio na ugonjwa wa TB wanaweza kupewa tiba kinga.\n- Fungua madirisha na funika mdomo unapokohoa. Baada ya wiki kadhaa za matibabu yanayofanya kazi, uwezekano wa mtu kuambukiza TB hupungua sana.\n\nHuhitaji sahani au vikombe tofauti: TB haienei kwa njia hiyo.",
  },
  "nutrition-and-support": {
    title: "Lishe na msaada",
    summary: "Chakula bora, fedha za usafiri na mtu wa kuongea naye huwasaidia watu kumaliza matibabu.",
    body: "- **Chakula**: TB na matibabu yake hutumia nguvu. Kula milo ya mara kwa mara unapoweza. Uliza kama programu yako inatoa msaada wa chakula.\n- **Fedha**: watu wengi hupoteza kipato wakati wa TB. Uliza kuhusu msaada wa nauli, msaada wa fedha au hifadhi ya jamii.\n- **Hisia**: wasiwasi na huzuni ni kawaida. Kuongea na msaidizi rika, mshauri au kikundi cha msaada husaidia.\n\n*Karibu nami* inaorodhesha huduma za lishe, hifadhi ya jamii na msaada wa kisaikolojia.",
  },
  "is-tb-curable": {
    title: "Je, TB inatibika?",
    summary: "Ndiyo.",
    body: "Ndiyo. TB, ikiwemo TB sugu dhidi ya dawa, inatibika matibabu kamili yakifuatwa.",
  },
  "missed-a-dose": {
    title: "Nikisahau dozi nifanye nini?",
    summary: "Mjulishe mhudumu wako wa afya au msaidizi wa matibabu.",
    body: "Mjulishe mhudumu wako wa afya au msaidizi wa matibabu haraka iwezekanavyo; atakuambia la kufanya. Usimeze dozi mbili kwa pamoja ili kufidia.",
  },
  "work-and-school": {
    title: "Je, naweza kuendelea na kazi au shule?",
    summary: "Kwa kawaida ndiyo, mhudumu wako wa afya akisema huambukizi tena.",
    body: "Kwa kawaida ndiyo. Baada ya wiki kadhaa za matibabu yanayofanya kazi, watu wengi wanaweza kurudi kazini au shuleni; mhudumu wako wa afya atakuambia lini. Kupoteza kazi au nafasi shuleni kwa sababu ya TB ni ubaguzi: unaweza kuuripoti.",
  },
  "is-my-report-private": {
    title: "Nani anaona ripoti yangu?",
    summary: "Wahudumu wanaoishughulikia pekee. Takwimu za umma hazionyeshi kamwe nani aliripoti.",
    body: "Wahudumu waliofunzwa katika eneo lako pekee ndio wanaosoma ripoti yako. Unaweza kuripoti bila jina lako. Takwimu zinazoonyeshwa kwa umma ni hesabu, na namba ndogo hufichwa ili hakuna anayeweza kutambulika.",
  },
  "your-reports-are-being-resolved": {
    title: "Ripoti zenu zinashughulikiwa",
    summary: "Wahudumu wa Demoland wanashughulikia matatizo mnayoripoti.",
    body: "Kila ripoti inasomwa na mhudumu. Tatizo likitatuliwa, aliyeliripoti anaombwa kuthibitisha. Asante kwa kuripoti: ndivyo matatizo yanavyoonekana na kutatuliwa.",
    figureLabel: "Ripoti zilizotatuliwa mwaka huu",
  },
  "medicines-are-free": {
    title: "Kumbusho: dawa za TB ni bure",
    summary: "Ripoti kadhaa zilisema watu waliombwa kulipia dawa za TB. Ni bure.",
    body: "Baadhi yenu mliripoti kuombwa kulipia dawa za TB. Katika programu ya Demoland vipimo na dawa za TB ni bure katika kliniki za umma. Ukiombwa kulipa, kiripoti hapa: wahudumu hulifuatilia na kliniki husika.",
  },
};
