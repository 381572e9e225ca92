import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/audit.js";

const audit: PartialCatalog<typeof en> = {
  title: "Kumbukumbu za ukaguzi",
  intro:
    "Kila utazamaji wa taarifa binafsi na kila mabadiliko yanarekodiwa hapa, katika mnyororo wa heshi unaoonyesha uhariri wowote wa baadaye. Chuja kumbukumbu, na uhakiki uadilifu wake.",
  integrity: {
    title: "Uhakiki wa uadilifu",
    intro:
      "Seva inakokotoa upya heshi ya kila tukio kuanzia la kwanza na kuhakiki vituo vya ukaguzi vilivyotiwa sahihi, kama npm run audit:verify inavyofanya.",
    run: "Hakiki uadilifu",
    running: "Inahakiki…",
    ok_one: "Kumbukumbu za ukaguzi ziko salama: tukio {{count}} limehakikiwa.",
    ok_other: "Kumbukumbu za ukaguzi ziko salama: matukio {{count}} yamehakikiwa.",
    bad_one: "Kumbukumbu za ukaguzi zimebadilishwa: tatizo {{count}} limepatikana.",
    bad_other: "Kumbukumbu za ukaguzi zimebadilishwa: matatizo {{count}} yamepatikana.",
    head: "Kichwa cha mnyororo",
    checkpoints: "Vituo vya ukaguzi vilivyotiwa sahihi",
    latestCheckpoint_one: "Kituo {{count}} cha ukaguzi; cha karibuni kwenye tukio #{{seq}}, {{at}}",
    latestCheckpoint_other: "Vituo {{count}} vya ukaguzi; cha karibuni kwenye tukio #{{seq}}, {{at}}",
    noCheckpoint: "Bado hakuna (seva hutia sahihi kimoja kila dakika 15).",
    checkedAt: "Imehakikiwa saa",
    problems: "Mahali mnyororo unapokatika (50 za kwanza):",
    record:
      "Andika heshi ya kichwa mahali pengine nje ya seva hii (kumbukumbu yenye tarehe, barua pepe kwako mwenyewe): uhakiki wa baadaye utathibitisha pia kwamba hakuna kilichoandikwa upya kabla yake.",
  },
  filters: {
    title: "Vichujio",
    actor: "Mfanyakazi (barua pepe)",
    action: "Kitendo",
    entity: "Kipengele",
    entityId: "Kitambulisho cha kipengele",
    from: "Kuanzia",
    to: "Hadi",
    personal: "Utazamaji wa taarifa binafsi pekee",
    utc: "Saa na tarehe ziko katika UTC.",
    actorId: "Mtendaji {{id}} pekee.",
    clearActorId: "Mtendaji yeyote",
    apply: "Onyesha matukio",
    clear: "Futa vichujio",
  },
  log: {
    title: "Matukio, ya karibuni kwanza",
    titleOlder: "Matukio ya zamani zaidi",
    loading: "Inapakia matukio…",
    none: "Hakuna tukio linalolingana na vichujio hivi.",
    pages: "Kurasa za kumbukumbu",
    newest: "Matukio ya karibuni",
    older: "Matukio ya zamani zaidi",
  },
  event: {
    personal: "Taarifa binafsi zimetazamwa",
    action: "Kitendo",
    actor: "Na",
    entity: "Kwenye",
    filterEntity: "Onyesha matukio ya {{entity}} {{id}} pekee",
    details: "Maelezo",
  },
  actor: {
    staff: "Akaunti ya mfanyakazi",
    community: "Akaunti ya jamii",
    other: "Mfumo au asiyejulikana",
  },
  outcome: {
    failure: "Imeshindwa",
    denied: "Imekataliwa",
  },
};

export default audit;
