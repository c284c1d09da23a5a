/** The quote extractor lives in ./quotes/ (scan → merge → attribute → resolve); this keeps its old import path. */
export { findQuotes, findQuotesAndSpeakers } from './quotes/index.ts';
