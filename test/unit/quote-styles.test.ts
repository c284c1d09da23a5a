/**
 * Golden tests for the quote and speaker classes of issue 8 in styles the PolNeAR training data
 * (US political news, double quotes, attribution after the quote) lacks: wire copy with a dateline,
 * British press with single quotes ‘…’, the speaker before the quote ("Smith said: “…”"), a person
 * introduced by role and then named, and implicit attributions. Each case names its class; every
 * one is short text written for the test, not taken from any evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { documentFromParts } from '../../src/extract/document.ts';
import { findPeople } from '../../src/extract/people.ts';
import { findQuotes } from '../../src/extract/quotes.ts';

/** [first words of the quote, speaker, cue] for each quote of an article of these paragraphs. */
function read(...paragraphs: string[]): [string, string | null, string | null][] {
  const doc = documentFromParts({ title: 'Title', paragraphs });
  return findQuotes(doc, findPeople(doc)).map((q) => [
    q.text.split(' ').slice(0, 4).join(' '),
    q.speaker,
    q.cue,
  ]);
}

describe('quote styles PolNeAR lacks', () => {
  it('continuation paragraphs: wire copy and British single quotes', () => {
    expect(
      read(
        "LONDON (Reuters) - Britain's economy grew faster than expected, official data showed.",
        '"The recovery is broadening," said Paul Dales, chief UK economist at Capital Economics.',
        '"We expect growth to slow later in the year."',
      ),
    ).toEqual([
      ['The recovery is broadening,', 'Paul Dales', 'said'],
      ['We expect growth to', 'Paul Dales', null],
    ]);
    expect(
      read(
        'Rachel Reeves met business leaders in Leeds on Tuesday.',
        '‘We have a shared interest in growth,’ she told reporters.',
        '‘Nobody wants a cliff edge for business.’',
      ),
    ).toEqual([
      ['We have a shared', 'Rachel Reeves', 'told reporters'],
      ['Nobody wants a cliff', 'Rachel Reeves', null],
    ]);
  });

  it('the subject of the reporting clause: speaker before the quote, wire titles, long appositives', () => {
    expect(
      read(
        'Prime Minister Keir Starmer visited the plant.',
        'Starmer said: “We will not let these jobs go.”',
      ),
    ).toEqual([['We will not let', 'Keir Starmer', 'said']]);
    expect(
      read(
        'WASHINGTON (AP) — The Senate passed the bill late Thursday.',
        '"This is a good day for working families," Senate Majority Leader Chuck Schumer, D-N.Y., said on the floor.',
      ),
    ).toEqual([['This is a good', 'Chuck Schumer', 'said']]);
    expect(
      read(
        '"This city will always welcome people from every corner of the world," Sadiq Khan, the Mayor of London since 2016 and a former Labour MP for Tooting, told the BBC.',
      ),
    ).toEqual([['This city will always', 'Sadiq Khan', 'told the BBC']]);
    expect(
      read(
        'Ari Fleischer, a former Bush administration official who also sits on the board of the Republican Jewish Coalition, said Trump\'s messages have given "voters reasons to doubt him and question him."',
      ),
    ).toEqual([['voters reasons to doubt', 'Ari Fleischer', 'said']]);
  });

  it('"was quoted as saying" and "according to a statement from X"', () => {
    expect(
      read(
        'Ben van Beurden was quoted by the Financial Times as saying that "the energy transition will take decades, not years."',
      ),
    ).toEqual([['the energy transition will', 'Ben van Beurden', 'saying']]);
    expect(
      read(
        '"Our priority is the safety of passengers and crew," according to a statement from Ryanair chief executive Michael O\'Leary.',
      ),
    ).toEqual([['Our priority is the', "Michael O'Leary", 'according to']]);
  });

  it('a role first, then the name: "the spokeswoman said", "the minister added"', () => {
    expect(
      read(
        'A spokeswoman for the ministry, Anna Kowalska, declined to comment on the figures.',
        '"We do not comment on leaks," the spokeswoman said.',
      ),
    ).toEqual([['We do not comment', 'Anna Kowalska', 'said']]);
    expect(
      read(
        'Health Secretary Wes Streeting was asked about waiting lists.',
        '‘We inherited a broken system,’ the minister said. ‘It will take time.’',
      ),
    ).toEqual([
      ['We inherited a broken', 'Wes Streeting', 'said'],
      ['It will take time.', 'Wes Streeting', 'said'],
    ]);
  });

  it('role synonyms, and a nationality nobody is described with, in state-news style', () => {
    expect(
      read(
        'Belarusian President Alexander Lukashenko met a delegation from Vietnam in Minsk.',
        'Prime Minister Roman Golovchenko also took part. "Exports grew by a third last year," the premier added.',
        '"Such cooperation is good for both of our peoples," the Vietnamese guest said.',
      ),
    ).toEqual([
      ['Exports grew by a', 'Roman Golovchenko', 'added'],
      ['Such cooperation is good', null, 'said'],
    ]);
  });

  it('implicit attributions: the person the sentence before the quote is about', () => {
    expect(
      read(
        'Union leader Mick Lynch spoke to strikers at Euston.',
        'He said the dispute could run until Christmas. "We are not going away, and the government knows it."',
      ),
    ).toEqual([['We are not going', 'Mick Lynch', 'said']]);
    expect(
      read(
        'Mick Lynch, general secretary of the RMT union, addressed the rally.',
        '"We are not going away. The government knows what it has to do."',
      ),
    ).toEqual([['We are not going', 'Mick Lynch', null]]);
  });

  it('pronouns: gender and slot, never the object of a preposition of unknown gender', () => {
    expect(
      read(
        'According to Rishi Sunak, the economy is turning a corner. Jeremy Hunt disagreed.',
        '“We are not out of the woods yet,” he said.',
      ),
    ).toEqual([['We are not out', 'Jeremy Hunt', 'said']]);
    expect(
      read(
        'A letter from Keir Starmer reached the party on Monday. Angela Rayner backed it.',
        '“We must be ready for government,” she said.',
      ),
    ).toEqual([['We must be ready', 'Angela Rayner', 'said']]);
    expect(
      read(
        'Officials said the bill, championed by Priti Patel, would pass.',
        '“The bill will protect our borders for a generation,” she said.',
      ),
    ).toEqual([['The bill will protect', null, 'said']]);
  });

  it('participles after the quote share the subject of the clause before it', () => {
    expect(
      read(
        'Ted Cruz said that there is “only one strong conservative in a position to win,” adding that it is why Donald Trump “relentlessly attacks us and ignores the others.”',
      ).map(([, speaker]) => speaker),
    ).toEqual(['Ted Cruz', 'Ted Cruz']);
  });

  it('the subject of a participle, past cue words used as nouns; a possessive name and a noun of speech', () => {
    expect(
      read(
        'Karen Weaver met Bernie Sanders in Flint.',
        "Weaver didn't seem impressed with Sanders' comments on Tuesday, telling reporters, “A lot of people said the governor should step down.”",
      ),
    ).toEqual([['A lot of people', 'Karen Weaver', 'telling']]);
    expect(
      read(
        'Huma Abedin emailed Hillary Clinton in December.',
        "Clinton's response was: “Is the store in Connecticut or in Wisconsin?”",
      ),
    ).toEqual([['Is the store in', 'Hillary Clinton', null]]);
  });

  it('segmentation: two voices with a sentence end between their quotes stay apart', () => {
    expect(
      read(
        'Jim Gilmore and Carly Fiorina spoke in Iowa.',
        '"The media are shaping this campaign," Gilmore said. Fiorina, speaking to Iowans, said, "Last time I looked, you had not voted yet."',
      ),
    ).toEqual([
      ['The media are shaping', 'Jim Gilmore', 'said'],
      ['Last time I looked,', 'Carly Fiorina', 'said'],
    ]);
  });

  it('segmentation: a paragraph of speech left open after an attributed quote goes on with it', () => {
    expect(
      read(
        'Boris Johnson addressed the crowd.',
        '“This is a great day for our country,” he said.',
        '“And I thank every one of you for coming out tonight in the rain.',
        'The crowd cheered as he left the stage.',
      ),
    ).toEqual([
      ['This is a great', 'Boris Johnson', 'said'],
      ['And I thank every', 'Boris Johnson', null],
    ]);
    // an open mark with nobody speaking before it is a stray, not a quote
    expect(
      read('The crowd cheered.', '“And I thank every one of you for coming out tonight in the rain.'),
    ).toEqual([]);
  });

  it('non-speech: long titles of works and billings are not quotes', () => {
    expect(read('The film "The Lord of the Rings: The Return of the King" won eleven Oscars.')).toEqual([]);
    expect(
      read('Tonight at the Apollo: "An Evening With Jools Holland and His Rhythm and Blues Orchestra"'),
    ).toEqual([]);
  });
});
