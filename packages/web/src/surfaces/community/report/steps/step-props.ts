import type { PublicConfig } from "@openclm/contracts";
import type { Draft } from "../draft.js";
import type { UpdateDraft } from "../use-draft.js";
import type { StepErrors } from "../validate.js";

export interface StepProps {
  draft: Draft;
  update: UpdateDraft;
  errors: StepErrors;
  /** Id of the step's heading, naming single-question groups. */
  titleId: string;
  config: PublicConfig;
}
