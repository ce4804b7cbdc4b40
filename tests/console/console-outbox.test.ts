import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleOutbox, runConsoleChat } from '../../src/console/console-chat.js';
import { createEngine } from '../../src/engine/engine.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createReminders } from '../../src/reminders/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

describe('the terminal as an outbox', () => {
  it('prints plain text with numbered buttons, and presses by number', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (b: Buffer) => (printed += b.toString()));
    const terminal = createConsoleOutbox(out, tmpdir());
    await terminal.outbox.sendText(1, '<b>你好</b> &amp; 欢迎', [[{ label: '开始', data: '1~intro~continue' }], [{ label: 'English', data: '1~g~lang:en' }]]);
    expect(printed).toContain('你好 & 欢迎');
    expect(printed).toContain('[1] 开始');
    expect(printed).toContain('[2] English');
    expect(terminal.buttonAt(2)?.data).toBe('1~g~lang:en');
    expect(terminal.buttonAt(3)).toBeUndefined();
  });

  it('writes a document into the working directory and prints its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs-console-'));
    const out = new PassThrough();
    let printed = '';
    out.on('data', (b: Buffer) => (printed += b.toString()));
    const terminal = createConsoleOutbox(out, dir);
    await terminal.outbox.sendDocument(1, { filename: '还款困难情况说明-2026-11-24.docx', bytes: new Uint8Array([1, 2, 3]) });
    const path = join(dir, '还款困难情况说明-2026-11-24.docx');
    expect(printed).toContain(path);
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
  });

  it('answers /export with the summary and the JSON copy written beside the other documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs-console-'));
    const out = new PassThrough();
    let printed = '';
    out.on('data', (b: Buffer) => (printed += b.toString()));
    const terminal = createConsoleOutbox(out, dir);
    const clock = { now: () => Date.UTC(2026, 10, 24, 4) };
    const logger = createLogger('silent');
    const reminders = createReminders({ redis: null, clock, logger });
    const engine = createEngine({ store: createMemoryStore({ ttlSeconds: 90 * 86_400 }), outbox: terminal.outbox, i18n: createI18n({ ttlDays: 90 }), clock, logger, flood: null, reminders: reminders.service });
    const input = new PassThrough();
    const chat = runConsoleChat({ engine, console: terminal, input, output: out, banner: '', firstUpdateId: 1 });
    input.end('/export\n');
    await chat;
    await reminders.close();
    expect(printed).toContain('这是截至 2026年11月24日 保存的关于你的全部信息');
    expect(printed).toContain(join(dir, 'xieshang-export-2026-11-24.txt'));
    expect(readFileSync(join(dir, 'xieshang-export-2026-11-24.txt'), 'utf8')).toContain('协商助手：保存的关于你的全部信息');
    // The terminal's /start made a case: its copy is there, in the JSON too.
    const json = JSON.parse(readFileSync(join(dir, 'xieshang-export-2026-11-24.json'), 'utf8')) as { case: { data: { consent: string } } };
    expect(json.case.data.consent).toBe('pending');
  });

  it('never writes over an earlier document: the same letter made again gets a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs-console-'));
    const terminal = createConsoleOutbox(new PassThrough(), dir);
    const filename = '还款困难情况说明-招商银行信用卡-2026-12-07.docx';
    await terminal.outbox.sendDocument(1, { filename, bytes: new Uint8Array([1]) });
    await terminal.outbox.sendDocument(1, { filename, bytes: new Uint8Array([2]) });
    await terminal.outbox.sendDocument(1, { filename: '还款困难情况说明-花呗-2026-12-07.docx', bytes: new Uint8Array([3]) });
    expect([...readFileSync(join(dir, filename))]).toEqual([1]);
    expect([...readFileSync(join(dir, '还款困难情况说明-招商银行信用卡-2026-12-07-2.docx'))]).toEqual([2]);
    expect([...readFileSync(join(dir, '还款困难情况说明-花呗-2026-12-07.docx'))]).toEqual([3]);
  });
});
