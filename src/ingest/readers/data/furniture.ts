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
  /^(?:sign in|sign up|log in|login|register|subscribe(?: now)?|my account|anmelden|registrieren|abonnieren|войти|регистрация|se connecter|s'abonner|iniciar sesión|suscríbete|accedi|abbonati|entrar|assine|inloggen|zaloguj się|přihlásit se|увійти|logga in)$/i,
  /^(?:menu|search|close|home|back to top|top|next|previous|more|show more|load more|toggle navigation)$/i,
  // advertising
  /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|реклама|publicité|publicidad|pubblicità|reklama|reclame|advertentie|publicidade|inzerce|annons|annonse|mainos|story continues below(?: advertisement)?|scroll to continue(?: with content)?)$/i,
  // links to other stories
  /^(?:read more|read next|see also|related|related articles?|related stories|more on this(?: story)?|recommended|lesen sie auch|mehr zum thema|читайте также|читайте таксама|à lire aussi|lire aussi|leer más|lee también|leia também|veja também|leggi anche|vedi anche|lees ook|zie ook|czytaj (?:też|także)|zobacz (?:też|także)|přečtěte si (?:také|též)|čtěte (?:také|též)|читайте також|дивіться також|смотрите также|läs också|les også|læs også|lue myös)\s*:.*$/i,
  /^(?:read more|continue reading(?: the main story)?|continue reading below|weiterlesen|читать далее|подробнее|читати далі|lire la suite|seguir leyendo|continua a leggere|leia mais|continue lendo|lees meer|lees verder|czytaj (?:dalej|więcej)|číst dále|läs mer|les mer)\.?$/i,
  // sharing and comments
  /^(?:share(?: this)?(?: article| story| on \w+)?|share on facebook|share on twitter|tweet|email|print|comments?|\d+ comments?|leave a comment|teilen|поделиться|поширити|partager|compartir|compartilhar|condividi|delen|udostępnij|sdílet|dela)$/i,
  // photo captions and credits standing alone
  /^(?:(?:photo|image|picture|foto|фото|illustration|video)(?: credit)?s?\s*:|(?:credit|source|bildquelle|quelle|источник)\s*:).{0,120}$/i,
  /^(?:©|\(c\)|copyright\b).{0,160}$/i,
  /^(?:getty images|ap photo|reuters|afp|epa|shutterstock|istock|dpa)(?:\/[\w .]+)?$/i,
  // datelines and counters standing alone
  /^(?:published|updated|posted|last updated|first published|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|опубликовано|обновлено)\b.{0,100}\d.{0,60}$/i,
  /^(?:image|photo|picture|slide|foto|bild)\s+\d+\s+(?:of|von|de|из)\b.{0,12}$/i,
  /^(?:caption|hide caption|toggle caption|enlarge this image|expand|\d+\s*\/\s*\d+)$/i,
  // a link, an address or a handle standing alone
  /^(?:https?:\/\/|www\.)\S+$/i,
  /^\S+@\S+\.\w+$/,
  /^(?:twitter\.com|x\.com|facebook\.com|instagram\.com)\/\S+$/i,
  /^@\w{2,30}$/,
  // site footers
  /^.{0,120}(?:©|\(c\)|copyright)\s*\d{4}.{0,200}$/i,
  // page notices
  /^this (?:page|article) was printed from .*$/i,
  /^(?:we use cookies|this (?:site|website) uses cookies).{0,300}$/i,
];

/**
 * A paragraph that opens the list of other stories at the end of a page ("You may also like",
 * "More Business News"): it and everything after it are dropped when it comes in the article's
 * second half.
 */
export const TAIL_HEADINGS: RegExp[] = [
  /^(?:you may also like|you might also like|more (?:from|on) [\w .]{1,40}|more [\w]{1,20} news|more stories|related (?:stories|articles|coverage|content)|most (?:popular|read|viewed)|trending(?: now)?|recommended(?: for you)?|top stories|latest news|what to read next|want more stories like this\??|around the web|from our partners|promoted stories|sponsored stories|mehr zum thema|das könnte sie auch interessieren|читайте также|самое читаемое|à lire aussi|les plus lus|vous aimerez aussi|lo más leído|más noticias|te puede interesar|ti potrebbe interessare|potrebbe interessarti|i più letti|veja também|mais lidas|lees ook|meest gelezen|czytaj także|najczęściej czytane|další články|nejčtenější|популярное|найпопулярніше|mest lästa)\.{0,3}:?$/i,
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
