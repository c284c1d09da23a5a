import { describe, expect, it } from 'vitest';
import { documentFromParts, extract, extractDocument, toExtractRecord } from '../../src/extract/index.ts';
import { detectLanguage, normaliseLanguageTag } from '../../src/extract/language.ts';

const doc = (title: string, ...paragraphs: string[]) => documentFromParts({ title, paragraphs });

describe('detectLanguage', () => {
  it('tells common news languages apart', () => {
    expect(
      detectLanguage(doc('', 'Der Konzern meldete am Dienstag einen Gewinn von 2,3 Millionen Euro.')),
    ).toBe('de');
    expect(detectLanguage(doc('', 'Premiér řekl novinářům, že vláda zvýší důchody o tisíc korun.'))).toBe(
      'cs',
    );
    expect(detectLanguage(doc('', 'Президент заявил, что цены на бензин не вырастут.'))).toBe('ru');
    expect(detectLanguage(doc('', 'The company reported a profit on Tuesday, a spokesman said.'))).toBe('en');
  });

  it('judges the narration, not the quotations in it', () => {
    const english = doc(
      'Kremlin Comments',
      'Kremlin spokesman Dmitry Peskov spoke to journalists in Moscow on Wednesday.',
      '«Мы не видим никаких оснований для оптимизма в этом вопросе», — said Peskov.',
    );
    expect(detectLanguage(english)).toBe('en');
  });

  it('uses the hint only when the text cannot tell', () => {
    expect(detectLanguage(doc('Hallo'), 'de-AT')).toBe('de');
    expect(detectLanguage(doc('Hallo'))).toBeNull();
    expect(detectLanguage(doc('', 'The company reported a profit on Tuesday, a spokesman said.'), 'fr')).toBe(
      'en',
    );
    expect(detectLanguage(doc('Hallo'), 'not a tag')).toBeNull();
  });

  it('normalises BCP 47 tags to their ISO 639-1 primary subtag', () => {
    expect(normaliseLanguageTag('en-GB')).toBe('en');
    expect(normaliseLanguageTag(' PT_br ')).toBe('pt');
    expect(normaliseLanguageTag('deu')).toBeNull();
    expect(normaliseLanguageTag(undefined)).toBeNull();
  });
});

describe('extraction by language', () => {
  const german =
    'Der Konzern streicht Stellen\n\nDer Konzern will 2000 Stellen abbauen und 450 Millionen Euro sparen. ' +
    '„Die Beschäftigten zahlen für die Fehler des Managements“, sagte Betriebsratschefin Daniela Cavallo.\n';

  it('runs no English people or quote rules on other languages, but still reads prices', () => {
    const x = extract(german);
    expect(x.language).toBe('de');
    expect(x.people).toEqual([]);
    expect(x.quotes).toEqual([]);
    expect(x.prices.map((p) => [p.amount, p.currency])).toEqual([['450000000', 'EUR']]);
  });

  it('takes a declared language for text too short to judge', () => {
    const x = extractDocument(doc('Mr. Smith Goes', 'Mr. John Smith said.'), { languageHint: 'en-US' });
    expect(x.language).toBe('en');
    expect(x.people.map((p) => p.name)).toEqual(['John Smith']);
  });

  it('adds language to the extract --json record after its existing fields', () => {
    const record = toExtractRecord('a.txt', extract(german));
    expect(Object.keys(record)).toEqual(['file', 'title', 'people', 'quotes', 'prices', 'language']);
    expect(record.language).toBe('de');
  });
});
