/**
 * The few calls the Mini App makes to the Telegram client that shows it, written by hand (Telegram's own script is
 * ~30 KB and served from telegram.org, which is not reliably reachable): launch parameters from the URL fragment,
 * postEvent out (the mobile clients' proxy, or the parent frame of Telegram Web), and events in (`receiveEvent`,
 * or messages from Telegram Web's frame).
 */
type Listener = (data: unknown) => void;

interface Proxy {
  postEvent(type: string, data: string): void;
}
const w = window as unknown as {
  TelegramWebviewProxy?: Proxy;
  Telegram?: { WebView?: { receiveEvent(type: string, data?: unknown): void } };
};

const TELEGRAM_WEB = 'https://web.telegram.org';
const fragment = new URLSearchParams(location.hash.slice(1));
const listeners = new Map<string, Listener[]>();

/** Telegram's signed launch data (empty outside Telegram). */
export const initData = fragment.get('tgWebAppData') ?? '';
export const inTelegram = initData !== '' && (w.TelegramWebviewProxy !== undefined || window.parent !== window);

export interface Theme {
  bg_color?: string;
  text_color?: string;
  secondary_bg_color?: string;
}
export function launchTheme(): Theme {
  try {
    return JSON.parse(fragment.get('tgWebAppThemeParams') ?? '{}') as Theme;
  } catch {
    return {};
  }
}

export function postEvent(type: string, data: unknown = {}): void {
  if (w.TelegramWebviewProxy) w.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
  else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), TELEGRAM_WEB);
}

export function on(type: string, listener: Listener): void {
  listeners.set(type, [...(listeners.get(type) ?? []), listener]);
}

const receive = (type: string, data?: unknown) => {
  for (const l of listeners.get(type) ?? []) l(data);
};
w.Telegram = { ...w.Telegram, WebView: { receiveEvent: receive } };
window.addEventListener('message', (e) => {
  if (e.origin !== TELEGRAM_WEB || typeof e.data !== 'string') return;
  try {
    const message = JSON.parse(e.data) as { eventType?: unknown; eventData?: unknown };
    if (typeof message.eventType === 'string') receive(message.eventType, message.eventData);
  } catch {
    // Not Telegram's message: ignored.
  }
});

/** Telegram's main button at the bottom: shown with a label, or hidden. */
export function mainButton(text: string | null, colors: { color: string; text_color: string }): void {
  postEvent('web_app_setup_main_button', text === null ? { is_visible: false } : { is_visible: true, is_active: true, text, ...colors });
}

export const backButton = (visible: boolean): void => postEvent('web_app_setup_back_button', { is_visible: visible });
