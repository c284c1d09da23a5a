/**
 * Page furniture: text a page carries around its article that is not the article, as patterns
 * matched against a whole paragraph (normalised: trimmed, whitespace collapsed). Classes, not
 * pages: navigation and account links, advertising labels, links to other stories, sharing
 * prompts, photo credits. Data for readers/html-body.ts.
 */

/** A paragraph that is only one of these is dropped wherever it stands. */
export const FURNITURE_PARAGRAPHS: RegExp[] = [
  // navigation and accounts
  /^(?:skip (?:to|navigation)(?: (?:main|the))? ?(?:content|navigation|article)?|jump to (?:main )?content|zum inhalt springen|перейти к (?:основному )?содержанию)$/i,
  /^(?:sign in|sign up|log in|login|register|subscribe(?: now)?|my account|anmelden|registrieren|abonnieren|войти|регистрация|se connecter|s'abonner|iniciar sesión|suscríbete)$/i,
  /^(?:menu|search|close|home|back to top|top|next|previous|more|show more|load more|toggle navigation)$/i,
  // advertising
  /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|реклама|publicité|publicidad|pubblicità|reklama|story continues below(?: advertisement)?|scroll to continue(?: with content)?)$/i,
  // links to other stories
  /^(?:read more|read next|see also|related|related articles?|related stories|more on this(?: story)?|recommended|lesen sie auch|mehr zum thema|читайте также|читайте таксама|à lire aussi|lire aussi|leer más|leia também)\s*:.*$/i,
  /^(?:read more|continue reading(?: the main story)?|continue reading below|weiterlesen|читать далее|lire la suite|seguir leyendo)\.?$/i,
  // sharing and comments
  /^(?:share(?: this)?(?: article| story| on \w+)?|share on facebook|share on twitter|tweet|email|print|comments?|\d+ comments?|leave a comment|teilen|поделиться|partager|compartir)$/i,
  // photo captions and credits standing alone
  /^(?:(?:photo|image|picture|foto|фото|illustration|video)(?: credit)?s?\s*:|(?:credit|source|bildquelle|quelle|источник)\s*:).{0,120}$/i,
  /^(?:©|\(c\)|copyright\b).{0,160}$/i,
  /^(?:getty images|ap photo|reuters|afp|epa|shutterstock|istock|dpa)(?:\/[\w .]+)?$/i,
  // page notices
  /^this (?:page|article) was printed from .*$/i,
  /^(?:we use cookies|this (?:site|website) uses cookies).{0,300}$/i,
];

/** Elements holding captions and credits, removed from the readable content. */
export const FURNITURE_SELECTORS = [
  'figcaption',
  '[class*="caption" i]',
  '[class*="credit" i]',
  '[class*="share" i]',
  '[class*="social" i]',
  '[class*="newsletter" i]',
  '[class*="related" i]',
  '[class*="advert" i]',
  '[class*="promo" i]',
  '[aria-hidden="true"]',
];
