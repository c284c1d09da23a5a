/**
 * Word lists of the quote extractor (src/extract/quotes/): function words, cue-verb classes and
 * heads of descriptions. Data only; the stages build their sets from these at module load.
 */

/** Cues that are verbs of speech only with a quote right after them ("called it “…”" is not an attribution). */
export const WEAK_CUES: readonly string[] = (
  'called calls described describes thinks thought believes reported reports went goes posted posts pointed points spoke speaks ruled ordered'
).split(' ');

export const DETERMINERS: readonly string[] = (
  'the a an this that his her their its our my one another both'
).split(' ');

export const PREPOSITIONS: readonly string[] = (
  'with to by of under from for against about at on toward towards than like into via between among and or nor'
).split(' ');

/** Heads of descriptions that name the head of a state or government, "the leader" included. */
export const LEADER_WORDS: readonly string[] = (
  'president premier chancellor king queen leader head ruler monarch strongman dictator autocrat emir sultan prime'
).split(' ');

export const SUBORDINATORS: readonly string[] = (
  'when that as if because while after before and but so since where who which what though although until unless whether than or nor'
).split(' ');

/** Words that open an adverbial before a sentence's subject ("During the debate, Clinton …"). */
export const INTRODUCERS: readonly string[] = (
  'during in at after before despite amid following throughout since when while as earlier later last still however meanwhile instead yet'
).split(' ');

/** Descriptions of whoever puts the questions: "the moderator asked" is never the last answer's speaker. */
export const ASKERS: readonly string[] = (
  'moderator interviewer host presenter anchor questioner chair'
).split(' ');

/** Verbs that attribute a partial quote inside a paraphrase ("Trump attacked “the hateful ideology”"). */
export const STANCE_VERBS: readonly string[] = (
  'called calls described describes attacked attacks dismissed dismisses blasted blasts slammed slams criticized criticised criticizes praised praises accused accuses mocked mocks labeled labelled branded brands knows hopes hoped believes believed thinks thought feels felt promised vowed pledged urged wants wanted touted touts decried condemned condemns denounced denounces lauded hailed characterized characterised termed dubbed referred likened compared rejected rejects defended defends questioned questions challenged scolded chided lashed ripped tore derided ridiculed bemoaned lamented cited cites invoked quoted quotes tweeted pitched stressed offered expressed expresses voiced acknowledged argued'
).split(' ');

/** Heads of descriptions that usually stand for an unnamed source, never guessed from context. */
export const UNNAMED_SOURCES: readonly string[] = (
  'spokesman spokeswoman spokesperson official officials source sources analyst analysts expert experts aide aides representative witness resident residents observer diplomat diplomats statement ministry police court report newspaper agency'
).split(' ');

/** Heads of definite descriptions that are institutions or things, never a person. */
export const NON_PERSON_HEADS: readonly string[] = (
  'government kremlin company firm group bank ministry department office party committee council commission court tribunal campaign administration agency organisation organization union team club board white house document letter report study survey poll paper newspaper website broadcaster channel network embassy army military police prosecution defence defense opposition regime state city country nation region plan bill law decree order ruling verdict text message post tweet ad advert video film book sign placard banner slogan headline label note memo notice release announcement'
).split(' ');

/** Nouns ending in -ly, which are not adverbs: "told the assembly". */
export const LY_NOUNS: readonly string[] = (
  'assembly family rally ally supply monopoly bully italy july'
).split(' ');

/** Words that end the listener of "told": "told reporters in Minsk that …". */
export const TOLD_STOP: readonly string[] = (
  'outside inside near ahead following via over under amid shortly just then again in on at during after before that when while as from by with for about last this on yesterday today tonight earlier later monday tuesday wednesday thursday friday saturday sunday recently and but how why what if whether to he she they it we i there not was is would will had has'
).split(' ');

/** Verbs that take a particle to make the cue ("pointed out", "went on", "summed up"). */
export const PARTICLE_VERBS: Record<string, string[]> = {
  pointed: ['out'],
  points: ['out'],
  went: ['on'],
  goes: ['on'],
  summed: ['up'],
  spoke: ['out'],
  called: ['out'],
  added: [],
  shot: ['back'],
  fired: ['back'],
  hit: ['back'],
  chimed: ['in'],
};

/** Verbs that are verbs of speech only with their particle: "shot back", "fired back", "chimed in". */
export const PARTICLE_ONLY_CUES: readonly string[] = ['shot', 'fired', 'hit', 'chimed'];

/** A role word and the descriptor words it stands for: "the premier" after "Prime Minister Roman Golovchenko". */
export const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  premier: ['prime'],
  pm: ['prime'],
};

/** Nouns of speech after a possessive name that introduce a quote: "Clinton's response was: “…”". */
export const SPEECH_NOUNS: readonly string[] = (
  'response reply answer retort message statement words comment comments remarks tweet post verdict ' +
  'advice warning explanation message reaction'
).split(' ');

/** Heads of an appositive that a name follows: "Moore's sister, Anna", "Patel's lawyer, Tom Reid". */
export const APPOSITIVE_HEADS: readonly string[] = (
  'sister brother mother father wife husband son daughter aunt uncle cousin niece nephew grandson ' +
  'granddaughter grandmother grandfather widow widower partner fiancé fiancée girlfriend boyfriend ' +
  'friend neighbour neighbor colleague lawyer attorney spokesman spokeswoman spokesperson aide adviser ' +
  'advisor assistant manager agent coach doctor teacher boss deputy secretary representative'
).split(' ');

/** "moderated by X", "hosted by X": the role the verb gives the person after it. */
export const ASKER_VERBS: Record<string, string> = {
  moderated: 'moderator',
  hosted: 'host',
  chaired: 'chair',
  presented: 'presenter',
  conducted: 'interviewer',
};
