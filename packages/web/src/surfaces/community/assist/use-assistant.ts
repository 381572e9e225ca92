import type { AssistantKind } from "@openclm/contracts";
import { communityAssistantKinds, staffAssistantKinds } from "@openclm/contracts/constants";
import { useEffect, useState } from "preact/hooks";
import { callApi } from "../../../api/client.js";
import { hasAccountHint } from "../my-reports/account-api.js";
import { isPeerSupporterDevice, rememberPeerSupporter } from "./assist-role.js";
import { isDeskDevice } from "./desk-device.js";

/** Who may report for someone on this device, and as which kinds of assistant (the server checks again). */
export interface Assistant {
  as: "staff" | "community" | "desk";
  kinds: readonly AssistantKind[];
  /** A peer supporter who also moderates the forum (`forum:moderate`): home links to the queue (/inbox/forum). */
  moderates?: boolean;
}

const STAFF: Assistant = { as: "staff", kinds: staffAssistantKinds };
const COMMUNITY: Assistant = { as: "community", kinds: communityAssistantKinds };
const DESK: Assistant = { as: "desk", kinds: ["facility_desk"] };

function fromHints(): Assistant | null {
  if (isDeskDevice()) return DESK;
  if (isPeerSupporterDevice()) return STAFF;
  return hasAccountHint() ? COMMUNITY : null;
}

/**
 * A peer supporter (staff sign-in, cookie shared on the origin) reports as a peer supporter, treatment supporter or
 * health worker; a community account as family or treatment supporter; anyone else for themselves. Offline, or with
 * an expired session, the device's hints decide: the report waits in the outbox until its sender signs in again.
 */
export function useAssistant(): Assistant | null {
  const [assistant, setAssistant] = useState(fromHints);
  useEffect(() => {
    if (isDeskDevice() || !mayHoldStaffSession() || !navigator.onLine) return;
    const ctrl = new AbortController();
    callApi("GET /me", {}, { signal: ctrl.signal }).then(
      (me) => {
        const peer = me.permissions.includes("report:submit_on_behalf");
        rememberPeerSupporter(peer);
        setAssistant(peer ? { ...STAFF, moderates: me.permissions.includes("forum:moderate") } : fromHints());
      },
      () => undefined, // offline or signed out since: the hints stand
    );
    return () => ctrl.abort();
  }, []);
  return assistant;
}

function mayHoldStaffSession(): boolean {
  try {
    return localStorage.getItem("openclm.staffSession") === "1";
  } catch {
    return true;
  }
}
