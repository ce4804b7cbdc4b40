import type { Paragraph } from 'docx';
import type { IsoDate } from '../domain/catalog.js';
import { xmlSafe } from '../domain/text.js';
import { escapeHtml } from '../i18n/index.js';
import { BLANK, type Block, type DocLang, type DocModel } from './model.js';

const colon = (lang: DocLang) => (lang === 'zh-CN' ? '：' : ': ');

/** The document as lines of plain text; `wrap` marks up the title and headings for chat. */
function lines(doc: DocModel, esc: (s: string) => string, bold: (s: string) => string): string[] {
  const out: string[] = [bold(esc(doc.title)), ''];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'addressee':
      case 'paragraph':
        out.push(esc(block.text), '');
        break;
      case 'heading':
        out.push(bold(esc(block.text)));
        break;
      case 'list':
        out.push(...block.items.map((item, i) => `${i + 1}. ${esc(item)}`), '');
        break;
      case 'fields':
      case 'signature':
        out.push(...block.rows.map((r) => `${esc(r.label)}${colon(doc.lang)}${esc(r.value ?? BLANK)}`), '');
        break;
    }
  }
  return out;
}

/** The exact text, as the user would paste it. */
export const toPlainText = (doc: DocModel): string => lines(doc, (s) => s, (s) => s).join('\n').trim();

/** The same text for Telegram: every value escaped, title and headings in bold. */
export const toTelegramHtml = (doc: DocModel): string => lines(doc, escapeHtml, (s) => `<b>${s}</b>`).join('\n').trim();

/** Word's units: half-points for size, twentieths of a point (twips) for page and spacing. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const BODY_SIZE = 24; // 12 pt
const TITLE_SIZE = 32; // 16 pt
const ONE_AND_A_HALF = 360;
/** Space before a heading and before the signature, and between an English copy's paragraphs (no indent shows them). */
const BEFORE_HEADING = 240;
const BEFORE_SIGNATURE = 480;
const BETWEEN_PARAGRAPHS = 160;
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418; // 2.5 cm

/**
 * The docx library is loaded the first time a document is built: most processes never build one, and it is the
 * largest module the bot would otherwise hold in memory from start-up.
 */
type Docx = typeof import('docx');
let docxLibrary: Promise<Docx> | null = null;
const loadDocx = (): Promise<Docx> => (docxLibrary ??= import('docx'));

/**
 * The languages Word is told the text is in. East Asian text is always Chinese (an English copy still quotes
 * Chinese names): without it Word and LibreOffice may pick Japanese glyphs for the same characters.
 */
const languageOf = (lang: DocLang) => ({ value: lang === 'zh-CN' ? 'zh-CN' : 'en-US', eastAsia: 'zh-CN' });

function paragraphs(docx: Docx, block: Block, lang: DocLang): Paragraph[] {
  const { AlignmentType, Paragraph, TextRun } = docx;
  const language = languageOf(lang);
  const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
    new TextRun({ text: xmlSafe(text), font: FONT, size: opts.size ?? BODY_SIZE, bold: opts.bold ?? false, language });
  // Chinese letters mark a paragraph by indenting two characters; English ones by a space after it.
  const after = lang === 'en' ? BETWEEN_PARAGRAPHS : 0;
  const line = { spacing: { line: ONE_AND_A_HALF, after } };
  switch (block.type) {
    case 'addressee':
      return [new Paragraph({ ...line, children: [run(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ ...line, ...(lang === 'zh-CN' ? { indent: { firstLine: BODY_SIZE * 20 } } : {}), children: [run(block.text)] })];
    case 'heading':
      return [new Paragraph({ spacing: { line: ONE_AND_A_HALF, before: BEFORE_HEADING, after }, children: [run(block.text, { bold: true })] })];
    case 'list':
      return block.items.map((item, i) => new Paragraph({ spacing: { line: ONE_AND_A_HALF }, children: [run(`${i + 1}. ${item}`)] }));
    case 'fields':
      return block.rows.map((r) => new Paragraph({ spacing: { line: ONE_AND_A_HALF }, children: [run(`${r.label}${colon(lang)}${r.value ?? BLANK}`)] }));
    case 'signature':
      return block.rows.map(
        (r, i) =>
          new Paragraph({
            spacing: { line: ONE_AND_A_HALF, before: i === 0 ? BEFORE_SIGNATURE : 0 },
            alignment: AlignmentType.RIGHT,
            children: [run(`${r.label}${colon(lang)}${r.value ?? BLANK}`)],
          }),
      );
  }
}

/** A4, a CJK font for East Asian text, the title centred, 1.5 line spacing, the signature block on the right. */
export async function toDocx(doc: DocModel): Promise<Uint8Array> {
  const docx = await loadDocx();
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = docx;
  const document = new Document({
    creator: doc.author,
    lastModifiedBy: doc.author,
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE, language: languageOf(doc.lang) } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: ONE_AND_A_HALF, after: 240 },
            children: [new TextRun({ text: doc.title, font: FONT, size: TITLE_SIZE, bold: true, language: languageOf(doc.lang) })],
          }),
          ...doc.blocks.flatMap((b) => paragraphs(docx, b, doc.lang)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The document's own name, the lender it is for, then the date: `还款困难情况说明-招商银行信用卡-2026-12-07.docx`. */
export const documentFilename = (doc: DocModel, today: IsoDate): string =>
  `${[doc.filename, ...(doc.lender ? [safeName(doc.lender)] : []), today].join('-')}.docx`;

/** A lender's name as typed can hold what a file name may not (a slash, a colon): those become a space. */
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
