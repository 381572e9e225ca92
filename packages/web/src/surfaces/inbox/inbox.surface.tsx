import { useLocation } from "preact-iso";
import { useT } from "../../i18n/use-t.js";
import { StaffShell } from "../staff/staff-shell.js";
import { InboxPage } from "./inbox-page.js";
import { RatingReview } from "./rating-review.js";
import { StoryReview } from "./story-review.js";

/**
 * /inbox — the first responder and data manager queue; /inbox/stories — the data manager's review of advocacy
 * stories; /inbox/ratings — ratings of facilities to review. The shell signs people in first.
 */
export default function InboxSurface() {
  const t = useT("inbox");
  const { path } = useLocation();
  const stories = path === "/inbox/stories" || path.startsWith("/inbox/stories/");
  const ratings = path === "/inbox/ratings";
  return (
    <StaffShell
      surface="inbox"
      title={stories ? t("stories.pageTitle") : ratings ? t("ratings.pageTitle") : t("title")}
    >
      {stories ? <StoryReview /> : ratings ? <RatingReview /> : <InboxPage />}
    </StaffShell>
  );
}
