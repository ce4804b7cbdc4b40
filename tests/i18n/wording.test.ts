import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/catalog.js';
import { loadLocale } from '../../src/i18n/index.js';

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(obj).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)),
    ),
  );
}
const texts = Object.fromEntries(LANGS.map((l) => [l, flatten(loadLocale(l))])) as Record<(typeof LANGS)[number], Record<string, string>>;

describe('wording for a frightened reader', () => {
  it('accuses no one', () => {
    for (const [key, value] of Object.entries(texts['zh-CN'])) expect(value, key).not.toMatch(/欠钱不还|老赖|承担责任|后果自负/);
    for (const [key, value] of Object.entries(texts.en)) expect(value, key).not.toMatch(/deadbeat|brings responsibilities|your own fault/i);
    expect(texts['zh-CN']['rights.intro']).toContain('欠款要还，但你也有合法权利');
  });

  it('calls the banking association guideline self-regulation, not law, that may not bind small-loan companies', () => {
    expect(texts['zh-CN']['rights.topic.collectors']).toMatch(/行业自律规范，不是法律/);
    expect(texts['zh-CN']['rights.topic.collectors']).toContain('小额贷款公司不一定受它约束');
    expect(texts.en['rights.topic.collectors']).toContain('industry self-regulation, not law');
    expect(texts.en['rights.topic.collectors']).toContain('small-loan companies may not be bound by it');
  });

  it('keeps the hedges FACTS asks for in English too', () => {
    const en = Object.values(texts.en).join('\n');
    expect(en).not.toMatch(/courts generally follow|lenders commonly pass|usually \{\{multiple\}\} times/);
    expect(texts.en['rights.topic.legal_aid']).toContain('courts have followed');
    expect(texts['zh-CN']['rights.topic.legal_aid']).toContain('法院参照过');
    expect(texts.en['domain.stage.m3.meaning']).toContain('It is widely said');
  });
});
