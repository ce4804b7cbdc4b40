export { composeDocument, missingFor, type LenderDocumentKind } from './compose.js';
export { documentFor } from './document-for.js';
export { composeSummaryLetter } from './summary-letter.js';
export { documentFilename, toDocx, toPlainText, toTelegramHtml } from './output.js';
export type { Block, DocLang, DocModel, DocumentKind } from './model.js';
export { composeCribCard } from './crib-card.js';
