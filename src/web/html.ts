/**
 * HTML built from strings, safely. `html` is a tagged template that escapes every interpolated
 * value unless it is already `Html` (markup made by `html` itself, or passed through one of the
 * two named exceptions below). Pages never concatenate strings into markup any other way, so an
 * article's `<script>` or `onerror=` can only ever reach the browser as text.
 */

/** Markup that is safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value (quoted attributes only). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

const MARK = /<\/?mark>/g;

/**
 * A snippet from the search service (requested with escapeHtml and `<mark>` markers): already
 * escaped text with `<mark>` around matched terms, inserted as is, never escaped twice. Anything
 * else that looks like markup means the snippet was not made that way, and it is escaped whole.
 */
export function searchSnippet(snippet: string): Html {
  return new Html(/[<>]/.test(snippet.replace(MARK, '')) ? escapeHtml(snippet) : snippet);
}

/** Only http(s) URLs become links; anything else (a file path, javascript:) stays text. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
