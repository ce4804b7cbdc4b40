import { describe, expect, it } from 'vitest';
import { decodeOwed, encodeOwed } from '../../src/engine/owed.js';

describe('the replies a turn owes, as the outbox keeps them', () => {
  it('round-trip, and say nothing of actions or an edit a turn does not have', () => {
    const actions = [{ type: 'notice', params: { key: 'consent.thanks' } }] as Parameters<typeof encodeOwed>[0];
    expect(decodeOwed(encodeOwed(actions, '2026-12-07', true))).toEqual({ actions, today: '2026-12-07', edit: true });
    expect(encodeOwed([], '2026-12-07', false)).toBe('{"d":"2026-12-07"}');
    expect(decodeOwed('{"d":"2026-12-07"}')).toEqual({ actions: [], today: '2026-12-07', edit: false });
  });

  it('read as an older version wrote them', () => {
    const old = '{"actions":[{"type":"showStatusResult"}],"today":"2026-12-06","edit":false}';
    expect(decodeOwed(old)).toEqual({ actions: [{ type: 'showStatusResult' }], today: '2026-12-06', edit: false });
  });
});
