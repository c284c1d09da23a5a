/**
 * The article page (`/a/:id`): the stored text with every person mention, quote (and its speaker)
 * and price marked in place from the stored offsets, and a side list of those facts linking to
 * their anchors in the text.
 */
import type { Static } from '@sinclair/typebox';
import type { ArticleDetail as ArticleDetailSchema } from '../../api/schemas.ts';
import { html, isWebUrl, type Html } from '../html.ts';
import { day, page } from '../layout.ts';
import { markText, type MarkSpan } from '../spans.ts';
import { currencyHref, personHref, personLink } from './common.ts';

export type ArticleDetail = Static<typeof ArticleDetailSchema>;

const mentionId = (personId: number, n: number) => `mention-${personId}-${n}`;
export const quoteId = (id: number) => `quote-${id}`;
export const priceId = (id: number) => `price-${id}`;

/** The facts of an article as spans over its text. */
export function articleSpans(article: ArticleDetail): MarkSpan[] {
  const people = article.people.flatMap((person) =>
    person.mentions.map((mention, n): MarkSpan => ({
      start: mention.start,
      end: mention.end,
      tag: 'a',
      attrs: {
        class: 'fact person',
        id: mentionId(person.id, n),
        href: personHref(person),
        title: person.name,
      },
    })),
  );
  const quotes = article.quotes.map((quote): MarkSpan => ({
    start: quote.start,
    end: quote.end,
    tag: 'span',
    attrs: {
      class: 'fact quote',
      id: quoteId(quote.id),
      'data-speaker': quote.speaker?.name ?? '',
    },
    suffix: html`<small class="speaker-tag">— ${quote.speaker?.name ?? 'unattributed'}</small>`,
  }));
  const prices = article.prices.map((price): MarkSpan => ({
    start: price.start,
    end: price.end,
    tag: 'mark',
    attrs: { class: 'fact price', id: priceId(price.id), title: `${price.amount} ${price.currency}` },
  }));
  return [...quotes, ...people, ...prices];
}

function source(value: string): Html {
  return isWebUrl(value)
    ? html`<a href="${value}" rel="noopener noreferrer">${value}</a>`
    : html`<span class="source-path">${value}</span>`;
}

/** Other sources that delivered the identical text (kept by the importer as duplicates). */
function otherSources(article: ArticleDetail): Html {
  const sources = article.sources ?? [];
  if (sources.length === 0) return html``;
  return html`<details class="sources">
    <summary>Also delivered by ${sources.length} other source${sources.length === 1 ? '' : 's'}</summary>
    <ul>
      ${sources.map(
        (s) =>
          html`<li>${source(s.source)} <time datetime="${s.importedAt}">${day(s.importedAt)}</time></li>`,
      )}
    </ul>
  </details>`;
}

const excerpt = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function factList(article: ArticleDetail): Html {
  const people = article.people.map(
    (person) =>
      html`<li>
        ${personLink(person)}
        <span class="jumps"
          >${person.mentions.map(
            (_, n) =>
              html`<a href="#${mentionId(person.id, n)}" aria-label="Mention ${n + 1} of ${person.name}"
                >${n + 1}</a
              > `,
          )}</span
        >
      </li>`,
  );
  const quotes = article.quotes.map(
    (quote) =>
      html`<li>
        <a href="#${quoteId(quote.id)}">${excerpt(quote.text)}</a>
        <span class="who">— ${quote.speaker ? personLink(quote.speaker) : 'unattributed'}</span>
      </li>`,
  );
  const prices = article.prices.map(
    (price) =>
      html`<li>
        <a href="#${priceId(price.id)}">${price.amount} ${price.currency}</a>
        <span class="raw">(${price.raw})</span> ·
        <a href="${currencyHref(price.currency)}">all ${price.currency}</a>
      </li>`,
  );
  const group = (heading: string, id: string, items: Html[]) =>
    items.length
      ? html`<section aria-labelledby="${id}">
          <h3 id="${id}">${heading} (${items.length})</h3>
          <ul>
            ${items}
          </ul>
        </section>`
      : '';
  return html`<aside class="facts" aria-labelledby="facts-heading">
    <h2 id="facts-heading">Facts in this article</h2>
    ${group('People', 'facts-people', people)}${group('Quotes', 'facts-quotes', quotes)}${group('Prices', 'facts-prices', prices)}
    ${people.length + quotes.length + prices.length === 0 ? html`<p class="empty">No facts extracted.</p>` : ''}
  </aside>`;
}

function revisions(article: ArticleDetail): Html {
  if (article.revisions.length === 0) return html``;
  return html`<details class="revisions">
    <summary>
      ${article.revisions.length} earlier revision${article.revisions.length === 1 ? '' : 's'}
    </summary>
    <ol>
      ${article.revisions.map(
        (r) =>
          html`<li>
            imported <time datetime="${r.importedAt}">${day(r.importedAt)}</time>, replaced
            <time datetime="${r.replacedAt}">${day(r.replacedAt)}</time>
            <code>${r.contentHash.slice(0, 12)}</code>
          </li>`,
      )}
    </ol>
  </details>`;
}

export function articlePage(article: ArticleDetail): Html {
  const title = article.title || '(untitled)';
  const body = html`<article class="article-layout">
    <header class="article-header">
      <h1>${title}</h1>
      <p class="meta">
        ${article.byline ? html`<span class="byline">${article.byline}</span> · ` : ''}<time
          datetime="${article.date}"
          >${day(article.date)}</time
        >${article.publishedAt ? '' : ' (import date)'} · ${article.wordCount}
        words${article.language ? html` · language ${article.language}` : ''}
      </p>
      <p class="meta">Source: ${source(article.source)}</p>
      ${otherSources(article)} ${revisions(article)}
      <p class="legend">
        <mark class="fact person">person</mark> <span class="fact quote">quote</span>
        <mark class="fact price">price</mark>
      </p>
    </header>
    <div class="article-text" id="text" ${article.language ? html` lang="${article.language}"` : ''}>
      ${markText(article.text, articleSpans(article))}
    </div>
    ${factList(article)}
  </article>`;
  return page({ title, body });
}
