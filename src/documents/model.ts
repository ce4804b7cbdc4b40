/** A document as blocks, independent of its output (chat text, plain text, .docx). */
export type DocumentKind = 'statement' | 'confirmation' | 'complaint' | 'summary' | 'crib';
export type DocLang = 'zh-CN' | 'en';

/** A labelled line; a null value is left blank to be filled in by hand. */
export interface FieldRow {
  label: string;
  value: string | null;
}

export type Block =
  | { type: 'addressee' | 'paragraph' | 'heading'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'fields'; rows: FieldRow[] }
  | { type: 'signature'; rows: FieldRow[] };

export interface DocModel {
  kind: DocumentKind;
  lang: DocLang;
  title: string;
  /** The file's name without lender, date and extension, in the document's language. */
  filename: string;
  /** The lender a letter is for, as its file name says it; null for the summary of every debt. */
  lender: string | null;
  /** Who wrote the file, as its properties say: the product. */
  author: string;
  blocks: Block[];
}

/** What stands on a blank line in the text and the document. */
export const BLANK = '＿＿＿＿＿＿＿＿';
