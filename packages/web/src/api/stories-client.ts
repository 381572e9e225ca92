import type { ReviewStoryInput } from "@openclm/contracts";
import { staffApi } from "./staff-client.js";

/** Advocacy stories: the data manager's review (inbox) and the analysts' list (dashboard). */
export const storiesApi = {
  candidates: () => staffApi("GET /advocacy/story-candidates", {}),
  candidate: (id: string) => staffApi("GET /advocacy/story-candidates/:id", { params: { id } }),
  review: (id: string, body: ReviewStoryInput) =>
    staffApi("POST /advocacy/story-candidates/:id/review", { params: { id }, body }),
  approved: () => staffApi("GET /advocacy/stories", {}),
};
