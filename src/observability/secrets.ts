/**
 * A Telegram bot token wherever it shows up: alone, or in a Bot API path (`/bot123456:AAE…/getMe`) that a proxy or
 * a network error echoes back in its description.
 */
const BOT_TOKEN = /\d{3,}:[A-Za-z0-9_-]{20,}/g;

/** The text with every bot token replaced by `***`: for whatever is logged or printed. */
export const withoutSecrets = (text: string): string => text.replace(BOT_TOKEN, '***');
