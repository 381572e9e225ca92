import type { FacilityType } from "@openclm/contracts";

/**
 * Demoland's names in the languages shipped beside the four default ones (Bahasa Indonesia, Kiswahili, Khmer). Kept
 * apart from demoland.ts so a language is added here without touching the names written side by side there. Place
 * names are invented proper nouns: the Latin-script languages keep the Latin spelling, Khmer transliterates them.
 */
/** The extra languages Demoland is written in (the Cyrillic ones, Tajik, Ukrainian and Kazakh, are not: it keeps them off). */
export const DEMO_EXTRA_LANGUAGES = ["id", "sw", "km"] as const;
export type DemoExtraLanguage = (typeof DEMO_EXTRA_LANGUAGES)[number];
export type ExtraText = Record<DemoExtraLanguage, string>;

export const COUNTRY_NAMES: ExtraText = { id: "Demoland", sw: "Demoland", km: "ដេម៉ូឡែន" };

/** Regions by code. */
export const REGION_NAMES: Record<string, ExtraText> = {
  "DL-N": { id: "Korvana", sw: "Korvana", km: "កូវ៉ាណា" },
  "DL-E": { id: "Dataran Tinggi Timur", sw: "Nyanda za Juu Mashariki", km: "តំបន់ខ្ពង់រាបខាងកើត" },
  "DL-S": { id: "Lumbeza", sw: "Lumbeza", km: "លុំបេហ្សា" },
  "DL-W": { id: "Lembah Zelmir", sw: "Bonde la Zelmir", km: "ជ្រលងភ្នំហ្សែលមៀរ" },
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

/** A district's name in each extra language. */
export function districtExtraNames(latin: string): ExtraText {
  const km = DISTRICT_NAMES_KM[latin];
  if (!km) throw new Error(`no Khmer name for district ${latin}`);
  return { id: latin, sw: latin, km };
}

/** Facility name patterns: {p} is the district name. */
export const TYPE_NAMES_EXTRA: Record<FacilityType, ExtraText> = {
  tb_clinic: { id: "Klinik TBC {p}", sw: "Kliniki ya TB {p}", km: "គ្លីនិករបេង {p}" },
  dot_centre: {
    id: "Pos Pengobatan dengan Pengawasan (DOT) {p}",
    sw: "Kituo cha Matibabu chini ya Uangalizi (DOT) {p}",
    km: "មណ្ឌលព្យាបាលដោយមានការតាមដានផ្ទាល់ (DOT) {p}",
  },
  hospital: { id: "Rumah Sakit Daerah {p}", sw: "Hospitali ya Wilaya ya {p}", km: "មន្ទីរពេទ្យបង្អែកស្រុក {p}" },
  laboratory: { id: "Laboratorium TBC {p}", sw: "Maabara ya TB ya {p}", km: "មន្ទីរពិសោធន៍របេង {p}" },
  pharmacy: { id: "Apotek Komunitas {p}", sw: "Duka la Dawa la Jamii {p}", km: "ឱសថស្ថានសហគមន៍ {p}" },
  ngo: { id: "Jaringan Komunitas TBC {p}", sw: "Mtandao wa Jamii wa TB {p}", km: "បណ្ដាញសហគមន៍របេង {p}" },
  legal_aid: {
    id: "Lembaga Bantuan Hukum {p}",
    sw: "Ofisi ya Msaada wa Kisheria {p}",
    km: "ការិយាល័យជំនួយផ្លូវច្បាប់ {p}",
  },
  psychosocial: { id: "Pusat Konseling {p}", sw: "Kituo cha Ushauri Nasaha {p}", km: "មណ្ឌលប្រឹក្សា {p}" },
  nutrition: { id: "Pusat Bantuan Pangan {p}", sw: "Kituo cha Msaada wa Chakula {p}", km: "មណ្ឌលជំនួយអាហារ {p}" },
  social_protection: {
    id: "Dinas Sosial {p}",
    sw: "Ofisi ya Ustawi wa Jamii {p}",
    km: "ការិយាល័យសុខុមាលភាពសង្គម {p}",
  },
  point_of_interest: {
    id: "Pos Informasi Komunitas {p}",
    sw: "Kituo cha Taarifa cha Jamii {p}",
    km: "ចំណុចព័ត៌មានសហគមន៍ {p}",
  },
};

/** Street names in the order of STREETS in demoland-facilities.ts. */
export const STREETS_EXTRA: ExtraText[] = [
  { id: "Jalan Pasar", sw: "Mtaa wa Soko", km: "ផ្លូវផ្សារ" },
  { id: "Jalan Stasiun", sw: "Barabara ya Stesheni", km: "ផ្លូវស្ថានីយ" },
  { id: "Gang Rumah Sakit", sw: "Mtaa wa Hospitali", km: "ផ្លូវមន្ទីរពេទ្យ" },
  { id: "Jalan Merdeka", sw: "Barabara ya Uhuru", km: "មហាវិថីឯករាជ្យ" },
  { id: "Jalan Sungai", sw: "Mtaa wa Mto", km: "ផ្លូវទន្លេ" },
  { id: "Jalan Sekolah", sw: "Mtaa wa Shule", km: "ផ្លូវសាលា" },
  { id: "Jalan Taman", sw: "Mtaa wa Bustani", km: "ផ្លូវសួនច្បារ" },
];

/** A facility's name in each extra language, from its type's pattern and its district's names. */
export function facilityExtraNames(type: FacilityType, district: ExtraText): ExtraText {
  const tpl = TYPE_NAMES_EXTRA[type];
  return {
    id: tpl.id.replace("{p}", district.id),
    sw: tpl.sw.replace("{p}", district.sw),
    km: tpl.km.replace("{p}", district.km),
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
  };
}
