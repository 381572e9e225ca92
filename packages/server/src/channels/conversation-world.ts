import type { LocalizedText, ReportQuestionsSetting } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { listAreas, listFacilities } from "../geography/geography.repo.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { reportQuestions } from "../settings/report-questions.js";
import { loadKeyPopulations, loadTaxonomy, type TaxonomyTree } from "../taxonomy/taxonomy.repo.js";
import { type ChannelTexts, loadChannelTexts } from "./conversation-texts.js";

/** Everything a conversation offers, as Set-up configured it: the same sources as the app's public config. */
export interface ConversationWorld {
  languages: { code: string; name: string }[];
  defaultLanguage: string;
  taxonomy: TaxonomyTree;
  /** Level-1 areas above the districts (empty when the districts hang directly under the country). */
  regions: { id: string; names: LocalizedText }[];
  districts: { id: string; names: LocalizedText; regionId: string | null }[];
  facilities: { id: string; names: LocalizedText; districtId: string }[];
  keyPopulations: { code: string; labels: LocalizedText }[];
  questions: ReportQuestionsSetting;
  /** The channel texts, Set-up's translations included. */
  text: ChannelTexts;
}

/** Language names as their speakers write them: the language question is asked before a language is known. */
const ENDONYMS: Record<string, string> = { en: "English", fr: "Francais", pt: "Portugues", ru: "Русский" };

export async function loadConversationWorld(db: Db): Promise<ConversationWorld> {
  const [langs, taxonomy, areaRows, facilityRows, keyPops, questions, text] = await Promise.all([
    listEnabledLanguages(db),
    loadTaxonomy(db),
    listAreas(db),
    listFacilities(db, {}),
    loadKeyPopulations(db),
    reportQuestions(db),
    loadChannelTexts(db),
  ]);
  const byId = new Map(areaRows.map((a) => [a.id, a]));
  const regionOf = (id: string | null): string | null => {
    for (let a = id ? byId.get(id) : undefined; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
      if (a.level === 1) return a.id;
    }
    return null;
  };
  const districts = areaRows
    .filter((a) => a.isLeaf && a.level > 0)
    .map((a) => ({ id: a.id, names: a.names, regionId: a.level === 1 ? null : regionOf(a.parentId) }));
  const regionIds = new Set(districts.map((d) => d.regionId).filter((id): id is string => id !== null));
  return {
    languages: langs.map((l) => ({ code: l.code, name: ENDONYMS[l.code] ?? l.name })),
    defaultLanguage: langs.find((l) => l.isDefault)?.code ?? langs[0]?.code ?? "en",
    taxonomy,
    regions: areaRows.filter((a) => regionIds.has(a.id)).map((a) => ({ id: a.id, names: a.names })),
    districts,
    facilities: facilityRows.map((f) => ({ id: f.id, names: f.names, districtId: f.districtId })),
    keyPopulations: keyPops.map((k) => ({ code: k.code, labels: k.labels })),
    questions,
    text,
  };
}
