import type { TFunction } from 'i18next';
import { forLender, type CaseContext } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { composeDocument, missingFor } from './compose.js';
import { composeCribCard } from './crib-card.js';
import type { DocLang, DocModel, DocumentKind } from './model.js';
import { composeSummaryLetter } from './summary-letter.js';

/**
 * Any document of a case, or the answers it still lacks: the summary letter lists every debt with whatever is known
 * (nothing is required); the others are about the debt being worked on.
 */
export function documentFor(
  kind: DocumentKind,
  c: CaseContext,
  lang: DocLang,
  t: TFunction,
  today: IsoDate,
  /** The Chinese texts, for a document in English that gives the words to say aloud in Chinese too (the crib card). */
  zh?: TFunction,
): { doc: DocModel } | { missing: string[] } {
  if (kind === 'summary') return { doc: composeSummaryLetter(c, lang, t, today) };
  // Nothing is required: the card says what is known and leaves blanks for the rest.
  if (kind === 'crib') return { doc: composeCribCard(forLender(c), lang, t, today, zh) };
  const lender = forLender(c);
  const missing = missingFor(kind, lender);
  return missing.length > 0 ? { missing } : { doc: composeDocument(kind, lender, lang, t, today) };
}
