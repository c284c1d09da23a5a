/**
 * Which items of the public money sets are "money in news text", and how their gold maps to the
 * extractor's (canonical amount, ISO 4217) pairs. Every skip carries a reason that `npm run eval`
 * prints with its count, so the selection is visible, not silent.
 */
import { canonAmount } from './score.ts';

export interface GoldMoney {
  amount: string;
  currency: string;
}

/** An item to score (gold may be empty: a negative) or a skip with its reason. */
export type Selected = { gold: GoldMoney[] } | { skip: string };

/** Exact decimal shift: shiftDecimal("14.27", -2) = "0.1427". */
export function shiftDecimal(amount: string, places: number): string {
  const canon = canonAmount(amount);
  if (canon === null) return amount;
  const neg = canon.startsWith('-');
  const [int = '0', frac = ''] = (neg ? canon.slice(1) : canon).split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const out = canonAmount(`${digits.slice(0, point)}.${digits.slice(point)}`) ?? amount;
  return neg ? `-${out}` : out;
}

const ISO = /^[A-Z]{3}$/;

function amountOf(v: unknown): string | null {
  if (typeof v === 'number') return canonAmount(v);
  if (typeof v === 'string') return canonAmount(v);
  return null;
}

/**
 * A spoken compound amount ("3 dollars 50 cents", "one dollar and one", "20 Rupees 43") has a
 * fractional gold amount with no decimal point written: that is conversation, not news copy.
 */
function isSpokenCompound(amount: string, raw: string): boolean {
  return amount.includes('.') && !/\d[.,]\d/.test(raw);
}

// ------------------------------------------------------------------ Recognizers-Text

export interface RecognizersMention {
  amount: number | null;
  currency: string;
  raw: string;
}

/**
 * Recognizers-Text gives an ISO code where its spec has one, else a unit name with the amount in
 * that unit. News convention (the extractor's rules): a bare "$"/"dollar(s)" is USD, "cents" are
 * hundredths of a USD, "£"/"pounds" are GBP and "pence"/"penny" hundredths of a GBP, so those unit
 * names are mapped (`mapUnits`). Skipped: unit names with no single ISO code (francs, rupees,
 * bitcoin, satoshi, sen, markka, guilder, peseta), mentions without an amount ("dollar"), and
 * spoken compound amounts ("thirteen dollars forty five").
 */
export function selectRecognizers(money: RecognizersMention[], mapUnits: boolean): Selected {
  const gold: GoldMoney[] = [];
  for (const m of money) {
    const amount = amountOf(m.amount);
    if (amount === null) return { skip: 'unit mention without an amount ("dollar")' };
    if (isSpokenCompound(amount, m.raw)) return { skip: 'spoken compound amount ("15 dollars and 50")' };
    if (ISO.test(m.currency)) {
      gold.push({ amount, currency: m.currency });
      continue;
    }
    if (!mapUnits) return { skip: 'unit name without ISO code (ISO-only run)' };
    switch (m.currency) {
      case 'Dollar':
        gold.push({ amount, currency: 'USD' });
        break;
      case 'Cent':
        gold.push({ amount: shiftDecimal(amount, -2), currency: 'USD' });
        break;
      case 'Pound':
        gold.push({ amount, currency: 'GBP' });
        break;
      case 'Pence':
      case 'Penny':
        gold.push({ amount: shiftDecimal(amount, -2), currency: 'GBP' });
        break;
      default:
        return { skip: `unit name without a single ISO code (${m.currency})` };
    }
  }
  return { gold };
}

// ------------------------------------------------------------------ price-parser

/**
 * price-parser's gold currency is the surface string. Mapped to ISO where the surface is
 * unambiguous in news copy ("$" read as USD by the extractor's rule); anything else is skipped.
 */
export const SURFACE_TO_ISO: Readonly<Record<string, string>> = {
  '€': 'EUR',
  euro: 'EUR',
  $: 'USD',
  US$: 'USD',
  '£': 'GBP',
  '₤': 'GBP',
  'руб.': 'RUB',
  руб: 'RUB',
  'р.': 'RUB',
  Р: 'RUB',
  '₽': 'RUB',
  Br: 'BYN',
  'грн.': 'UAH',
  грн: 'UAH',
  Kč: 'CZK',
  zł: 'PLN',
  Zł: 'PLN',
  pln: 'PLN',
  R$: 'BRL',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  MX$: 'MXN',
  NT$: 'TWD',
  BZ$: 'BZD',
  円: 'JPY',
  '₹': 'INR',
  Rs: 'INR',
  '₪': 'ILS',
  Ft: 'HUF',
  lei: 'RON',
  LEI: 'RON',
  Lei: 'RON',
  'лв.': 'BGN',
  лв: 'BGN',
  TL: 'TRY',
  '₫': 'VND',
  đ: 'VND',
  Rp: 'IDR',
  RM: 'MYR',
  '฿': 'THB',
  원: 'KRW',
  KD: 'KWD',
  '₼': 'AZN',
  '֏': 'AMD',
  '৳': 'BDT',
  '؋': 'AFN',
  Lek: 'ALL',
  "so'm": 'UZS',
  'Fr.': 'CHF',
  '₦': 'NGN',
  '₺': 'TRY',
  '₴': 'UAH',
  '₮': 'MNT',
};

export interface PriceParserItem {
  text?: string;
  money: { amount: number; currency: string | null }[];
  xfail?: boolean;
}

/**
 * Skipped: items marked xfail by price-parser, prices with no currency at all (a bare "12.99" is
 * not money in news text) or with a currency only the surrounding page gave (price-parser's
 * `currency_hint`: the text is still a bare number), and surface currencies with no unambiguous ISO mapping ("kr", "R",
 * "L", "ƒ", Arabic/Persian rial, toman, dirham and pound words). Items with no price are kept as
 * negatives.
 */
export function selectPriceParser(item: PriceParserItem): Selected {
  if (item.xfail) return { skip: 'marked xfail by price-parser' };
  const gold: GoldMoney[] = [];
  for (const m of item.money) {
    const amount = amountOf(m.amount);
    if (amount === null) return { skip: 'no amount' };
    if (m.currency === null) return { skip: 'price without a currency (not money in news text)' };
    // the gold currency came from the page around the string ("Price From £" + "39.95"): the text
    // itself is a bare number, which is no more money in news text than a currency-less one
    if (item.text !== undefined && !item.text.toLowerCase().includes(m.currency.toLowerCase()))
      return { skip: 'currency only in the surrounding page, not in the text' };
    const iso = SURFACE_TO_ISO[m.currency] ?? (ISO.test(m.currency) ? m.currency : undefined);
    if (!iso) return { skip: `surface currency without an unambiguous ISO code (${m.currency})` };
    gold.push({ amount, currency: iso });
  }
  return { gold };
}

// ------------------------------------------------------------------ Duckling

export interface DucklingItem {
  text: string;
  money: { amount: number; currency: string; raw: string }[];
  locale: string;
  negative_example?: boolean;
}

/**
 * Only the plain `EN` corpus is used: the locale files (EN_AU, EN_GB, ...) test slang ("a grand",
 * "four quarters", "a nickel") whose currency comes from the locale, not the text. Within EN,
 * "Dollar" is mapped to USD, "Cent" to hundredths of USD and "Pound" to GBP when `mapUnits`;
 * skipped: "Unnamed" ("42 bucks"), "Riyal"/"Rial"/"Dinar" (no single country), and spoken compound
 * amounts ("$20 and 43c", "20 Rupees 43"). Negative examples are kept.
 */
export function selectDuckling(item: DucklingItem, mapUnits: boolean): Selected {
  if (item.locale !== 'EN') return { skip: 'locale-specific slang; currency comes from the locale' };
  const gold: GoldMoney[] = [];
  for (const m of item.money) {
    const amount = amountOf(m.amount);
    if (amount === null) return { skip: 'no amount' };
    if (isSpokenCompound(amount, m.raw)) return { skip: 'spoken compound amount ("$20 and 43c")' };
    if (ISO.test(m.currency)) {
      gold.push({ amount, currency: m.currency });
      continue;
    }
    if (!mapUnits) return { skip: 'unit name without ISO code (ISO-only run)' };
    if (m.currency === 'Dollar') gold.push({ amount, currency: 'USD' });
    else if (m.currency === 'Cent') gold.push({ amount: shiftDecimal(amount, -2), currency: 'USD' });
    else if (m.currency === 'Pound') gold.push({ amount, currency: 'GBP' });
    else return { skip: `unit name without a single ISO code (${m.currency})` };
  }
  return { gold };
}
