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

  it('takes a one-word person with a role in apposition or as the subject of a verb of speech', () => {
    expect(
      names(
        'Lindiwe, a 41-year-old midwife, said the ward had no power for two days.',
        '“We are tired,” said Odalys, a nurse at the district hospital.',
        '“Nobody came,” Tomasz told reporters on Tuesday.',
        'Kessington, 63, a farmer from the valley, said the river rose overnight.',
      ),
    ).toEqual(['Lindiwe', 'Odalys', 'Tomasz', 'Kessington']);
    // a place before an apposition is no speaker, and an unknown word needs the speaker slot
    expect(names('Shelling continued in Lowenbrug, a senior official said.')).toEqual([]);
    expect(names('Marsten, the biggest producer of nickel, raised prices.')).toEqual([]);
  });

  it('keeps a given name that is also a calendar abbreviation before a surname', () => {
    expect(names('The letter was signed by Jan Wróblewski on Jan. 5.')).toEqual(['Jan Wróblewski']);
  });

  it('finds the speakers of a transcript by their upper-case labels', () => {
    expect(
      names(
        'Partial transcript as follows:',
        'HARTLEY: Will the minister resign?',
        'OKONKWO: No, and I will say why.',
        'NOTE: The interview was edited for length.',
      ),
    ).toEqual(['HARTLEY', 'OKONKWO']);
    expect(names('WARSAW: The talks resumed on Monday.')).toEqual([]);
  });

  it('gives a bare surname shared by relatives to the principal, a title or honorific to its bearer', () => {
    const aliases = (found: PersonFact[]): string[][] => found.map((p) => [p.name, ...p.aliases]);
    // the relative introduced as such is named by the given name, the candidate by the surname
    expect(
      aliases(
        people(
          'Democratic nominee Margaret Hollis spoke in Ohio on Friday.',
          'She was joined by her daughter Ruth Hollis, who runs a clinic in Dayton.',
          'Hollis told the crowd that the clinic would stay open.',
        ),
      ),
    ).toEqual([['Margaret Hollis', 'Hollis'], ['Ruth Hollis']]);
    // a former office-holder mentioned in passing does not take the candidate's surname
    expect(
      aliases(
        people(
          'Secrecy has surrounded Janet Morrow’s health, her former physician says.',
          'The physician, who served under former Governor Peter Morrow, said Morrow hid a clot in 2009.',
        ),
      ),
    ).toEqual([['Janet Morrow', 'Morrow'], ['Peter Morrow']]);
    // "Mrs." picks the woman, "Mayor" the one introduced as mayor
    expect(
      aliases(
        people(
          'Mayor Anton Kravec and his wife, Lena Kravec, opened the school. Mrs. Kravec cut the ribbon.',
          'Viktor Kravec, his brother, watched. Mayor Kravec then spoke.',
        ),
      ),
    ).toEqual([['Anton Kravec', 'Kravec'], ['Lena Kravec', 'Kravec'], ['Viktor Kravec']]);
  });

  it('takes the sides of a sports result or standings row as teams, the scorers in parentheses as people', () => {
    expect(
      names(
        'Harbour Rovers 3 ( Iwan Petrov 12 , Sandor 80 ) Claudio Nuevo 1',
        'Claudio Nuevo 9 4 2 3 11 10 14',
        'Petrov said the team was tired.',
      ),
    ).toEqual(['Iwan Petrov', 'Sandor']);
  });

  it('never takes a saint, a dotted abbreviation or an all-caps word as a person', () => {
    expect(names('Fans of St Kilian and Saint Ormond cheered in the U.S .')).toEqual([]);
    expect(
      findPeople(
        documentFromParts({ title: '', paragraphs: ['RUGBY - FINAL SCORES .', 'R. Tembo scored twice .'] }),
      ).map((p) => [p.name, ...p.aliases]),
    ).toEqual([['R. Tembo']]);
  });

  it('takes firms named after people by their employees, stock or index, and city teams, as organisations', () => {
    expect(
      names(
        'Jarrow Pemberton analyst Ilse Brandt said the Pemberton Hale index fell .',
        'Analysts at Morrow Tillson and an economist with Fenwick Hartley agreed .',
        'Carrow Quayle shares fell while the Buffalo Sabres won .',
        'Tourists flocked to Cape Ormond and Mount Elgon .',
      ),
    ).toEqual(['Ilse Brandt']);
  });

  it('takes a run with a sports club, event or car maker word as an organisation', () => {
    expect(
      names('Fans of Tarso Juniors watched the Alvena Rally , and Kemper Renault led .', 'Piet Olsen won .'),
    ).toEqual(['Piet Olsen']);
  });

  it('takes a full name before a law, report or prize named after it as no person', () => {
    expect(
      names('Congress passed the Arden Voss law and the Lena Marsh prize , and Tomas Berg spoke .'),
    ).toEqual(['Tomas Berg']);
  });

  it('takes parties, movements and armed groups as no people', () => {
    expect(names('The Ulster Unionists , Sinn Fein and the Mujahideen Khalq met Dana Pryce .')).toEqual([
      'Dana Pryce',
    ]);
  });

  it('takes one word on a side of a match against a town or club as a team', () => {
    expect(names('Hamilton drew with Morton and Chelsea lost to Preston .')).toEqual([]);
    expect(names('Pete Sampras beat Andre Agassi ; Sampras beat Agassi again .')).toEqual([
      'Pete Sampras',
      'Andre Agassi',
    ]);
  });
});
