/* Tests of the name finder (src/core/entity.c), one article at a time: the
 * names it finds and their exact spans (people with connectors and
 * particles, French institutions over lower-case adjectives, English
 * "of" names, products with a number), what it trims (sentence openers,
 * titles, roles, an agency before a given name), what is no name at all
 * (stop words, acronyms of common nouns, months, nationalities, a lone
 * letter), the votes each name gets from its context, the flags, and the
 * caps on a pathological line of capitals.
 *
 * Most cases are rows of tables; each row runs as its own cmocka test, named
 * after its input. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NBSP "\xC2\xA0"
#define RSQ "\xE2\x80\x99"

#include "fixture.h"

static void analyse(const char *lang, const char *text, struct doc *d)
{
	analyse_doc(lang, text, d, false);
}

/* Every name of the article, "[surface]" one after the other, for messages. */
static char *all_names(const struct doc *d)
{
	struct rv_buf b = {0};
	for (size_t i = 0; i < d->an.nnames; i++) {
		const struct rv_name *nm = &d->an.names[i];
		rv_buf_printf(&b, "[%.*s P%d O%d R%d L%d f%#x]", (int)(nm->end - nm->start), d->a.body + nm->start,
			      nm->votes[RV_ET_PERSON], nm->votes[RV_ET_ORG], nm->votes[RV_ET_PRODUCT],
			      nm->votes[RV_ET_PLACE], nm->flags);
	}
	if (!b.p)
		rv_buf_adds(&b, "(none)");
	return rv_buf_steal(&b);
}

/* The offset of the nth (0-based) occurrence of w in the body. */
static uint32_t offset_of(const struct doc *d, const char *w, int nth)
{
	const char *p = d->a.body;
	for (int k = 0;; k++) {
		p = strstr(p, w);
		if (!p)
			fail_msg("'%s' not in the text", w);
		if (k == nth)
			break;
		p++;
	}
	return (uint32_t)(p - d->a.body);
}

/* The name spanning exactly the nth occurrence of surface, or NULL. */
static const struct rv_name *name_at(const struct doc *d, const char *surface, int nth)
{
	uint32_t s = offset_of(d, surface, nth), e = s + (uint32_t)strlen(surface);
	for (size_t i = 0; i < d->an.nnames; i++)
		if (d->an.names[i].start == s && d->an.names[i].end == e)
			return &d->an.names[i];
	return NULL;
}

/* Fails with every name found when surface is not one of them. */
static const struct rv_name *expect_name(const struct doc *d, const char *surface)
{
	const struct rv_name *nm = name_at(d, surface, 0);
	if (!nm) {
		char *got = hold(all_names(d));
		fail_msg("'%s': want the name '%s', got %s", d->a.body, surface, got);
	}
	return nm;
}

/* The names that overlap [s, e). */
static size_t overlapping(const struct doc *d, uint32_t s, uint32_t e)
{
	size_t n = 0;
	for (size_t i = 0; i < d->an.nnames; i++)
		n += d->an.names[i].start < e && d->an.names[i].end > s;
	return n;
}

static void check_name_consistency(const struct doc *d, const struct rv_name *nm, const char *surface)
{
	const struct rv_tokens *tk = &d->an.tok;
	assert_true(nm->tok_first <= nm->tok_last);
	assert_true(nm->tok_last < tk->n);
	assert_int_equal(tk->v[nm->tok_first].start, nm->start);
	/* a name ends with its last word, or just past it with a glued + (Canal+) */
	assert_true(tk->v[nm->tok_last].end == nm->end ||
		    (tk->v[nm->tok_last].end + 1 == nm->end && d->a.body[nm->end - 1] == '+'));
	assert_int_equal(nm->entity, RV_NONE);
	/* the key is the folded surface */
	char want[512];
	rv_fold_word(surface, strlen(surface), want, sizeof want);
	if (strcmp(nm->key, want) != 0)
		fail_msg("'%s': key '%s', want '%s'", surface, nm->key, want);
	if (nm->tok_last > nm->tok_first) {
		assert_true(nm->key_rest > 0);
		assert_int_equal(nm->key[nm->key_rest - 1], ' ');
		assert_int_equal(nm->rest_start, tk->v[nm->tok_first + 1].start);
	} else {
		assert_int_equal(nm->key_rest, 0);
	}
}

/* --- names found, with their exact spans ----------------------------------------- */

struct name_case {
	const char *lang;
	const char *text;
	const char *name;   /* the name, exactly as it must span */
	uint16_t flags;     /* flags it must carry */
	const char *absent; /* a word no name may cover (what was trimmed), or NULL */
};

static const struct name_case name_cases[] = {
	/* a body named after a domain starts at its head word, in lower case */
	{"fr", "Selon les chiffres du ministère de l'Economie, le déficit se creuse encore.", "ministère de l'Economie", 0,
	 NULL},
	{"fr", "Le texte a été adopté mardi par la commission des Finances de l'Assemblée.", "commission des Finances", 0,
	 NULL},
	{"fr", "L'enquête du département américain de la Justice vise la banque.", "département américain de la Justice", 0,
	 NULL},
	{"en", "Weekly Standard editor Bill Kristol said the party would win.", "Bill Kristol", 0, "editor"},
	/* a middle initial and a Jr. with their periods */
	{"en", "Speaker John A. Boehner of Ohio said on Monday that the party could lose.", "John A. Boehner", 0,
	 "Speaker"},
	{"en", "Former Rep. Jesse Jackson Jr. pleaded guilty in a federal courtroom.", "Jesse Jackson Jr.", 0, NULL},
	/* the trap: a company after a role's "de" is still a name */
	{"fr", "Le directeur général de Zorblax a présenté les comptes aux actionnaires.", "Zorblax", 0, NULL},
	/* a nationality that opens a company's name, a + that ends one */
	{"en", "Shares of British Airways fell sharply after the strike was announced in London.", "British Airways", 0, NULL},
	{"fr", "Les abonnés de Canal+ ont reçu un courrier de la chaîne la semaine dernière.", "Canal+", 0, NULL},
	{"fr", "Selon un sondage publié par le Journal du Dimanche, la cote du ministre a baissé.", "Journal du Dimanche", 0,
	 NULL},
	/* people */
	{"fr", "Hier soir, Mustafa Suleyman a présenté les nouveaux produits de la maison.", "Mustafa Suleyman", 0, NULL},
	{"fr", "Le discours de Sam Altman a été très commenté par les observateurs du secteur.", "Sam Altman", 0, NULL},
	{"en", "The keynote given by Sam Altman was widely discussed among the developers present.", "Sam Altman", 0, NULL},
	{"fr", "On se souvient encore du général Charles de Gaulle et de son appel célèbre.", "Charles de Gaulle", 0, NULL},
	{"fr", "Le septennat de Valéry Giscard d'Estaing a transformé la société française.", "Valéry Giscard d'Estaing", 0, NULL},
	{"fr", "Le septennat de Valéry Giscard d" RSQ "Estaing a transformé la société française.",
	 "Valéry Giscard d" RSQ "Estaing", 0, NULL},
	{"fr", "Le régime de Bachar al-Assad est tombé après une offensive éclair des rebelles.", "Bachar al-Assad", 0, NULL},
	{"fr", "Les troupes de Bachar el-Assad ont reculé sur plusieurs fronts ces derniers jours.", "Bachar el-Assad", 0, NULL},
	{"fr", "Les propos de Abdel Fattah al-Sissi ont été relayés par la télévision publique.", "Abdel Fattah al-Sissi", 0, NULL},
	{"fr", "La politique de Jean-Luc Mélenchon divise encore la gauche française aujourd'hui.", "Jean-Luc Mélenchon", 0, NULL},
	{"fr", "Le travail de Vincent van Gogh est exposé dans de nombreux musées du monde.", "Vincent van Gogh", 0, NULL},
	{"fr", "Le travail de Ludwig van Beethoven a inspiré des générations de musiciens du monde entier.", "Ludwig van Beethoven", 0, NULL},
	{"fr", "Le président autrichien Alexander Van der Bellen a été réélu pour un second mandat.", "Alexander Van der Bellen", 0, NULL},
	{"fr", "Les déclarations de Ursula von der Leyen ont été saluées par les dirigeants européens.", "Ursula von der Leyen", 0, NULL},
	{"fr", "La visite de Mohammed ben Salmane a été longuement préparée par les diplomates.", "Mohammed ben Salmane", 0, NULL},
	/* "ben" here is a connector, not the given name Ben */
	{"fr", "Le général Zine el-Abidine ben Ali a quitté le pouvoir après des semaines de manifestations.",
	 "Zine el-Abidine ben Ali", 0, NULL},
	{"fr", "La mort de Oussama ben Laden a été annoncée par les autorités américaines.", "Oussama ben Laden", 0, NULL},
	{"fr", "Les propos de Marine Le Pen ont été vivement critiqués par ses adversaires.", "Marine Le Pen", 0, NULL},
	{"fr", "La visite de Xi Jinping à Paris a été préparée pendant plusieurs mois par les diplomates.", "Xi Jinping", 0, NULL},
	{"en", "The lawyers for Harvey Weinstein appealed the ruling handed down at the first trial.", "Harvey Weinstein", 0, NULL},
	/* institutions and companies */
	{"fr", "Les taux directeurs ont été relevés par la Banque centrale européenne jeudi.", "Banque centrale européenne", 0, NULL},
	{"fr", "La Banque centrale européenne a relevé ses taux directeurs jeudi dernier.", "Banque centrale européenne", 0, "La"},
	{"fr", "Selon la Banque centrale européenne, l'inflation a nettement reculé au cours du dernier trimestre.",
	 "Banque centrale européenne", 0, "Selon"},
	{"fr", "Les chiffres publiés par le Conseil national des centres commerciaux sont bons.",
	 "Conseil national des centres commerciaux", 0, NULL},
	{"fr", "Un porte-parole de l'Union française des industries pétrolières a confirmé la hausse.",
	 "Union française des industries pétrolières", 0, NULL},
	{"fr", "Le rapport de la Cour des comptes pointe les dérives budgétaires du ministère.", "Cour des comptes", 0, NULL},
	{"fr", "La décision du Conseil constitutionnel est attendue pour la fin du mois prochain.", "Conseil constitutionnel", 0, NULL},
	{"fr", "Les épargnants de la Caisse d'épargne ont été informés par courrier ce matin.", "Caisse d'épargne", 0, NULL},
	{"fr", "Le rapport du Fonds monétaire international prévoit un ralentissement de la croissance.",
	 "Fonds monétaire international", 0, NULL},
	{"fr", "Un rapport de la Banque de France publié mardi prévoit une croissance modeste.", "Banque de France", 0, NULL},
	{"fr", "Les chercheurs de l'Université de Strasbourg ont publié une étude remarquée.", "Université de Strasbourg", 0, NULL},
	{"fr", "Les responsables du Parti socialiste se réunissent ce week-end pour en discuter.", "Parti socialiste", 0, NULL},
	{"en", "The agency is part of the Department of Homeland Security in the capital.", "Department of Homeland Security", 0, NULL},
	{"fr", "Les chiffres de Goldman Sachs montrent un ralentissement de la croissance mondiale.", "Goldman Sachs", 0, NULL},
	{"fr", "Le chercheur du CNRS a présenté ses travaux devant une assemblée très attentive.", "CNRS", 0, NULL},
	{"fr", "Les ingénieurs d'OpenAI travaillent sur une nouvelle version de leur modèle.", "OpenAI", 0, "d'"},
	/* "d'" joins a name only after a given name (Giscard d'Estaing) or inside an institution */
	{"fr", "Le chatbot ChatGPT d'OpenAI compte des centaines de millions d'utilisateurs chaque semaine.", "ChatGPT",
	 0, "OpenAI"},
	{"fr", "Le chatbot ChatGPT d'OpenAI compte des centaines de millions d'utilisateurs chaque semaine.", "OpenAI",
	 0, "ChatGPT"},
	{"fr", "Les analystes de xAI ont présenté leur modèle lors d'une conférence très suivie.", "xAI", 0, NULL},
	{"fr", "Le porte-parole de l'Agence France-Presse a confirmé l'information dans la soirée.", "Agence France-Presse", 0, NULL},
	/* products */
	{"fr", "Les vidéos générées avec Sora 2 inondent les réseaux sociaux depuis son lancement.", "Sora 2", 0, NULL},
	{"fr", "L'entreprise a lancé Windows 11 en grande pompe devant des centaines de journalistes.", "Windows 11", 0, NULL},
	{"fr", "L'entreprise a vendu 3 millions de Pixel 8 au cours des trois derniers mois écoulés.", "Pixel 8", 0, NULL},
	{"fr", "Les modèles Llama 3 sont disponibles gratuitement pour les chercheurs et les entreprises.", "Llama 3", 0, NULL},
	{"fr", "Le modèle GPT-4 reste une référence pour de nombreux développeurs aujourd'hui.", "GPT-4", 0, NULL},
	{"fr", "Les ventes de l'iPhone ont reculé au cours du dernier trimestre écoulé.", "iPhone", 0, NULL},
	{"fr", "Les utilisateurs de ChatGPT sont de plus en plus nombreux dans les entreprises.", "ChatGPT", 0, NULL},
	/* a number after a name is a quantity when a count word follows */
	{"fr", "Le groupe a écoulé Pixel 8 millions de fois, selon une source interne très bien informée.", "Pixel", 0, "8"},
	{"fr", "Il a testé Sora 2 millions de fois avant de donner son avis sur le sujet.", "Sora", 0, "2"},
	/* trimming: sentence openers, titles, roles, an agency before a given name */
	{"fr", "Selon Microsoft, les ventes de licences ont nettement progressé cette année.", "Microsoft", 0, "Selon"},
	{"fr", "Depuis Google, la riposte s'organise contre les nouvelles règles européennes.", "Google", 0, "Depuis"},
	{"fr", "Pour sa part, M. Macron a répondu longuement aux questions des journalistes.", "Macron", RV_NAME_TITLED, "M."},
	{"fr", "La décision de Mme Lagarde a surpris les marchés financiers ce matin.", "Lagarde", RV_NAME_TITLED, "Mme"},
	{"fr", "Le président Emmanuel Macron a reçu les syndicats dans la matinée.", "Emmanuel Macron", RV_NAME_TITLED, "président"},
	{"en", "The report was written by Dr. Anthony Fauci and his colleagues at the institute.", "Anthony Fauci",
	 RV_NAME_TITLED, "Dr"},
	{"en", "The meeting was chaired by Mr Smith, who had arrived earlier than the others.", "Smith", RV_NAME_TITLED, "Mr"},
	{"en", "The former Republican House Speaker Newt Gingrich was there yesterday evening with friends.",
	 "Newt Gingrich", 0, "Speaker"},
	{"en", "The reaction of RNC Chair Reince Priebus was immediate and very critical of the plan.", "Reince Priebus", 0, "Chair"},
	{"fr", "Une photographie prise par le photographe de l'AFP Thomas Miralles circule beaucoup.", "Thomas Miralles", 0, "AFP"},
	{"fr", "AFP Thomas Miralles", "Thomas Miralles", 0, "AFP"},
	{"fr", "Interrogée par les journalistes de RTL Laurent Berger a refusé de commenter la décision.", "Laurent Berger", 0, "RTL"},
	/* flags */
	{"fr", "Cette année encore, Microsoft a publié des résultats supérieurs aux attentes des analystes.", "Microsoft",
	 RV_NAME_PLAIN, NULL},
	{"fr", "Le projet a été présenté par Jean Dupont devant les élus de la commission des finances.", "Jean Dupont", 0, NULL},
	{"fr", "« Nous avons gagné », a déclaré Jean Dupont devant les élus de la commission des finances.", "Jean Dupont",
	 RV_NAME_SPEAKS, NULL},
	{"fr", "Jean Dupont a déclaré que la commission des finances examinerait le texte mardi prochain.", "Jean Dupont",
	 RV_NAME_SPEAKS | RV_NAME_SENT_INITIAL, NULL},
	{"en", "The new budget will be cut sharply next year, said John Smith at the press conference.", "John Smith",
	 RV_NAME_SPEAKS, NULL},
	{"fr", "Il a répondu : Microsoft ne commente jamais les rumeurs sur ses futurs produits.", "Microsoft",
	 RV_NAME_SENT_INITIAL, NULL},
	{"fr", "Abandonner Windows serait une erreur, selon lui. Il ne faut pas abandonner les clients fidèles.",
	 "Abandonner Windows", RV_NAME_SENT_INITIAL | RV_NAME_LOWER_SEEN, NULL},
};

static void test_name(void **state)
{
	const struct name_case *c = *state;
	analyse(c->lang, c->text, &D);
	const struct rv_name *nm = expect_name(&D, c->name);
	check_name_consistency(&D, nm, c->name);
	if ((nm->flags & c->flags) != c->flags)
		fail_msg("'%s': flags %#x, want at least %#x", c->name, nm->flags, c->flags);
	/* nothing else claims any part of it */
	if (overlapping(&D, nm->start, nm->end) != 1) {
		char *got = hold(all_names(&D));
		fail_msg("'%s': several names overlap it: %s", c->name, got);
	}
	if (c->absent) { /* the name itself does not reach over `absent` */
		uint32_t s = offset_of(&D, c->absent, 0);
		if (s < nm->end && s + (uint32_t)strlen(c->absent) > nm->start) {
			char *got = hold(all_names(&D));
			fail_msg("'%s' must be trimmed off: got %s", c->absent, got);
		}
	}
	done(&D);
}

/* --- no name at all -------------------------------------------------------------- */

struct none_case {
	const char *lang;
	const char *text;
	const char *word; /* no name may cover it; NULL: no name at all in the text */
};

static const struct none_case none_cases[] = {
	/* adjectives of nationality and "-based" before a common noun, a weekday after a verb */
	{"en", "Analysts expect South Korean banks to merge within two years, they said.", "Korean"},
	{"en", "The caravan of Central American migrants reached the border in the night.", "American"},
	{"en", "Several UK-based firms have already left the market, according to the survey.", "UK-based"},
	{"en", "Officials were asked Wednesday about the plan. Asked Wednesday, the minister declined.", "Wednesday"},
	{"fr", "Pourtant, les chiffres sont restés stables pendant toute cette période.", NULL},
	/* a domain after a role names no one; a plural of capitals is a common noun */
	{"fr", "La ministre de la Culture a reçu les syndicats du secteur hier soir.", "Culture"},
	{"fr", "Le président de la République a reçu les syndicats hier soir au palais.", "République"},
	{"en", "Several MPs voted against the bill on its third reading last night.", "MPs"},
	/* a second domain joined to the first, an adjective between role and domain */
	{"fr", "Le ministre de l'Action et des Comptes publics a présenté le budget.", "Action"},
	{"fr", "Le ministre de l'Action et des Comptes publics a présenté le budget.", "Comptes"},
	{"fr", "Selon la ministre suédoise de la Justice, la lettre est directe.", "Justice"},
	/* nouns capitalised by habit, French manner adverbs */
	{"fr", "Le site Internet de l'ambassade a été piraté dans la nuit de mardi.", "Internet"},
	{"fr", "Elle a rendu grâce à Dieu devant les caméras de télévision.", "Dieu"},
	{"fr", "Il est parti tôt. Politiquement, le président sort affaibli de la crise.", "Politiquement"},
	{"fr", "Il est parti tôt. Evidemment, personne ne l'a vu sortir ce soir-là.", "Evidemment"},
	/* an initial that ends a sentence joins no name to the next one */
	{"en", "They chose Plan B. Then they left the building in silence.", "Then"},
	/* common nouns in capitals, quantities glued to their unit */
	{"en", "A disc will hold 50GB of data, while the rival format will hold 30GB.", "50GB"},
	{"fr", "Les ventes de DVD ont encore reculé en décembre selon les éditeurs.", "DVD"},
	{"fr", "Il présentait le journal de 20h00 depuis vingt et un ans sur la chaîne.", "20h00"},
	{"en", "The film was shot in 3D and will be shown in cinemas next week.", "3D"},
	{"fr", "Mais la situation reste tendue dans plusieurs quartiers de la ville.", NULL},
	{"fr", "Depuis plusieurs semaines, les négociations piétinent entre les deux camps.", NULL},
	{"fr", "Ensuite, les participants ont été invités à voter à main levée.", NULL},
	{"fr", "Les usages de l'IA se multiplient dans les entreprises depuis deux ans.", NULL},
	{"fr", "Le PDG du groupe a annoncé sa démission devant les salariés réunis.", NULL},
	{"fr", "La hausse de la TVA pèsera sur le pouvoir d'achat des ménages modestes.", NULL},
	{"en", "I'm not sure that this is going to work out, he said quietly.", NULL},
	{"en", "Then I went home and waited for the results to come in.", NULL},
	{"en", "The plan was approved in March by the whole committee of the town.", NULL},
	{"en", "The vote is scheduled on Monday at noon in the main hall of the building.", NULL},
	{"fr", "Les résultats seront publiés en Janvier prochain selon le calendrier prévu.", NULL},
	{"fr", "Le défilé du 14 Juillet a attiré moins de spectateurs que prévu cette année.", NULL},
	{"fr", "Ces mesures inquiètent les Américains depuis plusieurs semaines déjà.", NULL},
	{"fr", "Les Européens ont longtemps hésité avant de prendre une décision commune.", NULL},
	{"fr", "Les Français consomment de moins en moins de viande rouge depuis dix ans.", NULL},
	{"en", "The Republicans have blocked the bill for the third time in a row.", NULL},
	{"fr", "Il a choisi le plan B pour la suite des opérations.", NULL},
	{"fr", "Le projet A a été retenu par le comité de sélection cette année.", NULL},
	{"fr", "La Covid-19 a profondément bouleversé les habitudes de travail des salariés.", NULL},
	{"en", "Sen. Ted Cruz (R-Texas) voted against the measure on the floor.", "R-Texas"},
	{"fr", "Il a pourtant répondu sans détour aux questions des parlementaires.", NULL},
};

static void test_none(void **state)
{
	const struct none_case *c = *state;
	analyse(c->lang, c->text, &D);
	size_t n = c->word ? overlapping(&D, offset_of(&D, c->word, 0), offset_of(&D, c->word, 0) + (uint32_t)strlen(c->word))
			   : D.an.nnames;
	if (n) {
		char *got = hold(all_names(&D));
		fail_msg("'%s': want no name%s%s, got %s", c->text, c->word ? " over " : "", c->word ? c->word : "", got);
	}
	done(&D);
}

/* --- votes: the local evidence of a type ----------------------------------------- */

struct vote_case {
	const char *lang;
	const char *text;
	const char *name;
	enum rv_etype type; /* must get the most votes, strictly */
};

static const struct vote_case vote_cases[] = {
	/* a cue word with an adjective between it and the name */
	{"fr", "Sur l'iPhone, l'assistant vocal Siri répondra bientôt aux questions.", "Siri", RV_ET_PRODUCT},
	{"fr", "Le partenariat avec la start-up française Mistral a surpris le secteur.", "Mistral", RV_ET_ORG},
	{"en", "The deal gives the search giant Google a new source of data.", "Google", RV_ET_ORG},
	/* a given name before an organisation's own name: a surname */
	{"en", "The former mayor Michael Bloomberg endorsed the candidate on Wednesday.", "Michael Bloomberg",
	 RV_ET_PERSON},
	/* a format or a disc is a made thing */
	{"en", "The next-generation DVD format Zorblu is winning more supporters.", "Zorblu", RV_ET_PRODUCT},
	/* a dotted abbreviation keeps its last period; a town of the place list */
	{"en", "The U.S. economy grew faster than expected in the last quarter.", "U.S.", RV_ET_PLACE},
	{"en", "She moved to Washington, D.C. in the spring with her two children.", "D.C.", RV_ET_PLACE},
	{"fr", "Les juges de la cour d'appel d'Agen protestent contre les pressions.", "Agen", RV_ET_PLACE},
	{"fr", "La reconstruction du pont de Gênes commencera au printemps prochain.", "Gênes", RV_ET_PLACE},
	/* people: a title, a role, a given name, a reporting verb */
	{"fr", "Pour sa part, M. Dupont a répondu longuement aux questions des journalistes.", "Dupont", RV_ET_PERSON},
	{"fr", "La décision de Mme Lagarde a surpris les marchés financiers ce matin.", "Lagarde", RV_ET_PERSON},
	{"en", "The report was written by Dr. Anthony Fauci and his colleagues at the institute.", "Anthony Fauci",
	 RV_ET_PERSON},
	{"fr", "Le ministre Bruno Le Maire a présenté le budget aux députés de la majorité.", "Bruno Le Maire", RV_ET_PERSON},
	{"fr", "Le projet a été présenté par Jean Dupont devant les élus de la commission.", "Jean Dupont", RV_ET_PERSON},
	{"fr", "La politique de Jean-Luc Mélenchon divise encore la gauche française aujourd'hui.", "Jean-Luc Mélenchon",
	 RV_ET_PERSON},
	{"fr", "« Nous avons gagné », a déclaré M. Kowalczyk devant les élus de la commission.", "Kowalczyk", RV_ET_PERSON},
	{"fr", "Kowalczyk, porte-parole du collectif, a refusé de répondre aux questions.", "Kowalczyk", RV_ET_PERSON},
	/* organisations: a cue before, a role's "de", an organisation word inside */
	{"fr", "Il est salarié de la société Mistral depuis plusieurs années maintenant.", "Mistral", RV_ET_ORG},
	{"fr", "Il est salarié chez Mistral depuis plusieurs années maintenant.", "Mistral", RV_ET_ORG},
	{"fr", "Elle a rejoint la start-up Zorblax au début de l'année dernière.", "Zorblax", RV_ET_ORG},
	{"en", "She joined the company Zorblax at the beginning of last year.", "Zorblax", RV_ET_ORG},
	{"en", "He has worked at Zorblax for more than ten years now.", "Zorblax", RV_ET_ORG},
	{"fr", "Le directeur général de Zorblax a présenté les comptes aux actionnaires.", "Zorblax", RV_ET_ORG},
	{"fr", "Un rapport de la Banque de France publié mardi prévoit une croissance modeste.", "Banque de France", RV_ET_ORG},
	{"fr", "Les chercheurs de l'Université de Strasbourg ont publié une étude remarquée.", "Université de Strasbourg",
	 RV_ET_ORG},
	{"en", "The agency is part of the Department of Homeland Security in the capital.", "Department of Homeland Security",
	 RV_ET_ORG},
	{"fr", "Le chercheur du CNRS a présenté ses travaux devant une assemblée très attentive.", "CNRS", RV_ET_ORG},
	{"fr", "Les journalistes de Zorblax News ont enquêté pendant des mois sur cette affaire.", "Zorblax News", RV_ET_ORG},
	/* products: a cue, a maker, a launch, a number */
	{"fr", "Les utilisateurs aiment le chatbot Claude depuis sa sortie récente.", "Claude", RV_ET_PRODUCT},
	{"fr", "Les lycéens utilisent le chatbot Zorblax pour faire leurs devoirs.", "Zorblax", RV_ET_PRODUCT},
	{"en", "Teenagers love the app Zorblax and spend hours on it every day.", "Zorblax", RV_ET_PRODUCT},
	{"fr", "Le concepteur de Zorblax a levé des fonds auprès de plusieurs investisseurs.", "Zorblax", RV_ET_PRODUCT},
	{"fr", "L'entreprise a lancé Windows 11 en grande pompe devant des centaines de journalistes.", "Windows 11",
	 RV_ET_PRODUCT},
	{"fr", "Le modèle GPT-4 reste une référence pour de nombreux développeurs aujourd'hui.", "GPT-4", RV_ET_PRODUCT},
	{"fr", "Les vidéos générées avec Sora 2 inondent les réseaux sociaux depuis son lancement.", "Sora 2",
	 RV_ET_PRODUCT},
	/* an example after a cue noun: "ses outils, comme X", "apps such as X",
	 * "des entreprises, dont X" */
	{"fr", "Microsoft vend ses propres outils, comme Zorblax, à des milliers d'écoles.", "Zorblax", RV_ET_PRODUCT},
	{"en", "The firm sells several apps such as Zorblax to schools across the country.", "Zorblax", RV_ET_PRODUCT},
	{"fr", "Plusieurs entreprises, dont Zorblax, ont signé l'accord cette semaine à Lyon.", "Zorblax", RV_ET_ORG},
	{"en", "Big companies like Zorblax have hired lobbyists in the capital this year.", "Zorblax", RV_ET_ORG},
	/* a cue that is both kinds: "de X" after it makes a thing of X */
	{"fr", "Les élèves adorent Zorblax, le service d'IA de Microsoft, depuis son lancement.", "Zorblax",
	 RV_ET_PRODUCT},
	{"fr", "Il a contacté Zorblax, le service public de l'emploi, pour trouver un stage.", "Zorblax", RV_ET_ORG},
	/* only a body is founded */
	{"fr", "Microsoft teste les modèles de Zorblax (fondé par Jean Dupont) depuis un mois.", "Zorblax", RV_ET_ORG},
	{"en", "Teachers praise Zorblax, founded by two engineers, for its patience.", "Zorblax", RV_ET_ORG},
	/* English puts the cue after the name */
	{"en", "Teachers praise the Zorblax app for its clear and patient explanations.", "Zorblax", RV_ET_PRODUCT},
	/* an acronym after a title or a role is the role's party or firm */
	{"fr", "Le député LREM de l'Eure a porté plainte vendredi soir à Evreux.", "LREM", RV_ET_ORG},
	{"fr", "Le maire UDI de la commune a démissionné jeudi après le vote du budget.", "UDI", RV_ET_ORG},
	/* the trap: a surname after a title is a person's */
	{"fr", "Le député Dupont a porté plainte vendredi soir à Evreux.", "Dupont", RV_ET_PERSON},
	/* an organisation word with only a number names a thing */
	{"fr", "Les abonnements à Office 365 ont fortement augmenté l'an dernier en Europe.", "Office 365",
	 RV_ET_PRODUCT},
	{"fr", "Les comptes de Bureau Zorblax ont été publiés mardi dernier par la direction.", "Bureau Zorblax",
	 RV_ET_ORG},
	/* places: a lexicon, "en", "in" */
	{"fr", "Il vit en France depuis une dizaine d'années avec sa famille.", "France", RV_ET_PLACE},
	{"fr", "Il vit en Bretagne depuis une dizaine d'années avec sa famille.", "Bretagne", RV_ET_PLACE},
	{"fr", "Il vit en Gaulerie depuis une dizaine d'années avec sa famille.", "Gaulerie", RV_ET_PLACE},
	{"en", "He has lived in Zorbland for a decade with his whole family.", "Zorbland", RV_ET_PLACE},
	{"fr", "Les manifestants se sont rassemblés à Marseille samedi après-midi.", "Marseille", RV_ET_PLACE},
};

static void test_votes(void **state)
{
	const struct vote_case *c = *state;
	analyse(c->lang, c->text, &D);
	const struct rv_name *nm = expect_name(&D, c->name);
	int32_t v[RV_NAME_TYPES];
	for (int t = 0; t < RV_NAME_TYPES; t++)
		v[t] = nm->votes[t];
	rv_name_shape_votes(nm->flags, v); /* as the index counts them, for one mention */
	for (int t = 0; t < RV_NAME_TYPES; t++)
		if (t != (int)c->type && v[t] >= v[c->type]) {
			char *got = hold(all_names(&D));
			fail_msg("'%s': want %s to win, got %s", c->name, rv_etype_name(c->type), got);
		}
	assert_true(v[c->type] > 0);
	done(&D);
}

/* Contexts that must not vote for a type: the trap beside each rule. */
static const struct vote_case novote_cases[] = {
	/* "comme" with no cue noun before it says nothing */
	{"fr", "Elle travaille comme Zorblax le faisait avant elle, sans relâche.", "Zorblax", RV_ET_PRODUCT},
	{"en", "He walks like Zorblax did when he was young and careless.", "Zorblax", RV_ET_ORG},
	/* a cue noun too far back */
	{"fr", "Les outils coûtent cher, et les écoles préfèrent comme Zorblax payer moins.", "Zorblax", RV_ET_PRODUCT},
	/* a cue after the name without a determiner is a maker's; a two-sided
	 * cue after it says nothing */
	{"en", "Many schools said Zorblax apps were too expensive for them.", "Zorblax", RV_ET_PRODUCT},
	{"en", "Teachers praise the Zorblax service for its clear explanations.", "Zorblax", RV_ET_PRODUCT},
	/* "de" before a place after a two-sided cue: still no product */
	{"fr", "Il a contacté Zorblax, le service de Paris, pour trouver un stage.", "Zorblax", RV_ET_PRODUCT},
};

static void test_no_vote(void **state)
{
	const struct vote_case *c = *state;
	analyse(c->lang, c->text, &D);
	const struct rv_name *nm = expect_name(&D, c->name);
	if (nm->votes[c->type] != 0) {
		char *got = hold(all_names(&D));
		fail_msg("'%s': want no %s vote, got %s", c->name, rv_etype_name(c->type), got);
	}
	done(&D);
}

/* --- headlines ------------------------------------------------------------------ */

static void test_headline_flag(void **state)
{
	(void)state;
	analyse("en",
		"Trump Sends Investigators to Hawaii After Fires\n\n"
		"The president said on Monday that he would send a team of investigators to the island of Maui.\n",
		&D);
	size_t in_title = 0;
	uint32_t title_end = (uint32_t)(strchr(D.a.body, '\n') - D.a.body);
	for (size_t i = 0; i < D.an.nnames; i++) {
		const struct rv_name *nm = &D.an.names[i];
		if (nm->end <= title_end) {
			in_title++;
			assert_true(nm->flags & RV_NAME_HEADLINE);
			assert_true(nm->flags & RV_NAME_SENT_INITIAL);
		} else {
			assert_false(nm->flags & RV_NAME_HEADLINE);
		}
	}
	assert_true(in_title >= 1);
	const struct rv_name *maui = expect_name(&D, "Maui");
	assert_false(maui->flags & RV_NAME_HEADLINE);
	done(&D);
}

static void test_headline_french(void **state)
{
	(void)state;
	analyse("fr",
		"Emmanuel Macron Reçoit Les Syndicats Avant La Réforme\n"
		"Le président a reçu mardi les représentants des syndicats pour évoquer la réforme des retraites.\n",
		&D);
	const struct rv_name *nm = NULL;
	for (size_t i = 0; i < D.an.nnames; i++)
		if (D.an.names[i].start == 0)
			nm = &D.an.names[i];
	assert_non_null(nm);
	assert_true(nm->flags & RV_NAME_HEADLINE);
	done(&D);
}

/* An ordinary sentence, even with two names, is no headline. */
static void test_no_headline_in_prose(void **state)
{
	(void)state;
	analyse("fr",
		"Le ministre Bruno Le Maire a longuement répondu aux questions des députés sur le budget de "
		"l'année prochaine, avant de rejoindre Emmanuel Macron à Matignon.",
		&D);
	assert_true(D.an.nnames >= 2);
	for (size_t i = 0; i < D.an.nnames; i++)
		assert_false(D.an.names[i].flags & RV_NAME_HEADLINE);
	done(&D);
}

/* --- the article as a whole ------------------------------------------------------ */

/* Names come in text order, do not overlap, and lie inside the body. */
static void test_names_in_order(void **state)
{
	(void)state;
	analyse("fr",
		"Le patron de l'IA chez Microsoft, Mustafa Suleyman, a rencontré Sam Altman à Paris.\n"
		"Les économistes de la Banque centrale européenne notent que l'inflation a reculé en France et en Allemagne.\n"
		"Le modèle GPT-4 et l'outil Sora 2 ont été présentés à la presse par M. Dupont.\n",
		&D);
	static const char *const want[] = {"Microsoft", "Mustafa Suleyman", "Sam Altman", "Paris",
					   "Banque centrale européenne", "France", "Allemagne", "GPT-4",
					   "Sora 2", "Dupont"};
	char *got = hold(all_names(&D));
	if (D.an.nnames != RV_ARRAY_LEN(want))
		fail_msg("want %zu names, got %zu: %s", RV_ARRAY_LEN(want), D.an.nnames, got);
	for (size_t i = 0; i < D.an.nnames; i++) {
		const struct rv_name *nm = &D.an.names[i];
		size_t len = nm->end - nm->start;
		if (len != strlen(want[i]) || memcmp(D.a.body + nm->start, want[i], len) != 0)
			fail_msg("name %zu: want '%s', got %s", i, want[i], got);
		if (i)
			assert_true(nm->start >= D.an.names[i - 1].end);
		assert_true(nm->end <= D.a.body_len);
	}
	done(&D);
}

static void test_empty_article(void **state)
{
	(void)state;
	analyse("fr", "", &D);
	assert_int_equal(D.an.nnames, 0);
	done(&D);
	analyse("fr", "« » , . ; 12 345 — …", &D);
	assert_int_equal(D.an.nnames, 0);
	done(&D);
}

/* A name word longer than any real name is no name, and a name stops at
 * MAX_NAME_BYTES: a run of letters does not become a key of a megabyte. */
static void test_long_words(void **state)
{
	(void)state;
	size_t n = 5000;
	char *text = hold(malloc(n + 64));
	assert_non_null(text);
	strcpy(text, "Le mot ");
	size_t k = strlen(text);
	text[k++] = 'X';
	for (size_t i = 1; i < n; i++)
		text[k++] = 'a';
	strcpy(text + k, " est trop long.");
	analyse("fr", text, &D);
	for (size_t i = 0; i < D.an.nnames; i++)
		assert_true(D.an.names[i].end - D.an.names[i].start <= 160);
	assert_int_equal(D.an.nnames, 0);
}

/* --- 20,000 capitalised words in one line ---------------------------------------- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *caps_line(size_t words)
{
	static const char *const w[] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"};
	struct rv_buf b = {0};
	for (size_t i = 0; i < words; i++) {
		if (i)
			rv_buf_addc(&b, ' ');
		rv_buf_adds(&b, w[i % RV_ARRAY_LEN(w)]);
	}
	return rv_buf_steal(&b);
}

/* What the child finds wrong with the names of the line, 0 if nothing. */
static int caps_problem(const struct doc *d)
{
	if (!d->an.nnames)
		return 1;
	for (size_t i = 0; i < d->an.nnames; i++) {
		const struct rv_name *nm = &d->an.names[i];
		if (nm->tok_last - nm->tok_first + 1 > 8) /* MAX_NAME_TOKENS */
			return 2;
		if (nm->end - nm->start > 160 || strlen(nm->key) > 160) /* MAX_NAME_BYTES */
			return 3;
		if (!(nm->flags & RV_NAME_HEADLINE)) /* title case says nothing */
			return 4;
	}
	return 0;
}

/* Analyses a line of `words` capitalised words in a child with an alarm (a
 * quadratic finder fails instead of hanging the suite); returns the
 * seconds the analysis took, measured in the child. */
static double run_caps(size_t words)
{
	char *line = hold(caps_line(words));
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		alarm(30);
		struct doc c;
		double t0 = now();
		analyse("en", line, &c); /* loading and tokenizing are linear: test_token checks */
		double r[2] = {now() - t0, (double)caps_problem(&c)};
		ssize_t w = write(fd[1], r, sizeof r);
		_exit(w == (ssize_t)sizeof r ? 0 : 1);
	}
	close(fd[1]);
	double r[2] = {0, 0};
	ssize_t got = read(fd[0], r, sizeof r);
	close(fd[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	release(line);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		fail_msg("%zu capitalised words: no result within 30 s", words);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(got, (ssize_t)sizeof r);
	static const char *const problems[] = {"", "no name at all", "a name over MAX_NAME_TOKENS",
					       "a name over MAX_NAME_BYTES", "a name without the headline flag"};
	if (r[1] != 0)
		fail_msg("%zu capitalised words: %s", words, problems[(int)r[1]]);
	return r[0];
}

/* Every name of the line is capped and flagged, and the finder is linear:
 * eight times the words, about eight times the time (a quadratic one takes
 * sixty-four). */
static void test_caps_line(void **state)
{
	(void)state;
	double small = run_caps(2500), big = run_caps(20000);
	print_message("capitalised words: 2,500 in %.3f s, 20,000 in %.3f s\n", small, big);
	if (big > 20 * small + 0.05)
		fail_msg("20,000 capitalised words took %.3f s, 2,500 took %.3f s: worse than linear", big, small);
}

int main(void)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(name_cases); i++)
		add_test(name_cases[i].name, name_cases[i].text, test_name, &name_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(none_cases); i++)
		add_test("none", none_cases[i].text, test_none, &none_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(vote_cases); i++) {
		char label[64];
		snprintf(label, sizeof label, "%s is %s", vote_cases[i].name, rv_etype_name(vote_cases[i].type));
		add_test("votes", label, test_votes, &vote_cases[i]);
	}
	for (size_t i = 0; i < RV_ARRAY_LEN(novote_cases); i++) {
		char label[64];
		snprintf(label, sizeof label, "%s not %s", novote_cases[i].name, rv_etype_name(novote_cases[i].type));
		add_test("no vote", label, test_no_vote, &novote_cases[i]);
	}
	add_test("test", "headline_flag", test_headline_flag, NULL);
	add_test("test", "headline_french", test_headline_french, NULL);
	add_test("test", "no_headline_in_prose", test_no_headline_in_prose, NULL);
	add_test("test", "names_in_order", test_names_in_order, NULL);
	add_test("test", "empty_article", test_empty_article, NULL);
	add_test("test", "long_words", test_long_words, NULL);
	add_test("test", "caps_line", test_caps_line, NULL);
	int rc = _cmocka_run_group_tests("test_entity", tests, ntests, NULL, NULL);
	for (size_t i = 0; i < ntests; i++)
		free(names[i]);
	free(names);
	free(tests);
	return rc;
}
