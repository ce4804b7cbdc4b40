import { deflateRawSync, inflateRawSync } from 'node:zlib';

/*
 * A whole record as it goes to Redis: its JSON deflated against a dictionary of what records share (their keys, the
 * intro's defaults, the statuses), as base64 so that it stays one line of the record's text. Most of a record is that
 * shared shape, so a whole record of ~650 bytes goes as ~150: the commits that write one (the first, and each after
 * a few changes) send and keep a quarter of the bytes.
 *
 * A dictionary only helps the compression: any JSON packs and unpacks with any of them. What must never change is
 * what an id means, or records packed with it could not be read: a better dictionary is added with the next id (one
 * character: a digit, then a letter), and the old ones stay. A record that packs no smaller stays plain JSON, and
 * plain JSON (every record written before packing) always reads.
 */

interface Dictionary {
  bytes: Buffer;
  /** zlib's window (2^windowBits bytes): small, so a call's state is small; a record larger than it packs, only less. */
  windowBits: number;
}

const DICTIONARIES: Readonly<Record<string, Dictionary>> = {
  '1': {
    windowBits: 12,
    bytes: Buffer.from(
      // What every record shares: the keys, and the defaults each case starts from; then the shape of a case under way.
      '"calls":[{"date":"2026-11-24","channel":"phone","agentId":null,"outcome":"not_reached","promise":null,"nextDate":null}],"requests":["instalments"],"reminders":{"on":true,"zone":"Asia/Shanghai"}' +
        '{"value":{"plan":"monthly"},"context":{"lang":"en","consent":"given","consentOn":"2026-11-20","facts":{"cause":"illness","causeSince":"2026-03","incomeFen":450000,"essentialsFen":280000,"otherDebtsFen":1200000},"current":1,"nextDebtId":2,"steps":{"snowball":"in_progress","evidence":"done","rights":"todo"},"callDraft":{},"evidence":["payslips"],"snowballCut":"eating_out","statement":{"name":null,"phoneTail":null,"identityAsked":false},"complaint":{"kind":null,"what":null,"when":null},"returnTo":"hub","checklistMessageId":1234,"debts":[["credit_card","cmb",1280000,"2026-09-15",true,36,["instalments"],["phone","2026-11-20",null,null],true,null,[null,false,0],["done","in_progress","todo","todo","todo"],1]]}}' +
        '{"value":"intro","context":{"lang":"zh-CN","consent":"pending","facts":{"cause":null,"causeSince":null,"incomeFen":null,"essentialsFen":null,"otherDebtsFen":null},"current":0,"nextDebtId":1,"steps":{"snowball":"todo","evidence":"todo","rights":"todo"},"callDraft":{},"evidence":[],"snowballCut":null,"statement":{"name":null,"phoneTail":null,"identityAsked":false},"complaint":{"kind":null,"what":null,"when":null},"returnTo":null,"checklistMessageId":null,"debts":[]}}',
    ),
  },
};
// A packed record names its dictionary by the one character after the "z".
for (const id of Object.keys(DICTIONARIES)) if (id.length !== 1) throw new Error(`dictionary id "${id}" is not one character`);

/** The dictionary new records are packed with. */
const CURRENT = '1';

/** A record's JSON as it is written: packed ("z", the dictionary's id, base64) where that is shorter, else as it is. */
export function packRecord(json: string): string {
  const d = DICTIONARIES[CURRENT]!;
  const packed = `z${CURRENT}${deflateRawSync(json, { dictionary: d.bytes, windowBits: d.windowBits, memLevel: 2, level: 1 }).toString('base64')}`;
  // Base64 is one byte a character; the JSON's Chinese, three.
  return packed.length < Buffer.byteLength(json) ? packed : json;
}

/** A record written by `packRecord` (or plain JSON, as every record was before packing), back to its value. */
export function unpackRecord(line: string): unknown {
  if (!line.startsWith('z')) return JSON.parse(line);
  const d = DICTIONARIES[line[1]!];
  if (!d) throw new Error(`a record packed with dictionary ${line[1]}, which this version does not know`);
  return JSON.parse(inflateRawSync(Buffer.from(line.slice(2), 'base64'), { dictionary: d.bytes, windowBits: d.windowBits }).toString('utf8'));
}
