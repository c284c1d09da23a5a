/**
 * English common words from a maintained spelling dictionary (the package dictionary-en, Hunspell
 * en_US from SCOWL, MIT AND BSD), read once at module load.
 *
 * Contract: `dictionaryCommonWords()` gives every lower-case word form the dictionary lists only
 * in lower case (stems with their suffixed forms: plurals, -ly, -ed, -ing, -er), lower case, no
 * duplicates. A word the dictionary also lists capitalised ("Brown", "Bush", "Jordan", "Trump")
 * is a name as well and is left out, so only words that are never names come back.
 *
 * Why: the hand list of common words (common-words.ts) has some 13,000 words and lacks most of
 * the vocabulary of organisations, shows and headlines ("Shark Tank", "Economic Scene",
 * "Heavyweights Telmex", "Interestingly Blocher"), which then pass as names.
 */
import dictionary from 'dictionary-en';

interface SuffixRule {
  strip: string;
  add: string;
  /** The word's last letters must match these, one set of letters (or any, for ".") each. */
  condition: ((c: string) => boolean)[];
}

/** The suffix flags whose forms can stand capitalised in a name-like run; others ("M": "'s") are skipped. */
const USED_FLAGS = new Set(['S', 'Y', 'D', 'G', 'R', 'Z']);

/** A Hunspell condition ("[^aeiou]y", "e", ".") as one test per final letter. */
function parseCondition(condition: string): ((c: string) => boolean)[] {
  const tests: ((c: string) => boolean)[] = [];
  for (const m of condition.matchAll(/\[(\^?)([^\]]*)\]|(.)/gu)) {
    if (m[3] === '.') tests.push(() => true);
    else if (m[3] !== undefined) {
      const ch = m[3];
      tests.push((c) => c === ch);
    } else {
      const negated = m[1] === '^';
      const set = m[2]!;
      tests.push((c) => set.includes(c) !== negated);
    }
  }
  return tests;
}

function meets(word: string, condition: ((c: string) => boolean)[]): boolean {
  const offset = word.length - condition.length;
  if (offset < 0) return false;
  return condition.every((test, i) => test(word.charAt(offset + i)));
}

/** The suffix rules of the affix file, by flag ("S" → plurals). Prefix rules are not needed. */
function suffixRules(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of aff.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] !== 'SFX' || parts.length < 5 || !USED_FLAGS.has(parts[1]!)) continue;
    const [, flag, strip, add, condition] = parts as [string, string, string, string, string];
    const list = rules.get(flag) ?? [];
    list.push({
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add.split('/')[0]!,
      condition: parseCondition(condition),
    });
    rules.set(flag, list);
  }
  return rules;
}

/** The word and each suffixed form its flags allow. */
function forms(word: string, flags: string, rules: Map<string, SuffixRule[]>): string[] {
  const out = [word];
  for (const flag of flags) {
    const list = rules.get(flag);
    if (list === undefined) continue;
    for (const r of list) {
      if (!meets(word, r.condition) || !word.endsWith(r.strip)) continue;
      out.push(word.slice(0, word.length - r.strip.length) + r.add);
    }
  }
  return out;
}

/** Letters, apostrophes and hyphens only ("0th" and "e.g." are no words for names). */
function isWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 192;
    if (!letter && c !== 39 && c !== 45) return false;
  }
  return true;
}

export function dictionaryCommonWords(): string[] {
  const decoder = new TextDecoder('utf-8');
  const rules = suffixRules(decoder.decode(dictionary.aff));
  const lines = decoder.decode(dictionary.dic).split('\n').slice(1); // the first line is a count
  const proper = new Set<string>();
  const lower: [string, string][] = [];
  for (const line of lines) {
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).trim();
    if (word === '' || !isWord(word)) continue;
    const first = word.charAt(0);
    if (first !== first.toLowerCase()) proper.add(word.toLowerCase());
    else lower.push([word, slash < 0 ? '' : line.slice(slash + 1).trim()]);
  }
  const out = new Set<string>();
  for (const [word, flags] of lower) {
    if (proper.has(word)) continue;
    for (const f of forms(word, flags, rules)) if (!proper.has(f)) out.add(f);
  }
  return [...out];
}
