/**
 * What a page's metadata says about its article, read before Readability mutates the DOM:
 * - JSON-LD: every object of every ld+json block (CDATA and comments around it tolerated), through
 *   @graph, mainEntity and mainEntityOfPage; the article object is the one whose @type is an
 *   article type.
 * - title: the first of JSON-LD headline, og:title, twitter:title, <title> without the site's
 *   name, the article's <h1> that is not the site's name, a navigation or section label
 *   (a link in a nav/header) or a logo; <title> and h1 break ties.
 * - byline: JSON-LD authors (people, all of them), meta author, rel=author, article:author;
 *   never the publisher; labels and dates glued on are cut (bylines.ts).
 * - date: JSON-LD datePublished, the published-time metas, then a <time> that belongs to the
 *   article (itemprop/pubdate/inside <article> or its header; not in an aside, a quote or a list
 *   of other stories).
 * - language: <html lang>, content-language, og:locale, JSON-LD inLanguage.
 */
import { decodeHTML } from 'entities';
import { cleanByline, hasBylineLabel, looksLikeNames, splitAuthors } from './bylines.ts';
import { BYLINE_CLASS_WORDS } from './data/byline-words.ts';
import { parseDate } from './dates.ts';
import { clean, firstContent, type El } from './html-dom.ts';

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|ItemPage)$/;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typesOf = (node: Json): string[] => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
};

/**
 * JSON as CMSs write it into pages: strict first, then with the two common slips repaired
 * (trailing commas, raw line breaks and tabs inside strings); undefined when still broken.
 */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // eslint-disable-next-line no-control-regex -- raw control characters are the slip repaired
      return JSON.parse(text.replace(/,\s*([\]}])/g, '$1').replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined; // a broken JSON-LD block is ignored, like a browser would
    }
  }
}

/** Every JSON-LD object of the page, nested ones included, in document order. */
export function jsonLdObjects(doc: El): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(node)) node.forEach((child) => visit(child, depth + 1));
    else if (isObject(node)) {
      found.push(node);
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement'])
        if (key in node) visit(node[key], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
    const parsed = parseLenient(text);
    if (parsed !== undefined) visit(parsed, 0);
  }
  return found;
}

/** The JSON-LD object that describes the article (the first of an article type), or null. */
function articleObject(objects: Json[]): Json | null {
  const articles = objects.filter((node) => typesOf(node).some((t) => ARTICLE_TYPES.test(t)));
  // A WebPage wrapper is only the article when nothing more specific is there.
  return articles.find((node) => !typesOf(node).every((t) => /Page$/.test(t))) ?? articles[0] ?? null;
}

const text = (value: unknown): string => (typeof value === 'string' ? clean(decodeEntities(value)) : '');

/** Entities left in metadata by double-escaping CMSs ("Caf&eacute;", "&#8217;", "&mdash;"). */
export function decodeEntities(value: string): string {
  return value.includes('&') ? decodeHTML(value) : value;
}

export interface PageMeta {
  title: string;
  siteName: string;
  /** The authors, given the byline Readability found in the content (used when the metadata names nobody). */
  bylines: (fallback: string | null) => string[];
  publishedAt: Date | null;
  /** The full language tag ("en-gb"), which also says how numeric dates are written. */
  language: string | null;
}

// ----------------------------------------------------------------------------------------- language

const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/** The primary subtag of a language tag, as the archive stores it (ISO 639-1: "en-GB" → "en"). */
export function languageCode(tag: string | null | undefined): string | null {
  const code = tag ? normaliseLanguage(tag)?.split('-')[0] : undefined;
  return code ?? null;
}

function normaliseLanguage(value: string): string | null {
  const tag = value
    .trim()
    .split(/[,;\s]/)[0]!
    .replace('_', '-');
  return LANGUAGE_TAG.test(tag) ? tag.toLowerCase() : null;
}

function languageOf(doc: El, article: Json | null): string | null {
  const candidates = [
    doc.querySelector('html')?.getAttribute('lang') ?? '',
    doc.querySelector('html')?.getAttribute('xml:lang') ?? '',
    firstContent(doc, [
      'meta[http-equiv="content-language" i]',
      'meta[name="language" i]',
      'meta[property="og:locale"]',
    ]),
    typeof article?.inLanguage === 'string' ? article.inLanguage : '',
  ];
  for (const candidate of candidates) {
    const language = candidate ? normaliseLanguage(candidate) : null;
    if (language) return language;
  }
  return null;
}

// ----------------------------------------------------------------------------------------- title

const TITLE_SEPARATORS = /\s+[-|–—·•:»]\s+|\s*[|»·•]\s*|\s+::\s+|\s*_\s*/;

const normTitle = (s: string): string =>
  clean(s)
    .toLowerCase()
    .replace(/[“”„‟«»"‘’‚‛‹›']/g, "'")
    .replace(/\s+/g, ' ');

/** The site's name: og:site_name, application-name, JSON-LD publisher, else the <title> part the h1 does not cover. */
function siteNameOf(doc: El, objects: Json[]): string {
  const meta = firstContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  if (meta) return decodeEntities(meta);
  for (const node of objects) {
    const publisher = node.publisher;
    if (isObject(publisher) && text(publisher.name)) return text(publisher.name);
  }
  return '';
}

/** <title> without the site's name: the part before (or after) a separator that is not the site's name. */
function stripSiteName(title: string, siteName: string, headlines: string[]): string {
  const parts = title.split(TITLE_SEPARATORS).map(clean).filter(Boolean);
  if (parts.length < 2) return title;
  const known = headlines.map(normTitle);
  // A part that another source also gives as the headline wins.
  const agreed = parts.find((part) => known.includes(normTitle(part)));
  if (agreed) return agreed;
  const site = normTitle(siteName);
  const notSite = parts.filter(
    (part) => !site || (!normTitle(part).includes(site) && !site.includes(normTitle(part))),
  );
  if (notSite.length === 0) return title;
  // The longest remaining part: the headline is longer than a section's or site's name.
  const longest = notSite.reduce((a, b) => (b.length > a.length ? b : a));
  // A headline that itself contains a separator (" - ") is kept whole when only the site part was cut.
  const withoutSite = parts.filter((part) => notSite.includes(part)).join(' - ');
  return site && parts.length - notSite.length === 1 && title.includes(withoutSite) ? withoutSite : longest;
}

/** Labels of links in navigation and page headers: a title equal to one is a section name, not a headline. */
function navigationLabels(doc: El): Set<string> {
  const labels = new Set<string>();
  for (const link of doc.querySelectorAll(
    'nav a, header a, [role="navigation"] a, [class*="menu"] a, [class*="nav"] a',
  )) {
    const label = normTitle(link.textContent ?? '');
    if (label && label.length < 60) labels.add(label);
  }
  for (const img of doc.querySelectorAll('img[alt]')) {
    const alt = normTitle(img.getAttribute('alt') ?? '');
    if (alt && /logo/i.test(`${img.getAttribute('class') ?? ''} ${img.getAttribute('src') ?? ''} ${alt}`))
      labels.add(alt);
  }
  return labels;
}

/** A title no headline can be: empty, the site's name, a navigation label, a logo's alt, a CSS rule. */
function unusableTitle(title: string, siteName: string, labels: Set<string>): boolean {
  const t = normTitle(title);
  if (t.length < 3 || /[{};]\s*[a-z-]+\s*:/.test(t)) return true;
  const site = normTitle(siteName);
  if (site && (t === site || t.startsWith(`${site} - `) || t.startsWith(`${site} | `))) return true;
  return labels.has(t) && t.split(' ').length <= 4;
}

function h1Headlines(doc: El): string[] {
  const inArticle = Array.from(doc.querySelectorAll('article h1, main h1, [itemprop="headline"]'), (h) =>
    clean(h.textContent),
  );
  const all = Array.from(doc.querySelectorAll('h1'), (h) => clean(h.textContent));
  return [...inArticle, ...all].filter((h) => h.length > 0 && h.length < 300);
}

const TITLE_SEPARATORS_ALL = new RegExp(TITLE_SEPARATORS.source, 'g');

/**
 * A meta title without the site's name at its start or end ("Talks resume | Courier" →
 * "Talks resume"): cut only when that part is the site's name or the rest is what an h1 says, so
 * a headline with a dash of its own ("Brexit - what next") stays whole.
 */
function cutSiteName(title: string, siteName: string, h1s: string[]): string {
  const separators = [...title.matchAll(TITLE_SEPARATORS_ALL)];
  if (separators.length === 0) return title;
  const first = separators[0]!;
  const last = separators.at(-1)!;
  const head = clean(title.slice(0, last.index));
  const tail = clean(title.slice(first.index + first[0].length));
  const site = normTitle(siteName);
  const known = new Set(h1s.map(normTitle));
  if ((site && normTitle(title.slice(last.index + last[0].length)) === site) || known.has(normTitle(head)))
    return head;
  if ((site && normTitle(title.slice(0, first.index)) === site) || known.has(normTitle(tail))) return tail;
  return title;
}

function titleOf(doc: El, article: Json | null, siteName: string): string {
  const labels = navigationLabels(doc);
  const usable = (t: string) => t !== '' && !unusableTitle(t, siteName, labels);
  const h1s = h1Headlines(doc).filter(usable);
  const meta = [
    text(article?.headline) || text(article?.name),
    decodeEntities(firstContent(doc, ['meta[property="og:title"]', 'meta[name="og:title"]'])),
    decodeEntities(firstContent(doc, ['meta[name="twitter:title"]', 'meta[property="twitter:title"]'])),
  ].map((title) => cutSiteName(clean(title), siteName, h1s));
  const documentTitle = clean(doc.querySelector('title')?.textContent);
  const stripped = documentTitle ? stripSiteName(documentTitle, siteName, [...meta, ...h1s]) : '';
  const candidates = [...meta, stripped, ...h1s].filter(usable);
  const chosen = candidates[0] ?? (documentTitle || h1s[0] || '');
  // <title> and JSON-LD headlines are often cut short ("Talks resume | Site" for "Talks resume in
  // Vilnius"): the h1 the chosen title begins is the headline.
  const fuller = h1s.find((h1) => h1.length > chosen.length && normTitle(h1).startsWith(normTitle(chosen)));
  return fuller ?? chosen;
}

// ----------------------------------------------------------------------------------------- byline

function personNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(personNames);
  if (typeof value === 'string') return splitAuthors(text(value));
  if (!isObject(value)) return [];
  if (typesOf(value).some((t) => /Organi[sz]ation|Corporation|NewsMediaOrganization/.test(t))) return [];
  return text(value.name) ? [text(value.name)] : [];
}

const isUrl = (value: string): boolean => /^(?:https?:)?\/\/|^www\./i.test(value.trim());
/** A user handle ("devindra", "cc7567"): one token, no capitalised name in it. */
const isHandle = (name: string): boolean =>
  !/\s/.test(name) && (name === name.toLowerCase() || /\d/.test(name));
const uniqueNames = (names: string[]): string[] => [...new Map(names.map((n) => [normTitle(n), n])).values()];

/**
 * The article's authors by the metadata, in order of trust: JSON-LD people, then author metas;
 * `fallback` (Readability's byline, then rel=author links in the article) when these name nobody
 * or only a user handle. Never the publisher, never a URL.
 */
function bylinesOf(doc: El, article: Json | null, siteName: string): (fallback: string | null) => string[] {
  const publisher = normTitle(siteName);
  const person = (name: string) => {
    const n = normTitle(name);
    return n !== '' && n !== publisher && !isUrl(name) && name.length < 80;
  };
  const fromJsonLd = uniqueNames(
    personNames(article?.author ?? article?.creator)
      .map(cleanByline)
      .filter(person),
  );
  const metaNames = uniqueNames(
    Array.from(doc.querySelectorAll(AUTHOR_META), (m) => decodeEntities(clean(m.getAttribute('content'))))
      .filter((value) => !isUrl(value))
      .flatMap(splitAuthors)
      .map(cleanByline)
      .filter(person),
  );
  // Read now: the DOM is Readability's once the fallback is known.
  const relNames = uniqueNames(
    Array.from(doc.querySelectorAll('a[rel~="author"], [itemprop="author"] [itemprop="name"]'))
      .filter((a) => !a.closest(NOT_THE_ARTICLE))
      .map((a) => cleanByline(clean(a.textContent)))
      .filter(person),
  );
  const placed = placedByline(doc);
  return (fallback) => {
    if (fromJsonLd.length > 0 && !fromJsonLd.every(isHandle)) return fromJsonLd;
    if (metaNames.length > 0 && !metaNames.every(isHandle)) return metaNames;
    if (fallback && person(fallback)) return [fallback];
    if (relNames.length > 0) return relNames;
    // A name the page shows is better than a user handle in its metadata.
    if (placed && person(placed)) return splitAuthors(placed);
    return metaNames.length > 0 ? metaNames : fromJsonLd;
  };
}

const BYLINE_CLASS = BYLINE_CLASS_WORDS.flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`]).join(
  ', ',
);
/** How many elements from the article's start a labelled byline line ("By Anna Berg") may stand. */
const LABELLED_LINE_SCAN = 32;

/**
 * The byline the page shows but does not declare, when nothing else names an author: the first
 * element marked as a byline by a class or id in the page's language (`class="autor"`), or a short
 * line near the article's start that begins with a label ("Von Anna Berg", "By A and B"), if what
 * it holds reads as names. Never from comments, asides or lists of other stories.
 */
function placedByline(doc: El): string | null {
  for (const element of Array.from(doc.querySelectorAll(BYLINE_CLASS))) {
    if (element.closest(NOT_THE_ARTICLE)) continue;
    const value = cleanByline(clean(element.textContent));
    if (value && looksLikeNames(value)) return value;
  }
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.querySelector('body');
  const lines = Array.from(root?.querySelectorAll('p, div, span, address') ?? []).slice(
    0,
    LABELLED_LINE_SCAN,
  );
  for (const line of lines) {
    const text = clean(line.textContent);
    if (text.length > 100 || !hasBylineLabel(text) || line.closest(NOT_THE_ARTICLE)) continue;
    const value = cleanByline(text);
    if (value && looksLikeNames(value)) return value;
  }
  return null;
}

const AUTHOR_META =
  'meta[name="author" i], meta[property="article:author"], meta[name="dc.creator" i], meta[name="parsely-author"], meta[name="sailthru.author"]';

// ----------------------------------------------------------------------------------------- date

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[property="og:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="publish-date"]',
  'meta[name="publish_date"]',
  'meta[name="publication_date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="dc.date" i]',
  'meta[name="date"]',
];

/** <time> elements outside the article (a sidebar, a list of other stories, a quoted source) do not date it. */
const NOT_THE_ARTICLE =
  'aside, nav, footer, blockquote, q, cite, [class*="related"], [class*="sidebar"], [class*="comment"], [class*="recommend"], [class*="teaser"], [class*="promo"], li';

function timeDate(doc: El, language: string | null): Date | null {
  const marked = doc.querySelector(
    'time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"][datetime]',
  );
  const markedDate = parseDate(marked?.getAttribute('datetime') ?? marked?.getAttribute('content'), language);
  if (markedDate) return markedDate;
  const times = Array.from(doc.querySelectorAll('time[datetime]')).filter((t) => !t.closest(NOT_THE_ARTICLE));
  const inArticle = times.filter((t) =>
    t.closest('article, main, [role="main"], header, [class*="byline"], [class*="meta"]'),
  );
  const chosen = inArticle[0] ?? (times.length === 1 ? times[0] : undefined);
  return chosen ? parseDate(chosen.getAttribute('datetime'), language) : null;
}

function publishedAtOf(doc: El, article: Json | null, objects: Json[], language: string | null): Date | null {
  const fromArticle =
    parseDate(article?.datePublished, language) ?? parseDate(article?.dateCreated, language);
  if (fromArticle) return fromArticle;
  for (const selector of DATE_META) {
    const date = parseDate(doc.querySelector(selector)?.getAttribute('content'), language);
    if (date) return date;
  }
  for (const node of objects) {
    const date = parseDate(node.datePublished, language);
    if (date) return date;
  }
  return timeDate(doc, language);
}

// ----------------------------------------------------------------------------------------- all

/** Everything the metadata says, from the unmodified page. */
export function readPageMeta(doc: El): PageMeta {
  const objects = jsonLdObjects(doc);
  const article = articleObject(objects);
  const language = languageOf(doc, article);
  const siteName = siteNameOf(doc, objects);
  return {
    title: titleOf(doc, article, siteName),
    siteName,
    bylines: bylinesOf(doc, article, siteName),
    publishedAt: publishedAtOf(doc, article, objects, language),
    language,
  };
}
