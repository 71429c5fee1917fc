/* Names in one article, and the local evidence of what each one is.
 *
 * A name is a run of capitalised words (or CamelCase, acronyms, words with
 * digits: OpenAI, GPT-4, CNRS), joined by connectors (van, von, al, de after
 * a first name or inside an institution's name) and by a short number after
 * a product-like word (Sora 2). Words that open sentences in capitals and
 * are no names (Le, Selon, Depuis, Monday) are trimmed; titles (M., Mme, Dr)
 * are trimmed and counted as evidence. Evidence is a vote per type, from the
 * words around the name; index.c adds the votes of every mention of a name
 * over the whole corpus before it decides.
 */
#include "revue/analysis.h"

#include "revue/lexicon.h"
#include "revue/strmap.h"
#include "revue/text.h"
#include "revue/util.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <strings.h>

#define MAX_NAME_TOKENS 8

const char *rv_etype_name(enum rv_etype t)
{
	static const char *const names[] = {"person", "org", "product", "place", "money", "percent"};
	return (unsigned)t < RV_ET_COUNT ? names[t] : "unknown";
}

size_t rv_fold_word(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0, i = 0;
	while (i < n && k + 32 < cap) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : (c == '`' ? '\'' : c));
			i++;
			continue;
		}
		unsigned cp;
		size_t l = rv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!l) {
			i++;
			continue;
		}
		k += rv_text_fold_cp(cp, out + k);
		i += l;
	}
	out[k] = '\0';
	return k;
}


/* Only blanks between two tokens: no line end, no punctuation. */
static bool adjacent(const struct rv_article *a, const struct rv_token *x, const struct rv_token *y)
{
	if (x->sentence != y->sentence)
		return false;
	for (uint32_t i = x->end; i < y->start; i++) {
		char c = a->body[i];
		if (c == '\n')
			return false;
		if (c != ' ' && c != '\t' && (unsigned char)c < 0x80)
			return false;
	}
	return y->start - x->end <= 8; /* blanks, NBSP or thin spaces only */
}

static bool has_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n > k && !strncasecmp(s, p, k);
}

/* A word that can be, or start, a name. */
#define MAX_NAME_WORD 64   /* bytes: "Hohenzollern-Sigmaringen" fits, a 5 MB run of letters does not */
#define MAX_NAME_BYTES 160 /* a whole name */

static bool name_word(const struct rv_article *a, const struct rv_token *t)
{
	if (!(t->flags & RV_TOK_WORD) || (t->flags & RV_TOK_ELISION) || t->end - t->start > MAX_NAME_WORD)
		return false;
	if (t->flags & (RV_TOK_CAP | RV_TOK_CAMEL))
		return true;
	/* al-Assad, el-Sissi, bin-Salman */
	const char *s = a->body + t->start;
	size_t n = t->end - t->start;
	if (n < 4 || (s[2] != '-' && s[3] != '-'))
		return false;
	static const char *const prefixes[] = {"al-", "el-", "bin-", "ben-", "ibn-", "ad-", "as-"};
	for (size_t i = 0; i < RV_ARRAY_LEN(prefixes); i++) {
		size_t k = strlen(prefixes[i]);
		if (has_prefix_ci(s, n, prefixes[i]) && s[k] >= 'A' && s[k] <= 'Z')
			return true;
	}
	return false;
}

static bool is_punct(const struct rv_article *a, const struct rv_token *t, char c)
{
	return (t->flags & RV_TOK_PUNCT) && t->end - t->start == 1 && a->body[t->start] == c;
}

static bool pure_number(const struct rv_token *t)
{
	return (t->flags & RV_TOK_DIGIT) && !(t->flags & RV_TOK_ALPHA);
}

/* tk->v[j] is the period of an initial: a single capital letter glued
 * before it, inside a name ("John A. Boehner"). */
static bool initial_dot(const struct rv_article *a, const struct rv_tokens *tk, size_t j)
{
	if (j == 0 || !is_punct(a, &tk->v[j], '.'))
		return false;
	const struct rv_token *l = &tk->v[j - 1];
	return l->end == tk->v[j].start && l->end - l->start == 1 && a->body[l->start] >= 'A' && a->body[l->start] <= 'Z';
}

static const char *const count_words[] = {
	"%", "milliards", "milliard", "millions", "million", "mille", "ans", "an", "euros", "euro",
	"dollars", "dollar", "personnes", "fois", "jours", "mois", "semaines", "heures", "minutes",
	"km", "kilometres", "metres", "m", "kg", "tonnes", "pour", "percent", "years", "year", "per",
	"billion", "billions", "people", "times", "days", "months", "weeks", "hours", "miles",
};

/* "Sora 2", "Windows 11": a short number right after a name word, when what
 * follows does not make it a quantity. */
static bool number_suffix(const struct rv_article *a, const struct rv_tokens *tk, size_t i)
{
	const struct rv_token *t = &tk->v[i];
	if (!pure_number(t) || t->end - t->start > 3 || !adjacent(a, &tk->v[i - 1], t))
		return false;
	if (i + 1 < tk->n && tk->v[i + 1].sentence == t->sentence) {
		const struct rv_token *nx = &tk->v[i + 1];
		if (pure_number(nx))
			return false;
		char buf[RV_FOLD_BUF];
		size_t n = rv_tok_fold(a, nx, buf);
		for (size_t k = 0; k < RV_ARRAY_LEN(count_words); k++)
			if (strlen(count_words[k]) == n && !memcmp(count_words[k], buf, n))
				return false;
	}
	return true;
}

/* Connectors that join name words: van, von, al, bin always; de, du, des, d'
 * only after a first name (Charles de Gaulle) or inside an institution's
 * name (Banque de France, Université de Paris). */
static bool connector(const struct rv_article *a, const struct rv_tokens *tk, size_t first, size_t i)
{
	const struct rv_token *t = &tk->v[i];
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	if (!rv_lex_has(RV_LEX_CONNECTOR, buf, n))
		return false;
	bool de = (n == 2 && !memcmp(buf, "de", 2)) || (n == 2 && !memcmp(buf, "du", 2)) ||
		  (n == 3 && !memcmp(buf, "des", 3)) || (n == 2 && !memcmp(buf, "d'", 2));
	if (!de)
		return !(t->flags & RV_TOK_CAP) || n <= 3; /* "van", "Von", "al" */
	return rv_tok_in(a, &tk->v[i - 1], RV_LEX_FIRST_NAME) || rv_tok_in(a, &tk->v[first], RV_LEX_FIRST_NAME) ||
	       rv_tok_in(a, &tk->v[first], RV_LEX_ORG_WORD);
}

/* French capitalises only the first word of an institution's name: Banque
 * centrale européenne, Conseil national des centres commerciaux, Union
 * française des industries pétrolières. After such a head word the name goes
 * on over adjectives (told by their endings) and "de/du/des/d'" complements,
 * up to a few words; it ends at anything else. */
static const char *const adjective_endings[] = {
	"al", "ale", "aux", "ales", "el", "elle", "els", "elles", "en", "enne", "ens", "ennes", "ain", "aine",
	"ains", "aines", "ais", "aise", "aises", "ique", "iques", "aire", "aires", "ier", "iere", "iers",
	"ieres", "eur", "eure", "eurs", "eures", "iste", "istes", "if", "ive", "ifs", "ives", "ole", "oles",
	"ien", "ienne", "iens", "iennes", "ois", "oise", "oises",
};
static const char *const heads[] = {
	"banque", "conseil", "commission", "federation", "union", "parti", "caisse", "caisses", "credit",
	"societe", "ecole", "observatoire", "groupement", "confederation", "securite", "ministere",
	"assemblee", "cour", "tribunal", "agence", "autorite", "institut", "office", "fondation",
	"association", "syndicat", "mouvement", "front", "rassemblement", "direction", "haute", "haut",
	"centre", "comite", "chambre", "fonds", "universite", "academie", "conference", "alliance",
	"collectif", "compagnie", "organisation", "police", "gendarmerie", "garde", "armee", "marine",
	"assurance", "mutualite", "inspection", "prefecture", "conseil", "bureau", "caisse", "regie",
	"entreprise", "cellule", "brigade", "service", "services", "secretariat", "delegation",
};

static bool has_ending(const char *w, size_t n, const char *const *ends, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t k = strlen(ends[i]);
		if (n > k + 2 && !memcmp(w + n - k, ends[i], k))
			return true;
	}
	return false;
}

static size_t extend_institution(const struct rv_article *a, const struct rv_tokens *tk, size_t first, size_t last)
{
	if (last != first || !rv_tok_among(a, &tk->v[first], heads, RV_ARRAY_LEN(heads)))
		return last;
	size_t j = last + 1, end = last;
	int words = 0;
	while (j < tk->n && words < 6 && adjacent(a, &tk->v[j - 1], &tk->v[j])) {
		const struct rv_token *t = &tk->v[j];
		char buf[RV_FOLD_BUF];
		size_t n = rv_tok_fold(a, t, buf);
		if ((t->flags & RV_TOK_ELISION) && n == 2 && (buf[0] == 'd' || buf[0] == 'l')) { /* d'épargne, de l'Economie */
			j++;
			continue;
		}
		/* "du commerce et de la distribution" */
		if (n == 2 && !memcmp(buf, "et", 2) && j + 1 < tk->n &&
		    rv_tok_among(a, &tk->v[j + 1], (const char *const[]){"de", "du", "des", "d'"}, 4)) {
			j++;
			continue;
		}
		bool de = (n == 2 && (!memcmp(buf, "de", 2) || !memcmp(buf, "du", 2))) || (n == 3 && !memcmp(buf, "des", 3));
		if (de && j + 1 < tk->n) {
			j++;
			if (j < tk->n && rv_token_is(a->body, &tk->v[j], "la", true))
				j++;
			continue;
		}
		if (!(t->flags & RV_TOK_ALPHA) || rv_tok_in(a, t, RV_LEX_STOP) || rv_tok_in(a, t, RV_LEX_SPEECH_VERB))
			break;
		bool after_de = j > 0 && ((tk->v[j - 1].flags & RV_TOK_ELISION) || rv_tok_among(a, &tk->v[j - 1],
			(const char *const[]){"de", "du", "des", "la"}, 4));
		if (!(t->flags & RV_TOK_CAP) && !after_de && !has_ending(buf, n, adjective_endings, RV_ARRAY_LEN(adjective_endings)))
			break;
		end = j;
		words++;
		j++;
	}
	return end;
}

static void vote(struct rv_name *nm, enum rv_etype t, int w)
{
	nm->votes[t] = (int16_t)(nm->votes[t] + w);
}

/* The token before i in the same sentence, skipping elisions (d', l'). */
static long prev_tok(const struct rv_tokens *tk, size_t i)
{
	long j = (long)i - 1;
	while (j >= 0 && (tk->v[j].flags & RV_TOK_ELISION))
		j--;
	if (j < 0 || tk->v[j].sentence != tk->v[i].sentence)
		return -1;
	return j;
}


static const char *const of_words[] = {"de", "du", "des", "d'", "of", "chez", "at", "au", "aux", "for"};
/* "à" and "from" precede companies as often as places; "en" and "in" rarely do */
static const char *const place_preps[] = {"en", "in", "near"};
static const char *const determiners[] = {"le", "la", "les", "l'", "un", "une", "the", "a", "an", "son", "sa", "ses", "leur", "its", "his", "her", "their", "notre", "our", "ce", "cet", "cette"};
/* "<word> de X": X is something made and used */
static const char *const makers[] = {
	"concepteur", "createur", "creatrice", "editeur", "fabricant", "developpeur", "maker", "creator",
	"developer", "publisher", "utilisateurs", "utilisateur", "users", "user", "version", "versions",
	"lancement", "launch", "sortie", "abonnes", "subscribers", "integration", "succes",
};

static const char *const launch_verbs[] = {
	"lance", "lancer", "lancant", "lancement", "utiliser", "utilise", "utilisent", "utilisant",
	"installer", "telecharger", "launched", "launch", "launches", "launching", "unveiled", "released",
	"using", "uses", "use", "download", "downloaded", "via", "sur",
};
/* "des outils comme X", "firms such as X": the cue noun a few words before
 * an example says what the example is */
static const char *const example_words[] = {"comme", "like", "including", "notamment", "que", "as", "dont"};
/* "X (fondé par ...)", "X, founded by ...": only a body is founded */
static const char *const founded_words[] = {"fonde", "fondee", "fondes", "fondees", "cofonde", "cofondee",
					     "co-fonde", "founded", "co-founded", "cofounded"};
static const char *const aux_words[] = {"a", "ont", "avait", "avaient", "has", "have", "had", "is", "was", "will"};

/* A cue word that is both kinds ("service", "plateforme", "site") says
 * product when what follows makes the name something of another name ("le
 * service d'IA de Microsoft", "the platform of Zorblax"), else organisation. */
static enum rv_etype cue_type(const struct rv_article *a, const struct rv_tokens *tk, size_t i)
{
	const struct rv_token *t = &tk->v[i];
	bool org = rv_tok_in(a, t, RV_LEX_ORG_CUE), product = rv_tok_in(a, t, RV_LEX_PRODUCT_CUE);
	if (!org && !product) { /* the lists hold singulars: entreprises, companies */
		char buf[RV_FOLD_BUF];
		size_t n = rv_tok_fold(a, t, buf);
		if (n > 4 && buf[n - 1] == 's') {
			if (!memcmp(buf + n - 3, "ies", 3))
				memcpy(buf + n - 3, "y", 2);
			unsigned m = rv_lex_mask(buf, strlen(buf) - (buf[strlen(buf) - 1] == 's'));
			org = (m >> RV_LEX_ORG_CUE) & 1u;
			product = (m >> RV_LEX_PRODUCT_CUE) & 1u;
		}
	}
	if (!org && !product)
		return RV_ET_COUNT;
	if (!org || !product)
		return org ? RV_ET_ORG : RV_ET_PRODUCT;
	for (size_t k = i + 1; k < tk->n && k <= i + 5 && tk->v[k].sentence == t->sentence; k++) {
		const struct rv_token *w = &tk->v[k];
		bool of = rv_tok_among(a, w, (const char *const[]){"de", "du", "of", "from"}, 4) ||
			  ((w->flags & RV_TOK_ELISION) && (a->body[w->start] | 32) == 'd');
		if (of && k + 1 < tk->n && (tk->v[k + 1].flags & RV_TOK_CAP) && !rv_tok_in(a, &tk->v[k + 1], RV_LEX_PLACE))
			return RV_ET_PRODUCT;
		if (w->flags & RV_TOK_PUNCT)
			break;
	}
	return RV_ET_ORG;
}

/* "ses outils, comme Copilot", "des entreprises telles que Zorblax", "firms
 * such as Zorblax": p is the word before the name; when it introduces an
 * example, the noun a few words back gives the type (RV_ET_COUNT: none). */
static enum rv_etype example_cue(const struct rv_article *a, const struct rv_tokens *tk, long p)
{
	if (!rv_tok_among(a, &tk->v[p], example_words, RV_ARRAY_LEN(example_words)))
		return RV_ET_COUNT;
	if (rv_token_is(a->body, &tk->v[p], "que", true) || rv_token_is(a->body, &tk->v[p], "as", true)) {
		long q = prev_tok(tk, (size_t)p); /* tels que, such as */
		if (q < 0 || !rv_tok_among(a, &tk->v[q], (const char *const[]){"tel", "tels", "telle", "telles", "such"}, 5))
			return RV_ET_COUNT;
		p = q;
	}
	long q = p;
	for (int seen = 0; seen < 4; seen++) {
		q = prev_tok(tk, (size_t)q);
		if (q < 0)
			return RV_ET_COUNT;
		const struct rv_token *t = &tk->v[q];
		if (is_punct(a, t, ','))
			continue;
		if (!(t->flags & RV_TOK_ALPHA) || (t->flags & RV_TOK_CAP))
			return RV_ET_COUNT;
		enum rv_etype ty = cue_type(a, tk, (size_t)q);
		if (ty != RV_ET_COUNT)
			return ty;
	}
	return RV_ET_COUNT;
}

static const char *const legal_forms[] = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "sa", "sas",
					  "sarl", "ag", "gmbh", "nv", "bv", "spa", "holding", "holdings", "limited"};

static void evidence(const struct rv_article *a, const struct rv_tokens *tk, struct rv_name *nm)
{
	size_t first = nm->tok_first, last = nm->tok_last;
	size_t ntok = last - first + 1;
	const struct rv_token *f = &tk->v[first];
	/* inside the name */
	if (ntok >= 2 && rv_tok_in(a, f, RV_LEX_FIRST_NAME))
		vote(nm, RV_ET_PERSON, 4);
	/* "Office 365", "Studio 2": an organisation word with only a number is a
	 * thing's name */
	bool word_and_number = ntok == 2 && pure_number(&tk->v[last]);
	/* "Michael Bloomberg", "Michael J. Fox": after a given name, an
	 * organisation's own name (not a head such as Group, Bank, or a legal
	 * form such as Inc) at the end is a surname */
	bool surname = ntok >= 2 && rv_tok_in(a, f, RV_LEX_FIRST_NAME) && !(tk->v[last].flags & RV_TOK_UPPER) &&
		       !rv_tok_in(a, &tk->v[last], RV_LEX_ORG_CUE) && !rv_tok_among(a, &tk->v[last], legal_forms, RV_ARRAY_LEN(legal_forms));
	for (size_t i = first; i <= last; i++)
		if (rv_tok_in(a, &tk->v[i], RV_LEX_ORG_WORD) && !(i == first && ntok == 1) && !word_and_number &&
		    !(surname && i == last))
			vote(nm, RV_ET_ORG, 4);
	if (ntok == 1 && rv_tok_in(a, f, RV_LEX_ORG_WORD))
		vote(nm, RV_ET_ORG, 2);
	char key[RV_FOLD_BUF];
	if (rv_lex_has(RV_LEX_PLACE, nm->key, strlen(nm->key)))
		vote(nm, RV_ET_PLACE, 5);
	for (size_t i = first; i <= last; i++)
		if (tk->v[i].flags & RV_TOK_DIGIT)
			nm->flags |= RV_NAME_SHAPE_DIGIT;
	if (ntok == 1 && (f->flags & RV_TOK_CAMEL))
		nm->flags |= (f->flags & RV_TOK_CAP) ? RV_NAME_SHAPE_CAMEL : RV_NAME_SHAPE_LCAMEL;
	if (ntok == 1 && (f->flags & RV_TOK_UPPER))
		nm->flags |= RV_NAME_SHAPE_UPPER;
	if (ntok == 1 && rv_tok_in(a, f, RV_LEX_FIRST_NAME))
		vote(nm, RV_ET_PERSON, 1);
	if (ntok >= 2 && (rv_token_is(a->body, f, "The", false) || rv_token_is(a->body, f, "Le", false) ||
			  rv_token_is(a->body, f, "La", false) || rv_token_is(a->body, f, "Les", false)))
		vote(nm, RV_ET_ORG, 3); /* The Information, Le Monde, Les Echos: titles of media */
	/* before the name */
	long p = prev_tok(tk, first);
	if (p >= 0 && is_punct(a, &tk->v[p], '.'))
		p = prev_tok(tk, (size_t)p) >= 0 && rv_tok_in(a, &tk->v[prev_tok(tk, (size_t)p)], RV_LEX_PERSON_TITLE)
			    ? prev_tok(tk, (size_t)p)
			    : p;
	/* "modèles d'OpenAI": the word before the elided "de" is what X makes
	 * or heads, not what X is */
	bool of_elided = first > 0 && (tk->v[first - 1].flags & RV_TOK_ELISION) &&
			 (a->body[tk->v[first - 1].start] == 'd' || a->body[tk->v[first - 1].start] == 'D');
	if (p >= 0 && of_elided) {
		const struct rv_token *q = &tk->v[p];
		if (rv_tok_in(a, q, RV_LEX_ROLE))
			vote(nm, RV_ET_ORG, 3); /* directrice d'OpenAI */
		else if (rv_tok_among(a, q, makers, RV_ARRAY_LEN(makers)))
			vote(nm, RV_ET_PRODUCT, 3); /* utilisateurs d'Android */
		else if (rv_tok_in(a, q, RV_LEX_PRODUCT_CUE))
			vote(nm, RV_ET_ORG, 1); /* les modèles d'OpenAI */
	} else if (p >= 0) {
		const struct rv_token *pt = &tk->v[p];
		bool acronym = ntok == 1 && (f->flags & RV_TOK_UPPER) && !(f->flags & RV_TOK_DIGIT);
		if (acronym && (pt->flags & RV_TOK_WORD) &&
		    (rv_tok_in(a, pt, RV_LEX_PERSON_TITLE) || rv_tok_in(a, pt, RV_LEX_ROLE))) {
			vote(nm, RV_ET_ORG, 3); /* "le député LREM de l'Eure": the role's party or firm */
		} else if (rv_tok_in(a, pt, RV_LEX_PERSON_TITLE) && (pt->flags & RV_TOK_WORD)) {
			vote(nm, RV_ET_PERSON, 5);
			nm->flags |= RV_NAME_TITLED;
		} else if (rv_tok_in(a, pt, RV_LEX_ROLE)) {
			vote(nm, RV_ET_PERSON, 3);
		}
		if (rv_tok_in(a, pt, RV_LEX_ORG_CUE))
			vote(nm, RV_ET_ORG, 3);
		if (rv_tok_in(a, pt, RV_LEX_PRODUCT_CUE))
			vote(nm, RV_ET_PRODUCT, 3);
		/* a cue with an adjective between: l'assistant vocal Siri, la
		 * start-up française Mistral, the search giant Google */
		long pp = prev_tok(tk, (size_t)p);
		if (pp >= 0 && !(pt->flags & (RV_TOK_CAP | RV_TOK_ELISION)) && (pt->flags & RV_TOK_ALPHA) &&
		    !rv_tok_in(a, pt, RV_LEX_STOP) && !rv_tok_in(a, pt, RV_LEX_CONNECTOR) &&
		    !rv_tok_among(a, pt, of_words, RV_ARRAY_LEN(of_words))) {
			/* (not "les modèles d'OpenAI": the name after "de" makes them) */
			if (rv_tok_in(a, &tk->v[pp], RV_LEX_PRODUCT_CUE) && !rv_tok_in(a, pt, RV_LEX_ORG_CUE))
				vote(nm, RV_ET_PRODUCT, 2);
			else if (rv_tok_in(a, &tk->v[pp], RV_LEX_ORG_CUE) && !rv_tok_in(a, pt, RV_LEX_PRODUCT_CUE))
				vote(nm, RV_ET_ORG, 2);
		}
		if (rv_tok_among(a, pt, launch_verbs, RV_ARRAY_LEN(launch_verbs)))
			vote(nm, RV_ET_PRODUCT, 2);
		enum rv_etype ex = example_cue(a, tk, p);
		if (ex != RV_ET_COUNT)
			vote(nm, ex, 2);
		if (rv_tok_among(a, pt, place_preps, RV_ARRAY_LEN(place_preps)))
			vote(nm, RV_ET_PLACE, 1);
		if (rv_tok_among(a, pt, of_words, RV_ARRAY_LEN(of_words)) ||
		    ((pt->flags & RV_TOK_ELISION) && (a->body[pt->start] == 'd' || a->body[pt->start] == 'D'))) {
			long q = prev_tok(tk, (size_t)p);
			if (q < 0 && (pt->flags & RV_TOK_ELISION) && p > 0)
				q = p - 1;
			if (q >= 0 && rv_tok_in(a, &tk->v[q], RV_LEX_ROLE))
				vote(nm, RV_ET_ORG, 3); /* directeur général de X, CEO of X */
			if (q >= 0 && rv_tok_among(a, &tk->v[q], makers, RV_ARRAY_LEN(makers)))
				vote(nm, RV_ET_PRODUCT, 3); /* le concepteur de ChatGPT, users of Windows */
		}
		if (rv_tok_in(a, pt, RV_LEX_SPEECH_VERB))
			nm->flags |= RV_NAME_SPEAKS; /* said X */
	}
	/* "the Zorblax app", "a Zorblax console": English puts the cue after a
	 * name led by a determiner (not "Zorblax apps", a maker's) */
	if (last + 1 < tk->n && tk->v[last + 1].sentence == f->sentence && !strcmp(a->lang, "en") &&
	    p >= 0 && rv_tok_among(a, &tk->v[p], determiners, RV_ARRAY_LEN(determiners)) &&
	    adjacent(a, &tk->v[last], &tk->v[last + 1]) && cue_type(a, tk, last + 1) == RV_ET_PRODUCT &&
	    !rv_tok_in(a, &tk->v[last + 1], RV_LEX_ORG_CUE) && !(tk->v[last + 1].flags & RV_TOK_CAP))
		vote(nm, RV_ET_PRODUCT, 2);
	/* after the name */
	size_t nx = last + 1;
	if (nx < tk->n && tk->v[nx].sentence == f->sentence) {
		const struct rv_token *t = &tk->v[nx];
		if (is_punct(a, t, ',')) {
			/* an apposition: ", responsable de l'IA chez Microsoft", ", son chatbot" */
			size_t i = nx + 1;
			while (i < tk->n && i <= nx + 3 && rv_tok_among(a, &tk->v[i], determiners, RV_ARRAY_LEN(determiners)))
				i++;
			if (i < tk->n && tk->v[i].sentence == f->sentence) {
				enum rv_etype ty = cue_type(a, tk, i);
				if (rv_tok_in(a, &tk->v[i], RV_LEX_ROLE))
					vote(nm, RV_ET_PERSON, 3);
				else if (ty != RV_ET_COUNT)
					vote(nm, ty, 2);
				else if (rv_tok_among(a, &tk->v[i], founded_words, RV_ARRAY_LEN(founded_words)))
					vote(nm, RV_ET_ORG, 3);
			}
		} else if (is_punct(a, t, '(') && nx + 1 < tk->n &&
			   rv_tok_among(a, &tk->v[nx + 1], founded_words, RV_ARRAY_LEN(founded_words))) {
			vote(nm, RV_ET_ORG, 3); /* "xAI (fondé par Elon Musk)" */
		} else {
			size_t v = nx;
			if (rv_tok_among(a, t, aux_words, RV_ARRAY_LEN(aux_words)) && nx + 1 < tk->n)
				v = nx + 1;
			if (rv_tok_in(a, &tk->v[v], RV_LEX_SPEECH_VERB))
				nm->flags |= RV_NAME_SPEAKS; /* no vote: companies and parties speak too */
		}
	}
	(void)key;
}

void rv_name_shape_votes(unsigned flags, int32_t votes[RV_NAME_TYPES])
{
	/* a tie-breaker when the context says little: digits make models and
	 * versions (GPT-4, Windows 11), a lower-case start gadgets (iPhone),
	 * CamelCase and capitals companies and institutions (OpenAI, CNRS) */
	if (flags & RV_NAME_SHAPE_DIGIT)
		votes[RV_ET_PRODUCT] += 2;
	if (flags & RV_NAME_SHAPE_LCAMEL)
		votes[RV_ET_PRODUCT] += 1;
	if (flags & (RV_NAME_SHAPE_CAMEL | RV_NAME_SHAPE_UPPER))
		votes[RV_ET_ORG] += 1;
}

/* The role a name is given where it is written: "le président Nicolas
 * Sarkozy", "le Premier ministre français François Fillon", "Nicolas
 * Sarkozy, président de la République", "X, the company's spokesman". */
static uint32_t name_role(const struct rv_article *a, const struct rv_tokens *tk, size_t first, size_t last)
{
	for (size_t j = first, seen = 0; j-- > 0 && seen < 3; seen++) {
		const struct rv_token *t = &tk->v[j];
		if (t->sentence != tk->v[first].sentence || (t->flags & (RV_TOK_PUNCT | RV_TOK_DIGIT)))
			break;
		uint32_t r = rv_tok_role(a, t);
		if (r)
			return r;
		if ((t->flags & RV_TOK_CAP) && !rv_tok_in(a, t, RV_LEX_NATIONALITY) && !rv_tok_in(a, t, RV_LEX_ROLE))
			break; /* another name */
	}
	size_t i = last + 1;
	if (i < tk->n && is_punct(a, &tk->v[i], ',')) {
		i++;
		for (size_t seen = 0; i < tk->n && seen < 4 && tk->v[i].sentence == tk->v[first].sentence; i++, seen++) {
			uint32_t r = rv_tok_role(a, &tk->v[i]);
			if (r)
				return r;
			if (!rv_tok_among(a, &tk->v[i], determiners, RV_ARRAY_LEN(determiners)) &&
			    !(tk->v[i].flags & RV_TOK_ELISION) && !rv_tok_in(a, &tk->v[i], RV_LEX_NATIONALITY))
				break;
		}
	}
	return 0;
}

static const char *const weekdays[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
				       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* The domains a ministry, a committee or a minister is named after: a
 * closed class, capitalised in French after "de la", "des", "de l'". */
static const char *const domains[] = {
	"culture", "finances", "economie", "interieur", "justice", "defense", "sante", "travail",
	"education", "agriculture", "environnement", "ecologie", "armees", "budget", "logement",
	"transports", "industrie", "commerce", "sports", "recherche", "communication", "famille",
	"emploi", "solidarites", "numerique", "lois", "republique", "cooperation", "immigration",
	"jeunesse", "territoires", "outre-mer", "affaires", "comptes", "fonction", "consommation",
	"action", "securite", "logement", "egalite", "enseignement", "formation", "retraites",
};
/* Heads of bodies named after a domain, written in lower case. */
static const char *const domain_heads[] = {"ministere", "commission", "secretariat", "direction", "delegation",
					   "departement", "department"};

/* "ministre de la Culture", "président de la République": a domain after a
 * role names no one (returns 1); "ministère de l'Economie", "commission des
 * Finances": after a body's head the body's name starts at the head (returns
 * 2, the head's token in *head). 0 otherwise. */
static int domain_name(const struct rv_article *a, const struct rv_tokens *tk, size_t first, size_t last,
		       size_t *head)
{
	if (first != last || first < 2 || !rv_tok_among(a, &tk->v[first], domains, RV_ARRAY_LEN(domains)))
		return 0;
	size_t j = first - 1;
	if (rv_token_is(a->body, &tk->v[j], "la", true) || (tk->v[j].flags & RV_TOK_ELISION && (a->body[tk->v[j].start] | 32) == 'l'))
		j--;
	const struct rv_token *of = &tk->v[j];
	bool de = rv_tok_among(a, of, (const char *const[]){"de", "des", "du"}, 3) ||
		  ((of->flags & RV_TOK_ELISION) && (a->body[of->start] | 32) == 'd');
	if (!de || j == 0 || tk->v[j - 1].sentence != tk->v[first].sentence)
		return 0;
	size_t hi = j - 1;
	const struct rv_token *h = &tk->v[hi];
	if (h->flags & RV_TOK_CAP)
		return 0; /* "Ministère de l'Economie" is found whole */
	/* "ministre de l'Action et des Comptes publics": a second domain
	 * joined to a first one after a role names no one either */
	if (rv_token_is(a->body, h, "et", true) && hi >= 1 && (tk->v[hi - 1].flags & RV_TOK_CAP)) {
		size_t ignored;
		return domain_name(a, tk, hi - 1, hi - 1, &ignored) == 1 ? 1 : 0;
	}
	/* "le département américain de la Justice", "la ministre suédoise de
	 * la Justice": a nationality or an adjective between */
	bool is_head = rv_tok_among(a, h, domain_heads, RV_ARRAY_LEN(domain_heads)) || rv_tok_in(a, h, RV_LEX_ROLE) ||
		       rv_tok_in(a, h, RV_LEX_PERSON_TITLE);
	if (!is_head && hi >= 1 && tk->v[hi - 1].sentence == tk->v[first].sentence && (h->flags & RV_TOK_ALPHA)) {
		char buf[RV_FOLD_BUF];
		size_t n = rv_tok_fold(a, h, buf);
		if (rv_tok_in(a, h, RV_LEX_NATIONALITY) || has_ending(buf, n, adjective_endings, RV_ARRAY_LEN(adjective_endings)) ||
		    rv_tok_among(a, h, (const char *const[]){"federal", "federale", "general", "generale", "adjoint", "adjointe", "delegue", "deleguee"}, 8)) {
			hi--;
			h = &tk->v[hi];
		}
	}
	if (rv_tok_among(a, h, domain_heads, RV_ARRAY_LEN(domain_heads))) {
		*head = hi;
		return 2;
	}
	return rv_tok_in(a, h, RV_LEX_ROLE) || rv_tok_in(a, h, RV_LEX_PERSON_TITLE) ? 1 : 0;
}

static bool ends_with(const struct rv_article *a, const struct rv_token *t, const char *suffix)
{
	size_t n = t->end - t->start, k = strlen(suffix);
	return n > k && !strncasecmp(a->body + t->end - k, suffix, k);
}

static void add_name(const struct rv_article *a, const struct rv_tokens *tk, struct rv_analysis *an, size_t first,
		     size_t last)
{
	char key[MAX_NAME_TOKENS * RV_FOLD_BUF];
	size_t k = 0;
	for (size_t i = first; i <= last; i++) {
		char buf[RV_FOLD_BUF];
		size_t n = rv_tok_fold(a, &tk->v[i], buf);
		if (k && k + 1 < sizeof key && !(tk->v[i - 1].flags & RV_TOK_ELISION) && !is_punct(a, &tk->v[i], '.'))
			key[k++] = ' ';
		if (k + n >= sizeof key)
			break;
		memcpy(key + k, buf, n);
		k += n;
	}
	key[k] = '\0';
	size_t rest = 0;
	if (last > first) {
		const char *sp = memchr(key, ' ', k);
		rest = sp ? (size_t)(sp - key) + 1 : 0;
	}
	an->names = rv_xgrow(an->names, &an->capnames, an->nnames + 1, sizeof *an->names);
	struct rv_name *nm = &an->names[an->nnames++];
	memset(nm, 0, sizeof *nm);
	nm->start = tk->v[first].start;
	nm->end = tk->v[last].end;
	nm->tok_first = (uint32_t)first;
	nm->tok_last = (uint32_t)last;
	nm->sentence = tk->v[first].sentence;
	nm->key = rv_xstrndup(key, k);
	nm->key_rest = (uint16_t)(rest < 0xFFFF ? rest : 0);
	nm->rest_start = last > first ? tk->v[first + 1].start : nm->start;
	nm->entity = RV_NONE;
	if (first == last && !(tk->v[first].flags & (RV_TOK_UPPER | RV_TOK_CAMEL | RV_TOK_DIGIT)))
		nm->flags |= RV_NAME_PLAIN;
	if (tk->v[first].flags & RV_TOK_SENT)
		nm->flags |= RV_NAME_SENT_INITIAL;
	else if (first > 0 && (tk->v[first - 1].flags & RV_TOK_PUNCT)) {
		/* after an opening quotation mark or a colon, a capital says nothing */
		unsigned cp = rv_token_first_cp(a->body, &tk->v[first - 1]);
		if (cp == 0xAB || cp == 0x201C || cp == '"' || cp == ':' || cp == 0x2014 || cp == 0x2013 ||
		    cp == '(' || cp == 0x201E)
			nm->flags |= RV_NAME_SENT_INITIAL;
	}
	evidence(a, tk, nm);
	nm->role = name_role(a, tk, first, last);
}

/* Marks the sentence-initial names whose first word the article also writes
 * in lower case ("Interrogé par...", "Pourtant..."): a search of the folded
 * text for each such word, checked against the body's case. */
static bool written_lower(const struct rv_article *a, const char *w, size_t n)
{
	const char *t = a->fold.text, *end = t + a->fold.len;
	const char *p = t;
	while ((p = memmem(p, (size_t)(end - p), w, n))) {
		size_t fo = (size_t)(p - t);
		bool left = fo == 0 || !((t[fo - 1] >= 'a' && t[fo - 1] <= 'z') || (unsigned char)t[fo - 1] >= 0x80);
		bool right = fo + n >= a->fold.len || !((p[n] >= 'a' && p[n] <= 'z') || (unsigned char)p[n] >= 0x80);
		if (left && right) {
			size_t so = rv_fold_to_source(&a->fold, fo, false);
			unsigned cp;
			if (rv_utf8_decode((const unsigned char *)a->body + so, a->body_len - so, &cp) && cp < 0x80 &&
			    cp >= 'a' && cp <= 'z')
				return true;
			if (cp >= 0x80 && uc_is_general_category(cp, UC_CATEGORY_Ll))
				return true;
		}
		p += n;
	}
	return false;
}

/* Whose first word is looked for in lower case: sentence-initial names
 * (is "Pourtant" a word?) and one plain capitalised word mid-sentence (is
 * "Finances" in "ministère des Finances" the word "finances"?). */
static bool asks_lower(const struct rv_name *nm)
{
	if (nm->flags & RV_NAME_HEADLINE)
		return false;
	return (nm->flags & RV_NAME_SENT_INITIAL) || ((nm->flags & RV_NAME_PLAIN) && !nm->key_rest);
}

/* A word per distinct first word of the sentence-initial names: a few are
 * searched for (memmem is fast), many are checked in one pass over the
 * tokens, so that the cost stays linear whatever the text. */
static void mark_lower_seen(const struct rv_article *a, struct rv_analysis *an)
{
	struct rv_strmap asked = {0}; /* first word → 1 unknown, 2 seen lower, 3 not seen */
	for (size_t i = 0; i < an->nnames; i++) {
		struct rv_name *nm = &an->names[i];
		if (asks_lower(nm)) {
			size_t n = nm->key_rest ? (size_t)nm->key_rest - 1 : strlen(nm->key);
			if (n)
				rv_strmap_put(&asked, nm->key, n, 1, NULL);
		}
	}
	bool scanned = asked.n > 4;
	if (scanned) { /* past a few words, one pass over the tokens beats a search a word */
		/* the asked words' lengths and first bytes: most tokens fail
		 * these two bit tests and are never hashed */
		uint64_t lens = 0, firsts[4] = {0};
		for (size_t j = 0; j < asked.cap; j++)
			if (asked.slots[j].key) {
				lens |= 1ull << (asked.slots[j].len & 63);
				unsigned char c0 = (unsigned char)asked.slots[j].key[0];
				firsts[c0 >> 6] |= 1ull << (c0 & 63);
			}
		const struct rv_tokens *tk = &an->tok;
		for (size_t t = 0; t < tk->n; t++) {
			const struct rv_token *w = &tk->v[t];
			if (!(w->flags & RV_TOK_ALPHA) || (w->flags & (RV_TOK_CAP | RV_TOK_CAMEL | RV_TOK_ELISION)))
				continue;
			size_t wl = w->fold_end - w->fold_start;
			unsigned char c0 = wl ? (unsigned char)a->fold.text[w->fold_start] : 0;
			if (!wl || !((lens >> (wl & 63)) & 1) || !((firsts[c0 >> 6] >> (c0 & 63)) & 1))
				continue;
			uint32_t *v = (uint32_t *)rv_strmap_get(&asked, a->fold.text + w->fold_start, wl);
			if (v)
				*v = 2;
		}
	}
	for (size_t i = 0; i < an->nnames; i++) {
		struct rv_name *nm = &an->names[i];
		if (!asks_lower(nm))
			continue;
		size_t n = nm->key_rest ? (size_t)nm->key_rest - 1 : strlen(nm->key);
		uint32_t *v = n ? (uint32_t *)rv_strmap_get(&asked, nm->key, n) : NULL;
		if (!v)
			continue;
		if (*v == 1)
			*v = !scanned && written_lower(a, nm->key, n) ? 2 : 3;
		if (*v == 2)
			nm->flags |= RV_NAME_LOWER_SEEN;
	}
	rv_strmap_free(&asked);
}

/* A line in title case ("Trump Sends Investigators to Hawaii"): most of its
 * longer words capitalised. Names found there are judged like names at a
 * sentence start. */
static bool headline_line(const struct rv_article *a, const struct rv_tokens *tk, size_t from, size_t *to)
{
	size_t longw = 0, caps = 0, words = 0, i = from;
	do {
		const struct rv_token *t = &tk->v[i];
		words += (t->flags & RV_TOK_WORD) != 0;
		if ((t->flags & RV_TOK_ALPHA) && !(t->flags & RV_TOK_ELISION) && t->end - t->start >= 4) {
			longw++;
			caps += (t->flags & RV_TOK_CAP) != 0;
		}
		i++;
	} while (i < tk->n && !(tk->v[i].flags & RV_TOK_PARA));
	*to = i;
	/* a headline is short and ends without a period; a paragraph dense
	 * with names is not one */
	bool period = i > from && is_punct(a, &tk->v[i - 1], '.');
	return longw >= 3 && caps * 10 >= longw * 6 && (words <= 20 || caps * 10 >= longw * 9) && !period;
}

/* "U.S.", "D.C.", "N.Y.": a token of capitals and periods ("U.S") whose
 * last period the tokenizer left outside. */
static bool dotted_abbreviation(const struct rv_article *a, const struct rv_tokens *tk, size_t last)
{
	const struct rv_token *t = &tk->v[last];
	uint32_t n = t->end - t->start;
	if (n < 3 || n > 8 || t->end >= a->body_len || a->body[t->end] != '.')
		return false;
	if (last + 1 < tk->n && tk->v[last + 1].start != t->end)
		return false;
	const char *w = a->body + t->start;
	if (w[n - 2] != '.')
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (!(i % 2 ? w[i] == '.' : (w[i] >= 'A' && w[i] <= 'Z')))
			return false;
	return true;
}

/* Nouns written with a capital by habit or reverence, never a person, an
 * organisation, a product or a place when they stand alone. */
static const char *const common_caps[] = {
	"internet", "web", "net", "dieu", "god", "allah", "seigneur", "lord",
	/* common nouns written in capitals: media, formats, measures */
	"dvd", "dvds", "cd", "cds", "cd-rom", "tv", "pc", "sms", "mms", "gps", "usb", "adsl", "tnt", "hd", "lcd",
	"led", "mp3", "pdf", "html", "url", "adn", "dna", "vih", "hiv", "sida", "aids", "ogm", "gmo", "pib", "gdp",
	"co2", "suv", "pme", "sme", "cdi", "cdd", "smic", "hlm", "ong", "ngo", "qi", "iq", "ivg", "rtt", "ceo", "pdg",
};

/* "30GB", "3D", "4G", "20h00": a number glued to a unit is a quantity. */
static bool quantity(const struct rv_article *a, const struct rv_token *t)
{
	static const char *const units[] = {"gb", "mb", "kb", "tb", "go", "mo", "ko", "to", "ghz", "mhz", "hz", "km",
					    "kg", "mm", "cm", "g", "d", "h", "k", "m", "p", "px", "mw", "gw", "kw", "kwh"};
	const char *w = a->body + t->start;
	size_t n = t->end - t->start, d = 0;
	while (d < n && w[d] >= '0' && w[d] <= '9')
		d++;
	if (!d || d == n)
		return false;
	if (w[d] == 'h' || w[d] == 'H') { /* 20h00, 20h */
		size_t k = d + 1;
		while (k < n && w[k] >= '0' && w[k] <= '9')
			k++;
		if (k == n)
			return true;
	}
	char u[8];
	size_t ul = n - d;
	if (ul >= sizeof u)
		return false;
	for (size_t i = 0; i < ul; i++)
		u[i] = (char)(w[d + i] | 32);
	u[ul] = '\0';
	if (!strcmp(u, "m") && d < 2)
		return false; /* 3M is a company */
	for (size_t i = 0; i < RV_ARRAY_LEN(units); i++)
		if (!strcmp(u, units[i]))
			return true;
	return false;
}

/* A French manner adverb ("Politiquement", "Finalement", "Evidemment",
 * "Notamment"): a long word with one of the adverb endings no name has. */
static bool adverb(const struct rv_article *a, const struct rv_token *t)
{
	static const char *const ends[] = {"iquement", "ellement", "alement", "ivement", "ablement", "iblement",
					   "ierement", "eusement", "emment", "amment", "ntement", "rtement"};
	if (strcmp(a->lang, "fr") != 0 || !(t->flags & RV_TOK_ALPHA) || (t->flags & (RV_TOK_UPPER | RV_TOK_CAMEL)))
		return false;
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	return n >= 8 && has_ending(buf, n, ends, RV_ARRAY_LEN(ends));
}

void rv_entity_names(const struct rv_article *a, struct rv_analysis *an)
{
	const struct rv_tokens *tk = &an->tok;
	size_t headline_end = 0;
	bool in_headline = false;
	size_t i = 0;
	while (i < tk->n) {
		if (i >= headline_end)
			in_headline = headline_line(a, tk, i, &headline_end);
		if (!name_word(a, &tk->v[i])) {
			i++;
			continue;
		}
		size_t first = i, last = i;
		size_t j = i + 1;
		bool plus = false;
		while (j < tk->n && last - first + 1 < MAX_NAME_TOKENS) {
			const struct rv_token *t = &tk->v[j];
			if (t->flags & RV_TOK_SENT)
				break;
			if (name_word(a, t) && adjacent(a, &tk->v[j - 1], t) && !(tk->v[j - 1].flags & RV_TOK_ELISION)) {
				last = j++;
				continue;
			}
			/* a middle initial: John A. Boehner, Robert L. Wilkins */
			if (initial_dot(a, tk, j) && last == j - 1 && last > first && j + 1 < tk->n &&
			    rv_tok_in(a, &tk->v[j - 2], RV_LEX_FIRST_NAME) && name_word(a, &tk->v[j + 1]) &&
			    !rv_tok_in(a, &tk->v[j + 1], RV_LEX_STOP) && adjacent(a, t, &tk->v[j + 1]) &&
			    tk->v[j + 1].end - tk->v[j + 1].start > 1) {
				last = j + 1;
				j += 2;
				continue;
			}
			/* Jesse Jackson Jr., Martin Luther King Sr.: the suffix keeps its period */
			if (is_punct(a, t, '.') && t->start == tk->v[j - 1].end && last > first &&
			    rv_tok_among(a, &tk->v[j - 1], (const char *const[]){"jr", "sr"}, 2)) {
				last = j++;
				break;
			}
			if ((t->flags & RV_TOK_ELISION) && j + 1 < tk->n && name_word(a, &tk->v[j + 1]) &&
			    t->end == tk->v[j + 1].start && adjacent(a, &tk->v[j - 1], t) &&
			    (a->body[t->start] == 'd' || a->body[t->start] == 'D') && connector(a, tk, first, j)) {
				/* d'Estaing: the elision is glued to the next word */
				last = j + 1;
				j += 2;
				continue;
			}
			if (j + 1 < tk->n && !(t->flags & RV_TOK_CAP) && (t->flags & RV_TOK_WORD) &&
			    connector(a, tk, first, j) && adjacent(a, &tk->v[j - 1], t)) {
				/* one or two connectors, then a name word: von der Leyen */
				size_t k = j + 1;
				if (k + 1 < tk->n && !(tk->v[k].flags & RV_TOK_CAP) && rv_tok_in(a, &tk->v[k], RV_LEX_CONNECTOR) &&
				    adjacent(a, &tk->v[k - 1], &tk->v[k]))
					k++;
				if (k < tk->n && name_word(a, &tk->v[k]) && adjacent(a, &tk->v[k - 1], &tk->v[k])) {
					last = k;
					j = k + 1;
					continue;
				}
			}
			/* Department of Homeland Security, Museum for African Art */
			if (j + 1 < tk->n && name_word(a, &tk->v[j + 1]) &&
			    rv_tok_among(a, t, (const char *const[]){"of", "for", "and", "&"}, 4) &&
			    adjacent(a, &tk->v[j - 1], t) && adjacent(a, t, &tk->v[j + 1])) {
				bool org = false;
				for (size_t k = first; k < j; k++)
					org |= rv_tok_in(a, &tk->v[k], RV_LEX_ORG_WORD);
				if (org) {
					last = j + 1;
					j += 2;
					continue;
				}
			}
			if (number_suffix(a, tk, j)) {
				last = j++;
			}
			break;
		}
		/* trim: leading titles, sentence openers, stop words; trailing connectors */
		while (first <= last) {
			const struct rv_token *t = &tk->v[first];
			bool stop = rv_tok_in(a, t, RV_LEX_STOP) || rv_tok_in(a, t, RV_LEX_PERSON_TITLE) ||
				    rv_tok_in(a, t, RV_LEX_NATIONALITY);
			/* "Le Monde", "La Croix" mid-sentence are names; at a sentence start the article is trimmed */
			if (stop && first < last && !(t->flags & RV_TOK_SENT) && (t->flags & RV_TOK_CAP) &&
			    (rv_token_is(a->body, t, "Le", false) || rv_token_is(a->body, t, "La", false) ||
			     rv_token_is(a->body, t, "Les", false) || rv_token_is(a->body, t, "The", false)))
				break;
			if (!stop)
				break;
			/* "British Airways", "American Express": a nationality that opens a company's name */
			if (first < last && rv_tok_in(a, t, RV_LEX_NATIONALITY) && (t->flags & RV_TOK_CAP) &&
			    !rv_tok_in(a, t, RV_LEX_STOP)) {
				bool org = false;
				for (size_t k = first + 1; k <= last; k++)
					org |= rv_tok_in(a, &tk->v[k], RV_LEX_ORG_WORD);
				if (org)
					break;
			}
			first++;
		}
		while (last > first && (tk->v[last].flags & RV_TOK_ELISION))
			last--;
		/* "Asked Wednesday": a weekday ends no name ("Journal du Dimanche" is one) */
		while (last >= first && rv_tok_among(a, &tk->v[last], weekdays, RV_ARRAY_LEN(weekdays)) &&
		       !(last > first && rv_tok_in(a, &tk->v[last - 1], RV_LEX_CONNECTOR)))
			last--;
		/* "South Korean banks", "Central American migrants", "UK-based firms":
		 * an adjective, no name */
		if (first <= last && last + 1 < tk->n && !(tk->v[last + 1].flags & RV_TOK_CAP) &&
		    (tk->v[last + 1].flags & RV_TOK_ALPHA) &&
		    (rv_tok_in(a, &tk->v[last], RV_LEX_NATIONALITY) || ends_with(a, &tk->v[last], "-based"))) {
			i = j > i + 1 ? j : i + 1;
			continue;
		}
		/* Canal+, Disney+ */
		if (first <= last && tk->v[last].end < a->body_len && a->body[tk->v[last].end] == '+' &&
		    last + 1 < tk->n && tk->v[last + 1].start == tk->v[last].end) {
			size_t after = tk->v[last].end + 1; /* not "C++x": the + ends the word */
			unsigned char c = after < a->body_len ? (unsigned char)a->body[after] : ' ';
			plus = !((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9') && c < 0x80;
		}
		if (first <= last) { /* "La Banque centrale européenne": after the article is trimmed */
			size_t ext = extend_institution(a, tk, first, last);
			if (ext > last) {
				last = ext;
				j = last + 1;
			}
		}
		/* "House Speaker Newt Gingrich", "RNC Chair Reince Priebus": the name
		 * starts after the last role word; "Alaska Gov." is no name at all */
		for (size_t k = first; k < last; k++)
			if ((rv_tok_in(a, &tk->v[k], RV_LEX_ROLE) || rv_tok_in(a, &tk->v[k], RV_LEX_PERSON_TITLE)) &&
			    !rv_tok_in(a, &tk->v[k + 1], RV_LEX_CONNECTOR))
				first = k + 1;
		/* "AFP Thomas Miralles", "RTL Laurent Berger", "ministre de la Culture
		 * Christine Albanel": a given name after a word that is not one
		 * starts the person's name */
		for (size_t k = first + 1; k < last; k++)
			if ((tk->v[k].flags & RV_TOK_CAP) && rv_tok_in(a, &tk->v[k], RV_LEX_FIRST_NAME) &&
			    !rv_tok_in(a, &tk->v[k - 1], RV_LEX_FIRST_NAME) && !rv_tok_in(a, &tk->v[k - 1], RV_LEX_CONNECTOR)) {
				first = k;
				break;
			}
		if (first < last && rv_tok_in(a, &tk->v[last], RV_LEX_PERSON_TITLE) && last + 1 < tk->n &&
		    is_punct(a, &tk->v[last + 1], '.'))
			last--;
		else if (first == last && rv_tok_in(a, &tk->v[last], RV_LEX_PERSON_TITLE) && last + 1 < tk->n &&
			 is_punct(a, &tk->v[last + 1], '.')) {
			i = last + 1;
			continue;
		}
		if (first == last && (tk->v[first].end - tk->v[first].start == 1 ||
				      (tk->v[first].end - tk->v[first].start >= 3 && a->body[tk->v[first].start + 1] == '-' &&
				       (tk->v[first].flags & RV_TOK_CAP) && strchr("RDI", a->body[tk->v[first].start])))) {
			i = j > i + 1 ? j : i + 1;
			continue;
		}
		if (first <= last && tk->v[last].end - tk->v[first].start > MAX_NAME_BYTES) {
			i = j > i + 1 ? j : i + 1;
			continue;
		}
		size_t head = 0;
		int domain = first <= last ? domain_name(a, tk, first, last, &head) : 0;
		if (domain == 1) {
			i = j > i + 1 ? j : i + 1;
			continue;
		}
		if (domain == 2)
			first = head;
		/* "le site Internet", "grâce à Dieu", "Politiquement, ...": nouns
		 * often capitalised that name nothing of the four kinds, and
		 * adverbs, are no names on their own */
		if (first == last && (rv_tok_among(a, &tk->v[first], common_caps, RV_ARRAY_LEN(common_caps)) ||
				      adverb(a, &tk->v[first]) || quantity(a, &tk->v[first]))) {
			i = j > i + 1 ? j : i + 1;
			continue;
		}
		/* "MPs", "PCs", "DVDs": a plural of capitals is a common noun's */
		if (first == last && tk->v[first].end - tk->v[first].start >= 3 &&
		    a->body[tk->v[first].end - 1] == 's') {
			bool caps = true;
			for (uint32_t b = tk->v[first].start; b + 1 < tk->v[first].end; b++)
				caps &= a->body[b] >= 'A' && a->body[b] <= 'Z';
			if (caps) {
				i = j > i + 1 ? j : i + 1;
				continue;
			}
		}
		if (first <= last && !(pure_number(&tk->v[first]))) {
			bool alone_stop = first == last && (rv_tok_in(a, &tk->v[first], RV_LEX_ROLE) ||
							   rv_tok_in(a, &tk->v[first], RV_LEX_ORG_CUE));
			if (!alone_stop || (tk->v[first].flags & (RV_TOK_UPPER | RV_TOK_CAMEL))) {
				add_name(a, tk, an, first, last);
				if (plus) { /* the name takes its + */
					struct rv_name *nm = &an->names[an->nnames - 1];
					nm->end++; /* past its last word's token: the + is a token of its own */
					char *key = rv_xasprintf("%s+", nm->key);
					free(nm->key);
					nm->key = key;
				}
				if (dotted_abbreviation(a, tk, last)) { /* U.S., D.C.: the name takes its last period */
					struct rv_name *nm = &an->names[an->nnames - 1];
					nm->end++;
					char *key = rv_xasprintf("%s.", nm->key);
					free(nm->key);
					nm->key = key;
					if (nm->votes[RV_ET_PLACE] <= 0 && rv_lex_has(RV_LEX_PLACE, key, strlen(key)))
						vote(nm, RV_ET_PLACE, 5);
				}
				if (in_headline)
					an->names[an->nnames - 1].flags |= RV_NAME_HEADLINE | RV_NAME_SENT_INITIAL;
			}
		}
		i = j > i + 1 ? j : i + 1;
	}
	mark_lower_seen(a, an);
}
