import { readAgent } from './understanding/agents.js';

/**
 * Talk of paid "debt help" agents (FACTS §6: the 2026 joint warning and the red flags it lists), read by meaning in
 * understanding/agents.ts: someone selling what agents sell, for a price. A person asking the lender themselves for
 * 停息挂账 or 减免 pays no one and is not warned (see `selfRequest` in free-text.ts).
 */
export const mentionsPaidAgent = (text: string): boolean => readAgent(text) !== null;
