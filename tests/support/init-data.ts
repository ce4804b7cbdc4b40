import { createHmac } from 'node:crypto';

/**
 * Launch data as Telegram signs it for a bot (core.telegram.org/bots/webapps): written here from the documented
 * recipe, independently of the server's check, so a test can sign with the right token, another bot's, or sign and
 * then tamper.
 */
export function signInitData(token: string, fields: { user: Record<string, unknown>; authDate: number; extra?: Record<string, string> }): string {
  const params: Record<string, string> = {
    auth_date: String(fields.authDate),
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify(fields.user),
    ...(fields.extra ?? {}),
  };
  const check = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(token).digest();
  const hash = createHmac('sha256', secret).update(check).digest('hex');
  return new URLSearchParams({ ...params, hash }).toString();
}

/** A Telegram user as the launch data names them. */
export const telegramUser = (id: number, languageCode = 'zh-hans') => ({ id, first_name: 'U', language_code: languageCode, allow_write_to_pm: true });

export const nowSeconds = () => Math.floor(Date.now() / 1000);
