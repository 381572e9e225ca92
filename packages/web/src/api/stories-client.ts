import type { AdvocacyStory, ReviewStoryInput, StoryCandidate, StoryCandidateDetail } from "@openclm/contracts";
import { staffGet, staffSend } from "./staff-client.js";

const candidatePath = (id: string, rest = "") => `/advocacy/story-candidates/${encodeURIComponent(id)}${rest}`;

/** Advocacy stories: the data manager's review (inbox) and the analysts' list (dashboard). */
export const storiesApi = {
  candidates: () => staffGet<{ items: StoryCandidate[] }>("/advocacy/story-candidates"),
  candidate: (id: string) => staffGet<StoryCandidateDetail>(candidatePath(id)),
  review: (id: string, body: ReviewStoryInput) =>
    staffSend<{ status: "approved" | "rejected" }>("POST", candidatePath(id, "/review"), body),
  approved: () => staffGet<{ items: AdvocacyStory[] }>("/advocacy/stories"),
};
