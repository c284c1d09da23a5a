/** Pieces several pages share: person links, facet lists, the "next page" link. */
import { html, type Html } from '../html.ts';
import { count, counted } from '../layout.ts';
import type { CurrencyCount, PersonCount } from '../../db/queries/stats.ts';

export const personHref = (person: { slug: string }) => `/p/${encodeURIComponent(person.slug)}`;
export const articleHref = (id: number) => `/a/${id}`;
export const currencyHref = (currency: string) => `/currency/${encodeURIComponent(currency)}`;

export const personLink = (person: { name: string; slug: string }): Html =>
  html`<a href="${personHref(person)}">${person.name}</a>`;

/** A counted list of people; each links to `linkFor(person)`. */
export function peopleList(
  heading: string,
  people: readonly PersonCount[],
  linkFor: (p: PersonCount) => string,
): Html {
  if (people.length === 0) return html``;
  return html`<section class="facet">
    <h3>${heading}</h3>
    <ul>
      ${people.map(
        (p) =>
          html`<li><a href="${linkFor(p)}">${p.name}</a> <span class="count">${count(p.count)}</span></li>`,
      )}
    </ul>
  </section>`;
}

export function currencyList(
  currencies: readonly CurrencyCount[],
  linkFor: (currency: string) => string,
  heading = 'Currencies',
): Html {
  if (currencies.length === 0) return html``;
  return html`<section class="facet">
    <h3>${heading}</h3>
    <ul>
      ${currencies.map(
        (c) =>
          html`<li>
            <a href="${linkFor(c.currency)}">${c.currency}</a>
            <span class="count">${counted(c.prices, 'price')} in ${counted(c.articles, 'article')}</span>
          </li>`,
      )}
    </ul>
  </section>`;
}

export const nextLink = (next: string | null, label = 'Next page'): Html =>
  next === null
    ? html``
    : html`<nav class="pager" aria-label="Pages"><a rel="next" href="${next}">${label} →</a></nav>`;
