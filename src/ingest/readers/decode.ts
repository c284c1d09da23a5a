/**
 * Bytes to text, in whatever encoding they were written: a byte-order mark first, then the
 * encoding the transport declared (a WARC record's HTTP Content-Type), then an HTML page's own
 * <meta charset> / http-equiv (the WHATWG prescan, html-encoding-sniffer), then valid UTF-8, then
 * statistical detection (chardet) for legacy single-byte and CJK encodings (windows-1251, KOI8-R,
 * ISO-8859-x, windows-125x, Shift_JIS...). The decoders are iconv-lite's. Returns the text with
 * the encoding used (a lower-case WHATWG name such as "windows-1251"); refuses binary data (NUL
 * bytes outside UTF-16, or mostly control characters) and bytes no known encoding can read.
 */
import chardet from 'chardet';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';

export class UndecodableError extends Error {
  override name = 'UndecodableError';
}

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, lower-case ("utf-8", "windows-1251", "koi8-r"). */
  encoding: string;
}

export interface DecodeOptions {
  /** The bytes are an HTML page: its <meta charset> / http-equiv counts. */
  html?: boolean;
  /** A charset label declared outside the bytes (HTTP Content-Type), e.g. "cp1251". */
  declared?: string | null;
}

/** How far into a page its charset declaration is looked for (the standard says 1024; real heads are longer). */
const PRESCAN_BYTES = 16 * 1024;
/** How much of a file chardet reads to guess an encoding. */
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** Below this chardet confidence (0–100) a guess is not trusted over windows-1252. */
const MIN_CONFIDENCE = 10;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The WHATWG name of a charset label ("latin1" → "windows-1252"), lower-case; null for an unknown one. */
export function encodingOfLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = sniffHtmlEncoding(new Uint8Array(0), {
    transportLayerEncodingLabel: label.trim(),
    defaultEncoding: null,
  });
  return name ? name.toLowerCase() : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function metaEncoding(bytes: Uint8Array): string | null {
  const name = sniffHtmlEncoding(bytes.subarray(0, PRESCAN_BYTES), {
    maxPrescanBytes: PRESCAN_BYTES,
    defaultEncoding: null,
  });
  return name ? name.toLowerCase() : null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** chardet's best guess among encodings iconv-lite can decode; ISO-8859-1 read as its superset windows-1252. */
function detectedEncoding(bytes: Uint8Array): string | null {
  for (const match of chardet.analyse(bytes.subarray(0, DETECT_SAMPLE_BYTES))) {
    if (match.confidence < MIN_CONFIDENCE) break;
    const name = encodingOfLabel(match.name) ?? match.name.toLowerCase();
    if (name === 'utf-8' || name.startsWith('utf-16') || name.startsWith('utf-32')) continue;
    if (iconv.encodingExists(name)) return name;
  }
  return null;
}

/** A file of mostly control characters is data, not text (tabs, newlines and form feeds aside). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\0')) return true;
  // eslint-disable-next-line no-control-regex -- control characters are what this counts
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > sample.length * 0.1;
}

const hasNonAscii = (bytes: Uint8Array): boolean => bytes.some((byte) => byte > 0x7f);

/**
 * Which encoding to read the bytes as, by the order in the module header. One exception: bytes
 * declared to be in a legacy encoding that are valid UTF-8 with non-ASCII in them are UTF-8 (a
 * page saved again as UTF-8 keeps its old <meta charset>; legacy text is almost never valid UTF-8).
 */
function chooseEncoding(bytes: Uint8Array, options: DecodeOptions): string {
  const declared = encodingOfLabel(options.declared) ?? (options.html ? metaEncoding(bytes) : null);
  const resaved = declared !== null && declared !== 'utf-8' && hasNonAscii(bytes) && isUtf8(bytes);
  const chosen =
    bomEncoding(bytes) ??
    (resaved ? 'utf-8' : declared) ??
    (isUtf8(bytes) ? 'utf-8' : null) ??
    detectedEncoding(bytes) ??
    'windows-1252';
  // A page may declare UTF-16 in a <meta> while being ASCII-compatible (the standard reads it as UTF-8).
  return chosen.startsWith('utf-16') && bomEncoding(bytes) === null ? 'utf-8' : chosen;
}

/** Decodes bytes as text (see the module header); throws UndecodableError for binary data. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (bom === null && bytes.subarray(0, 8192).includes(0))
    throw new UndecodableError('the file is binary (it contains NUL bytes)');
  const encoding = chooseEncoding(bytes, options);
  if (!iconv.encodingExists(encoding))
    throw new UndecodableError(`the file is in an encoding this archive cannot read (${String(encoding)})`);
  // iconv-lite drops the BOM of the encoding it decodes; a declared encoding with stray bytes
  // decodes them as U+FFFD, as a browser does, rather than losing the page.
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (looksBinary(text)) throw new UndecodableError('the file is binary (it is mostly control characters)');
  return { text, encoding };
}
