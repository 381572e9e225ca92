import { useLocation } from "preact-iso";
import { useT } from "../../i18n/use-t.js";
import { hasPermission, useMe, useSession } from "../staff/session-store.js";
import { StaffShell } from "../staff/staff-shell.js";
import { ForumModeration } from "./forum-moderation.js";
import { InboxPage } from "./inbox-page.js";
import { RatingReview } from "./rating-review.js";
import { StoryReview } from "./story-review.js";

/**
 * /inbox — the first responder and data manager queue; /inbox/stories — the data manager's review of advocacy
 * stories; /inbox/ratings — ratings of facilities to review; /inbox/forum — the peer supporters' moderation of the
 * forum and their support groups (also what /inbox shows a peer supporter, who has no report queue). The shell signs
 * people in first.
 */
export default function InboxSurface() {
  const t = useT("inbox");
  const { path } = useLocation();
  const stories = path === "/inbox/stories" || path.startsWith("/inbox/stories/");
  const ratings = path === "/inbox/ratings";
  const session = useSession();
  // A peer supporter has no report queue: /inbox is their forum moderation.
  const peerOnly = session.status === "signed-in" && !hasPermission(session.me, "inbox:read");
  const forum = path === "/inbox/forum" || (path === "/inbox" && peerOnly);
  return (
    <StaffShell
      surface="inbox"
      title={
        stories ? t("stories.pageTitle") : ratings ? t("ratings.pageTitle") : forum ? t("forum.pageTitle") : t("title")
      }
    >
      {stories ? <StoryReview /> : ratings ? <RatingReview /> : forum ? <ForumModeration /> : <QueueOrForum />}
    </StaffShell>
  );
}

/** The report queue; a peer supporter, who has none, moderates the forum here instead. */
function QueueOrForum() {
  const me = useMe();
  return hasPermission(me, "inbox:read") ? <InboxPage /> : <ForumModeration />;
}
