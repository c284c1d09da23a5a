/**
 * Words that mark a quoted string as something written or named rather than said
 * (src/extract/quotes/filter.ts): sign text, page furniture teasers, titles of works.
 */

/** Things that carry written words: "placards reading “…”", "a sign that said “…”". */
export const SIGN_NOUNS: readonly string[] = (
  'sign signs placard placards banner banners poster posters billboard billboards t-shirt t-shirts ' +
  'shirt shirts hat hats cap caps sticker stickers bumper graffiti slogan slogans plaque plaques ' +
  'headline headlines caption captions label labels button buttons mug mugs flag flags'
).split(' ');

/** The verbs that introduce the words such a thing carries. */
export const SIGN_VERBS: readonly string[] = (
  'read reads reading said saying says emblazoned bearing bore bears proclaiming proclaimed declaring ' +
  'stating urging demanding'
).split(' ');

/** Page furniture that introduces a link to another article: "READ MORE: “…”". */
export const TEASER_LEADS: readonly string[] = (
  'read more|related|see also|watch|more|listen|recommended|also read|click here|don’t miss|don\'t miss|trending'
).split('|');

/** Words right before a quoted title of a work: "a column titled “…”". */
export const TITLE_LEADS: readonly string[] = (
  'titled entitled headlined billed'
).split(' ');
