/**
 * Charts as server-side SVG: no script, no library, no inline style (classes only, styled by
 * /assets/web.css). Every mark that leads somewhere is a link with an accessible name, so the
 * charts work by keyboard and without JavaScript.
 */
import { html, type Html } from './html.ts';
import type { MonthCount } from '../db/queries/stats.ts';
import type { PricePoint, PriceMonth } from '../db/queries/series.ts';
import { count } from './layout.ts';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 44, right: 12, top: 12, bottom: 26 };
/** Beyond this many months a gap-filled axis would be unreadable; bars then show present months only. */
const MAX_FILLED_MONTHS = 240;

const nextMonth = (month: string): string => {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
};

/** Months from the first to the last, those without articles at 0. */
export function fillMonths(months: readonly MonthCount[]): MonthCount[] {
  if (months.length < 2) return [...months];
  const byMonth = new Map(months.map((m) => [m.month, m.articles]));
  const filled: MonthCount[] = [];
  for (let month = months[0]!.month; month <= months.at(-1)!.month; month = nextMonth(month)) {
    filled.push({ month, articles: byMonth.get(month) ?? 0 });
    if (filled.length > MAX_FILLED_MONTHS) return [...months];
  }
  return filled;
}

/** Articles per month as bars; each bar with articles links to `linkFor(month)`. */
export function monthHistogram(
  months: readonly MonthCount[],
  linkFor: (month: string) => string,
  label: string,
): Html {
  const bars = fillMonths(months);
  if (bars.length === 0) return html`<p class="empty">No dated articles.</p>`;
  const max = Math.max(...bars.map((bar) => bar.articles), 1);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = plotWidth / bars.length;
  // A few months must not become slabs: bars are at most 40 units wide, centred in their slot.
  const barWidth = Math.min(Math.max(step - 2, 1), 40);
  const rects = bars.map((bar, i) => {
    const h = (bar.articles / max) * plotHeight;
    const x = PAD.left + i * step + (step - barWidth) / 2;
    const y = PAD.top + plotHeight - h;
    const name = `${bar.month}: ${count(bar.articles)} article${bar.articles === 1 ? '' : 's'}`;
    const rect = html`<rect
      class="bar"
      x="${x.toFixed(1)}"
      y="${y.toFixed(1)}"
      width="${barWidth.toFixed(1)}"
      height="${Math.max(h, 0).toFixed(1)}"
      ><title>${name}</title></rect
    >`;
    return bar.articles === 0
      ? rect
      : html`<a href="${linkFor(bar.month)}" class="bar-link" aria-label="${name}">${rect}</a>`;
  });
  return html`<figure class="chart">
    <svg class="histogram" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label="${label}">
      <line
        class="axis"
        x1="${PAD.left}"
        y1="${HEIGHT - PAD.bottom}"
        x2="${WIDTH - PAD.right}"
        y2="${HEIGHT - PAD.bottom}"
      />
      <text class="tick" x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${count(max)}</text>
      <text class="tick" x="${PAD.left - 4}" y="${HEIGHT - PAD.bottom}" text-anchor="end">0</text>
      ${rects}
      <text class="tick" x="${PAD.left}" y="${HEIGHT - 8}">${bars[0]!.month}</text>
      <text class="tick" x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end">
        ${bars.at(-1)!.month}
      </text>
    </svg>
    <figcaption>${label}. Select a bar to narrow the dates to that month.</figcaption>
  </figure>`;
}

const time = (iso: string) => new Date(iso).getTime();
const monthStart = (month: string) => time(`${month}-01T00:00:00.000Z`);
const monthEnd = (month: string) => monthStart(nextMonth(month)) - 1;

/** About four round values from at or below `lo` to at or above `hi`. */
export function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw)!;
  const values: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step - step * 1e-9; v += step)
    values.push(Number(v.toPrecision(12)));
  return values;
}

/**
 * Each price mention as a point (linking to its place in its article) over article date, and
 * the monthly median as a step line (one level across each month).
 */
export function priceChart(
  currency: string,
  points: readonly PricePoint[],
  months: readonly PriceMonth[],
): Html {
  if (points.length === 0) return html`<p class="empty">No ${currency} prices.</p>`;
  const times = [
    ...points.map((p) => time(p.article.date)),
    ...months.flatMap((m) => [monthStart(m.month), monthEnd(m.month)]),
  ];
  const amounts = [...points.map((p) => Number(p.amount)), ...months.map((m) => Number(m.median))];
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const yTicks = ticks(Math.min(0, ...amounts), Math.max(...amounts));
  const [lo, hi] = [Math.min(0, ...amounts, ...yTicks), Math.max(...amounts, ...yTicks)];
  const inset = 10;
  const plotWidth = WIDTH - PAD.left - PAD.right - 2 * inset;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + inset + ((t - t0) / (t1 - t0 || 1)) * plotWidth;
  const y = (a: number) => PAD.top + plotHeight - ((a - lo) / (hi - lo || 1)) * plotHeight;
  const grid = yTicks.map(
    (v) =>
      html`<line
          class="grid"
          x1="${PAD.left}"
          y1="${y(v).toFixed(1)}"
          x2="${WIDTH - PAD.right}"
          y2="${y(v).toFixed(1)}"
        /><text class="tick" x="${PAD.left - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end"
          >${String(v)}</text
        >`,
  );
  const dots = points.map((point) => {
    const name = `${point.amount} ${currency}, ${point.article.date.slice(0, 10)}: ${point.article.title}`;
    return html`<a href="/a/${point.article.id}#price-${point.id}" class="point" aria-label="${name}"
      ><circle cx="${x(time(point.article.date)).toFixed(1)}" cy="${y(Number(point.amount)).toFixed(1)}" r="5"
        ><title>${name}</title></circle
      ></a
    >`;
  });
  const line = months
    .flatMap((m) =>
      [monthStart(m.month), monthEnd(m.month)].map(
        (t) => `${x(t).toFixed(1)},${y(Number(m.median)).toFixed(1)}`,
      ),
    )
    .join(' ');
  const medians = months.map((m) => `${m.month}: ${m.median}`).join(', ');
  return html`<figure class="chart">
    <svg
      class="price-chart"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="group"
      aria-label="${currency} amounts over time"
    >
      ${grid}
      <line
        class="axis"
        x1="${PAD.left}"
        y1="${HEIGHT - PAD.bottom}"
        x2="${WIDTH - PAD.right}"
        y2="${HEIGHT - PAD.bottom}"
      />
      ${months.length > 0 ? html`<polyline class="median" points="${line}"><title>Monthly median: ${medians}</title></polyline>` : ''}
      ${dots}
      <text class="tick" x="${PAD.left}" y="${HEIGHT - 6}">${new Date(t0).toISOString().slice(0, 10)}</text>
      <text class="tick" x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">
        ${new Date(t1).toISOString().slice(0, 10)}
      </text>
    </svg>
    <figcaption>
      Each dot is one mention (select it to read its sentence); the line is the monthly median.
    </figcaption>
  </figure>`;
}
