/**
 * Extraction entry point: `extract(text)` turns one scraped document into the facts the archive
 * stores. Pure and synchronous; everything expensive (tables, regular expressions) is built once
 * at module load, never per document.
 *
 * Stages: parse → language → people → quotes (which need the people) and prices. The people and
 * quote extractors are rules for English prose: they run where the language is English or cannot
 * be told, and give nothing for any other language (capitalised nouns in German or inflected
 * names in Czech would become junk people). Prices are written the same way in every language
 * and are always extracted.
 */
import { parseDocument } from './document.ts';
import { detectLanguage } from './language.ts';
import { findPeople } from './people.ts';
import { findPrices } from './prices.ts';
import { findQuotesAndSpeakers } from './quotes.ts';
import type { Extraction, ParsedDocument } from './types.ts';

export type * from './types.ts';
export { parseDocument, documentFromParts } from './document.ts';

/**
 * Bumped whenever a change to any extractor can change its output, so that
 * `news-archive reextract` knows which stored articles are stale.
 */
export const EXTRACTOR_VERSION = 5;

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

export interface ExtractOptions {
  /** The language a reader declared for the document (`<html lang>`), used when detection is unsure. */
  languageHint?: string | null;
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  return extractDocument(parseDocument(text), options);
}

/** Whether the English people and quote rules apply: English, or a language nobody can tell. */
function englishRulesApply(language: string | null): boolean {
  return language === null || language === 'en';
}

export function extractDocument(document: ParsedDocument, options: ExtractOptions = {}): Extraction {
  const language = detectLanguage(document, options.languageHint);
  const english = englishRulesApply(language);
  const found = english ? findPeople(document) : [];
  // Speakers people extraction missed come back from the quote extractor (quotes/speakers.ts).
  const { quotes, speakers } = english
    ? findQuotesAndSpeakers(document, found)
    : { quotes: [], speakers: [] };
  const people = [...found, ...speakers];
  const [lead, ...rest] = document.paragraphs;
  return {
    document,
    language,
    title: document.title.text,
    lead: lead?.text ?? '',
    body: rest.map((paragraph) => paragraph.text).join('\n\n'),
    wordCount:
      countWords(document.title.text) + document.paragraphs.reduce((n, p) => n + countWords(p.text), 0),
    people,
    quotes,
    prices: findPrices(document),
  };
}

/** One line of `news-archive extract --json`: a stable machine interface, checked from outside. */
export interface ExtractRecord {
  file: string;
  title: string;
  people: { name: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null; cue: string | null; start: number; end: number }[];
  prices: { amount: string; currency: string; raw: string; start: number; end: number }[];
  /** ISO 639-1 code of the document's language, or null when it cannot be told. */
  language: string | null;
}

export function toExtractRecord(file: string, extraction: Extraction): ExtractRecord {
  return {
    file,
    title: extraction.title,
    people: extraction.people.map(({ name, aliases }) => ({ name, aliases })),
    quotes: extraction.quotes.map(({ text, speaker, cue, start, end }) => ({
      text,
      speaker,
      cue,
      start,
      end,
    })),
    prices: extraction.prices.map(({ amount, currency, raw, start, end }) => ({
      amount,
      currency,
      raw,
      start,
      end,
    })),
    language: extraction.language,
  };
}
