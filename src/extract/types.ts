/**
 * The extraction contract. Everything in src/extract is pure: text in, facts out, no I/O.
 *
 * Offsets: every `start`/`end` is a UTF-16 code-unit offset into `ParsedDocument.text`, the
 * document exactly as given to the parser (BOM and CRLF included), with `end` exclusive, so
 * `text.slice(start, end)` is the span it names.
 */

/** A line of the document with its position in `ParsedDocument.text` (trimmed of surrounding whitespace). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export type Location = 'header' | 'title' | 'body';

export interface ParsedDocument {
  /** The input, verbatim. */
  text: string;
  /** Lines before the title: price lines and other page furniture. */
  header: Span[];
  /** The title line; an empty span at 0 when the document has no title. */
  title: Span;
  /** Paragraphs after the title, one per non-blank line; paragraphs[0] is the lead. */
  paragraphs: Span[];
}

export interface Mention {
  /** The surface form, as written ("Lukashenko", "President Alexander Lukashenko’s" gives "Alexander Lukashenko"). */
  text: string;
  start: number;
  end: number;
}

export interface PersonFact {
  /** Canonical name: the fullest form the article gives for this human. */
  name: string;
  /** Every other surface form seen for this person in the article, without titles or possessives. */
  aliases: string[];
  mentions: Mention[];
  /** Gender the text shows (a given name, an honorific or role word), or null when it does not say. */
  gender: 'm' | 'f' | null;
}

export interface QuoteFact {
  /** Quote text without its outer marks; the parts of a split quote joined by one space. */
  text: string;
  /** Canonical name of the speaker (a PersonFact.name), or null when none can be identified. */
  speaker: string | null;
  /** The attribution verb or phrase as written ("declared", "told reporters", "according to"), or null. */
  cue: string | null;
  /** From the first character inside the opening mark to the closing mark (exclusive) of the last part. */
  start: number;
  end: number;
}

export interface PriceFact {
  /** Exact canonical decimal string with magnitude applied: "3.71", "34600000", "0.5". */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
  /** The matched text as written ("3.71 BYN", "$34.6 million"). */
  raw: string;
  start: number;
  end: number;
  location: Location;
  /** The sentence (or header line) the price stands in. */
  sentence: string;
}

export interface Extraction {
  document: ParsedDocument;
  /** ISO 639-1 code ("en", "de", "ru"), or null when the text is too short or mixed to tell. */
  language: string | null;
  title: string;
  lead: string;
  /** Paragraphs after the lead joined by a blank line. */
  body: string;
  wordCount: number;
  people: PersonFact[];
  quotes: QuoteFact[];
  prices: PriceFact[];
}
