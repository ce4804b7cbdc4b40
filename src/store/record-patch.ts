/**
 * What changed between two stored records (plain JSON), so a commit sends Redis the few members an answer changed
 * instead of the whole case; and the same changes applied back on read. Objects and lists of the same length are
 * compared member by member; a list that grew or shrank is written whole.
 *
 * A change names a parent by its JSON Pointer (RFC 6901: "/context/facts"; a list's member by its index) and the
 * members written there, as they are ({"incomeFen":300000}), then the members removed, if any; a change with no
 * parent (null) replaces the whole record.
 */
export type PatchOp = [string, Record<string, unknown>] | [string, Record<string, unknown>, string[]] | [null, unknown];

type Path = Array<string | number>;

const pointer = (path: Path) => path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
const segments = (p: string) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')));

/** A member of the object itself (never one it inherits, such as `valueOf`). */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Comparable member by member: two objects, or two lists of the same length. */
const alike = (a: unknown, b: unknown) => (isObject(a) && isObject(b)) || (Array.isArray(a) && Array.isArray(b) && a.length === b.length);

/** The changes under one parent, collected while walking. */
interface Changes {
  set: Record<string, unknown> | null;
  removed: string[] | null;
}

/**
 * `path` is one stack shared by the whole walk (pushed and popped); changes are grouped by their parent's pointer.
 * Plain functions, not closures made per object visited: a commit walks the whole record.
 */
function diff(a: unknown, b: unknown, path: Path, out: Map<string, Changes>): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length; i++) visit(i, a[i], b[i], path, out);
    return;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // A member holding undefined is absent, as JSON writes it.
  for (const k in y) if (y[k] !== undefined) visit(k, own(x, k), y[k], path, out);
  for (const k in x) if (x[k] !== undefined && own(y, k) === undefined) (changesAt(path, out).removed ??= []).push(k);
}

function visit(k: string | number, x: unknown, y: unknown, path: Path, out: Map<string, Changes>): void {
  if (x === y) return;
  if (alike(x, y)) {
    path.push(k);
    diff(x, y, path, out);
    path.pop();
  } else {
    // Defined, not assigned: a member named `__proto__` is a member like any other.
    Object.defineProperty((changesAt(path, out).set ??= {}), k, { value: y, writable: true, enumerable: true, configurable: true });
  }
}

/** The changes under the parent `path` names, made when it has its first. */
function changesAt(path: Path, out: Map<string, Changes>): Changes {
  const key = pointer(path);
  let c = out.get(key);
  if (!c) out.set(key, (c = { set: null, removed: null }));
  return c;
}

/** The changes that turn `from` into `to`: empty when they are equal. */
export function diffRecord(from: unknown, to: unknown): PatchOp[] {
  if (from === to) return [];
  if (!alike(from, to)) return [[null, to]];
  const out = new Map<string, Changes>();
  diff(from, to, [], out);
  return [...out].map(([p, c]) => (c.removed ? [p, c.set ?? {}, c.removed] : [p, c.set ?? {}]));
}

/** Applies `ops` to `record` in place; a parent that is not there (or not an object or list) is skipped. */
export function applyPatch(record: unknown, ops: PatchOp[]): unknown {
  let root = record;
  for (const op of ops) {
    if (op[0] === null) {
      root = op[1];
      continue;
    }
    let at: unknown = root;
    for (const key of segments(op[0])) at = typeof at === 'object' && at !== null && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
    if (typeof at !== 'object' || at === null) continue;
    // Defined, not assigned: a member named like an inherited one (`__proto__`) is written as a member.
    for (const [k, v] of Object.entries(op[1] as Record<string, unknown>)) Object.defineProperty(at, k, { value: v, writable: true, enumerable: true, configurable: true });
    for (const k of op[2] ?? []) delete (at as Record<string, unknown>)[k];
  }
  return root;
}
