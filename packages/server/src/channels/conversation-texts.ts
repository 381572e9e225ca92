import type en from "../../../web/src/i18n/locales/en/channels.js";
import type { Db } from "../db/database.js";
import { catalogueTexts } from "../translations/catalogue-text.js";
import { catalogLanguages } from "../translations/shipped-catalogues.js";

/**
 * What the text channels (USSD, SMS, Telegram, WhatsApp) say: the `channels` namespace of the one catalogue
 * (ADR 0022, `packages/web/src/i18n/locales/<lng>/channels.ts`), with what Set-up's translation editor or a
 * translator's PO/XLIFF file changed laid over it, and a missing string read along the language's fallback chain
 * (tg → ru → en). A USSD screen holds 182 GSM 7-bit characters, 80 in UCS-2; the channel tests walk every screen in
 * each shipped language.
 */
export type TextKey = keyof typeof en;

/** The languages whose channel texts the platform ships (a test walks every screen in each). */
export const CHANNEL_TEXT_LANGUAGES = catalogLanguages;

/** A channel text in `language`, `{{name}}` filled from `vars` (a value that holds "{{code}}" is not filled in itself). */
export type ChannelTexts = (key: TextKey, language: string, vars?: Record<string, string>) => string;

/** The channel texts as they stand now (read once per turn: an edit in Set-up applies to the next message). */
export async function loadChannelTexts(db: Db): Promise<ChannelTexts> {
  const texts = await catalogueTexts(db, "channels");
  return (key, language, vars) => texts(language)(key, vars);
}
