import { describe, expect, it } from 'vitest';
import { escapeHtml, html, searchSnippet, isWebUrl, Html } from '../../src/web/html.ts';
import { markText, type MarkSpan } from '../../src/web/spans.ts';
import { ticks } from '../../src/web/charts.ts';

const span = (start: number, end: number, id: string, tag: MarkSpan['tag'] = 'mark'): MarkSpan => ({
  start,
  end,
  tag,
  attrs: { id },
});

describe('html', () => {
  it('escapes every interpolated string, attribute quotes included, and keeps Html as is', () => {
    const evil = `<img src=x onerror=alert(1)>"'&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</p>',
    );
    expect(html`<div>${html`<b>${'<i>'}</b>`}</div>`.value).toBe('<div><b>&lt;i&gt;</b></div>');
    expect(html`${['<a>', 1, null, undefined, false]}`.value).toBe('&lt;a&gt;1');
  });

  it('inserts search snippets (escaped text with <mark>) once, never escaping them twice', () => {
    expect(searchSnippet('&lt;script&gt; <mark>minsk</mark> &amp;').value).toBe(
      '&lt;script&gt; <mark>minsk</mark> &amp;',
    );
    // Not made by the service (raw markup): escaped whole rather than trusted.
    expect(searchSnippet('<script>alert(1)</script>').value).toBe(escapeHtml('<script>alert(1)</script>'));
  });

  it('links only http(s) URLs', () => {
    expect(isWebUrl('https://example.org/a')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('seed/000.txt')).toBe(false);
  });
});

describe('markText', () => {
  it('escapes the text between and inside spans', () => {
    const text = '<b>a</b> & <script>';
    expect(markText(text, [span(0, 8, 's')]).value).toBe(
      '<mark id="s">&lt;b&gt;a&lt;/b&gt;</mark> &amp; &lt;script&gt;',
    );
  });

  it('nests a span inside another', () => {
    expect(markText('say Anna now', [span(0, 12, 'q', 'span'), span(4, 8, 'p', 'a')]).value).toBe(
      '<span id="q">say <a id="p">Anna</a> now</span>',
    );
  });

  it('splits a span that crosses another one’s end, the id on its first piece only', () => {
    // q = [0,6) "abcdef", p = [4,9) "efghi": p is cut at q's end and reopened.
    expect(markText('abcdefghij', [span(0, 6, 'q', 'span'), span(4, 9, 'p')]).value).toBe(
      '<span id="q">abcd<mark id="p">ef</mark></span><mark>ghi</mark>j',
    );
  });

  it('measures offsets in UTF-16 code units, as stored', () => {
    const text = '😀 €3 ok';
    // '😀' is two code units: "€3" is at [3, 5).
    expect(markText(text, [span(3, 5, 'p')]).value).toBe('😀 <mark id="p">€3</mark> ok');
  });

  it('places a suffix after the span and ignores empty or out-of-range spans', () => {
    const quote: MarkSpan = { ...span(0, 2, 'q'), suffix: new Html('<small>— X</small>') };
    expect(
      markText('hi there', [quote, span(3, 3, 'empty'), span(5, 99, 'out'), span(-1, 2, 'neg')]).value,
    ).toBe('<mark id="q">hi</mark><small>— X</small> there');
  });

  it('keeps identical spans as two nested elements', () => {
    expect(markText('ab', [span(0, 2, 'x'), span(0, 2, 'y')]).value).toBe(
      '<mark id="x"><mark id="y">ab</mark></mark>',
    );
  });

  it('output text equals the input text whatever the spans', () => {
    const text = 'Lukashenko said “x & y” <tag> at 3.71 BYN.';
    const spans = [
      span(0, 10, 'a'),
      span(16, 24, 'b'),
      span(5, 20, 'c'),
      span(30, 40, 'd'),
      span(35, 42, 'e'),
    ];
    const rendered = markText(text, spans).value.replace(/<[^>]+>/g, '');
    expect(rendered).toBe(escapeHtml(text));
  });
});

describe('chart ticks', () => {
  it('are round values covering the whole range', () => {
    expect(ticks(0, 3.71)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(0, 0)).toEqual([0]);
  });
});
