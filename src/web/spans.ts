/**
 * Marks facts in an article's text: spans given as UTF-16 offsets into `text` (the stored
 * offsets: JavaScript string indices) become elements around exactly that text. Spans may nest
 * (a person named inside a quote) or overlap partially (a mention running past a quote's end):
 * the output is always well-formed, a span crossing another's end is split into pieces, and
 * only its first piece carries its `id` (the anchor the side list links to).
 *
 * Pure: no I/O; all text goes through escapeHtml.
 */
import { Html, escapeHtml } from './html.ts';

export interface MarkSpan {
  start: number;
  end: number;
  tag: 'a' | 'mark' | 'span';
  /** Attribute values are escaped here; `id` goes on the first piece only. */
  attrs: Record<string, string>;
  /** Markup placed right after the span's last piece (e.g. who said a quote). */
  suffix?: Html;
}

interface Open {
  span: MarkSpan;
  index: number;
  pieces: number;
}

const openTag = (open: Open): string => {
  const attrs = Object.entries(open.span.attrs)
    .filter(([name]) => !(name === 'id' && open.pieces > 0))
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  open.pieces++;
  return `<${open.span.tag}${attrs}>`;
};

/** Outer spans first: earlier start, then longer, then input order. */
const byNesting = (a: { span: MarkSpan; index: number }, b: { span: MarkSpan; index: number }) =>
  a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index;

/** `text` as HTML with each valid span marked; spans out of range or empty are ignored. */
export function markText(text: string, spans: readonly MarkSpan[]): Html {
  const valid = spans
    .map((span, index) => ({ span, index }))
    .filter(
      ({ span }) =>
        Number.isInteger(span.start) &&
        Number.isInteger(span.end) &&
        span.start >= 0 &&
        span.end <= text.length &&
        span.start < span.end,
    )
    .sort(byNesting);
  const boundaries = [
    ...new Set([0, text.length, ...valid.flatMap(({ span }) => [span.start, span.end])]),
  ].sort((a, b) => a - b);
  const stack: Open[] = [];
  let next = 0;
  let out = '';
  for (let b = 0; b < boundaries.length; b++) {
    const at = boundaries[b]!;
    out += closeEnding(stack, at);
    while (next < valid.length && valid[next]!.span.start === at) {
      const open: Open = { ...valid[next]!, pieces: 0 };
      out += openTag(open);
      stack.push(open);
      next++;
    }
    const until = boundaries[b + 1];
    if (until !== undefined) out += escapeHtml(text.slice(at, until));
  }
  return new Html(out + closeEnding(stack, Number.POSITIVE_INFINITY));
}

/**
 * Closes every open span ending at `at`. A span below the top of the stack can only close once
 * those above it are closed: they are closed too and reopened as new pieces (outer ones first).
 */
function closeEnding(stack: Open[], at: number): string {
  const lowest = stack.findIndex((open) => open.span.end <= at);
  if (lowest < 0) return '';
  let out = '';
  const reopen: Open[] = [];
  while (stack.length > lowest) {
    const open = stack.pop()!;
    out += `</${open.span.tag}>`;
    if (open.span.end <= at) out += open.span.suffix?.value ?? '';
    else reopen.unshift(open);
  }
  for (const open of reopen) {
    out += openTag(open);
    stack.push(open);
  }
  return out;
}
