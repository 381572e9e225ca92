import type { FacilityType } from "@openclm/contracts";

/**
 * Demoland's names in the languages shipped beside the four default ones (Bahasa Indonesia, Kiswahili, Khmer, Tajik,
 * Ukrainian, Kazakh; machine-assisted, to be reviewed like the rest). Kept apart from demoland.ts so a language is
 * added here without touching the names written side by side there. Place names are invented proper nouns: the
 * Latin-script languages keep the Latin spelling, Khmer transliterates them, the Cyrillic ones write them as Russian
 * does (Ukrainian with its own letters).
 */
/** The extra languages Demoland is written in. */
export const DEMO_EXTRA_LANGUAGES = ["id", "sw", "km", "tg", "uk", "kk"] as const;
export type DemoExtraLanguage = (typeof DEMO_EXTRA_LANGUAGES)[number];
export type ExtraText = Record<DemoExtraLanguage, string>;

export const COUNTRY_NAMES: ExtraText = {
  id: "Demoland",
  sw: "Demoland",
  km: "ដេម៉ូឡែន",
  tg: "Демоленд",
  uk: "Демоленд",
  kk: "Демоленд",
};

/** Regions by code. */
export const REGION_NAMES: Record<string, ExtraText> = {
  "DL-N": { id: "Korvana", sw: "Korvana", km: "កូវ៉ាណា", tg: "Корвана", uk: "Корвана", kk: "Корвана" },
  "DL-E": {
    id: "Dataran Tinggi Timur",
    sw: "Nyanda za Juu Mashariki",
    km: "តំបន់ខ្ពង់រាបខាងកើត",
    tg: "Кӯҳистони Шарқӣ",
    uk: "Східне нагір'я",
    kk: "Шығыс таулы өңірі",
  },
  "DL-S": { id: "Lumbeza", sw: "Lumbeza", km: "លុំបេហ្សា", tg: "Лумбеза", uk: "Лумбеза", kk: "Лумбеза" },
  "DL-W": {
    id: "Lembah Zelmir",
    sw: "Bonde la Zelmir",
    km: "ជ្រលងភ្នំហ្សែលមៀរ",
    tg: "Водии Зелмир",
    uk: "Зельмірська долина",
    kk: "Зелмир алқабы",
  },
};

/** Districts by their Latin name, in Khmer script. */
export const DISTRICT_NAMES_KM: Record<string, string> = {
  Tashkor: "តាស់ក",
  Brevnik: "ប្រេវនិក",
  Ozyrta: "អូហ្ស៊ីរតា",
  Ostravin: "អូស្ត្រាវីន",
  Dalbek: "ដាល់បេក",
  Marula: "ម៉ារូឡា",
  Yeskara: "យេស្ការ៉ា",
  Moreza: "ម៉ូរេហ្សា",
  Zambuka: "ហ្សាំប៊ូកា",
  Chimbara: "ឈីមបារ៉ា",
  Ndumeli: "ន្ឌូមេលី",
  Grodvin: "ក្រូដវីន",
  Tuzmala: "ទូហ្សម៉ាឡា",
  Velisk: "វេលីស្ក",
};

/** Districts by their Latin name, in Cyrillic: Tajik and Kazakh as Russian writes them, Ukrainian with its letters. */
export const DISTRICT_NAMES_CYRILLIC: Record<string, { tg: string; uk: string; kk: string }> = {
  Tashkor: { tg: "Ташкор", uk: "Ташкор", kk: "Ташкор" },
  Brevnik: { tg: "Бревник", uk: "Бревнік", kk: "Бревник" },
  Ozyrta: { tg: "Озирта", uk: "Озирта", kk: "Озырта" },
  Ostravin: { tg: "Остравин", uk: "Остравін", kk: "Остравин" },
  Dalbek: { tg: "Далбек", uk: "Далбек", kk: "Далбек" },
  Marula: { tg: "Марула", uk: "Марула", kk: "Марула" },
  Yeskara: { tg: "Ескара", uk: "Єскара", kk: "Ескара" },
  Moreza: { tg: "Мореза", uk: "Мореза", kk: "Мореза" },
  Zambuka: { tg: "Замбука", uk: "Замбука", kk: "Замбука" },
  Chimbara: { tg: "Чимбара", uk: "Чимбара", kk: "Чимбара" },
  Ndumeli: { tg: "Ндумели", uk: "Ндумелі", kk: "Ндумели" },
  Grodvin: { tg: "Гродвин", uk: "Гродвін", kk: "Гродвин" },
  Tuzmala: { tg: "Тузмала", uk: "Тузмала", kk: "Тузмала" },
  Velisk: { tg: "Велиск", uk: "Веліськ", kk: "Велиск" },
};

/** A district's name in each extra language. */
export function districtExtraNames(latin: string): ExtraText {
  const km = DISTRICT_NAMES_KM[latin];
  const cyrillic = DISTRICT_NAMES_CYRILLIC[latin];
  if (!km || !cyrillic) throw new Error(`no Khmer or Cyrillic name for district ${latin}`);
  return { id: latin, sw: latin, km, ...cyrillic };
}

/** Facility name patterns: {p} is the district name. */
export const TYPE_NAMES_EXTRA: Record<FacilityType, ExtraText> = {
  tb_clinic: {
    id: "Klinik TBC {p}",
    sw: "Kliniki ya TB {p}",
    km: "គ្លីនិករបេង {p}",
    tg: "Диспансери зидди сил, {p}",
    uk: "Протитуберкульозний диспансер, {p}",
    kk: "{p} туберкулезге қарсы диспансері",
  },
  dot_centre: {
    id: "Pos Pengobatan dengan Pengawasan (DOT) {p}",
    sw: "Kituo cha Matibabu chini ya Uangalizi (DOT) {p}",
    km: "មណ្ឌលព្យាបាលដោយមានការតាមដានផ្ទាល់ (DOT) {p}",
    tg: "Нуқтаи табобати назоратшаванда (DOT), {p}",
    uk: "Пункт контрольованого лікування (DOT), {p}",
    kk: "{p} бақыланатын емдеу пункті (DOT)",
  },
  hospital: {
    id: "Rumah Sakit Daerah {p}",
    sw: "Hospitali ya Wilaya ya {p}",
    km: "មន្ទីរពេទ្យបង្អែកស្រុក {p}",
    tg: "Беморхонаи ноҳиявии {p}",
    uk: "Районна лікарня, {p}",
    kk: "{p} аудандық ауруханасы",
  },
  laboratory: {
    id: "Laboratorium TBC {p}",
    sw: "Maabara ya TB ya {p}",
    km: "មន្ទីរពិសោធន៍របេង {p}",
    tg: "Лабораторияи сил, {p}",
    uk: "Протитуберкульозна лабораторія, {p}",
    kk: "{p} туберкулез зертханасы",
  },
  pharmacy: {
    id: "Apotek Komunitas {p}",
    sw: "Duka la Dawa la Jamii {p}",
    km: "ឱសថស្ថានសហគមន៍ {p}",
    tg: "Дорухона, {p}",
    uk: "Аптека, {p}",
    kk: "{p} дәріханасы",
  },
  ngo: {
    id: "Jaringan Komunitas TBC {p}",
    sw: "Mtandao wa Jamii wa TB {p}",
    km: "បណ្ដាញសហគមន៍របេង {p}",
    tg: "Шабакаи ҷамъиятии зидди сил, {p}",
    uk: "Громадська мережа проти туберкульозу, {p}",
    kk: "{p} туберкулезге қарсы қоғамдық желісі",
  },
  legal_aid: {
    id: "Lembaga Bantuan Hukum {p}",
    sw: "Ofisi ya Msaada wa Kisheria {p}",
    km: "ការិយាល័យជំនួយផ្លូវច្បាប់ {p}",
    tg: "Бюрои ёрии ройгони ҳуқуқӣ, {p}",
    uk: "Бюро безоплатної правничої допомоги, {p}",
    kk: "{p} тегін заң көмегі бюросы",
  },
  psychosocial: {
    id: "Pusat Konseling {p}",
    sw: "Kituo cha Ushauri Nasaha {p}",
    km: "មណ្ឌលប្រឹក្សា {p}",
    tg: "Маркази дастгирии равонӣ, {p}",
    uk: "Центр психологічної підтримки, {p}",
    kk: "{p} психологиялық қолдау орталығы",
  },
  nutrition: {
    id: "Pusat Bantuan Pangan {p}",
    sw: "Kituo cha Msaada wa Chakula {p}",
    km: "មណ្ឌលជំនួយអាហារ {p}",
    tg: "Маркази кӯмаки озуқаворӣ, {p}",
    uk: "Центр продуктової допомоги, {p}",
    kk: "{p} азық-түлік көмегі орталығы",
  },
  social_protection: {
    id: "Dinas Sosial {p}",
    sw: "Ofisi ya Ustawi wa Jamii {p}",
    km: "ការិយាល័យសុខុមាលភាពសង្គម {p}",
    tg: "Шуъбаи ҳифзи иҷтимоӣ, {p}",
    uk: "Відділ соціального захисту, {p}",
    kk: "{p} әлеуметтік қорғау бөлімі",
  },
  point_of_interest: {
    id: "Pos Informasi Komunitas {p}",
    sw: "Kituo cha Taarifa cha Jamii {p}",
    km: "ចំណុចព័ត៌មានសហគមន៍ {p}",
    tg: "Нуқтаи иттилоотӣ, {p}",
    uk: "Інформаційний пункт, {p}",
    kk: "{p} ақпарат пункті",
  },
};

/** Street names in the order of STREETS in demoland-facilities.ts. */
export const STREETS_EXTRA: ExtraText[] = [
  { id: "Jalan Pasar", sw: "Mtaa wa Soko", km: "ផ្លូវផ្សារ", tg: "кӯчаи Бозор", uk: "вул. Ринкова", kk: "Базар көшесі" },
  {
    id: "Jalan Stasiun",
    sw: "Barabara ya Stesheni",
    km: "ផ្លូវស្ថានីយ",
    tg: "кӯчаи Вокзал",
    uk: "вул. Вокзальна",
    kk: "Вокзал көшесі",
  },
  {
    id: "Gang Rumah Sakit",
    sw: "Mtaa wa Hospitali",
    km: "ផ្លូវមន្ទីរពេទ្យ",
    tg: "кӯчаи Беморхона",
    uk: "вул. Лікарняна",
    kk: "Аурухана көшесі",
  },
  {
    id: "Jalan Merdeka",
    sw: "Barabara ya Uhuru",
    km: "មហាវិថីឯករាជ្យ",
    tg: "хиёбони Истиқлол",
    uk: "просп. Незалежності",
    kk: "Тәуелсіздік даңғылы",
  },
  { id: "Jalan Sungai", sw: "Mtaa wa Mto", km: "ផ្លូវទន្លេ", tg: "кӯчаи Дарё", uk: "вул. Річкова", kk: "Өзен көшесі" },
  {
    id: "Jalan Sekolah",
    sw: "Mtaa wa Shule",
    km: "ផ្លូវសាលា",
    tg: "кӯчаи Мактаб",
    uk: "вул. Шкільна",
    kk: "Мектеп көшесі",
  },
  { id: "Jalan Taman", sw: "Mtaa wa Bustani", km: "ផ្លូវសួនច្បារ", tg: "кӯчаи Боғ", uk: "вул. Садова", kk: "Бақ көшесі" },
];

/** A facility's name in each extra language, from its type's pattern and its district's names. */
export function facilityExtraNames(type: FacilityType, district: ExtraText): ExtraText {
  const tpl = TYPE_NAMES_EXTRA[type];
  return {
    id: tpl.id.replace("{p}", district.id),
    sw: tpl.sw.replace("{p}", district.sw),
    km: tpl.km.replace("{p}", district.km),
    tg: tpl.tg.replace("{p}", district.tg),
    uk: tpl.uk.replace("{p}", district.uk),
    kk: tpl.kk.replace("{p}", district.kk),
  };
}

/** An address in each extra language, written the way each writes one. */
export function addressExtra(streetIndex: number, no: number, district: ExtraText): ExtraText {
  const street = STREETS_EXTRA[streetIndex];
  if (!street) throw new Error(`no street ${streetIndex}`);
  return {
    id: `${street.id} No. ${no}, ${district.id}`,
    sw: `${street.sw}, Na. ${no}, ${district.sw}`,
    km: `ផ្ទះលេខ ${no} ${street.km}, ${district.km}`,
    tg: `${street.tg}, ${no}, ${district.tg}`,
    uk: `${street.uk}, ${no}, ${district.uk}`,
    kk: `${district.kk}, ${street.kk}, ${no}`,
  };
}
