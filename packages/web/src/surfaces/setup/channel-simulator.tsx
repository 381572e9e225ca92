import "./channels-setup.css";
import { useId, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { channelsApi } from "./channels-api.js";

interface Line {
  from: "person" | "service";
  text: string;
}

/**
 * /setup/simulator (system and country administrators): a phone on the page. What is typed goes through the real
 * conversation code (the server's USSD and SMS turn handlers), marked as simulated: the last step runs intake's
 * checks but stores no report, and no SMS is sent (docs/channels.md). For training and for checking a configuration.
 */
export function ChannelSimulator() {
  const t = useT("setup");
  const id = useId();
  const [channel, setChannel] = useState<"ussd" | "sms">("ussd");
  const [sessionId, setSessionId] = useState<string>(() => crypto.randomUUID());
  const [answers, setAnswers] = useState<string[]>([]);
  const [lines, setLines] = useState<Line[]>([]);
  const [ended, setEnded] = useState(false);
  const [typed, setTyped] = useState("");
  const { busy, error, run } = useAction();
  const input = useRef<HTMLInputElement>(null);

  const restart = (next: "ussd" | "sms" = channel) => {
    setChannel(next);
    setSessionId(crypto.randomUUID());
    setAnswers([]);
    setLines([]);
    setEnded(false);
    setTyped("");
  };

  const send = (text: string | null) =>
    run(async () => {
      // USSD: the gateway sends every answer so far joined by "*"; the first request (dialling) sends "".
      const nextAnswers = text === null ? answers : [...answers, text];
      const body =
        channel === "ussd"
          ? { channel, sessionId, text: nextAnswers.join("*") }
          : { channel, sessionId, text: text ?? "" };
      const reply = await channelsApi.simulate(body);
      setAnswers(nextAnswers);
      setLines([
        ...lines,
        ...(text !== null ? [{ from: "person" as const, text }] : []),
        ...(reply.text ? [{ from: "service" as const, text: reply.text.trim() }] : []),
      ]);
      setEnded(channel === "ussd" && reply.final);
      setTyped("");
      input.current?.focus();
    });

  const submit = (e: Event) => {
    e.preventDefault();
    const text = typed.trim();
    if (!text || busy) return;
    void send(text);
  };

  const started = lines.length > 0;
  return (
    <>
      <p class="lead">{t("simulator.intro")}</p>
      <div class="panel simulator">
        <fieldset class="simulator-channel">
          <legend>{t("simulator.channel")}</legend>
          {(["ussd", "sms"] as const).map((c) => (
            <label class="check" key={c}>
              <input type="radio" name={`${id}-channel`} checked={channel === c} onChange={() => restart(c)} />{" "}
              {t(`simulator.${c}`)}
            </label>
          ))}
        </fieldset>
        <p class="hint">{channel === "ussd" ? t("simulator.ussdHint") : t("simulator.smsHint")}</p>
        <ol class="simulator-screen" aria-live="polite" aria-label={t("simulator.screen")}>
          {lines.map((l, i) => (
            <li key={i} class={`simulator-line simulator-line--${l.from}`}>
              <span class="visually-hidden">
                {l.from === "person" ? t("simulator.youSent") : t("simulator.serviceSent")}
              </span>
              {l.text}
            </li>
          ))}
        </ol>
        {channel === "ussd" && !started ? (
          <button type="button" class="button" disabled={busy} onClick={() => void send(null)}>
            {t("simulator.dial")}
          </button>
        ) : (
          <form class="simulator-form" onSubmit={submit} noValidate>
            <label for={`${id}-input`}>{t("simulator.answer")}</label>
            <div class="simulator-row">
              <input
                id={`${id}-input`}
                ref={input}
                type="text"
                inputMode={channel === "ussd" ? "numeric" : "text"}
                autoComplete="off"
                value={typed}
                disabled={ended}
                maxLength={160}
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
              <button type="submit" class="button" disabled={busy || ended || !typed.trim()}>
                {t("simulator.send")}
              </button>
            </div>
          </form>
        )}
        <FormError error={error} />
        <p role="status" class="status-line">
          {ended ? t("simulator.ended") : ""}
        </p>
        <button type="button" class="button button--secondary" onClick={() => restart()}>
          {t("simulator.restart")}
        </button>
      </div>
    </>
  );
}
