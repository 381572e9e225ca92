import type { StepId } from "./draft.js";
import { AgeStep } from "./steps/age-step.js";
import { CategoryStep } from "./steps/category-step.js";
import { ChallengesStep } from "./steps/challenges-step.js";
import { ConsentStep } from "./steps/consent-step.js";
import { ContactStep } from "./steps/contact-step.js";
import { FacilityStep } from "./steps/facility-step.js";
import { GenderStep } from "./steps/gender-step.js";
import { KeyPopulationsStep } from "./steps/key-populations-step.js";
import { PlaceStep } from "./steps/place-step.js";
import { ReviewStep } from "./steps/review-step.js";
import type { StepProps } from "./steps/step-props.js";
import { StoryStep } from "./steps/story-step.js";
import { SubcategoryStep } from "./steps/subcategory-step.js";
import { WhenStep } from "./steps/when-step.js";

/** The controls of one step. */
export function StepBody(props: StepProps & { step: StepId; onEdit(step: StepId): void }) {
  switch (props.step) {
    case "category":
      return <CategoryStep {...props} />;
    case "subcategory":
      return <SubcategoryStep {...props} />;
    case "challenges":
      return <ChallengesStep {...props} />;
    case "place":
      return <PlaceStep {...props} />;
    case "facility":
      return <FacilityStep {...props} />;
    case "when":
      return <WhenStep {...props} />;
    case "story":
      return <StoryStep {...props} />;
    case "gender":
      return <GenderStep {...props} />;
    case "age":
      return <AgeStep {...props} />;
    case "keyPopulations":
      return <KeyPopulationsStep {...props} />;
    case "consent":
      return <ConsentStep {...props} />;
    case "contact":
      return <ContactStep {...props} />;
    case "review":
      return <ReviewStep {...props} />;
  }
}
