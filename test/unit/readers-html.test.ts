/**
 * Golden tests of the readers, one block per failure class of issue 10, on small pages written
 * for the purpose: encodings, titles, body furniture and loose text, bylines, dates, language.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/files.ts';
import { cleanByline, splitAuthors } from '../../src/ingest/readers/bylines.ts';
import { parseDate } from '../../src/ingest/readers/dates.ts';
import { decodeBytes, readDocuments, readHtml, recordToDocument } from '../../src/ingest/readers/index.ts';

const PROSE =
  'The ministry said on Monday that the new rules would apply from March, after a long consultation with regional officials and business groups. ';
const body = (n = 4) => Array.from({ length: n }, (_, i) => `<p>${i + 1}. ${PROSE.repeat(2)}</p>`).join('');

/** A page: head markup, then the body's markup around an article. */
const page = (head: string, before = '', article = body(), after = '', lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body>${before}<article>${article}</article>${after}</body></html>`;

const BELARUSIAN =
  'Лукашэнка сустрэўся з міністрам. Беларусь павялічыць экспарт калію ў наступным годзе, заявіў урад.';
const RUSSIAN =
  'Центральный банк России сохранил ключевую ставку. Аналитики ожидают снижения инфляции в следующем году.';

describe('encoding', () => {
  it('decodes a windows-1251 page by its <meta charset> and stores the encoding', () => {
    const html = page(
      '<meta charset="windows-1251"><title>Калій</title>',
      '',
      `<h1>Экспарт калію</h1><p>${BELARUSIAN.repeat(6)}</p>`,
      '',
      'be',
    );
    const [result] = readDocuments(iconv.encode(html, 'windows-1251'), 'be.html', 'html');
    expect(result!.ok).toBe(true);
    if (!result!.ok) return;
    expect(result!.input.encoding).toBe('windows-1251');
    expect(result!.input.language).toBe('be');
    expect(result!.input.text).toContain('Беларусь павялічыць экспарт калію');
  });

  it('decodes KOI8-R and windows-1251 text files without any declaration, by detection', () => {
    const text = `Ставка сохранена\n\n${RUSSIAN}\n${RUSSIAN}\n`;
    for (const encoding of ['koi8-r', 'windows-1251']) {
      const decoded = decodeBytes(iconv.encode(text, encoding));
      expect(decoded).toEqual({ text, encoding });
    }
    const [result] = readDocuments(iconv.encode(text, 'koi8-r'), 'ru.txt', 'text');
    expect(result!.ok && result!.input.encoding).toBe('koi8-r');
  });

  it('prefers the HTTP charset, honours a BOM, and reads a re-saved UTF-8 page despite an old <meta>', () => {
    const html = `<html><head><title>t</title></head><body><p>${RUSSIAN}</p></body></html>`;
    expect(decodeBytes(iconv.encode(html, 'koi8-r'), { html: true, declared: 'KOI8-R' }).encoding).toBe(
      'koi8-r',
    );
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]);
    expect(decodeBytes(bom, { html: true, declared: 'windows-1251' }).encoding).toBe('utf-8');
    const resaved = Buffer.from(html.replace('<head>', '<head><meta charset="gb2312">'));
    expect(decodeBytes(resaved, { html: true }).text).toContain(RUSSIAN);
    expect(decodeBytes(Buffer.from('Caf\xe9 au lait\n', 'latin1')).encoding).toBe('windows-1252');
  });

  it('still reports a binary file', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]))).toThrow(/binary/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7) + 1));
    expect(() => decodeText(controls)).toThrow(/binary/);
  });
});

describe('title', () => {
  it('takes og:title or JSON-LD over a logo, a navigation label or a section label in <h1>', () => {
    const nav =
      '<header><a href="/"><h1>Daily Courier</h1></a><nav><a href="/games">Games</a><a href="/menu">Menu</a></nav></header>';
    const og =
      '<meta property="og:site_name" content="Daily Courier"><meta property="og:title" content="Potash exports rise"><title>Potash exports rise | Daily Courier</title>';
    expect(readHtml(page(og, nav))!.title).toBe('Potash exports rise');
    const ld =
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Grain corridor reopens"}</script><title>World | Daily Courier</title>';
    expect(readHtml(page(ld, '<h1>Games</h1>'))!.title).toBe('Grain corridor reopens');
  });

  it('cuts the site name from <title> when nothing else names the article, and prefers the h1 it begins', () => {
    expect(
      readHtml(
        page(
          '<title>Fuel prices rise again – Daily Courier</title><meta property="og:site_name" content="Daily Courier">',
        ),
      )!.title,
    ).toBe('Fuel prices rise again');
    expect(
      readHtml(page('<title>Talks resume | Daily</title>', '', `<h1>Talks resume in Vilnius</h1>${body()}`))!
        .title,
    ).toBe('Talks resume in Vilnius');
  });

  it("cuts the site's name from og:title too, keeps a headline's own dash, and completes a cut-short headline", () => {
    const h1 = `<h1>Potash exports rise</h1>${body()}`;
    const og = (title: string, site = '') =>
      `${site && `<meta property="og:site_name" content="${site}">`}<meta property="og:title" content="${title}"><title>x</title>`;
    expect(readHtml(page(og('Potash exports rise | Daily Courier', 'Daily Courier'), '', h1))!.title).toBe(
      'Potash exports rise',
    );
    // No site name declared: the part an h1 gives is the headline.
    expect(readHtml(page(og('Potash exports rise - Daily Courier'), '', h1))!.title).toBe(
      'Potash exports rise',
    );
    expect(readHtml(page(og('Daily Courier | Potash exports rise', 'Daily Courier'), '', h1))!.title).toBe(
      'Potash exports rise',
    );
    expect(readHtml(page(og('Brexit - what happens next'), '', `<h1>Other</h1>${body()}`))!.title).toBe(
      'Brexit - what happens next',
    );
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Potash exports"}</script>';
    expect(readHtml(page(ld, '', h1))!.title).toBe('Potash exports rise');
  });

  it('never takes a site name or a CSS rule for the title', () => {
    const head =
      '<meta name="application-name" content="Courier News - Latest Headlines"><meta property="og:title" content="Courier News - Latest Headlines"><title>Bridge closes for repairs</title>';
    expect(readHtml(page(head, '<h1>.logo{display:none;}</h1>'))!.title).toBe('Bridge closes for repairs');
  });
});

describe('body', () => {
  it('keeps loose text beside links in an inline container', () => {
    const article = `${body(3)}<div><span>The report, <a href="/r">published here</a>, lists every price change since 2019 in detail for each region.</span></div>`;
    const paragraphs = readHtml(page('<title>Prices</title>', '', article))!.paragraphs;
    expect(paragraphs.at(-1)).toBe(
      'The report, published here, lists every price change since 2019 in detail for each region.',
    );
  });

  it('drops furniture: skip links, sign-in, ads, read-more links, captions and credits', () => {
    const article = `<p>Skip to content</p><p>Sign In</p>${body(2)}<p>Advertisement</p><figure><img src="x.jpg"><figcaption>The minister in Minsk. Photo: Anna Berg/Reuters</figcaption></figure><p>Read more: Ten other stories about prices</p><p>Continue reading the main story</p>${body(2)}<p>Photo: Getty Images</p>`;
    const paragraphs = readHtml(page('<title>Prices</title>', '', article))!.paragraphs;
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs.join('\n')).not.toMatch(
      /Skip to|Sign In|Advertisement|Read more|Continue reading|Photo:|figcaption/,
    );
  });

  it('drops the same furniture in the languages of the archive, not only English', () => {
    const furniture = [
      ['it', 'Accedi', 'Leggi anche: Dieci altre notizie', 'Continua a leggere', 'Condividi'],
      ['pt', 'Entrar', 'Veja também: Outras notícias', 'Leia mais', 'Compartilhar'],
      ['nl', 'Inloggen', 'Lees ook: Tien andere verhalen', 'Lees verder', 'Delen'],
      ['pl', 'Zaloguj się', 'Czytaj także: Inne wiadomości', 'Czytaj dalej', 'Udostępnij'],
      ['uk', 'Увійти', 'Читайте також: Інші новини', 'Читати далі', 'Поширити'],
    ];
    for (const [lang, ...lines] of furniture) {
      const article = `${lines.map((line) => `<p>${line}</p>`).join('')}${body(3)}`;
      const paragraphs = readHtml(page('<title>t</title>', '', article, '', lang))!.paragraphs;
      expect(paragraphs, lang).toHaveLength(3);
    }
  });
});

describe('byline', () => {
  it('cuts labels and glued dates, keeps every author and decodes entities', () => {
    expect(cleanByline('von Anna Berg · 3. Mai 2021')).toBe('Anna Berg');
    expect(cleanByline('By Jane Doe | Updated 10:45')).toBe('Jane Doe');
    expect(cleanByline('Jean Le Pen')).toBe('Jean Le Pen');
    // Dates glued on with no separator, or no name at all.
    expect(cleanByline('By Nathan Willis\n   March 25, 2015')).toBe('Nathan Willis');
    expect(cleanByline('Carrie ArnoldNovember 15, 2019')).toBe('Carrie Arnold');
    expect(cleanByline('Jeff FoustMonday, November 18, 2019')).toBe('Jeff Foust');
    expect(cleanByline('Lucas Nolan22 Dec 2016')).toBe('Lucas Nolan');
    expect(cleanByline('Anna Berg 3. Mai 2021, 10:45')).toBe('Anna Berg');
    expect(cleanByline('April 28, 2019 at 6:01 am Updated April 29, 2019')).toBe('');
    expect(cleanByline('Last Updated: January 7, 2025')).toBe('');
    expect(cleanByline('Mary Kay Ash')).toBe('Mary Kay Ash');
    expect(cleanByline('Anna May')).toBe('Anna May');
    expect(splitAuthors('Anna Berg, Jan Kos and Eva Lind')).toEqual(['Anna Berg', 'Jan Kos', 'Eva Lind']);
    expect(splitAuthors('John A Smith')).toEqual(['John A Smith']);
    const head = '<title>t</title><meta name="author" content="Zo&euml; Ch&aacute;vez">';
    expect(readHtml(page(head))!.byline).toBe('Zoë Chávez');
  });

  it('takes people from JSON-LD, never the publisher, and skips URLs', () => {
    const ld = (author: string) =>
      `<title>t</title><meta property="og:site_name" content="Courier"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Courier"},"author":${author}}</script>`;
    expect(
      readHtml(
        page(ld('[{"@type":"Person","name":"Stella Kim"},{"@type":"Person","name":"Jennifer Jett"}]')),
      )!.byline,
    ).toBe('Stella Kim, Jennifer Jett');
    expect(readHtml(page(ld('{"@type":"Organization","name":"Courier"}')))!.byline).toBeNull();
    const url = '<title>t</title><meta name="author" content="https://news.example/staff/anna">';
    expect(readHtml(page(url, '', `<a rel="author" href="/a">Anna Berg</a>${body()}`))!.byline).toBe(
      'Anna Berg',
    );
  });

  it('finds a byline the page only shows: a class in its language, or a labelled line near the start', () => {
    const byline = (article: string, lang = 'en') =>
      readHtml(page('<title>t</title>', '', article, '', lang))!.byline;
    expect(byline(`<div class="autor">Anna Berg</div>${body()}`, 'de')).toBe('Anna Berg');
    expect(
      byline(`<p class="meta"><span class="auteur">Jean Dupont</span> · 3 mai 2021</p>${body()}`, 'fr'),
    ).toBe('Jean Dupont');
    expect(byline(`<p class="firma">María García</p>${body()}`, 'es')).toBe('María García');
    expect(byline(`<p>Von Anna Berg</p>${body()}`, 'de')).toBe('Anna Berg');
    expect(byline(`<p>By John Smith and Mary Jones</p>${body()}`)).toBe('John Smith, Mary Jones');
    expect(byline(`<p>By Ursula von der Leyen</p>${body()}`)).toBe('Ursula von der Leyen');
    // Not names: a sentence that starts like a label, a biography, a commenter.
    for (const line of [
      'By 2030, the country will',
      'Par ailleurs, le gouvernement',
      'By the way',
      'Von Montag an gilt',
    ])
      expect(byline(`<p>${line}</p>${body()}`)).toBeNull();
    expect(
      byline(`<div class="author-bio">Anna Berg covers energy policy for us since 2019.</div>${body()}`),
    ).toBeNull();
    expect(
      byline(`${body()}<div class="comment"><span class="comment-author">Ben Kos</span> wrote</div>`),
    ).toBeNull();
    // Declared metadata still wins over what the page shows.
    const declared = readHtml(
      page(
        '<title>t</title><meta name="author" content="Eva Lind">',
        '',
        `<div class="autor">Anna Berg</div>${body()}`,
      ),
    )!.byline;
    expect(declared).toBe('Eva Lind');
  });
});

describe('dates', () => {
  it('reads numeric dates day-first by language and dotted dates always day-first', () => {
    expect(parseDate('10.12.2022')?.toISOString()).toBe('2022-12-10T00:00:00.000Z');
    expect(parseDate('03/04/2021', 'de')?.toISOString()).toBe('2021-04-03T00:00:00.000Z');
    expect(parseDate('03/04/2021', 'en-US')?.toISOString()).toBe('2021-03-04T00:00:00.000Z');
    expect(parseDate('03/04/2021')).toBeNull(); // no language: unsure, so no date
    expect(parseDate('25/04/2021')?.toISOString()).toBe('2021-04-25T00:00:00.000Z');
  });

  it('reads localised month names, "+01" offsets, and refuses impossible dates', () => {
    expect(parseDate('3. Mai 2021')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
    expect(parseDate('12 октября 2022 г.')?.toISOString()).toBe('2022-10-12T00:00:00.000Z');
    expect(parseDate('5 сакавіка 2020')?.toISOString()).toBe('2020-03-05T00:00:00.000Z');
    expect(parseDate('March 25, 2015')?.toISOString()).toBe('2015-03-25T00:00:00.000Z');
    expect(parseDate('2021-05-03T10:00:00+01')?.toISOString()).toBe('2021-05-03T09:00:00.000Z');
    expect(parseDate('2021-05-03T10:00:00+0530')?.toISOString()).toBe('2021-05-03T04:30:00.000Z');
    expect(parseDate('2021-02-31')).toBeNull();
  });

  it('finds JSON-LD dates in @graph, mainEntity and CDATA, and ignores sidebar and cited <time>', () => {
    const graph =
      '<title>t</title><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2022-12-10T08:00:00+01:00"}]}</script>';
    expect(readHtml(page(graph))!.publishedAt?.toISOString()).toBe('2022-12-10T07:00:00.000Z');
    const main =
      '<title>t</title><script type="application/ld+json">//<![CDATA[\n{"@type":"WebPage","mainEntity":{"@type":"Article","datePublished":"2020-01-02"}}\n//]]></script>';
    expect(readHtml(page(main))!.publishedAt?.toISOString()).toBe('2020-01-02T00:00:00.000Z');
    const sidebar =
      '<aside><ul><li><a href="/o">Other story</a><time datetime="2019-01-01">1 Jan</time></li></ul></aside>';
    const cited = `<blockquote>As reported on <time datetime="2001-09-09">9 Sept 2001</time></blockquote>${body()}`;
    expect(readHtml(page('<title>t</title>', sidebar, cited))!.publishedAt).toBeNull();
    const own = `<header><time datetime="2023-05-06T10:00:00Z">6 May</time></header>${body()}`;
    expect(readHtml(page('<title>t</title>', sidebar, own))!.publishedAt?.toISOString()).toBe(
      '2023-05-06T10:00:00.000Z',
    );
  });
});

describe('language', () => {
  it('comes from <html lang>, og:locale, JSON-LD inLanguage or a record field', () => {
    expect(readHtml(page('<title>t</title>', '', body(), '', 'de-AT'))!.language).toBe('de');
    const noLang = (head: string) =>
      `<html><head><title>t</title>${head}</head><body><article>${body()}</article></body></html>`;
    expect(readHtml(noLang('<meta property="og:locale" content="ru_RU">'))!.language).toBe('ru');
    expect(
      readHtml(
        noLang('<script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"be"}</script>'),
      )!.language,
    ).toBe('be');
    const record = recordToDocument({ title: 'T', body: 'x', language: 'PL' }, 'r.json');
    expect(record.ok && record.input.language).toBe('pl');
  });
});
