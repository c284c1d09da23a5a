/** People extractor: the records passed between its stages (candidates → classify → cluster). */
import type { Token } from './tokens.ts';

export interface Candidate {
  tokens: Token[];
  start: number;
  end: number;
  surface: string;
  key: string[];
  /** Evidence that the words name a human on their own. */
  strong: boolean;
  /** Allowed to stand as a person with no fuller form in the article. */
  standalone: boolean;
  /** Only a reference to an already known person (a bare given name, an all-caps headline word). */
  aliasOnly: boolean;
  /** A common word that can only stand for a known person's family name. */
  ambiguous: boolean;
  /** Introduced with a person title ("President", "Dr."). */
  titled: boolean;
  /** Introduced as the story's principal: a current title or a role ("nominee Hillary Clinton", "X, the candidate"). */
  principal: boolean;
  /** Introduced as somebody's relative ("his wife Heidi Cruz", "daughter Chelsea Clinton"). */
  kin: boolean;
  /** Introduced as a former office-holder ("former President Bill Clinton"). */
  former: boolean;
  /** Gender shown by an honorific or role word before the name ("Mrs. Clinton"), else null. */
  gender: 'm' | 'f' | null;
  /** The title words before the name, lower case ("mayor" of "Mayor Klitschko"). */
  titleWords: string[];
}

export interface Ctx {
  text: string;
  caps: boolean;
  titleCase: boolean;
  /** Headlines: capitalisation proves nothing there, so names only refer to people the body names. */
  reference: boolean;
  /** Keys of the runs the document shows are firms ("Tambang Timah" of "PT Tambang Timah"), shared by all spans. */
  companies: Set<string>;
  /** A table line (candidates.ts `isTableSpan`), set when the span is tokenised. */
  table: boolean;
}

export interface Cluster {
  key: string[];
  mentions: Candidate[];
  /** Sorted starts of the mentions that can anchor a later reference (full names, standalone words). */
  anchors: number[];
  /** Sorted starts of all mentions. */
  starts: number[];
  /** Start of the first mention that is not only a reference, or Infinity. */
  firstAt: number;
  /** Some mention was introduced with a person title. */
  titled: boolean;
  /** Some full mention introduced the person with a current title or role ("nominee Hillary Clinton"). */
  principal: boolean;
  /** Some full mention introduced the person as a relative ("his wife Heidi Cruz"). */
  kin: boolean;
  /** Some full mention introduced the person as a former office-holder, none as a current one. */
  former: boolean;
  /** Gender shown by the given name or an honorific, else null. */
  gender: 'm' | 'f' | null;
  /** Sorted starts of the mentions with two or more words. */
  fulls: number[];
  /** Title words seen before any mention ("mayor", "senator"). */
  titleWords: Set<string>;
}
