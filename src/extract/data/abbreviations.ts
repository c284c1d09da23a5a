/**
 * The one list of abbreviations that take a period without ending a sentence ("Dr.", "Jan.",
 * "Inc."), lower case, without the period. Used by the sentence splitter (src/extract/sentences.ts);
 * every extractor that asks "does this period end a sentence?" asks the splitter.
 */
export const ABBREVIATIONS: readonly string[] = (
  // titles and ranks
  'mr mrs ms dr prof sr jr st mt ft gen col lt maj sgt capt cmdr adm gov sen rep reps pres supt insp ' +
  'det atty amb del dep rev fr hon messrs mme mlle esq ' +
  // organisations and references
  'inc co corp ltd plc llc bros dept univ assn approx vol vs etc al fig figs eds cf ca ie eg no nos ' +
  // months and days
  'jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri ' +
  // streets, pages, units
  'ave blvd rd hwy sq pp pg para sec ch km kg lb lbs oz tel ext'
).split(' ');
