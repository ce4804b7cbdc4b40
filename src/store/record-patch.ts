/**
 * What changed between two stored records (plain JSON), as a list of writes at paths, so a commit sends Redis the
 * few fields an answer changed instead of the whole case; and the same writes applied back on read. Objects and
 * arrays of the same length are compared member by member; an array that grew or shrank is written whole.
 * A path is a JSON Pointer (RFC 6901: "/context/debts/0/2"), read against what it goes through (a list's member by
 * its index).
 */
type Path = Array<string | number>;
/** [pointer, value] writes the value there; [pointer] removes the member. */
export type PatchOp = [string] | [string, unknown];

const pointer = (path: Path) => path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
const segments = (p: string) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')));

/** A member of the object itself (never one it inherits, such as `valueOf`). */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `path` is one stack shared by the whole walk (pushed and popped), copied only into the writes it emits. */
function diff(a: unknown, b: unknown, path: Path, out: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      path.push(i);
      diff(a[i], b[i], path, out);
      path.pop();
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    // A member holding undefined is absent, as JSON writes it.
    for (const k in b) {
      if (b[k] === undefined) continue;
      path.push(k);
      diff(own(a, k), b[k], path, out);
      path.pop();
    }
    for (const k in a) if (a[k] !== undefined && own(b, k) === undefined) out.push([`${pointer(path)}${pointer([k])}`]);
    return;
  }
  out.push([pointer(path), b]);
}

/** The writes that turn `from` into `to`: empty when they are equal. */
export function diffRecord(from: unknown, to: unknown): PatchOp[] {
  const out: PatchOp[] = [];
  diff(from, to, [], out);
  return out;
}

/** Applies `ops` to `record` in place; a path through something that is not an object or array is skipped. */
export function applyPatch(record: unknown, ops: PatchOp[]): unknown {
  let root = record;
  for (const op of ops) {
    const path = segments(op[0]);
    if (path.length === 0) {
      root = op[1];
      continue;
    }
    let at: unknown = root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      at = typeof at === 'object' && at !== null && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
    }
    if (typeof at !== 'object' || at === null) continue;
    const last = path[path.length - 1]!;
    // Defined, not assigned: a member named like an inherited one (`__proto__`) is written as a member.
    if (op.length === 1) delete (at as Record<string, unknown>)[last];
    else Object.defineProperty(at, last, { value: op[1], writable: true, enumerable: true, configurable: true });
  }
  return root;
}
