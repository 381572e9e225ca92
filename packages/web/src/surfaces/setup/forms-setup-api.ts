import type {
  CreateTaxonomyItemBody,
  ImportTaxonomyResult,
  SetupTaxonomy,
  SetupTaxonomyItem,
  TaxonomyImportProblem,
  UpdateTaxonomyItemBody,
} from "@openclm/contracts";
import { apiUrl } from "../../api/client.js";
import { staffGet, staffSend } from "../../api/staff-client.js";
import { sendChecked } from "./geography-setup-api.js";

/** Set-up of the challenge taxonomy and key populations (issue 13 item 5). */
export const formsApi = {
  load: () => staffGet<SetupTaxonomy>("/setup/taxonomy"),
  create: (body: CreateTaxonomyItemBody) => staffSend<SetupTaxonomyItem>("POST", "/setup/taxonomy", body),
  update: (code: string, body: UpdateTaxonomyItemBody) =>
    staffSend<SetupTaxonomyItem>("PATCH", `/setup/taxonomy/${encodeURIComponent(code)}`, body),
  importSheet: (data: string, dryRun: boolean) =>
    sendChecked<ImportTaxonomyResult, TaxonomyImportProblem>("POST", "/setup/taxonomy/import", {
      format: "xlsx",
      data,
      dryRun,
    }),
  exportUrl: () => apiUrl("/setup/taxonomy/export"),
};

/** A chosen file as base64, as importTaxonomy takes it. */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
