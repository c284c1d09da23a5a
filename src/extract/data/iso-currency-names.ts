/**
 * Currency names of ISO 4217, from the maintained `currency-codes` package (its list follows the
 * ISO maintenance agency), as lookup keys for the price extractor: each name and its plural, lower
 * case ("malaysian ringgit", "malaysian ringgits", "baht", "bahts").
 *
 * Contract: `isoCurrencyNames()` returns [key, ISO code, lowerCaseOnly] triples. The hand tables
 * in currencies.ts take precedence over these; this list only fills in the names they lack.
 * Fund codes, precious metals and testing codes are left out, and so are single-word names that
 * in English text are far more often a word or a name ("won", "sol", "balboa"). The other
 * single-word names count only when written in lower case ("400 ringgit", not "Ringgit Plus").
 */
import { data as currencyCodes } from 'currency-codes';

/** Not a currency a news price is written in: funds, units of account, metals, testing codes. */
const NOT_MONEY = new Set(
  'BOV CHE CHW CLF COU MXV USN UYI UYW XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX ZWG'.split(' '),
);
/** Single-word names that are mostly ordinary words or names in English news. */
const WORD_LIKE = new Set('won sol balboa som leone tala kina loti dobra real mark colon'.split(' '));

function plural(name: string): string {
  return /(?:s|i|ies)$/.test(name) ? name : `${name}s`;
}

export function isoCurrencyNames(): [key: string, iso: string, lowerCaseOnly: boolean][] {
  const out: [string, string, boolean][] = [];
  for (const record of currencyCodes) {
    if (NOT_MONEY.has(record.code) || record.currency.includes('(')) continue;
    const name = record.currency.trim().toLowerCase().replace(/’/g, "'");
    const single = !name.includes(' ');
    if (single && WORD_LIKE.has(name)) continue;
    out.push([name, record.code, single], [plural(name), record.code, single]);
  }
  return out;
}
