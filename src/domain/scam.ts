/**
 * Talk of paid "debt help" agents (FACTS §6: regulators' 2026 joint warning). Matching is on the service names
 * these agents sell, in simplified and traditional forms, spaces ignored; ordinary words like 协商 alone do not fire.
 */
const SERVICES = [
  '停息挂账', '停息掛賬', '债务优化', '債務優化', '征信修复', '徵信修復', '征信洗白', '徵信洗白', '洗白征信',
  '代理维权', '代理維權', '债务清零', '債務清零', '债务重组', '債務重組', '反催收', '债务置换', '債務置換',
  '个性化分期代办', '代办分期', '代理协商', '代理協商', '协商代理', '債務協商代理', '债务协商代理', '全额退保',
];
const ENGLISH = /\b(debt (relief|settlement|optimi[sz]ation) (agent|agency|company|service)|credit repair|clean (my|your) credit|paid agent)\b/i;

export function mentionsPaidAgent(text: string): boolean {
  const s = text.replace(/\s+/g, '');
  return SERVICES.some((w) => s.includes(w)) || ENGLISH.test(text);
}
