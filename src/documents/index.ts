export { composeDocument, missingFor } from './compose.js';
export { composeSummaryLetter } from './summary-letter.js';
export { documentFilename, toDocx, toPlainText, toTelegramHtml } from './output.js';
export type { Block, DocLang, DocModel, DocumentKind } from './model.js';
