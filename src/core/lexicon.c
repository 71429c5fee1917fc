/* The word lists. Folded forms only (lower case, no accents, ' for every
 * apostrophe), put in hash maps on first use. They are aids to rules,
 * never answers: no entry names an entity of the bundled corpus because it is
 * there; each list is what a reader of French and English news would write
 * down. */
#include "revue/lexicon.h"

#include "revue/strmap.h"
#include "revue/util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *person_titles[] = {
	"m", "mm", "mme", "mmes", "mlle", "mlles", "madame", "monsieur", "mademoiselle", "me", "maitre",
	"mr", "mrs", "ms", "miss", "dr", "docteur", "doctor", "pr", "professeur", "prof", "professor",
	"sir", "dame", "lord", "lady", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "mgr",
	"monseigneur", "pere", "father", "soeur", "sister", "rabbi", "imam", "saint", "st", "ste",
	"president", "presidente", "premier", "chancelier", "chanceliere", "chancellor", "roi", "reine",
	"king", "queen", "prince", "princesse", "princess", "pape", "pope", "general", "colonel",
	"commandant", "capitaine", "captain", "lieutenant", "sergent", "juge", "judge", "senateur",
	"senatrice", "senator", "depute", "deputee", "representative", "maire", "mayor", "gouverneur",
	"governor", "ministre", "minister", "secretary", "secretaire", "ambassadeur", "ambassadrice",
	"ambassador", "cardinal", "archeveque", "archbishop", "eveque", "bishop", "abbe", "cheikh",
	"sheikh", "emir", "ayatollah", "frere", "brother", "oncle", "uncle", "tante", "aunt",
	"inspecteur", "inspector", "detective", "agent", "officer", "commissaire", "procureur",
	"prosecutor", "avocat", "avocate", "attorney", "chef", "coach", "entraineur", "selectionneur",
	"ceo", "pdg", "cfo", "cto", "coo", "dg",
};

static const char *roles[] = {
	"president", "presidente", "ministre", "minister", "premier", "chancelier", "chancellor",
	"presentateur", "presentatrice", "animateur", "animatrice", "eurodepute", "eurodeputee",
	"speaker", "commissioner",
	"depute", "deputee", "senateur", "senatrice", "senator", "maire", "mayor", "gouverneur",
	"governor", "ceo", "pdg", "cfo", "cto", "coo", "dg", "directeur", "directrice", "director",
	"fondateur", "fondatrice", "founder", "cofondateur", "cofondatrice", "co-fondateur", "co-founder",
	"cofounder", "patron", "patronne", "boss", "chef", "head", "responsable", "dirigeant",
	"dirigeante", "leader", "porte-parole", "spokesman", "spokeswoman", "spokesperson", "secretaire",
	"secretary", "conseiller", "conseillere", "adviser", "advisor", "counsel", "avocat", "avocate",
	"lawyer", "attorney", "juge", "judge", "procureur", "procureure", "prosecutor", "professeur",
	"professeure", "professor", "chercheur", "chercheuse", "researcher", "scientist", "economiste",
	"economist", "analyste", "analyst", "journaliste", "journalist", "reporter", "editorialiste",
	"columnist", "historien", "historienne", "historian", "sociologue", "sociologist", "politologue",
	"philosophe", "philosopher", "expert", "experte", "specialiste", "specialist", "militant",
	"militante", "activist", "syndicaliste", "candidat", "candidate", "chairman", "chairwoman",
	"chair", "vice-president", "vice-presidente", "executive", "manager", "gerant", "gerante",
	"proprietaire", "owner", "investisseur", "investisseuse", "investor", "entrepreneur",
	"entrepreneuse", "ingenieur", "ingenieure", "engineer", "medecin", "doctor", "infirmier",
	"infirmiere", "nurse", "enseignant", "enseignante", "teacher", "eleve", "etudiant", "etudiante",
	"student", "officier", "officer", "commandant", "commander", "general", "colonel", "capitaine",
	"soldat", "soldier", "policier", "policiere", "gendarme", "commissaire", "ambassadeur",
	"ambassadrice", "ambassador", "diplomate", "diplomat", "delegue", "deleguee", "delegate",
	"rapporteur", "rapporteure", "elu", "elue", "conseiller", "coordinateur", "coordinatrice",
	"coordinator", "organisateur", "organisatrice", "organizer", "organiser", "manifestant",
	"manifestante", "protester", "temoin", "witness", "victime", "victim", "habitant", "habitante",
	"resident", "auteur", "auteure", "autrice", "author", "ecrivain", "ecrivaine", "writer",
	"realisateur", "realisatrice", "acteur", "actrice", "actor", "actress", "chanteur",
	"chanteuse", "singer", "artiste", "artist", "joueur", "joueuse", "player", "entraineur",
	"coach", "selectionneur", "pilote", "pilot", "astronaute", "astronaut", "pape", "pope",
	"eveque", "bishop", "pretre", "priest", "imam", "rabbin", "rabbi", "roi", "king", "reine",
	"queen", "prince", "princesse", "princess", "leader", "chief", "commissioner", "officiel",
	"official", "representant", "representante", "representative", "membre", "member", "collegue",
	"colleague", "avocat", "partner", "associe", "associee", "vice-chancelier", "ex-president",
	"ex-ministre", "ancien", "ancienne", "former", "premiere", "secretaire general",
	"speaker", "congressman", "congresswoman", "congressmen", "whip", "sen", "rep", "gov",
	"assemblyman", "councilman", "councilwoman", "superintendent", "sheriff", "marshal", "lawmaker",
	"legislator", "prix nobel", "nobel", "laureat", "laureate", "economie", "chancellor",
	"editor", "redacteur", "redactrice", "anchor", "commentator", "commentateur", "commentatrice",
};

static const char *org_cues[] = {
	"societe", "groupe", "entreprise", "start-up", "startup", "firme", "geant", "constructeur",
	"editeur", "banque", "company", "firm", "group", "giant", "maker", "agency", "agence",
	"journal", "quotidien", "hebdomadaire", "magazine", "chaine", "media", "medias", "site",
	"parti", "party", "syndicat", "union", "association", "ong", "fondation", "foundation",
	"institut", "institute", "universite", "university", "laboratoire", "laboratory", "lab",
	"cabinet", "fonds", "fund", "operateur", "operator", "fabricant", "manufacturer", "assureur",
	"insurer", "distributeur", "retailer", "enseigne", "compagnie", "carrier", "airline",
	"club", "equipe", "team", "federation", "ministere", "ministry", "departement", "department",
	"organisation", "organization", "organisme", "regulateur", "regulator", "autorite",
	"authority", "tribunal", "court", "cour", "conglomerat", "conglomerate", "holding",
	"filiale", "subsidiary", "concurrent", "rival", "competitor", "partenaire", "actionnaire",
	"shareholder", "investisseur", "investor", "corporation", "bank", "network", "reseau",
	"newspaper", "broadcaster", "outlet", "station", "label", "studio", "studios", "coalition",
	"mouvement", "movement", "collectif", "alliance", "plateforme", "platform", "service",
	"services", "assurance", "mutuelle", "cooperative", "hopital", "hospital", "ecole", "school",
	"college", "lycee", "think-tank", "chez", "at",
};

static const char *org_words[] = {
	"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "sa", "sas", "sarl", "ag", "gmbh",
	"nv", "bv", "spa", "group", "groupe", "holding", "holdings", "bank", "banque", "university",
	"airways", "airlines", "express", "telecom", "petroleum",
	"universite", "institute", "institut", "ministry", "ministere", "party", "parti", "assemblee",
	"assembly", "senat", "senate", "congress", "congres", "commission", "council", "conseil",
	"agency", "agence", "police", "gendarmerie", "tribunal", "court", "cour", "news", "times",
	"post", "journal", "herald", "tribune", "press", "presse", "foundation", "fondation",
	"association", "federation", "union", "committee", "comite", "department", "departement",
	"office", "bureau", "technologies", "technology", "systems", "labs", "motors", "airlines",
	"airways", "capital", "partners", "ventures", "entertainment", "media", "networks", "studios",
	"pictures", "records", "energy", "energies", "telecom", "communications", "pharma",
	"pharmaceuticals", "investments", "securities", "insurance", "assurances", "mutuelle",
	"club", "fc", "ac", "olympique", "ai", "stade", "sporting", "republicains", "democrates",
	"socialiste", "insoumise", "rassemblement", "renaissance", "ecologistes", "republicans",
	"democrats", "labour", "conservatives", "front", "mouvement", "movement", "nations", "unies",
	"onu", "otan", "nato", "ue", "eu", "fmi", "imf", "bce", "ecb", "fed", "cnrs", "inserm", "sncf",
	"ratp", "edf", "cgt", "cfdt", "fo", "medef", "afp", "reuters", "bloomberg", "associated",
	"monde", "figaro", "liberation", "echos", "parisien", "express", "obs", "point", "croix",
	"humanite", "mediapart", "bfmtv", "tf1", "lci", "cnews", "cnn", "bbc", "nbc", "cbs", "abc",
	"fox", "msnbc", "npr", "pbs", "gouvernement", "government", "administration", "hopital",
	"hospital", "ecole", "school", "college", "lycee", "academie", "academy", "centre", "center",
	"laboratoire", "laboratory", "observatoire", "observatory", "fonds", "fund", "trust",
	"reserve", "tresor", "treasury", "douane", "douanes", "armee", "army", "navy", "marine",
	"air force", "forces", "brigade", "regiment", "prefecture", "mairie", "region", "conseil",
	"cabinet", "chambre", "chamber", "house", "white", "elysee", "matignon", "kremlin",
	"pentagon", "pentagone", "bundestag", "parlement", "parliament",
};

static const char *product_cues[] = {
	"chatbot", "chatbots", "modele", "modeles", "model", "models", "logiciel", "logiciels",
	"software", "application", "applications", "app", "apps", "assistant", "assistants",
	"plateforme", "platform", "outil", "outils", "tool", "tools", "systeme", "system",
	"smartphone", "smartphones", "telephone", "phone", "console", "navigateur", "browser",
	"moteur", "engine", "robot", "robots", "produit", "produits", "product", "products",
	"version", "appareil", "appareils", "device", "devices", "jeu", "game", "voiture", "car",
	"avion", "aircraft", "vaccin", "vaccine", "medicament", "drug", "service", "services",
	"puce", "puces", "chip", "chips", "processeur", "processor", "tablette", "tablet",
	"ordinateur", "computer", "serveur", "server", "satellite", "fusee", "rocket", "missile",
	"drone", "ia", "ai", "agent", "agents", "generateur", "generator", "reseau social",
	"messagerie", "suite", "offre", "abonnement", "marque", "brand", "gamme", "range", "lunettes",
	"casque", "headset", "montre", "watch", "enceinte", "speaker", "camera", "appli",
	"format", "formats", "disc", "discs", "disque", "disques", "consoles",
};

static const char *places[] = {
	/* countries, French and English names */
	"afghanistan", "afrique du sud", "south africa", "albanie", "albania", "algerie", "algeria",
	"allemagne", "germany", "angleterre", "england", "angola", "arabie saoudite", "saudi arabia",
	"argentine", "argentina", "armenie", "armenia", "australie", "australia", "autriche",
	"austria", "azerbaidjan", "azerbaijan", "bahrein", "bahrain", "bangladesh", "belgique",
	"belgium", "bielorussie", "belarus", "birmanie", "myanmar", "bolivie", "bolivia", "bosnie",
	"bosnia", "bresil", "brazil", "bulgarie", "bulgaria", "burkina faso", "cambodge", "cambodia",
	"cameroun", "cameroon", "canada", "chili", "chile", "chine", "china", "chypre", "cyprus",
	"colombie", "colombia", "coree du nord", "north korea", "coree du sud", "south korea",
	"coree", "korea", "croatie", "croatia", "cuba", "danemark", "denmark", "egypte", "egypt",
	"emirats arabes unis", "united arab emirates", "equateur", "ecuador", "espagne", "spain",
	"estonie", "estonia", "etats-unis", "united states", "usa", "us", "u.s", "u.s.", "u.s.a.", "amerique",
	"america", "ethiopie", "ethiopia", "finlande", "finland", "france", "georgie", "georgia",
	"ghana", "grece", "greece", "guatemala", "guinee", "guinea", "haiti", "honduras", "hongrie",
	"hungary", "inde", "india", "indonesie", "indonesia", "irak", "iraq", "iran", "irlande",
	"ireland", "islande", "iceland", "israel", "italie", "italy", "japon", "japan", "jordanie",
	"jordan", "kazakhstan", "kenya", "kosovo", "koweit", "kuwait", "laos", "lettonie", "latvia",
	"liban", "lebanon", "libye", "libya", "lituanie", "lithuania", "luxembourg", "madagascar",
	"malaisie", "malaysia", "mali", "maroc", "morocco", "mauritanie", "mauritania", "mexique",
	"mexico", "moldavie", "moldova", "monaco", "mongolie", "mongolia", "montenegro", "mozambique",
	"namibie", "namibia", "nepal", "nicaragua", "niger", "nigeria", "norvege", "norway",
	"nouvelle-zelande", "new zealand", "oman", "ouganda", "uganda", "ouzbekistan", "uzbekistan",
	"pakistan", "palestine", "panama", "paraguay", "pays-bas", "netherlands", "perou", "peru",
	"philippines", "pologne", "poland", "portugal", "qatar", "roumanie", "romania",
	"royaume-uni", "united kingdom", "uk", "u.k.", "grande-bretagne", "great britain", "britain",
	"russie", "russia", "rwanda", "senegal", "serbie", "serbia", "singapour", "singapore",
	"slovaquie", "slovakia", "slovenie", "slovenia", "somalie", "somalia", "soudan", "sudan",
	"sri lanka", "suede", "sweden", "suisse", "switzerland", "syrie", "syria", "taiwan",
	"tanzanie", "tanzania", "tchad", "chad", "tchequie", "czech republic", "czechia",
	"thailande", "thailand", "tunisie", "tunisia", "turquie", "turkey", "ukraine", "uruguay",
	"venezuela", "vietnam", "yemen", "zambie", "zambia", "zimbabwe", "cote d'ivoire",
	"ivory coast", "europe", "afrique", "africa", "asie", "asia", "oceanie", "amerique latine",
	"latin america", "moyen-orient", "middle east", "proche-orient", "maghreb", "sahel",
	"gaza", "cisjordanie", "west bank", "crimee", "crimea", "donbass", "tibet", "hong kong",
	"ecosse", "scotland", "pays de galles", "wales", "quebec", "catalogne", "catalonia",
	"corse", "corsica", "bretagne", "brittany", "normandie", "normandy", "alsace", "provence",
	"occitanie", "aquitaine", "nouvelle-aquitaine", "auvergne", "bourgogne", "burgundy",
	"champagne", "lorraine", "picardie", "ile-de-france", "hauts-de-france", "grand est",
	"pays de la loire", "centre-val de loire", "savoie", "guadeloupe", "martinique", "guyane",
	"reunion", "mayotte", "nouvelle-caledonie", "polynesie", "wallonie", "flandre", "flandres",
	"californie", "california", "texas", "floride", "florida", "new york", "virginie", "virginia",
	"washington", "ohio", "michigan", "pennsylvanie", "pennsylvania", "illinois", "arizona",
	"nevada", "colorado", "oregon", "massachusetts", "new jersey", "caroline du nord",
	"north carolina", "caroline du sud", "south carolina", "alabama", "alaska", "arkansas",
	"connecticut", "delaware", "hawaii", "idaho", "indiana", "iowa", "kansas", "kentucky",
	"louisiane", "louisiana", "maine", "maryland", "minnesota", "mississippi", "missouri",
	"montana", "nebraska", "new hampshire", "new mexico", "nouveau-mexique", "north dakota",
	"oklahoma", "rhode island", "south dakota", "tennessee", "utah", "vermont",
	"west virginia", "wisconsin", "wyoming", "silicon valley", "wall street",
	/* cities */
	"paris", "marseille", "lyon", "toulouse", "nice", "nantes", "strasbourg", "montpellier",
	"bordeaux", "lille", "rennes", "reims", "le havre", "saint-etienne", "toulon", "grenoble",
	"dijon", "angers", "nimes", "villeurbanne", "clermont-ferrand", "le mans", "aix-en-provence",
	"brest", "tours", "amiens", "limoges", "annecy", "perpignan", "metz", "besancon", "orleans",
	"rouen", "caen", "nancy", "avignon", "poitiers", "pau", "la rochelle", "calais", "cannes",
	"ajaccio", "bastia", "versailles", "chambord", "bruxelles", "brussels", "liege", "anvers",
	"antwerp", "gand", "ghent", "charleroi", "namur", "geneve", "geneva", "lausanne", "zurich",
	"berne", "bern", "bale", "basel", "montreal", "ottawa", "toronto", "vancouver", "alger",
	"algiers", "oran", "tunis", "rabat", "casablanca", "dakar", "abidjan", "bamako", "kinshasa",
	"londres", "london", "berlin", "munich", "francfort", "frankfurt", "hambourg", "hamburg",
	"madrid", "barcelone", "barcelona", "rome", "milan", "naples", "venise", "venice", "lisbonne",
	"lisbon", "amsterdam", "la haye", "the hague", "rotterdam", "vienne", "vienna", "prague",
	"varsovie", "warsaw", "budapest", "athenes", "athens", "stockholm", "oslo", "copenhague",
	"copenhagen", "helsinki", "dublin", "edimbourg", "edinburgh", "moscou", "moscow",
	"saint-petersbourg", "kiev", "kyiv", "minsk", "istanbul", "ankara", "jerusalem", "tel aviv",
	"beyrouth", "beirut", "damas", "damascus", "bagdad", "baghdad", "teheran", "tehran", "le caire",
	"cairo", "riyad", "riyadh", "dubai", "doha", "new delhi", "delhi", "bombay", "mumbai", "pekin",
	"beijing", "shanghai", "hong kong", "tokyo", "osaka", "seoul", "pyongyang", "bangkok",
	"hanoi", "manille", "manila", "jakarta", "sydney", "melbourne", "los angeles", "san francisco",
	"chicago", "d.c.", "boston", "houston", "dallas", "miami", "atlanta", "seattle", "detroit",
	"philadelphie", "philadelphia", "las vegas", "nouvelle-orleans", "new orleans", "denver",
	"phoenix", "san diego", "baltimore", "austin", "pittsburgh", "cleveland", "redmond",
	"cupertino", "mountain view", "palo alto", "menlo park", "mexico city", "buenos aires",
	"sao paulo", "rio de janeiro", "brasilia", "bogota", "lima", "santiago", "caracas",
	"la havane", "havana", "davos", "bruges", "luxembourg",
	/* more French towns (préfectures, large communes) and world cities, as a
	 * reader of the news knows them; no word that is also a common word or a
	 * given name (Gap, Sens, Digne, Orange, Florence, Charlotte) */
	"agen", "auch", "cahors", "laval", "valence", "bourges", "blois", "chartres", "troyes", "colmar",
	"mulhouse", "bayonne", "biarritz", "lorient", "vannes", "quimper", "saint-brieuc", "cherbourg", "evreux",
	"beauvais", "arras", "dunkerque", "boulogne-sur-mer", "roubaix", "tourcoing", "valenciennes",
	"saint-nazaire", "niort", "angouleme", "perigueux", "mont-de-marsan", "tarbes", "carcassonne", "albi",
	"montauban", "rodez", "mende", "privas", "aurillac", "moulins", "vichy", "nevers", "auxerre",
	"chalon-sur-saone", "macon", "bourg-en-bresse", "chambery", "draguignan", "frejus", "saint-tropez", "arles",
	"beziers", "narbonne", "sete", "epinal", "bar-le-duc", "verdun", "charleville-mezieres", "laon",
	"saint-quentin", "soissons", "compiegne", "melun", "meaux", "creteil", "nanterre", "bobigny", "evry",
	"cergy", "pontoise", "saint-denis", "argenteuil", "montreuil", "boulogne-billancourt", "aubervilliers",
	"saint-malo", "alencon", "chateauroux", "gueret", "tulle", "brive", "vesoul", "belfort", "lons-le-saunier",
	"annemasse", "chamonix", "grasse", "antibes", "menton", "cayenne", "fort-de-france", "pointe-a-pitre",
	"lourdes", "sarcelles", "la", "courneuve", "clichy-sous-bois",
	"genes", "genoa", "turin", "bologne", "bologna", "seville", "valencia", "porto", "cologne", "koln",
	"dusseldorf", "stuttgart", "leipzig", "dresde", "dresden", "cracovie", "krakow", "gdansk", "bucarest",
	"bucharest", "sofia", "belgrade", "zagreb", "ljubljana", "sarajevo", "tirana", "skopje", "thessalonique",
	"riga", "tallinn", "vilnius", "reykjavik", "nicosie", "nicosia", "valette", "bratislava", "chisinau",
	"tbilissi", "tbilisi", "erevan", "yerevan", "bakou", "baku", "astana", "almaty", "tachkent", "kaboul",
	"kabul", "islamabad", "karachi", "lahore", "dacca", "dhaka", "katmandou", "kathmandu", "colombo", "saigon",
	"vientiane", "rangoun", "yangon", "taipei", "canton", "guangzhou", "shenzhen", "wuhan", "macao",
	"wellington", "auckland", "canberra", "perth", "brisbane", "nairobi", "khartoum", "kampala", "kigali",
	"lusaka", "harare", "maputo", "luanda", "johannesburg", "pretoria", "lagos", "abuja", "accra", "lome",
	"cotonou", "niamey", "ouagadougou", "nouakchott", "conakry", "freetown", "monrovia", "yaounde", "douala",
	"libreville", "brazzaville", "bangui", "ndjamena", "tripoli", "benghazi", "alexandrie", "alexandria",
	"amman", "sanaa", "aden", "mascate", "muscat", "ramallah", "alep", "aleppo", "homs", "mossoul", "mosul",
	"bassora", "basra", "kandahar", "quito", "asuncion", "montevideo", "medellin", "tegucigalpa", "managua",
	"kingston", "brooklyn", "manhattan", "harlem", "sacramento", "portland", "minneapolis", "nashville",
	"memphis", "raleigh", "richmond", "orlando", "tampa", "jacksonville", "indianapolis", "cincinnati",
	"milwaukee", "albuquerque", "tucson", "honolulu", "anchorage", "birmingham", "manchester", "liverpool",
	"leeds", "glasgow", "bristol", "cardiff", "belfast", "sheffield", "newcastle", "nottingham", "leicester",
	"oxford", "cambridge", "brighton", "southampton", "aberdeen", "westminster", "calgary", "edmonton",
	"winnipeg", "halifax", "gatineau", "sherbrooke", "ho chi minh-ville", "phnom penh", "kuala lumpur",
	"oulan-bator", "addis-abeba", "addis ababa", "dar es salaam", "cape town", "abou dhabi", "abu dhabi",
	"koweit city", "kuwait city", "la paz", "san salvador", "port-au-prince", "saint-domingue", "santo domingo",
	"new york city", "kansas city", "salt lake city", "downing street",
	/* French départements and regions */
	"ain", "aisne", "allier", "alpes-de-haute-provence", "hautes-alpes", "alpes-maritimes",
	"ardeche", "ardennes", "ariege", "aube", "aude", "aveyron", "bouches-du-rhone", "calvados",
	"cantal", "charente", "charente-maritime", "cher", "correze", "cote-d'or", "cotes-d'armor",
	"creuse", "dordogne", "doubs", "drome", "eure", "eure-et-loir", "finistere", "gard",
	"haute-garonne", "gers", "gironde", "herault", "ille-et-vilaine", "indre", "indre-et-loire",
	"isere", "jura", "landes", "loir-et-cher", "loire", "haute-loire", "loire-atlantique",
	"loiret", "lot", "lot-et-garonne", "lozere", "maine-et-loire", "manche", "marne",
	"haute-marne", "mayenne", "meurthe-et-moselle", "meuse", "morbihan", "moselle", "nievre",
	"nord", "oise", "orne", "pas-de-calais", "puy-de-dome", "pyrenees-atlantiques",
	"hautes-pyrenees", "pyrenees-orientales", "bas-rhin", "haut-rhin", "rhone", "haute-saone",
	"saone-et-loire", "sarthe", "haute-savoie", "seine-maritime", "seine-et-marne",
	"yvelines", "deux-sevres", "somme", "tarn", "tarn-et-garonne", "var", "vaucluse", "vendee",
	"vienne", "haute-vienne", "vosges", "yonne", "territoire de belfort", "essonne",
	"hauts-de-seine", "seine-saint-denis", "val-de-marne", "val-d'oise", "poitou-charentes",
	"midi-pyrenees", "languedoc-roussillon", "rhone-alpes", "auvergne-rhone-alpes",
	"provence-alpes-cote d'azur", "bourgogne-franche-comte", "franche-comte", "limousin",
	"haute-normandie", "basse-normandie", "nord-pas-de-calais", "elysee", "bercy", "matignon",
	"hexagone", "montmartre", "champs-elysees", "la defense", "notre-dame",
};

/* Given names, French, English and international: first_names.inc (2,700
 * names; words that are also common French or English words, places or
 * titles are left out, so that a capitalised sentence start is not taken
 * for a person). */
static const char *first_names[] = {
#include "first_names.inc"
};

static const char *connectors[] = {
	"de", "du", "des", "d'", "van", "von", "der", "den", "ter", "al", "al-", "el", "el-", "bin",
	"ben", "ibn", "da", "di", "do", "dos", "das", "del", "della", "la", "le", "y", "mac", "st",
	"saint", "sainte",
};

static const char *stops[] = {
	"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "cet",
	"cette", "ces", "cela", "ceci", "ca", "il", "elle", "ils", "elles", "on", "nous", "vous",
	"je", "j'", "tu", "mais", "et", "ou", "donc", "or", "ni", "car", "puis", "ensuite", "enfin",
	"alors", "ainsi", "aussi", "pourtant", "cependant", "toutefois", "neanmoins", "selon",
	"d'apres", "pour", "par", "sur", "sous", "dans", "depuis", "avant", "apres", "pendant", "avec",
	"sans", "entre", "contre", "vers", "chez", "lors", "des", "si", "quand", "lorsque", "comme",
	"parce", "bien", "tout", "tous", "toute", "toutes", "chaque", "plusieurs", "certains",
	"certaines", "autre", "autres", "meme", "deja", "encore", "toujours", "jamais", "plus",
	"moins", "tres", "trop", "peu", "beaucoup", "oui", "non", "pas", "qui", "que", "qu'", "quoi",
	"dont", "ou", "pourquoi", "comment", "combien", "quel", "quelle", "quels", "quelles",
	"voici", "voila", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
	"votre", "vos", "leur", "leurs", "c'est", "c'", "il y a", "hier", "aujourd'hui", "demain",
	"contrairement", "interroge", "interrogee", "actuellement", "desormais", "rappelons",
	"pour rappel", "reste", "autrement", "bref", "en", "y", "a", "est", "sont", "etait",
	"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
	"you", "i", "his", "her", "their", "our", "your", "my", "but", "and", "or", "so", "yet",
	"for", "nor", "if", "when", "while", "after", "before", "since", "as", "because", "although",
	"though", "in", "on", "at", "by", "from", "to", "with", "without", "into", "onto", "about",
	"over", "under", "between", "among", "during", "despite", "according", "however", "meanwhile",
	"moreover", "also", "still", "then", "there", "here", "what", "which", "who", "whom", "whose",
	"where", "why", "how", "all", "some", "many", "most", "more", "much", "few", "several",
	"each", "every", "any", "no", "not", "yes", "now", "today", "yesterday", "tomorrow", "last",
	"next", "first", "one", "two", "is", "are", "was", "were", "be", "been", "has", "have", "had",
	"do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
	"just", "even", "only", "other", "such", "both", "either", "neither", "like", "unlike",
	"including", "following", "instead", "once", "thus", "therefore", "indeed", "well", "oh",
	"mr", "mrs", "ms", "dr", "m", "mme",
	"i", "i'd", "i'm", "i've", "i'll", "ia", "ai", "api", "llm", "llms", "pdg", "ceo", "pib", "gdp",
	"tva", "vat", "sms", "pc", "tv", "gps", "adn", "dna", "pme", "pmes", "suv", "hlm", "rsa", "smic",
	"cdi", "cdd", "rtt", "ong", "ngo", "ngos", "rh", "hr", "usb", "faq", "ok", "covid", "covid-19",
	"ps", "nb", "etc", "via", "vs", "cf", "ex", "op", "no", "n", "etat", "etats", "lire", "voir",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janv",
	"fevr", "avr", "juil",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "janvier", "fevrier", "mars", "avril",
	"mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "january",
	"february", "march", "april", "june", "july", "august", "september", "october", "november",
	"december", "noel", "paques", "christmas", "easter",
};

static const char *speech_verbs[] = {
	/* French: present, passé composé participle, imperfect, future, participles */
	"declare", "declarent", "declarait", "declaraient", "declarera", "declarant", "dit", "dis",
	"disent", "disait", "disaient", "dira", "disant", "explique", "expliquent", "expliquait",
	"expliquaient", "expliquant", "affirme", "affirment", "affirmait", "affirmaient", "affirmant",
	"ajoute", "ajoutent", "ajoutait", "ajoutaient", "ajoutant", "assure", "assurent", "assurait",
	"assuraient", "assurant", "estime", "estiment", "estimait", "estimaient", "estimant",
	"indique", "indiquent", "indiquait", "indiquaient", "indiquant", "souligne", "soulignent",
	"soulignait", "soulignant", "precise", "precisent", "precisait", "precisant", "rappelle",
	"rappele", "rappellent", "rappelait", "rappelant", "confie", "confient", "confiait",
	"confiant", "reconnait", "reconnu", "reconnaissent", "reconnaissait", "reconnaissant",
	"lance", "lancent", "lancait", "martele", "martelent", "martelait", "martelant", "insiste",
	"insistent", "insistait", "insistant", "poursuit", "poursuivi", "poursuivent", "poursuivait",
	"repond", "repondu", "repondent", "repondait", "repondant", "raconte", "racontent",
	"racontait", "racontant", "temoigne", "temoignent", "temoignait", "commente", "commentent",
	"commentait", "annonce", "annoncent", "annoncait", "annoncant", "averti", "avertit",
	"avertissent", "avertissait", "previent", "prevenu", "prevenait", "juge", "jugent", "jugeait",
	"deplore", "deplorent", "deplorait", "denonce", "denoncent", "denoncait", "denoncant",
	"regrette", "regrettent", "regrettait", "exclame", "exclamait", "ironise", "ironisait",
	"lache", "lachent", "lachait", "glisse", "glissent", "glissait", "souffle", "soufflait",
	"confirme", "confirment", "confirmait", "ecrit", "ecrivent", "ecrivait", "tweete", "admet",
	"admis", "admettent", "admettait", "conclut", "conclu", "concluait", "resume", "resumait",
	"note", "notent", "notait", "observe", "observait", "avance", "avancait", "plaide", "plaidait",
	"promet", "promis", "promettait", "defend", "defendu", "defendait", "critique", "critiquait",
	"inquiete", "inquietait", "clame", "clamait", "crie", "criait", "insurge", "insurgeait",
	"fustige", "fustigeait", "revendique", "detaille", "detaillait", "argumente", "justifie",
	"justifiait", "souhaite", "souhaitait", "reagi", "reagit", "reagissait", "demande",
	"demandait", "interroge", "s'interroge", "soutient", "soutenu", "soutenait", "pointe",
	"pointait", "signale", "signalait", "accuse", "accusait", "lance", "renchérit", "rencherit",
	"encherit", "tranche", "tranchait", "conteste", "contestait", "proteste", "protestait",
	"nuance", "nuancait", "remarque", "remarquait", "parle", "parlait", "evoque", "evoquait", "evoquant", "qualifie",
	"qualifiait", "qualifiant", "constate", "constatait", "constatant",
	"condamne", "condamnait", "observant", "commentant", "prevenant", "enchaine", "enchainait", "complete", "completait", "developpe",
	"analyse", "analysait", "decrit", "decrivait", "resume", "avoue", "avouait", "confesse",
	"reconnaitra", "prevoit", "prevenait", "menace", "menacait", "alerte", "alertait",
	"met en garde", "rapporte", "rapportait", "cite", "temoigne", "s'emporte", "souriait",
	"sourit", "jure", "jurait", "certifie", "garantit", "garantissait", "appelle", "appelait",
	"exhorte", "exhortait", "reclame", "reclamait", "exige", "exigeait", "repete", "repetait",
	"predit", "predisait", "anticipe", "anticipait", "pronostique", "resume", "s'agace", "agace",
	"s'indigne", "indigne", "s'alarme", "alarme", "s'etonne", "etonne", "s'amuse", "amuse",
	"se felicite", "felicite", "salue", "saluait", "regrettant", "soulignant", "precisant",
	"expliquant", "indiquant", "estimant", "jugeant", "rappelant", "notant", "ajoutant",
	"affirmant", "assurant", "declarant", "martelant", "insistant", "reconnaissant",
	"concede", "concedent", "concedait", "concedant", "retorque", "retorquent", "retorquait",
	"replique", "repliquent", "repliquait", "objecte", "objectait", "expose", "exposent",
	"exposait", "releve", "relevent", "relevait", "relevant", "tempere", "temperait", "assene",
	"assenait", "mentionne", "mentionnait", "applaudi", "applaudit", "applaudissent",
	/* English */
	"said", "says", "say", "saying", "called", "calls", "calling", "told", "tells", "tell", "telling", "added", "adds", "add",
	"adding", "explained", "explains", "explaining", "stated", "states", "noted", "notes",
	"noting", "wrote", "writes", "writing", "argued", "argues", "arguing", "insisted", "insists",
	"claimed", "claims", "claiming", "declared", "declares", "announced", "announces", "warned",
	"warns", "warning", "acknowledged", "acknowledges", "admitted", "admits", "asked", "asks",
	"replied", "replies", "responded", "responds", "continued", "continues", "recalled",
	"recalls", "suggested", "suggests", "tweeted", "posted", "testified", "commented",
	"comments", "remarked", "observed", "concluded", "emphasized", "emphasised", "stressed",
	"stresses", "predicted", "maintained", "maintains", "confirmed", "confirms", "conceded",
	"contended", "complained", "joked", "quipped", "promised", "vowed", "urged", "cautioned",
	"shouted", "whispered", "reported", "reports", "mused", "boasted", "pointed", "conceded",
	"countered", "objected", "agreed", "agrees", "disagreed", "believes", "believed", "thinks",
	"thought", "wondered", "recounted", "described", "describes", "charged", "alleged",
	"announced", "assured", "assures", "explained", "affirmed", "reiterated", "repeated",
	"reckons", "reckoned", "estimated", "estimates", "predicts", "proclaimed", "yelled",
	"screamed", "sighed", "laughed", "shot back", "fired back", "went on", "chimed",
	"asserted", "asserts", "retorted", "lamented", "laments", "answered", "pleaded",
	"underscored", "bragged", "scoffed", "snapped", "blasted", "slammed",
};

static const char *nationalities[] = {
	"francais", "francaise", "francaises", "french", "americain", "americaine", "americains",
	"americaines", "american", "americans", "allemand", "allemande", "german", "germans",
	"britannique", "britanniques", "british", "anglais", "anglaise", "english", "italien",
	"italienne", "italian", "espagnol", "espagnole", "spanish", "russe", "russes", "russian",
	"russians", "chinois", "chinoise", "chinese", "japonais", "japonaise", "japanese", "europeen",
	"europeenne", "europeens", "european", "europeans", "africain", "africaine", "african",
	"asiatique", "asian", "belge", "belges", "belgian", "suisse", "suisses", "swiss", "canadien",
	"canadienne", "canadian", "quebecois", "quebecoise", "algerien", "algerienne", "algerian",
	"marocain", "marocaine", "moroccan", "tunisien", "tunisienne", "tunisian", "israelien",
	"israelienne", "israeli", "palestinien", "palestinienne", "palestinian", "ukrainien",
	"ukrainienne", "ukrainian", "iranien", "iranienne", "iranian", "irakien", "iraqi", "syrien",
	"syrian", "turc", "turque", "turkish", "indien", "indienne", "indian", "mexicain", "mexican",
	"korean", "coreen", "coreenne", "libyan", "libyen", "libyenne", "scottish", "ecossais", "welsh",
	"irish", "irlandais", "dutch", "neerlandais", "greek", "grec", "grecque", "polish", "polonais",
	"egyptian", "egyptien", "saudi", "saoudien", "afghan", "pakistani", "pakistanais", "australian",
	"australien", "swedish", "suedois", "norwegian", "norvegien", "danish", "danois", "portuguese",
	"portugais", "venezuelan", "venezuelien", "cuban", "cubain", "argentinian", "argentin",
	"colombian", "colombien", "nigerian", "nigerian", "kenyan", "kenyan", "vietnamese", "vietnamien",
	"bresilien", "brazilian", "democrat", "democrats", "republican", "republicans", "democratic",
	"muslim", "muslims", "musulman", "musulmans", "christian", "christians", "chretien",
	"chretiens", "catholic", "catholique", "jewish", "juif", "juifs", "islamic", "islamique",
	"western", "eastern", "northern", "southern", "arab", "arabe", "arabes", "arabic", "latin",
	"parisien", "parisienne", "parisiens", "londonien", "new-yorkais", "californien",
	"conservative", "liberal", "progressive", "socialist", "communist", "gaulliste",
};

static const char *date_words[] = {
	"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
	"novembre", "decembre", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "janv", "fevr", "fev", "avr", "juil", "sept", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "printemps", "ete", "automne",
	"hiver", "spring", "summer", "autumn", "fall", "winter", "lundi", "mardi", "mercredi", "jeudi",
	"vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "an", "annee", "year", "years", "mois", "month", "months", "ans", "ago",
	"ici", "within", "next", "hier", "veille", "before", "avant-hier", "demain", "yesterday", "tomorrow", "semaine", "week",
	"mois-ci", "noel", "christmas", "semestre", "half", "trimestre", "quarter", "decennie", "decennies", "decade",
	"decades", "mi-janvier", "mi-fevrier", "mi-mars", "mi-avril", "mi-mai", "mi-juin", "mi-juillet",
	"mi-aout", "mi-septembre", "mi-octobre", "mi-novembre", "mi-decembre",
};

static const char *money_words[] = {
    "dollar",   "dollars",  "euro",      "euros",   "livre",    "livres",   "pound",     "pounds",
    "franc",    "francs",   "yen",       "yens",    "yuan",     "yuans",    "rouble",    "roubles",
    "dinar",    "dinars",   "dirham",    "dirhams", "usd",      "eur",      "gbp",       "chf",
    "pence",    "centime",  "centimes",  "cent",    "cents",    "milliard", "milliards", "billion",
    "billions", "trillion", "trillions", "million", "millions",
};

static const char **const lists[RV_LEX_COUNT] = {
	person_titles, roles, org_cues, org_words, product_cues, places, first_names, connectors, stops,
	speech_verbs, nationalities, date_words, money_words,
};
static const size_t sizes[RV_LEX_COUNT] = {
	RV_ARRAY_LEN(person_titles), RV_ARRAY_LEN(roles), RV_ARRAY_LEN(org_cues),
	RV_ARRAY_LEN(org_words), RV_ARRAY_LEN(product_cues), RV_ARRAY_LEN(places),
	RV_ARRAY_LEN(first_names), RV_ARRAY_LEN(connectors), RV_ARRAY_LEN(stops),
	RV_ARRAY_LEN(speech_verbs), RV_ARRAY_LEN(nationalities), RV_ARRAY_LEN(date_words),
	RV_ARRAY_LEN(money_words),
};

static pthread_once_t build_once = PTHREAD_ONCE_INIT;
static struct rv_strmap words; /* word → mask of the lists that hold it */
/* A bit per hash value (its low FILTER_BITS bits) of the words above: most
 * tokens are in no list, and one bit test turns them away before the
 * probes of the map, which for an absent key are the longest (a third of
 * the analysis went to rv_strmap_get on the generated corpus). */
#define FILTER_BITS 17
static uint64_t filter[(1u << FILTER_BITS) / 64];

static void filter_add(uint64_t h)
{
	size_t b = h & ((1u << FILTER_BITS) - 1);
	filter[b / 64] |= 1ull << (b % 64);
}

static bool filter_has(uint64_t h)
{
	size_t b = h & ((1u << FILTER_BITS) - 1);
	return (filter[b / 64] >> (b % 64)) & 1;
}

/* One hash map for all lists, built once: lookups are the analyzers' hot
 * path, and a word's every membership comes from one probe. */
static void build_map(void)
{
	for (size_t i = 0; i < RV_LEX_COUNT; i++)
		for (size_t k = 0; k < sizes[i]; k++) {
			size_t n = strlen(lists[i][k]);
			uint32_t *v = rv_strmap_put(&words, lists[i][k], n, 0, NULL);
			*v |= 1u << i;
			filter_add(rv_hash(lists[i][k], n));
		}
}

unsigned rv_lex_mask(const char *w, size_t n)
{
	pthread_once(&build_once, build_map);
	if (n == 0 || n > 40)
		return 0;
	uint64_t h = rv_hash(w, n);
	if (!filter_has(h))
		return 0;
	const uint32_t *v = rv_strmap_get_hashed(&words, w, n, h);
	return v ? *v : 0;
}

bool rv_lex_has(enum rv_lexicon lex, const char *w, size_t n)
{
	return (size_t)lex < RV_LEX_COUNT && (rv_lex_mask(w, n) & (1u << lex));
}
