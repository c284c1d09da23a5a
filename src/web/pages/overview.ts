/** The overview page (`/overview`): the archive's totals, top people and speakers, articles per month. */
import { html, type Html } from '../html.ts';
import { count, day, page } from '../layout.ts';
import { monthHistogram } from '../charts.ts';
import { href, monthRange } from '../url.ts';
import { currencyHref, currencyList, peopleList, personHref } from './common.ts';
import type { ArchiveStats } from '../../db/queries/stats.ts';

export function overviewPage(stats: ArchiveStats): Html {
  const { totals, range } = stats;
  const total = (n: number, label: string) =>
    html`<div>
      <dt>${label}</dt>
      <dd>${count(n)}</dd>
    </div>`;
  const body = html`<h1>Overview</h1>
    <dl class="totals">
      ${total(totals.articles, 'Articles')}${total(totals.people, 'People')}${total(totals.speakers, 'Speakers')}${total(totals.quotes, 'Quotes')}${total(totals.prices, 'Prices')}
    </dl>
    ${range.first && range.last ? html`<p>Articles dated from <time datetime="${range.first}">${day(range.first)}</time> to <time datetime="${range.last}">${day(range.last)}</time>.</p>` : ''}
    <section aria-labelledby="months-heading">
      <h2 id="months-heading">Articles per month</h2>
      ${monthHistogram(stats.months, (month) => href('/', monthRange(month)), 'Articles per month')}
    </section>
    <div class="columns">
      ${peopleList('Most mentioned people', stats.people, personHref)}
      ${peopleList('Most quoted speakers', stats.speakers, personHref)}
      ${currencyList(stats.currencies, currencyHref)}
    </div>`;
  return page({ title: 'Overview', current: 'overview', body });
}
