import { useEffect, useState } from "preact/hooks";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { trackCall } from "./use-tracked-report.js";

/** Which reports this phone follows (their codes are already kept on it, in My reports). */
const FOLLOWED_KEY = "openclm.pushFollowed";

function followed(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(FOLLOWED_KEY) ?? "[]") as unknown;
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === "string") : [];
  } catch {
    return [];
  }
}

function setFollowed(code: string, on: boolean): void {
  const rest = followed().filter((c) => c !== code);
  try {
    localStorage.setItem(FOLLOWED_KEY, JSON.stringify(on ? [...rest, code] : rest));
  } catch {
    // Private mode: the server still knows; the button just forgets it on this page.
  }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

const supported = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/**
 * "Tell me when someone answers", for a report kept on this phone: asks the browser's permission only on the tap,
 * says first what the notification will say (nothing that names the illness or the message), and can be turned off.
 */
export function PushBox(props: { code: string }) {
  const t = useT("app");
  const lng = useLanguage();
  const { config } = useConfig();
  const { busy, error, run } = useAction();
  const [on, setOn] = useState(() => followed().includes(props.code));
  const [unavailable, setUnavailable] = useState(false);
  const [denied, setDenied] = useState(() => supported() && Notification.permission === "denied");
  useEffect(() => setOn(followed().includes(props.code)), [props.code]);
  if (!config?.webPushPublicKey) return null;

  const ref = `${props.code.slice(0, 4)}-····`;
  const follow = () =>
    run(async () => {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setDenied(permission === "denied");
        return;
      }
      let subscription: PushSubscription;
      try {
        const registration = await navigator.serviceWorker.ready;
        subscription =
          (await registration.pushManager.getSubscription()) ??
          (await registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(config.webPushPublicKey),
          }));
      } catch {
        // The browser has no push service here (private window, no vendor service): say so, not "our side".
        setUnavailable(true);
        return;
      }
      const json = subscription.toJSON();
      await trackCall(props.code, "push", {
        subscription: {
          endpoint: json.endpoint ?? "",
          keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
        },
        language: lng,
      });
      setFollowed(props.code, true);
      setOn(true);
    });
  const stop = () =>
    run(async () => {
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) await trackCall(props.code, "push/remove", { endpoint: subscription.endpoint });
      setFollowed(props.code, false);
      setOn(false);
    });

  return (
    <section class="panel push-box" aria-labelledby="push-heading">
      <h2 id="push-heading">{t("track.push.title")}</h2>
      {!supported() || unavailable ? (
        <p class="hint">{t("track.push.unsupported")}</p>
      ) : on ? (
        <>
          <p role="status">{t("track.push.following")}</p>
          <button type="button" class="button button--secondary" disabled={busy} onClick={stop}>
            {t("track.push.stop")}
          </button>
        </>
      ) : (
        <>
          <p class="hint">{t("track.push.explain", { ref })}</p>
          {denied && <p class="problem">{t("track.push.denied")}</p>}
          <button type="button" class="button" disabled={busy} onClick={follow}>
            {t("track.push.follow")}
          </button>
        </>
      )}
      {error && <Problem error={error} />}
    </section>
  );
}
