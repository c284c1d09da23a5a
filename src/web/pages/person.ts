/**
 * The person page (`/p/:slug`): who they are, their quotes (searchable, paged: the page's own
 * `q` and `cursor`), the articles mentioning them per month, the people most often mentioned
 * in the same articles and the prices in those articles (the store's personFacets).
 */
import { html, type Html } from '../html.ts';
import { counted, day, page } from '../layout.ts';
import { monthHistogram } from '../charts.ts';
import { href, monthRange } from '../url.ts';
import { articleHref, currencyHref, currencyList, nextLink, peopleList, personHref } from './common.ts';
import type { Page } from '../../db/cursor.ts';
import type { QuoteItem } from '../../db/queries/quotes.ts';
import type { PersonDetail, PersonFacets } from '../../db/queries/people.ts';

export interface PersonView {
  person: PersonDetail;
  quotes: Page<QuoteItem>;
  facets: PersonFacets;
  /** The page's own parameters: q searches the person's quotes. */
  params: { q?: string; cursor?: string };
}

const quoteItem = (quote: QuoteItem) =>
  html`<li>
    <blockquote>${quote.text}</blockquote>
    <p class="meta">
      <a href="${articleHref(quote.article.id)}#quote-${quote.id}">${quote.article.title || '(untitled)'}</a>,
      <time datetime="${quote.article.date}">${day(quote.article.date)}</time>
    </p>
  </li>`;

export function personPage({ person, quotes, facets, params }: PersonView): Html {
  const self = personHref(person);
  const searchBy = (changes: Record<string, string>) => href('/', { person: person.slug, ...changes });
  const others = facets.people;
  const body = html`<h1>${person.name}</h1>
    ${person.aliases.length ? html`<p class="aliases">Also named: ${person.aliases.join(', ')}</p>` : ''}
    <p class="counts">
      Mentioned in <a href="${searchBy({})}">${counted(person.articleCount, 'article')}</a>;
      ${counted(person.quoteCount, 'quote')}.
    </p>
    <div class="person-layout">
      <div>
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">Quotes</h2>
          <form class="inline-search" role="search" method="get" action="${self}">
            <label for="quote-q">Search their quotes</label>
            <input id="quote-q" name="q" type="search" value="${params.q ?? ''}" /><button type="submit">
              Search
            </button>
          </form>
          ${
            quotes.items.length
              ? html`<ol class="quotes">
                  ${quotes.items.map(quoteItem)}
                </ol>`
              : html`<p class="empty">No quotes${params.q ? ' match' : ''}.</p>`
          }
          ${nextLink(quotes.nextCursor === null ? null : href(self, { q: params.q, cursor: quotes.nextCursor }), 'More quotes')}
        </section>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Articles per month</h2>
          ${monthHistogram(facets.months, (month) => searchBy(monthRange(month)), `Articles mentioning ${person.name} per month`)}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Latest articles</h2>
          <ul>
            ${person.articles.slice(0, 10).map((a) => html`<li><a href="${articleHref(a.id)}">${a.title || '(untitled)'}</a> <time datetime="${a.date}">${day(a.date)}</time></li>`)}
          </ul>
          <p><a href="${searchBy({})}">All articles mentioning ${person.name}</a></p>
        </section>
      </div>
      <aside aria-labelledby="related-heading">
        <h2 id="related-heading">Mentioned with</h2>
        ${others.length ? peopleList('People in the same articles', others, personHref) : html`<p class="empty">Nobody else.</p>`}
        ${currencyList(facets.currencies, (currency) => href(currencyHref(currency), { person: person.slug }), 'Prices in their articles')}
      </aside>
    </div>`;
  return page({ title: person.name, body });
}
