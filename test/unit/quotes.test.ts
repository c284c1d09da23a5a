import { describe, expect, it } from 'vitest';
import { documentFromParts, parseDocument } from '../../src/extract/document.ts';
import { findPeople } from '../../src/extract/people.ts';
import { findQuotes } from '../../src/extract/quotes.ts';
import type { QuoteFact } from '../../src/extract/types.ts';

function quotes(...paragraphs: string[]): QuoteFact[] {
  const doc = documentFromParts({ title: 'Title', paragraphs });
  const found = findQuotes(doc, findPeople(doc));
  for (const q of found) {
    if (!q.text.includes(' ') || doc.text.slice(q.start, q.end) === q.text) continue;
    expect(doc.text.slice(q.start, q.end).startsWith(q.text.split(' ')[0]!)).toBe(true);
  }
  return found;
}

function brief(found: QuoteFact[]): [string, string | null, string | null][] {
  return found.map((q) => [q.text, q.speaker, q.cue]);
}

describe('findQuotes', () => {
  it('finds a quote with the attribution after it, and its offsets', () => {
    const doc = documentFromParts({
      title: 'T',
      paragraphs: ['Maria Lopez won the vote.', '“We will rebuild every school in this city,” Lopez said.'],
    });
    const [q] = findQuotes(doc, findPeople(doc));
    expect(q).toMatchObject({
      text: 'We will rebuild every school in this city,',
      speaker: 'Maria Lopez',
      cue: 'said',
    });
    expect(doc.text.slice(q!.start, q!.end)).toBe(q!.text);
    expect(doc.text.charAt(q!.start - 1)).toBe('“');
    expect(doc.text.charAt(q!.end)).toBe('”');
  });

  it('reads attributions before the quote: "X said:", "told reporters", "according to"', () => {
    expect(
      brief(quotes('Marco Bellini told reporters: "I feel at home here, and the players believe in us."')),
    ).toEqual([['I feel at home here, and the players believe in us.', 'Marco Bellini', 'told reporters']]);
    expect(
      brief(
        quotes(
          'Elena Rossi chaired the meeting.',
          'According to Rossi, "the risks to price stability remain high for now."',
        ),
      ),
    ).toEqual([['the risks to price stability remain high for now.', 'Elena Rossi', 'According to']]);
    expect(
      brief(quotes('Governor Ellen Marsh said: «The water reached the second floor in an hour.»')),
    ).toEqual([['The water reached the second floor in an hour.', 'Ellen Marsh', 'said']]);
  });

  it('gives both parts of a quote split around its attribution that attribution', () => {
    expect(brief(quotes('Maria Lopez won.', '"We will win," she said, "and fairly."'))).toEqual([
      ['We will win,', 'Maria Lopez', 'said'],
      ['and fairly.', 'Maria Lopez', 'said'],
    ]);
  });

  it('keeps a quote that goes on in a new sentence after its attribution apart, with the same speaker', () => {
    expect(
      brief(quotes('Maria Lopez won.', '"We will win this city," she said. "Nobody can stop us now."')),
    ).toEqual([
      ['We will win this city,', 'Maria Lopez', 'said'],
      ['Nobody can stop us now.', 'Maria Lopez', 'said'],
    ]);
    expect(
      brief(
        quotes(
          'Tom Becker lost and Maria Lopez won.',
          '“Why would we stop?” Lopez asked. “The work has only started.”',
        ),
      ),
    ).toEqual([
      ['Why would we stop?', 'Maria Lopez', 'asked'],
      ['The work has only started.', 'Maria Lopez', 'asked'],
    ]);
    // the second quote's own attribution wins
    expect(
      brief(
        quotes(
          'Tom Becker lost and Maria Lopez won.',
          '“We will win,” Lopez said. “Not this year,” Becker replied.',
        ),
      ),
    ).toEqual([
      ['We will win,', 'Maria Lopez', 'said'],
      ['Not this year,', 'Tom Becker', 'replied'],
    ]);
  });

  it('gives each paragraph of a quote running over several paragraphs the same attribution', () => {
    const found = quotes(
      'Governor Ellen Marsh told the assembly:',
      '“The water came fast. Nobody had seen it.',
      '“We will rebuild every bridge before winter.”',
    );
    expect(brief(found)).toEqual([
      ['The water came fast. Nobody had seen it.', 'Ellen Marsh', 'told the assembly'],
      ['We will rebuild every bridge before winter.', 'Ellen Marsh', 'told the assembly'],
    ]);
  });

  it('handles „…“ and «…» marks and keeps nested ‘…’ inside', () => {
    expect(
      brief(quotes('„Wir müssen jetzt in die Zukunft investieren“, Chancellor Friedrich Merz said.')),
    ).toEqual([['Wir müssen jetzt in die Zukunft investieren', 'Friedrich Merz', 'said']]);
    const found = quotes(
      'George Soros visited Alexander Lukashenko.',
      '“I said, ‘George, forgive me, but I will not do it.’ That was all,” Lukashenko shared.',
    );
    expect(brief(found)).toEqual([
      ['I said, ‘George, forgive me, but I will not do it.’ That was all,', 'Alexander Lukashenko', 'shared'],
    ]);
  });

  it('resolves pronouns to the most recent person of matching gender', () => {
    const found = quotes(
      'Senator Rachel Adams and businessman Victor Hale met on Tuesday.',
      '"Families are paying more for everything," she said.',
      '"I have built three businesses from nothing," he declared.',
    );
    expect(brief(found)).toEqual([
      ['Families are paying more for everything,', 'Rachel Adams', 'said'],
      ['I have built three businesses from nothing,', 'Victor Hale', 'declared'],
    ]);
  });

  it('resolves descriptions to the person described that way', () => {
    const found = quotes(
      'Belarusian President Alexander Lukashenko visited a farm. Agriculture Minister Yuri Gorlov was there.',
      '"We have brought in more grain than planned," the minister added.',
      '"Nobody will do this work for us, so we finish it," the Belarusian leader said.',
    );
    expect(brief(found)).toEqual([
      ['We have brought in more grain than planned,', 'Yuri Gorlov', 'added'],
      ['Nobody will do this work for us, so we finish it,', 'Alexander Lukashenko', 'said'],
    ]);
  });

  it('prefers the person in subject position and respects gender for pronouns', () => {
    expect(
      brief(
        quotes(
          'Vladimir Putin met Xi Jinping on Tuesday.',
          '“We agreed on everything that matters to both of us,” he said.',
        ),
      ),
    ).toEqual([['We agreed on everything that matters to both of us,', 'Vladimir Putin', 'said']]);
    const found = quotes(
      'Kim Jong Un watched the launch. His sister, Kim Yo Jong, criticised Seoul.',
      '“We have no interest in talking to Seoul at all,” she said.',
    );
    expect(brief(found)).toEqual([
      ['We have no interest in talking to Seoul at all,', 'Kim Yo Jong', 'said'],
    ]);
  });

  it('takes a definite description for the person just named, and a report ending in "X said." for the next quote', () => {
    expect(
      brief(
        quotes(
          'Jean-Claude Juncker told Politico that Europe must act.',
          '“We made that mistake in 2014,” the Luxembourger said.',
        ),
      ),
    ).toEqual([['We made that mistake in 2014,', 'Jean-Claude Juncker', 'said']]);
    expect(
      brief(
        quotes(
          'Adam Schiff spoke on Wednesday. Russia is meddling in the election, Schiff said. “What makes this new is the scale of it.”',
        ),
      ),
    ).toEqual([['What makes this new is the scale of it.', 'Adam Schiff', 'said']]);
    expect(brief(quotes('“We will see what the court decides,” Mr. King added.'))).toEqual([
      ['We will see what the court decides,', 'King', 'added'],
    ]);
  });

  it('skips scare quotes and titles of works, keeps short attributed answers', () => {
    expect(quotes('Critics called the plan a "tax grab" and an "unfair burden".')).toEqual([]);
    expect(quotes('She read "The Brothers Karamazov Again" twice.')).toEqual([]);
    expect(brief(quotes('Paul Grant resigned.', '"Absolutely not," Grant said.'))).toEqual([
      ['Absolutely not,', 'Paul Grant', 'said'],
    ]);
  });

  it('gives a null speaker when nobody is identifiable, and takes no sign text for speech', () => {
    expect(
      brief(
        quotes('Protesters carried placards reading "Our votes are not for sale to anyone" on Saturday.'),
      ),
    ).toEqual([]);
    expect(brief(quotes('"Nobody here wants violence at all," one of the organisers said.'))).toEqual([
      ['Nobody here wants violence at all,', null, 'said'],
    ]);
  });

  it('does not take apostrophes for quotes, but accepts an attributed ‘…’ quote', () => {
    expect(quotes('Carter’s novel is the critics’ favourite and it’s out in May.')).toEqual([]);
    expect(
      brief(
        quotes('Minister Paul Grant resigned.', '‘I take full responsibility for my mistakes,’ Grant said.'),
      ),
    ).toEqual([['I take full responsibility for my mistakes,', 'Paul Grant', 'said']]);
  });

  it('extracts the seed exactly', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = parseDocument(
      readFileSync(new URL('../../seed/000_f4c9ddd443287ec6.txt', import.meta.url), 'utf8'),
    );
    const found = findQuotes(doc, findPeople(doc));
    expect(found.map((q) => [q.speaker, q.cue])).toEqual([
      ['Alexander Lukashenko', 'stated'],
      ['Alexander Lukashenko', 'declared'],
      ['Alexander Lukashenko', 'said'],
      ['Alexander Lukashenko', 'shared'],
    ]);
    expect(found[3]!.text).toContain(
      '‘George, forgive me, but I will not pursue that policy. So, this is probably our last meeting.’',
    );
    for (const q of found) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('gives each transcript turn to the speaker its label names, one quote per turn', () => {
    const found = quotes(
      'Senator Dana Whitlock spoke to host Sam Okafor on Sunday. Partial transcript as follows:',
      '"OKAFOR: Will you vote for the budget? And will your party follow you?',
      '"WHITLOCK: I will vote for it. My colleagues will make up their own minds about it.',
      '"OKAFOR: Even after the “Daily Ledger” reported the cuts, you will stand by it?',
    );
    expect(found.map((q) => [q.text.slice(0, 12), q.speaker])).toEqual([
      ['OKAFOR: Will', 'Sam Okafor'],
      ['WHITLOCK: I ', 'Dana Whitlock'],
      ['OKAFOR: Even', 'Sam Okafor'],
    ]);
  });

  it('takes the agent of a signed statement or letter as the speaker, with the full name', () => {
    expect(
      brief(
        quotes(
          'According to a letter signed by Jan Brzezicki, “the union will strike on Monday unless wages rise.”',
        ),
      ),
    ).toEqual([['the union will strike on Monday unless wages rise.', 'Jan Brzezicki', 'According to']]);
  });

  it('reads the subject past an opening adverbial and relative clauses', () => {
    expect(
      brief(
        quotes(
          'During a rally in Ohio, Carla Mendes attacked her rival, saying, “He has no plan for the factories.”',
          'Rival Tom Becker had mocked the complaint, saying anybody who complains about the weather “is not having a good day.”',
        ),
      ),
    ).toEqual([
      ['He has no plan for the factories.', 'Carla Mendes', 'saying'],
      ['is not having a good day.', 'Tom Becker', 'saying'],
    ]);
  });

  it('keeps the speaker of a quote whose attribution runs on before the next sentence', () => {
    expect(
      brief(
        quotes(
          '“Our future is on the ballot,” Mr. Adeyemi said on Saturday night at the union dinner in Leeds, where Ms. Clarke also spoke. “So is our pride.”',
        ),
      ),
    ).toEqual([
      ['Our future is on the ballot,', 'Adeyemi', 'said'],
      ['So is our pride.', 'Adeyemi', 'said'],
    ]);
  });

  describe('issue 8 error classes', () => {
    it('continues an attributed quote into the quote-only paragraphs after it', () => {
      expect(
        brief(
          quotes(
            '“We waited eleven years,” said councillor Helen Marsh.',
            '“The boats will run every hour in winter.”',
          ),
        ),
      ).toEqual([
        ['We waited eleven years,', 'Helen Marsh', 'said'],
        ['The boats will run every hour in winter.', 'Helen Marsh', null],
      ]);
    });

    it('takes the subject of the reporting clause, not the subject inside the quoted clause', () => {
      expect(
        brief(quotes('Mayor Daniel Okafor said that Anna Berg was "wrong about the budget this year."')),
      ).toEqual([['wrong about the budget this year.', 'Daniel Okafor', 'said']]);
      expect(
        brief(
          quotes(
            'Union leader Marta Kowalska spoke.',
            '"The rise is unfair to students," according to a statement from Kowalska.',
          ),
        ),
      ).toEqual([['The rise is unfair to students,', 'Marta Kowalska', 'according to']]);
    });

    it('gives a participle the subject of its clause, past opening adverbials', () => {
      expect(
        brief(
          quotes(
            'On Thursday, after weeks of silence, Elizabeth Warren met Rachel Maddow and endorsed the plan, saying, "This is what the country needs now."',
          ),
        ),
      ).toEqual([['This is what the country needs now.', 'Elizabeth Warren', 'saying']]);
    });

    it('reads a dash signature after the quote, on its line or on the next', () => {
      expect(
        brief(quotes('Bernie Sanders spoke.', '"Companies pay zero taxes in this country." - Sanders.')),
      ).toEqual([['Companies pay zero taxes in this country.', 'Bernie Sanders', null]]);
      expect(
        brief(
          quotes('Bernie Sanders spoke.', '"Companies pay zero taxes in this country."', '- Bernie Sanders.'),
        ),
      ).toEqual([['Companies pay zero taxes in this country.', 'Bernie Sanders', null]]);
    });

    it('reads cue verbs learned from annotated news and particle cues', () => {
      expect(
        brief(
          quotes(
            'Rachel Adams met Victor Hale.',
            '"It protects the largest farms," Hale retorted.',
            '"Then read page forty," Adams shot back.',
          ),
        ),
      ).toEqual([
        ['It protects the largest farms,', 'Victor Hale', 'retorted'],
        ['Then read page forty,', 'Rachel Adams', 'shot back'],
      ]);
    });

    it('resolves a pronoun to a person of its gender, never to the object of "according to"', () => {
      expect(
        brief(
          quotes(
            'Laura Mendez presented the scooter.',
            'According to Pedro Alves, it sold out in one hour.',
            '"It is the lightest we have built," she said.',
          ),
        ),
      ).toEqual([['It is the lightest we have built,', 'Laura Mendez', 'said']]);
    });

    it('gives an appositive name after a possessive kin or role word', () => {
      expect(
        brief(
          quotes(
            'Piotr Nowicki was trapped for two days.',
            '"The company ignored the reports," said Nowicki\'s lawyer, Tom Reid.',
          ),
        ),
      ).toEqual([['The company ignored the reports,', 'Tom Reid', 'said']]);
    });

    it('takes no sign text, teaser or title of a work for speech', () => {
      expect(
        quotes('Students carried banners reading "Education is a right, not a privilege" on Saturday.'),
      ).toEqual([]);
      expect(quotes('READ MORE: "Universities Warn of a Budget Gap as Enrolment Falls"')).toEqual([]);
      expect(
        quotes(
          'The union printed a pamphlet titled "What the Tuition Rise Means for Your Family" last week.',
        ),
      ).toEqual([]);
    });

    it("closes quotes at ’’ and '', and keeps two sentences joined by narration apart", () => {
      expect(
        brief(
          quotes(
            'Manuel Ortega fished for thirty years.',
            "``We cannot feed our families with these quotas,'' Ortega said.",
          ),
        ),
      ).toEqual([['We cannot feed our families with these quotas,', 'Manuel Ortega', 'said']]);
      expect(
        brief(
          quotes(
            'Manuel Ortega spoke.',
            '"Our sons will not take over the boats," Ortega said. Then, after a pause: "Nobody at all will."',
          ),
        ),
      ).toEqual([
        ['Our sons will not take over the boats,', 'Manuel Ortega', 'said'],
        ['Nobody at all will.', 'Manuel Ortega', 'said'],
      ]);
    });
  });
});
