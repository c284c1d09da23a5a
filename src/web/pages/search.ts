/**
 * The search page (`/`): the full-text box and filters as one GET form, so the page's whole state
 * is its URL. With a query: ranked articles and quotes with highlighted snippets, facet counts
 * that add a filter, an articles-per-month histogram that narrows the dates. Without one: the
 * newest articles matching the filters.
 */
import { html, searchSnippet, type Html } from '../html.ts';
import { counted, day, page } from '../layout.ts';
import { monthHistogram } from '../charts.ts';
import { monthRange, withChanges, type Params } from '../url.ts';
import { articleHref, currencyList, nextLink, peopleList, personLink } from './common.ts';
import type { ArticleSummary } from '../../db/queries/articles.ts';
import type { ArticleHit, QuoteHit, SearchResult } from '../../db/queries/search.ts';
import type { Facets, FilteredFacets, SearchFacets } from '../../db/queries/stats.ts';

/** The query parameters of the search page; all optional strings, as in the URL. */
export const SEARCH_PARAMS = [
  'q',
  'type',
  'sort',
  'person',
  'speaker',
  'currency',
  'min',
  'max',
  'from',
  'to',
  'source',
  'lang',
  'cursor',
] as const;
export type SearchParams = Partial<Record<(typeof SEARCH_PARAMS)[number], string>>;

export type SearchView =
  | { kind: 'search'; result: SearchResult & { facets?: SearchFacets } }
  | { kind: 'list'; articles: ArticleSummary[]; nextCursor: string | null; facets: FilteredFacets | null }
  | { kind: 'error'; message: string };

interface Field {
  name: keyof SearchParams;
  label: string;
  type: 'text' | 'date' | 'number';
  hint?: string;
  autocomplete?: boolean;
}

/** The filter fields: each is one of the archive's filters (FilterQuerystring), checked by the API's schema. */
const FILTERS: Field[] = [
  { name: 'person', label: 'Person mentioned', type: 'text', autocomplete: true },
  { name: 'speaker', label: 'Speaker quoted', type: 'text', autocomplete: true },
  { name: 'currency', label: 'Currency', type: 'text', hint: 'ISO code, e.g. USD' },
  { name: 'min', label: 'Amount from', type: 'number' },
  { name: 'max', label: 'Amount to', type: 'number' },
  { name: 'from', label: 'Date from', type: 'date' },
  { name: 'to', label: 'Date to', type: 'date' },
  { name: 'source', label: 'Source starts with', type: 'text' },
  { name: 'lang', label: 'Language', type: 'text', hint: 'ISO code, e.g. en' },
];

const HELP = html`<details class="help">
  <summary>Query syntax</summary>
  <ul>
    <li>Words must all match: <code>minsk prices</code></li>
    <li>Exact phrase: <code>"state department"</code>; prefix: <code>sanction*</code></li>
    <li>
      <code>AND</code>, <code>OR</code>, <code>NOT</code> in capitals, and parentheses:
      <code>(coffee OR tea) NOT price</code>
    </li>
    <li>Words near each other: <code>NEAR(trump biden, 5)</code></li>
  </ul>
</details>`;

function field(f: Field, params: SearchParams): Html {
  const id = `f-${f.name}`;
  const hint = f.hint ? html` <span class="hint">(${f.hint})</span>` : '';
  const extra = f.type === 'number' ? html` step="any" inputmode="decimal"` : '';
  const list = f.autocomplete
    ? html` list="people-options" data-autocomplete="people" autocomplete="off"`
    : '';
  return html`<div class="field">
    <label for="${id}">${f.label}${hint}</label
    ><input id="${id}" name="${f.name}" type="${f.type}" value="${params[f.name] ?? ''}" ${extra}${list} />
  </div>`;
}

function form(params: SearchParams): Html {
  const type = params.type ?? 'all';
  const sort = params.sort ?? 'relevance';
  const option = (value: string, label: string, current = type) =>
    html`<option value="${value}" ${current === value ? html` selected` : ''}>${label}</option>`;
  return html`<form class="search-form" role="search" method="get" action="/">
    <div class="query-row">
      <label for="q">Full-text query</label>
      <input id="q" name="q" type="search" value="${params.q ?? ''}" aria-describedby="query-help" />
      <button type="submit">Search</button>
    </div>
    <div id="query-help">${HELP}</div>
    <fieldset class="filters">
      <legend>Filters</legend>
      ${FILTERS.map((f) => field(f, params))}
      <div class="field">
        <label for="f-type">Show</label
        ><select id="f-type" name="type" data-default="all">
          ${option('all', 'Articles and quotes')}${option('articles', 'Articles only')}${option('quotes', 'Quotes only')}
        </select>
      </div>
      <div class="field">
        <label for="f-sort">Order</label
        ><select id="f-sort" name="sort" data-default="relevance">
          ${option('relevance', 'Best match first', sort)}${option('date', 'Newest first', sort)}
        </select>
      </div>
    </fieldset>
    <datalist id="people-options"></datalist>
  </form>`;
}

/** The filters in force, each with a link that removes it. */
function activeFilters(params: SearchParams): Html {
  const active = FILTERS.filter((f) => params[f.name] !== undefined);
  if (active.length === 0) return html``;
  return html`<ul class="active-filters" aria-label="Filters in force">
    ${active.map(
      (f) =>
        html`<li>
          ${f.label}: <strong>${params[f.name]}</strong>
          <a href="${withChanges('/', params, { [f.name]: undefined })}" aria-label="Remove filter ${f.label}"
            >✕</a
          >
        </li>`,
    )}
  </ul>`;
}

const articleItem = (hit: ArticleHit | ArticleSummary, snippet: Html | string) =>
  html`<li class="result">
    <h3><a href="${articleHref(hit.id)}">${hit.title || '(untitled)'}</a></h3>
    <p class="meta"><time datetime="${hit.date}">${day(hit.date)}</time> · ${hit.source}</p>
    <p class="snippet">${snippet}</p>
  </li>`;

const quoteItem = (hit: QuoteHit) =>
  html`<li class="result quote-hit">
    <blockquote class="snippet">${searchSnippet(hit.snippet)}</blockquote>
    <p class="meta">
      ${hit.speaker ? personLink(hit.speaker) : html`<span>unattributed</span>`} in
      <a href="${articleHref(hit.article.id)}">${hit.article.title || '(untitled)'}</a>,
      <time datetime="${hit.article.date}">${day(hit.article.date)}</time>
    </p>
  </li>`;

function facetsAside(facets: Facets, params: SearchParams): Html {
  const add = (changes: Params) => withChanges('/', params, changes);
  return html`<aside class="facets" aria-labelledby="facets-heading">
    <h2 id="facets-heading">Narrow down</h2>
    ${peopleList('People mentioned', facets.people, (p) => add({ person: p.slug }))}
    ${peopleList('Speakers', facets.speakers, (p) => add({ speaker: p.slug }))}
    ${currencyList(facets.currencies, (currency) => add({ currency }))}
    <section class="facet">
      <h3>Articles per month</h3>
      ${monthHistogram(facets.months, (month) => add(monthRange(month)), 'Matching articles per month')}
    </section>
  </aside>`;
}

function searchResults(result: SearchView & { kind: 'search' }, params: SearchParams): Html {
  const { articles, quotes, facets, nextCursor } = result.result;
  const total = facets?.total;
  // Totals of the lists asked for only (the other one is counted as 0 by the service).
  const totals = total
    ? [
        ...(articles ? [counted(total.articles, 'article')] : []),
        ...(quotes ? [counted(total.quotes, 'quote')] : []),
      ]
    : [];
  const about = facets?.totalApproximate ? 'About ' : '';
  const summary = totals.length
    ? html`<p class="summary" role="status">
        ${about}${totals.join(' and ')}
        ${totals.length === 1 && totals[0]!.startsWith('1 ') ? 'matches' : 'match'}.
        ${facets?.approximate ? html`<span class="note">Counts estimated from a sample of the matches.</span>` : ''}
      </p>`
    : '';
  const bounded =
    articles?.bounded || quotes?.bounded
      ? html`<p class="note">
          Best matches among the most recent;
          <a href="${withChanges('/', params, { sort: 'date', cursor: undefined })}">newest first</a> lists
          every match.
        </p>`
      : '';
  const list = (heading: string, id: string, items: Html[]) =>
    html`<section class="hits" aria-labelledby="${id}">
      <h2 id="${id}">${heading}</h2>
      ${
        items.length
          ? html`<ol>
              ${items}
            </ol>`
          : html`<p class="empty">None on this page.</p>`
      }
    </section>`;
  return html`<div class="results-layout">
    <div class="results">
      ${summary} ${bounded}
      ${
        articles
          ? list(
              'Articles',
              'articles-heading',
              articles.items.map((hit) => articleItem(hit, searchSnippet(hit.snippet))),
            )
          : ''
      }
      ${quotes ? list('Quotes', 'quotes-heading', quotes.items.map(quoteItem)) : ''}
      ${nextLink(nextCursor === null ? null : withChanges('/', params, { cursor: nextCursor }))}
    </div>
    ${
      facets
        ? facetsAside(facets, params)
        : html`<aside class="facets">
            <p class="note">
              Counts and the histogram are on the <a href="${withChanges('/', params, {})}">first page</a>.
            </p>
          </aside>`
    }
  </div>`;
}

function listResults(view: SearchView & { kind: 'list' }, params: SearchParams): Html {
  const filtered = FILTERS.some((f) => params[f.name] !== undefined);
  return html`<div class="results-layout">
    <div class="results">
      <section class="hits" aria-labelledby="articles-heading">
        <h2 id="articles-heading">${filtered ? 'Matching articles, newest first' : 'Newest articles'}</h2>
        ${
          view.facets?.approximate
            ? html`<p class="summary" role="status">
                <span class="note">Counts estimated from a sample of the matches.</span>
              </p>`
            : ''
        }
        ${
          view.articles.length
            ? html`<ol>
                ${view.articles.map((a) => articleItem(a, a.lead))}
              </ol>`
            : html`<p class="empty">No articles match.</p>`
        }
      </section>
      ${nextLink(view.nextCursor === null ? null : withChanges('/', params, { cursor: view.nextCursor }))}
    </div>
    ${view.facets ? facetsAside(view.facets, params) : ''}
  </div>`;
}

export function searchPage(params: SearchParams, view: SearchView): Html {
  const body = html`<h1>Search the archive</h1>
    ${form(params)} ${activeFilters(params)}
    ${
      view.kind === 'error'
        ? html`<p class="error" role="alert">${view.message}</p>`
        : view.kind === 'search'
          ? searchResults(view, params)
          : listResults(view, params)
    }`;
  return page({ title: params.q ? `“${params.q}”` : 'Search', current: 'search', body });
}
