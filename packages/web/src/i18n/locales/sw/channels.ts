import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/channels.js";

const channels: PartialCatalog<typeof en> = {
  category: "Nini kilitokea?",
  subcategory: "Aina gani?",
  challengeType: "Karibu zaidi na:",
  region: "Mkoa gani?",
  districtPrefix: "Andika herufi za kwanza za jina la wilaya (1: ona orodha):",
  noDistrict: "Hakuna wilaya inayoanza hivyo. Andika herufi nyingine (1: ona orodha):",
  district: "Wilaya gani?",
  facility: "Mahali gani?",
  noFacility: "Hakuna kati ya hivi",
  occurredOn: "Lini?",
  today: "Leo",
  yesterday: "Jana",
  lastWeek: "Wiki hii",
  lastMonth: "Mwezi huu",
  gender: "Wewe ni:",
  female: "Mwanamke",
  male: "Mwanamume",
  transgender: "Aliyebadili jinsia",
  other: "Nyingine",
  undisclosed: "Sipendi kusema",
  ageGroup: "Umri wako:",
  keyPopulations: "Je, uko katika mojawapo ya makundi haya?",
  noneOfThese: "Hapana / sitasema",
  contactMeChat: "Tunaweza kukuandikia katika mazungumzo haya mtu akijibu ripoti yako?",
  contactMe: "Tunaweza kutuma SMS kuhusu ripoti hii kwa namba hii?",
  shareDeidentified: "Tunaweza kuihesabu, bila jina lako, katika takwimu za umma?",
  useInAdvocacyStories: "Tunaweza kusimulia kilichotokea, bila jina lako, ili kudai mabadiliko?",
  yes: "Ndiyo",
  no: "Hapana",
  more: "Zaidi",
  back: "Rudi",
  invalid: "Si chaguo.",
  done: "Asante. Namba ya ripoti yako ni {{code}}. Itunze ili kufuatilia ripoti yako.",
  failed: "Samahani, hatukuweza kupokea ripoti yako sasa. Tafadhali jaribu tena baadaye.",
  simulated: "JARIBIO: ripoti ingepokelewa. Hakuna kilichohifadhiwa wala kutumwa.",
  chatStart:
    "Habari. Huduma hii hupokea kwa siri ripoti za matatizo ya huduma za afya. Chagua kwa vitufe au andika namba ya chaguo.",
  choose: "Chagua",
  smsStart: "Kuripoti tatizo, jibu REPORT.",
  replyTaken: "Asante. Ujumbe wako umeongezwa kwenye ripoti {{code}}.",
  // Messages the platform itself writes in the reporter's conversation (app, SMS, chat): a report accepted,
  // resolved, declined (why, and what the person can do), or part of a change. Never the illness.
  thread: {
    validated: "Asante. Ripoti yako imekaguliwa na kukubaliwa. Mhudumu atawasiliana nawe hapa.",
    resolved: "Tunaamini tatizo lako limetatuliwa. Je, ni kweli? Tafadhali tuambie kwenye ukurasa huu.",
    changed:
      "Asante kwa kusema. Ripoti yako, pamoja na nyingine, imeleta mabadiliko. Fungua Mabadiliko kwenye programu ili usome zaidi.",
    declined: {
      duplicate:
        "Asante kwa ripoti yako. Tayari tuna ripoti kuhusu tatizo hili hili, na timu inaishughulikia, kwa hiyo tumefunga nakala hii. Huhitaji kufanya chochote. Kama kuna jambo jipya limetokea, unaweza kutuma ripoti mpya.",
      not_registered:
        "Asante kwa ripoti yako. Programu hii inaweza kushughulikia ripoti za watu waliosajiliwa kupata huduma ndani yake tu, na hatukupata usajili huo. Kliniki au mhudumu wa afya ya jamii anaweza kukusaidia kujisajili; kisha unaweza kuripoti tena.",
      spam: "Asante kwa ripoti yako. Haikuonekana kuwa tatizo halisi la huduma au msaada, kwa hiyo hatukuweza kuishughulikia. Kama lilikuwa tatizo halisi, tafadhali itume tena na utueleze kilichotokea, wapi na lini.",
      insufficient_information:
        "Asante kwa ripoti yako. Hakukuwa na taarifa za kutosha kwa sisi kuchukua hatua. Unaweza kutuma ripoti mpya yenye maelezo zaidi: nini kilitokea, wapi na lini. Unaweza pia kutuandikia hapa.",
      out_of_scope:
        "Asante kwa ripoti yako. Tatizo hili liko nje ya kile ambacho programu hii inaweza kusaidia. Katika programu, “Pata huduma” inaorodhesha huduma zilizo karibu nawe zinazoweza kusaidia.",
      other:
        "Asante kwa ripoti yako. Safari hii hatukuweza kuiendeleza. Kama una maswali, tuandikie hapa na mhudumu atakujibu.",
    },
  },
};

export default channels;
