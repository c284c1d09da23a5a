/**
 * The prices pages: `/currency` lists the statistics of every currency; `/currency/:code` charts
 * one currency's mentions over time (each a link to its sentence) with the monthly median.
 */
import { html, type Html } from '../html.ts';
import { count, day, page } from '../layout.ts';
import { priceChart } from '../charts.ts';
import { href, withChanges, type Params } from '../url.ts';
import { articleHref, currencyHref } from './common.ts';
import type { PriceSeries } from '../../db/queries/series.ts';
import type { PriceStats } from '../../db/queries/stats.ts';

function statsTable(stats: readonly PriceStats[], caption: string): Html {
  return html`<div class="table-scroll">
    <table class="stats">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col">Mentions</th>
          <th scope="col">Min</th>
          <th scope="col">Median</th>
          <th scope="col">Max</th>
        </tr>
      </thead>
      <tbody>
        ${stats.map(
          (s) =>
            html`<tr>
              <th scope="row"><a href="${currencyHref(s.currency)}">${s.currency}</a></th>
              <td>${count(s.count)}</td>
              <td>${s.min}</td>
              <td>${s.median}</td>
              <td>${s.max}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function currenciesPage(stats: readonly PriceStats[]): Html {
  const body = html`<h1>Prices</h1>
    ${stats.length ? statsTable(stats, 'Price mentions per currency') : html`<p class="empty">No prices in the archive.</p>`}`;
  return page({ title: 'Prices', current: 'prices', body });
}

/** The article filters in force on a currency page, each with a link that removes it. */
function filtersInForce(currency: string, filters: Params): Html {
  const names = Object.keys(filters).filter((name) => filters[name] !== undefined);
  if (names.length === 0) return html``;
  return html`<ul class="active-filters" aria-label="Filters in force">
    ${names.map(
      (name) =>
        html`<li>
          ${name}: <strong>${filters[name]}</strong>
          <a
            href="${withChanges(currencyHref(currency), filters, { [name]: undefined })}"
            aria-label="Remove filter ${name}"
            >✕</a
          >
        </li>`,
    )}
  </ul>`;
}

export function currencyPage(series: PriceSeries, stats: PriceStats | undefined, filters: Params = {}): Html {
  const { currency, points, months, total } = series;
  const latest = points.slice(-20).reverse();
  const body = html`<h1>Prices in ${currency}</h1>
    ${filtersInForce(currency, filters)} ${stats ? statsTable([stats], `${currency} statistics`) : ''}
    ${priceChart(currency, points, months)}
    ${total > points.length ? html`<p class="note">The chart shows the latest ${count(points.length)} of ${count(total)} mentions; the median line uses all of them.</p>` : ''}
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading">Latest mentions</h2>
      <ul class="price-list">
        ${latest.map(
          (p) =>
            html`<li>
              <a href="${articleHref(p.article.id)}#price-${p.id}">${p.amount} ${currency}</a> in
              ${p.article.title || '(untitled)'},
              <time datetime="${p.article.date}">${day(p.article.date)}</time>
            </li>`,
        )}
      </ul>
      <p><a href="${href('/', { ...filters, currency })}">Articles with ${currency} prices</a></p>
    </section>`;
  return page({ title: `${currency} prices`, current: 'prices', body });
}
