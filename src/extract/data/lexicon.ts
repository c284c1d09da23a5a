/**
 * Hand-written word lists for the people and quote extractors. Everything is lower case; the
 * extractors build their Sets from these once, at module load.
 */

/** Honorifics and titles that may stand directly before a name ("Dr. Jane Smith", "President Biden"). */
export const TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'doctor', 'sir', 'dame', 'lord', 'lady', 'madam', 'madame',
  'mme', 'mlle', 'monsieur', 'herr', 'frau', 'señor', 'senor', 'señora', 'senora', 'doña', 'comrade', 'citizen',
  'president', 'vice', 'prime', 'minister', 'premier', 'chancellor', 'secretary', 'general', 'attorney', 'deputy',
  'foreign', 'defense', 'defence', 'interior', 'finance', 'treasury', 'state', 'home', 'health', 'justice', 'trade',
  'economy', 'energy', 'education', 'culture', 'labor', 'labour', 'transport', 'agriculture', 'commerce',
  'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'lt', 'mayor',
  'speaker', 'leader', 'chairman', 'chairwoman', 'chair', 'chief', 'executive', 'ceo', 'cfo', 'coo', 'cto', 'founder',
  'director', 'head', 'ambassador', 'envoy', 'commissioner', 'spokesman', 'spokeswoman', 'spokesperson', 'judge',
  'justice', 'magistrate', 'prosecutor', 'king', 'queen', 'prince', 'princess', 'crown', 'emperor', 'empress', 'emir',
  'sultan', 'sheikh', 'shaikh', 'sheik', 'ayatollah', 'imam', 'pope', 'cardinal', 'archbishop', 'bishop', 'patriarch',
  'metropolitan', 'father', 'rev', 'reverend', 'rabbi', 'pastor', 'saint', 'st', 'gen', 'col', 'colonel', 'maj', 'major',
  'capt', 'captain', 'cmdr', 'commander', 'lieutenant', 'sgt', 'sergeant', 'adm', 'admiral', 'marshal', 'field',
  'brig', 'brigadier', 'cpl', 'corporal', 'pvt', 'private', 'officer', 'detective', 'inspector', 'superintendent',
  'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'forward', 'skipper', 'batsman',
  'bowler', 'champion', 'former', 'ex', 'acting', 'interim', 'first', 'opposition', 'supreme', 'grand', 'duke', 'duchess',
  'baron', 'baroness', 'count', 'countess', 'hon', 'honorable', 'honourable', 'mp', 'mep', 'senior',
  'correspondent', 'reporter', 'journalist', 'editor', 'columnist', 'anchor', 'host', 'author', 'writer', 'analyst',
  'economist', 'historian', 'scientist', 'researcher', 'activist', 'lawyer', 'attorney', 'businessman',
  'businesswoman', 'billionaire', 'investor', 'philanthropist', 'tycoon', 'oligarch', 'dissident', 'candidate',
  'nominee', 'incumbent', 'challenger', 'mogul', 'presidential', 'party', 'national', 'security', 'adviser',
  'advisor', 'aide', 'counselor', 'press', 'lady', 'gentleman', 'ministers',
];

/** Role nouns that, standing just before a name in lower case ("opposition leader X"), show a person. */
export const ROLE_NOUNS = [
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'senator', 'congressman', 'congresswoman',
  'governor', 'mayor', 'speaker', 'leader', 'chairman', 'chairwoman', 'chief', 'ceo', 'founder', 'director', 'head',
  'ambassador', 'envoy', 'commissioner', 'spokesman', 'spokeswoman', 'spokesperson', 'judge', 'prosecutor', 'king',
  'queen', 'prince', 'princess', 'pope', 'sheikh', 'general', 'colonel', 'captain', 'commander', 'officer', 'coach',
  'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'forward', 'skipper', 'batsman', 'bowler',
  'player', 'champion', 'correspondent', 'reporter', 'journalist', 'editor', 'columnist', 'anchor', 'host', 'author',
  'writer', 'analyst', 'economist', 'historian', 'scientist', 'researcher', 'activist', 'lawyer', 'attorney',
  'businessman', 'businesswoman', 'billionaire', 'investor', 'philanthropist', 'tycoon', 'oligarch', 'dissident',
  'candidate', 'nominee', 'incumbent', 'challenger', 'adviser', 'advisor', 'aide', 'counselor', 'actor', 'actress',
  'singer', 'rapper', 'musician', 'artist', 'director', 'producer', 'star', 'athlete', 'rider', 'driver', 'boxer',
  'wrestler', 'swimmer', 'runner', 'sprinter', 'cyclist', 'golfer', 'seed', 'novelist', 'poet', 'professor',
  'teacher', 'student', 'doctor', 'surgeon', 'nurse', 'priest', 'cleric', 'monk', 'rabbi', 'imam', 'bishop',
  'archbishop', 'cardinal', 'patriarch', 'lawmaker', 'legislator', 'politician', 'diplomat', 'official', 'economist',
  'representative', 'deputy', 'mp', 'wife', 'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister',
  'uncle', 'aunt', 'nephew', 'niece', 'cousin', 'grandson', 'granddaughter', 'widow', 'partner', 'girlfriend',
  'boyfriend', 'fiancé', 'fiancee', 'friend', 'colleague', 'rival', 'opponent', 'successor', 'predecessor',
  'counterpart', 'chancellor', 'strongman', 'dictator', 'autocrat', 'ruler', 'monarch', 'entrepreneur',
  'owner', 'banker', 'trader', 'strategist', 'pollster', 'organizer', 'organiser', 'blogger', 'vlogger', 'influencer',
  'resident', 'pensioner', 'retiree', 'worker', 'farmer', 'shopper', 'customer', 'passenger', 'voter', 'volunteer',
  'refugee', 'survivor', 'witness', 'vendor', 'seller', 'miner', 'engineer', 'programmer', 'accountant', 'mechanic',
  'cashier', 'waiter', 'waitress', 'fisherman', 'soldier', 'veteran', 'protester', 'demonstrator', 'fan', 'supporter',
  'neighbour', 'neighbor', 'landlord', 'tenant', 'shopkeeper', 'electrician', 'plumber', 'builder', 'courier',
  'moderator', 'interviewer', 'presenter', 'panelist', 'panellist', 'questioner',
];

/** Words that mark an organisation, place or event: a capitalised sequence containing one is not a person. */
export const ORG_WORDS = [
  // trades and firms named after people or products ("Lehman Brothers", "Harbor Optics", "Northwind Logistics")
  'brothers', 'associates', 'logistics', 'optics', 'robotics', 'analytics', 'electronics', 'dynamics', 'solutions',
  'ventures', 'labs', 'laboratories', 'consulting', 'software', 'semiconductor', 'semiconductors', 'biotech',
  'therapeutics', 'networks', 'communications', 'telecom', 'automotive', 'aerospace', 'apparel', 'brands', 'stores',
  'supermarkets', 'shipping', 'mining', 'minerals', 'metals', 'chemicals', 'textiles', 'realty', 'properties',
  'hotels', 'resorts', 'casino', 'casinos', 'pictures', 'productions', 'publishing', 'books', 'outfitters', 'bakery',
  'brewery', 'winery', 'restaurant', 'cafe', 'café', 'pharmacy', 'clinic', 'photos', 'images',
  // bands, shows and laws ("the Boston Philharmonic", "Affordable Care Act")
  'orchestra', 'philharmonic', 'symphony', 'choir', 'quartet', 'ensemble', 'show', 'podcast', 'act', 'amendment',
  'directive',
  // sports clubs ("Real Sociedad", "Dynamo Kyiv", "Blackburn Rovers")
  'sociedad', 'deportivo', 'athletic', 'atletico', 'atlético', 'sporting', 'dynamo', 'dinamo', 'spartak',
  'lokomotiv', 'rovers', 'wanderers', 'olympique', 'racing', 'hotspur', 'albion',
  'department', 'ministry', 'university', 'college', 'school', 'academy', 'institute', 'institution', 'party',
  'council', 'bank', 'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'group',
  'holding', 'holdings', 'havbruk', 'fiskeoppdrett', 'sjømat', 'rederi', 'sparebank', 'gruppen', 'konsern', 'eiendom', 'fiskeri', 'hermanos', 'compañía', 'grupo', 'werke', 'committee', 'commission', 'court', 'agency', 'association', 'union', 'federation',
  'foundation', 'fund', 'organization', 'organisation', 'office', 'service', 'services', 'army', 'navy', 'force',
  'forces', 'police', 'guard', 'times', 'post', 'news', 'journal', 'street', 'avenue', 'road', 'square', 'airport',
  'station', 'club', 'fc', 'united', 'city', 'hospital', 'church', 'cathedral', 'mosque', 'temple', 'center',
  'centre', 'museum', 'parliament', 'congress', 'senate', 'assembly', 'government', 'administration', 'republic',
  'kingdom', 'empire', 'nations', 'states', 'cup', 'league', 'championship', 'championships', 'games', 'olympics',
  'olympic', 'festival', 'award', 'awards', 'prize', 'airlines', 'airways', 'motors', 'exchange', 'index',
  'stadium', 'arena', 'hall', 'tower', 'palace', 'bridge', 'river', 'mountain', 'mountains', 'lake', 'sea', 'ocean',
  'gulf', 'bay', 'island', 'islands', 'valley', 'province', 'region', 'district', 'county', 'oblast', 'treaty',
  'war', 'revolution', 'movement', 'front', 'alliance', 'coalition', 'network', 'television', 'tv', 'radio', 'media',
  'press', 'magazine', 'review', 'herald', 'tribune', 'gazette', 'daily', 'weekly', 'telegraph', 'reuters', 'bloomberg',
  'associated', 'ria', 'tass', 'interfax', 'belta', 'xinhua', 'kremlin', 'pentagon', 'duma', 'rada', 'knesset',
  'bundestag', 'cabinet', 'authority', 'authorities', 'board', 'bureau', 'directorate', 'secretariat', 'mission',
  'embassy', 'consulate', 'tribunal', 'prosecutor\'s', 'unit', 'brigade', 'battalion', 'regiment', 'division',
  'command', 'fleet', 'systems', 'technologies', 'technology', 'energy', 'oil', 'gas', 'petroleum', 'pharma',
  'pharmaceuticals', 'capital', 'partners', 'investments', 'securities', 'insurance', 'trust', 'industries',
  'international', 'global', 'worldwide', 'airline', 'railways', 'railway', 'ports', 'port', 'media', 'studios',
  'records', 'entertainment', 'foods', 'desk', 'coast', 'golf', 'scoreboard', 'results', 'standings', 'affairs', 'relations', 'development',
  'protection', 'regulation', 'cooperation', 'competition', 'resources', 'operations', 'emergencies', 'emergency',
  'brothers', 'nickel', 'steel', 'metals', 'mining', 'bancorp', 'financial', 'electric', 'chemical', 'chemicals', 'telecom',
  'communications', 'software', 'laboratories', 'beverages', 'brewery', 'breweries', 'realty', 'properties', 'enterprises',
  'ventures', 'shipping', 'logistics', 'construction', 'engineering', 'textiles', 'cement', 'tobacco', 'data', 'oval',
  'ground', 'hub', 'incorporated', 'limited', 'tech', 'pank', 'bancorp', 'airport', 'plaza', 'centre',
  'plant', 'factory', 'works', 'motor', 'refinery', 'combine', 'neft', 'sachs', 'hurricane', 'storm',
  'typhoon', 'cyclone', 'tropical', 'operation', 'gazprom', 'rosneft', 'lukoil', 'novatek', 'sberbank', 'vtb',
  'belaruskali', 'naftan', 'belavia', 'aeroflot', 'rosatom', 'roscosmos', 'yandex', 'kaspersky', 'huawei', 'tencent',
  'alibaba', 'samsung', 'toyota', 'nvidia', 'tesla', 'openai', 'boeing', 'airbus', 'pfizer', 'moderna', 'nestle',
  'unilever', 'siemens', 'volkswagen', 'gazprombank', 'transneft', 'rostec', 'belarusbank', 'priorbank', 'viasna', 'group\'s', 'stores', 'market', 'markets', 'mall', 'hotel', 'restaurant',
  'zoo', 'library', 'gallery', 'theatre', 'theater', 'opera', 'orchestra', 'band', 'team', 'squad',
  'rovers', 'wanderers', 'athletic', 'athletico', 'atletico', 'sporting', 'dynamo', 'dinamo', 'spartak', 'lokomotiv',
  'olympique', 'real', 'inter', 'juventus', 'ajax', 'celtic', 'rangers', 'hotspur', 'albion', 'villa', 'wednesday',
  'county', 'borough', 'town', 'village', 'township', 'municipality', 'capitol', 'summit', 'conference', 'forum',
  'declaration', 'act', 'code', 'constitution', 'charter', 'accord', 'accords', 'agreement', 'protocol', 'plan',
  'program', 'programme', 'project', 'initiative', 'strategy', 'doctrine', 'prize', 'medal', 'trophy', 'series',
  'open', 'grand', 'prix', 'tour', 'marathon', 'derby', 'bowl', 'world', 'continental', 'europa', 'champions',
  'institute\'s', 'society', 'church\'s', 'synod', 'diocese', 'patriarchate', 'caliphate', 'taliban', 'hamas',
  'hezbollah', 'isis', 'al-qaeda', 'qaeda', 'brotherhood', 'cartel', 'gang', 'mafia', 'wagner', 'day', 'week', 'year',
  'era', 'age', 'century', 'dynasty', 'regime', 'junta', 'faction', 'bloc', 'caucus', 'wing', 'ministries',
  'departments', 'universities', 'banks', 'parties', 'councils', 'courts', 'companies', 'agencies', 'nations\'',
  // sports clubs and franchises, which otherwise look like "Given Surname"
  'fc', 'sc', 'ac', 'cf', 'cd', 'sv', 'tsv', 'vfl', 'vfb', 'borussia', 'fortuna', 'hansa', 'eintracht', 'werder', 'hertha',
  'bayer', 'schalke', 'arminia', 'deportivo', 'racing', 'olympiacos', 'panathinaikos', 'cska', 'zenit', 'shakhtar',
  'steaua', 'galatasaray', 'fenerbahce', 'besiktas', 'benfica', 'feyenoord', 'psv', 'anderlecht', 'vitesse', 'twente',
  'graafschap', 'rayo', 'celta', 'betis', 'osasuna', 'espanyol', 'napoli', 'lazio', 'fiorentina', 'sampdoria',
  'udinese', 'atalanta', 'islanders', 'jets', 'giants', 'colts', 'eagles', 'clippers', 'lakers', 'knicks', 'bulls',
  'celtics', 'yankees', 'mets', 'dodgers', 'cubs', 'braves', 'mariners', 'orioles', 'newsroom', 'spor',
  // clubs, events and makers in sports pages ("Boca Juniors", "Monte Carlo Rally", "Williams Renault")
  'juniors', 'hapoel', 'maccabi', 'beitar', 'rally', 'classic', 'tournament', 'telescope', 'renault', 'ferrari',
  'peugeot', 'porsche', 'fiat', 'opel', 'volvo', 'audi', 'bmw', 'yamaha', 'ligier', 'citroen', 'lamborghini',
  'maserati', 'nissan', 'mitsubishi', 'hyundai', 'benetton', 'lufthansa', 'pacific',
  // parties, movements and armed groups ("Ulster Unionists", "Sinn Fein", "Mujahideen Khalq")
  'democrats', 'republicans', 'conservatives', 'unionists', 'unionist', 'loyalists', 'socialists', 'communists',
  'liberals', 'nationalists', 'islamists', 'separatists', 'rebels', 'militants', 'guerrillas', 'fein',
  'mujahideen', 'hizbollah', 'intifada', 'likud', 'labour', 'tories', 'peronists', 'gaullists', 'khalq', 'fatah',
];

/** Months and weekdays, which are capitalised but never people. */
export const CALENDAR = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'easter', 'ramadan', 'eid',
  'hanukkah', 'thanksgiving', 'halloween', 'spring', 'summer', 'autumn', 'winter',
];

/** Calendar abbreviations that are also given names: "Jan Kowalski", "Jun Ishikawa" (never "Jan. 5"). */
export const CALENDAR_GIVEN = ['jan', 'jun'];

/** Capitalised words that start sentences or headings but are never names. */
export const NEVER_NAMES = [
  'i', 'he', 'she', 'it', 'we', 'they', 'you', 'his', 'her', 'hers', 'its', 'our', 'their', 'my', 'your', 'him', 'them',
  'me', 'us', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'and', 'or', 'but', 'yes', 'no', 'not', 'if', 'when',
  'while', 'after', 'before', 'since', 'as', 'at', 'in', 'on', 'of', 'for', 'from', 'to', 'with', 'by', 'about', 'so',
  'then', 'there', 'here', 'what', 'who', 'whom', 'whose', 'which', 'why', 'how', 'where', 'however', 'meanwhile',
  'also', 'still', 'yet', 'now', 'today', 'yesterday', 'tomorrow', 'tonight', 'god', 'allah',
  'lord', 'jesus', 'christ', 'internet', 'web', 'covid', 'covid-19', 'coronavirus', 'brexit', 'bitcoin', 'ok', 'okay',
  'oh', 'well', 'please', 'thanks', 'thank', 'hello', 'hi', 'dear', 'sorry', 'according', 'despite', 'although',
  'though', 'because', 'unlike', 'like', 'whether', 'all', 'some', 'many', 'most', 'each', 'every', 'both', 'either',
  'neither', 'none', 'nobody', 'everyone', 'someone', 'anyone', 'nothing', 'something', 'everything', 'anything',
  'photo', 'video', 'source', 'sources', 'read', 'see', 'also', 'editor\'s', 'note', 'update', 'updated', 'breaking',
  'exclusive', 'opinion', 'analysis', 'interview', 'watch', 'listen', 'live', 'more', 'less', 'western', 'eastern',
  'northern', 'southern', 'central', 'north', 'south', 'east', 'west', 'federal', 'national', 'royal', 'imperial',
  'soviet', 'communist', 'catholic', 'orthodox', 'muslim', 'christian', 'jewish', 'islamic', 'democrat', 'democrats',
  'republican', 'republicans', 'gop', 'mps', 'ceo', 'cnn', 'bbc', 'fox', 'abc', 'nbc', 'cbs', 'npr', 'afp', 'ap',
  'twitter', 'facebook', 'instagram', 'telegram', 'youtube', 'tiktok', 'google', 'apple', 'amazon', 'microsoft',
  'time', 'newsweek', 'politico', 'axios', 'guardian', 'independent', 'economist', 'observer', 'mirror', 'sun',
  'express', 'spiegel', 'monde', 'figaro', 'pravda', 'izvestia', 'kommersant', 'vedomosti', 'fortune', 'forbes',
  'wired', 'vox', 'slate', 'salon', 'breitbart', 'atlantic', 'nation', 'insider', 'oscars',
  'grammy', 'emmy', 'nobel', 'paralympic', 'premier', 'division', 'serie', 'bundesliga', 'liga', 'nba',
  'nfl', 'nhl', 'mlb', 'fifa', 'uefa', 'ioc', 'nasa', 'fbi', 'cia', 'kgb', 'fsb', 'nsa', 'isis', 'who', 'imf', 'wto', 'opec',
  'brics', 'g7', 'g20', 'asean', 'osce', 'ussr', 'usa', 'gdp',
];

/** Lower-case name particles that may sit inside or in front of a name ("von der Leyen", "bin Salman"). */
export const PARTICLES = [
  'von', 'van', 'der', 'den', 'de', 'del', 'della', 'degli', 'di', 'da', 'das', 'dos', 'do', 'du', 'des', 'la', 'le',
  'ter', 'ten', 'te', 'zu', 'bin', 'ibn', 'bint', 'al', 'el', 'abu', 'ben', 'y', 'e', 'mac', "d'", "o'",
];

/** Generational and similar suffixes that close a name ("Jr.", "III"). */
export const SUFFIXES = ['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq'];

/** Verbs and phrases of speech that attribute a quote to its source. */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'saying', 'adding', 'noting', 'asking', 'writing', 'explaining', 'telling', 'warning',
  'insisting', 'arguing', 'declaring', 'stating', 'tweeting', 'stressing', 'recalling', 'replying', 'answering',
  'sings', 'sang', 'chanted', 'chanting', 'claiming', 'calling', 'describing', 'admitting', 'acknowledging',
  'promising', 'vowing', 'urging', 'predicting', 'suggesting', 'complaining', 'noting', 'recounting', 'quipping', 'stated', 'states', 'declared', 'declares', 'shared', 'shares', 'noted', 'notes',
  'added', 'adds', 'told', 'tells', 'wrote', 'writes', 'asked', 'asks', 'explained', 'explains', 'insisted',
  'insists', 'warned', 'warns', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 'recalled', 'recalls',
  'continued', 'continues', 'replied', 'replies', 'answered', 'answers', 'argued', 'argues', 'claimed', 'claims',
  'remarked', 'remarks', 'commented', 'comments', 'observed', 'observes', 'announced', 'announces', 'tweeted',
  'tweets', 'posted', 'posts', 'responded', 'responds', 'admitted', 'admits', 'acknowledged', 'acknowledges',
  'conceded', 'concedes', 'suggested', 'suggests', 'stressed', 'stresses', 'urged', 'urges', 'concluded',
  'concludes', 'complained', 'complains', 'joked', 'jokes', 'quipped', 'quips', 'cautioned', 'cautions',
  'predicted', 'predicts', 'promised', 'promises', 'vowed', 'vows', 'boasted', 'boasts', 'reiterated',
  'reiterates', 'underlined', 'underlines', 'underscored', 'underscores', 'wondered', 'wonders', 'yelled', 'shouted',
  'whispered', 'mused', 'muses', 'recounted', 'recounts', 'testified', 'testifies', 'assured', 'assures',
  'affirmed', 'affirms', 'confirmed', 'confirms', 'denied', 'denies', 'agreed', 'agrees', 'objected', 'protested',
  'pleaded', 'demanded', 'demands', 'proclaimed', 'proclaims', 'countered', 'counters', 'retorted', 'lamented',
  'laments', 'conceded', 'charged', 'alleged', 'alleges', 'contended', 'contends', 'maintained', 'maintains',
  'asserted', 'asserts', 'believes', 'thinks', 'thought', 'reflected', 'reflects', 'reported', 'reports', 'revealed',
  'reveals', 'disclosed', 'described', 'describes', 'called', 'calls', 'described', 'summed', 'went', 'goes',
  'pointed', 'points', 'spoke', 'speaks', 'texted', 'emailed', 'messaged', 'cried', 'exclaimed', 'sighed', 'laughed',
  'smiled', 'snapped', 'barked', 'stated', 'informed', 'reminded', 'reminds', 'highlighted', 'highlights',
  // the commonest verbs of speech of German, French, Spanish, Italian and Russian quotes kept in the original
  'sagte', 'sagt', 'erklärte', 'betonte', 'dit', 'déclare', 'dijo', 'afirmó', 'declaró', 'disse', 'ha detto',
  'сказал', 'сказала', 'заявил', 'заявила', 'отметил', 'отметила', 'подчеркнул', 'подчеркнула',
  'opined', 'clarified', 'clarifies', 'specified', 'elaborated', 'indicated', 'indicates', 'mentioned', 'mentions',
  'recommended', 'advised', 'advises', 'instructed', 'ordered', 'announced', 'predicted', 'guaranteed', 'pledged',
  'pledges', 'swore', 'threatened', 'threatens', 'ruled', 'decreed', 'wrote', 'tweeted', 'posted', 'blogged',
];
