import type { StateValue } from 'xstate';

/** `{ status: 'amount' }` → `status.amount`: the prompt's name, and the tag its buttons carry. */
export function stateId(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', undefined];
  return child === undefined ? key : `${key}.${stateId(child as StateValue)}`;
}
