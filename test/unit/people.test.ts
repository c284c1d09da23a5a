import { describe, expect, it } from 'vitest';
import { documentFromParts, parseDocument } from '../../src/extract/document.ts';
import { findPeople } from '../../src/extract/people.ts';
import type { PersonFact } from '../../src/extract/types.ts';

function people(...paragraphs: string[]): PersonFact[] {
  return findPeople(documentFromParts({ title: '', paragraphs }));
}

function names(...paragraphs: string[]): string[] {
  return people(...paragraphs).map((p) => p.name);
}

describe('findPeople', () => {
  it('finds named humans and not places, organisations, months or sentence-initial words', () => {
    expect(
      names(
        'Yes, the State Department said on Monday that Minsk and Belarus would talk to the U.S. in March.',
        'Time magazine reported that Western diplomats met Alexander Lukashenko on Friday.',
      ),
    ).toEqual(['Alexander Lukashenko']);
  });

  it('strips titles and possessives and never keeps punctuation', () => {
    const found = people(
      'President Donald Trump’s plan was praised by Dr. Jane Smith, Sen. Mark Kelly and Prime Minister Keir Starmer.',
    );
    expect(found.map((p) => p.name)).toEqual(['Donald Trump', 'Jane Smith', 'Mark Kelly', 'Keir Starmer']);
    expect(people('He spoke with Simon Shuster, a correspondent.').map((p) => p.name)).toEqual([
      'Simon Shuster',
    ]);
    expect(people('It happened under Joe Biden—and even later.').map((p) => p.name)).toEqual(['Joe Biden']);
  });

  it('keeps name particles and initials', () => {
    expect(names('Ursula von der Leyen met Mohammed bin Salman and recalled Charles de Gaulle.')).toEqual([
      'Ursula von der Leyen',
      'Mohammed bin Salman',
      'Charles de Gaulle',
    ]);
    expect(names('J.D. Vance praised George W. Bush.')).toEqual(['J.D. Vance', 'George W. Bush']);
  });

  it('knows Slavic, Asian and African names', () => {
    expect(
      names(
        'Sviatlana Tsikhanouskaya wrote to Xi Jinping, Kim Jong Un, Narendra Modi and Shinzo Abe.',
        'Cyril Ramaphosa and Volodymyr Zelensky spoke later.',
      ),
    ).toEqual([
      'Sviatlana Tsikhanouskaya',
      'Xi Jinping',
      'Kim Jong Un',
      'Narendra Modi',
      'Shinzo Abe',
      'Cyril Ramaphosa',
      'Volodymyr Zelensky',
    ]);
  });

  it('merges surnames, given names and titled forms into the fullest name, with offsets', () => {
    const doc = parseDocument(
      'Lukashenko Speaks\n\nPresident Alexander Lukashenko met George Soros. Lukashenko told George that Soros was wrong.',
    );
    const found = findPeople(doc);
    expect(found.map((p) => [p.name, p.aliases])).toEqual([
      ['Alexander Lukashenko', ['Lukashenko']],
      ['George Soros', ['George', 'Soros']],
    ]);
    for (const p of found) for (const m of p.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(found[0]!.mentions.map((m) => m.text)).toEqual([
      'Lukashenko',
      'Alexander Lukashenko',
      'Lukashenko',
    ]);
  });

  it('keeps two people who share a surname apart', () => {
    const found = people(
      'President Joe Biden pardoned his son Hunter Biden on Sunday.',
      'Hunter Biden had faced sentencing. Biden said he acted as a father.',
    );
    expect(found.map((p) => p.name)).toEqual(['Joe Biden', 'Hunter Biden']);
    expect(found[0]!.aliases).toEqual(['Biden']);
    expect(found[1]!.aliases).toEqual([]);
  });

  it('accepts a lone surname only with evidence', () => {
    expect(names('Putin said the talks would continue.')).toEqual(['Putin']);
    expect(names('Mr. Obama said the talks would continue.')).toEqual(['Obama']);
    expect(names('Gazprom said the talks would continue.')).toEqual([]);
  });

  it('reads upper-case headlines only for people the body names', () => {
    const found = findPeople(
      documentFromParts({
        title: '',
        paragraphs: ['SOCCER - LARA AND CHINA IN SURPRISE WIN', 'Brian Lara scored twice.'],
      }),
    );
    expect(found.map((p) => [p.name, p.aliases])).toEqual([['Brian Lara', ['LARA']]]);
  });

  it('orders people by first mention', () => {
    expect(names('Angela Merkel met Emmanuel Macron. Macron then called Olaf Scholz.')).toEqual([
      'Angela Merkel',
      'Emmanuel Macron',
      'Olaf Scholz',
    ]);
  });
});
