/**
 * Month names (full, genitive and abbreviated) in the languages of the archive's sources, and the
 * languages that write numeric dates month-first (03/04/2021 = 4 March elsewhere).
 */
const NAMES: Record<string, string> = {
  en: 'january february march april may june july august september october november december',
  enShort: 'jan feb mar apr may jun jul aug sep oct nov dec',
  de: 'januar februar märz april mai juni juli august september oktober november dezember',
  deShort: 'jan feb mär apr mai jun jul aug sep okt nov dez',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  it: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  pt: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  nl: 'januari februari maart april mei juni juli augustus september oktober november december',
  pl: 'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  plNominative: 'styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień',
  cs: 'ledna února března dubna května června července srpna září října listopadu prosince',
  ru: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  ruNominative: 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь',
  ruShort: 'янв фев мар апр мая июн июл авг сен окт ноя дек',
  be: 'студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка лістапада снежня',
  beNominative: 'студзень люты сакавік красавік май чэрвень ліпень жнівень верасень кастрычнік лістапад снежань',
  uk: 'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
  ukNominative: 'січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень',
  sv: 'januari februari mars april maj juni juli augusti september oktober november december',
  tr: 'ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık',
};

/** Lower-case month name → 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.values(NAMES).flatMap((names) =>
    names
      .split(' ')
      .map((name, i): [string, number] => [name, i + 1]),
  ),
);

/** Language tags whose numeric dates put the month first (plain "en" is mostly American usage). */
export const MONTH_FIRST_LANGUAGES: ReadonlySet<string> = new Set(['en', 'en-us', 'en-ph', 'fil']);

/** Weekday names that may open a written date ("Monday, November 18, 2019", "Montag, 3. Mai"). */
export const WEEKDAYS: ReadonlySet<string> = new Set(
  [
    'monday tuesday wednesday thursday friday saturday sunday',
    'montag dienstag mittwoch donnerstag freitag samstag sonntag',
    'lundi mardi mercredi jeudi vendredi samedi dimanche',
    'lunes martes miércoles jueves viernes sábado domingo',
    'lunedì martedì mercoledì giovedì venerdì sabato domenica',
    'понедельник вторник среда четверг пятница суббота воскресенье',
  ].flatMap((names) => names.split(' ')),
);
