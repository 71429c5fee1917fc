/* The shared index: analyzers in parallel, then the corpus-wide decisions.
 *
 * Names (see entity.c) become entities in four linear passes:
 *  1. Sentence-initial names the corpus never writes mid-sentence are
 *     suspects: a lone word is kept only with evidence of a type (a title, a
 *     cue, a lexicon); a longer name loses its first word when the article
 *     also writes that word in lower case ("Interrogé Mustafa Suleyman").
 *  2. Each folded name gathers the votes of all its mentions.
 *  3. A name made of the last word(s) of a person's full name joins it: the
 *     one full name in its article that ends so, else the one in the corpus.
 *  4. Each entity takes the type with the most votes; a lone word without
 *     any is an organisation (companies are the commonest bare names).
 */
#include "revue/index.h"

#include "revue/lexicon.h"
#include "revue/text.h"
#include "revue/util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <unictype.h>

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --- analysis in parallel --------------------------------------------------- */

struct scratch { /* a thread's buffers, from one article to the next */
	struct rv_token *buf;
	size_t cap;
	struct rv_name *names;
	size_t capnames;
	struct rv_amount *amounts;
	size_t capamounts;
	struct rv_quote *quotes;
	size_t capquotes;
	struct rv_tentry *dates;
	size_t capdates;
};

struct work {
	const struct rv_corpus *c;
	struct rv_analysis *an;
	struct scratch *scratch;
	_Atomic size_t *progress;
};

/* An exact copy of the n first elements of a scratch array: what the
 * article keeps for the corpus's life, without growth slack. */
static void *keep(const void *v, size_t n, size_t elem)
{
	if (!n)
		return NULL;
	void *p = rv_xmalloc(n * elem);
	memcpy(p, v, n * elem);
	return p;
}

/* Tokens are 28 bytes a word: not kept once every analyzer has read them,
 * but their buffer goes from one article to the next of the same thread.
 * So do the arrays the analyzers grow (names, amounts, quotes, dates):
 * each article then keeps an exact copy, one allocation a kind instead of
 * a chain of reallocations, page faults and fragments. */
static void analyse(const struct rv_article *a, struct rv_analysis *an, struct scratch *s)
{
	an->tok.v = s->buf;
	an->tok.cap = s->cap;
	an->names = s->names;
	an->capnames = s->capnames;
	an->amounts = s->amounts;
	an->capamounts = s->capamounts;
	an->quotes = s->quotes;
	an->capquotes = s->capquotes;
	an->dates = s->dates;
	an->capdates = s->capdates;
	rv_analysis_prepare(a, an);
	rv_entity_names(a, an);
	rv_entity_amounts(a, an);
	rv_quote_find(a, an);
	rv_timeline_find(a, an);
	s->buf = an->tok.v;
	s->cap = an->tok.cap;
	an->tok.v = NULL;
	an->tok.n = an->tok.cap = 0;
	free(an->tok.sent); /* the analyzers' alone too: entries keep their sentence's span */
	an->tok.sent = NULL;
	an->tok.nsent = 0;
#define KEEP(v, n, cap, sv, scap)                             \
	do {                                                  \
		(sv) = (v);                                   \
		(scap) = (cap);                               \
		(v) = keep((sv), (n), sizeof *(v));           \
		(cap) = (n);                                  \
	} while (0)
	KEEP(an->names, an->nnames, an->capnames, s->names, s->capnames);
	KEEP(an->amounts, an->namounts, an->capamounts, s->amounts, s->capamounts);
	KEEP(an->quotes, an->nquotes, an->capquotes, s->quotes, s->capquotes);
	KEEP(an->dates, an->ndates, an->capdates, s->dates, s->capdates);
#undef KEEP
}

static void analyse_job(void *ctx, size_t i, unsigned worker)
{
	struct work *w = ctx;
	analyse(&w->c->articles[i], &w->an[i], &w->scratch[worker]);
	if (w->progress)
		atomic_fetch_add_explicit(w->progress, 1, memory_order_relaxed);
}

static void analyse_all(const struct rv_corpus *c, struct rv_analysis *an, unsigned threads, _Atomic size_t *progress)
{
	unsigned t = rv_thread_count(threads, c->n);
	struct work w = {.c = c, .an = an, .scratch = rv_xcalloc(t, sizeof *w.scratch), .progress = progress};
	rv_parallel_for(c->n, t, analyse_job, &w);
	for (unsigned i = 0; i < t; i++) {
		free(w.scratch[i].buf);
		free(w.scratch[i].names);
		free(w.scratch[i].amounts);
		free(w.scratch[i].quotes);
		free(w.scratch[i].dates);
	}
	free(w.scratch);
}

/* --- corpus-wide name statistics ------------------------------------------ */

struct keystat {
	uint32_t mid;   /* mentions not at a sentence start */
	int32_t votes[RV_NAME_TYPES];
	uint32_t words; /* words in the key */
	bool titled;
};

struct names {
	struct rv_strmap map; /* key → keystat index */
	struct keystat *st;
	size_t n, cap;
};

static uint32_t stat_of(struct names *nm, const char *key, size_t len)
{
	bool fresh;
	uint32_t *v = rv_strmap_put(&nm->map, key, len, (uint32_t)nm->n, &fresh);
	if (fresh) {
		nm->st = rv_xgrow(nm->st, &nm->cap, nm->n + 1, sizeof *nm->st);
		memset(&nm->st[nm->n], 0, sizeof *nm->st);
		uint32_t w = 1;
		for (size_t i = 0; i < len; i++)
			w += key[i] == ' ';
		nm->st[nm->n].words = w;
		nm->n++;
	}
	return *v;
}

static bool any_vote(const struct rv_name *n)
{
	for (int t = 0; t < RV_NAME_TYPES; t++)
		if (n->votes[t] > 0)
			return true;
	return false;
}

static enum rv_etype best_type(const int32_t *votes, uint32_t words, const char *key)
{
	int best = -1;
	int32_t bv = 0;
	for (int t = 0; t < RV_NAME_TYPES; t++) {
		if (votes[t] > bv) {
			bv = votes[t];
			best = t;
		}
	}
	if (best >= 0)
		return (enum rv_etype)best;
	/* No evidence at all: people are named with a given name, a title or a
	 * role, and companies, outlets and institutions bare (Air France,
	 * Goldman Sachs, Oxfam International). */
	(void)words;
	(void)key;
	return RV_ET_ORG;
}

/* Drops a sentence-initial name's first word (the key's first word and the
 * span's first token). */
static void strip_first(struct rv_name *n)
{
	char *rest = rv_xstrdup(n->key + n->key_rest);
	free(n->key);
	n->key = rest;
	n->start = n->rest_start;
	n->key_rest = 0;
	n->flags &= (uint16_t)~RV_NAME_SENT_INITIAL;
	for (size_t i = 0; n->key[i]; i++)
		if (n->key[i] == ' ') {
			n->key_rest = 0; /* only one strip is ever needed */
			break;
		}
}

/* The ends of an article's names: for every name of several words, each of
 * its tails that starts after a space ("mustafa suleyman" gives
 * "suleyman"), with how many names have it. Asking whether another name
 * ends with a given one is then one look-up, not a scan of every name (which
 * made a long article quadratic). */
static void name_ends(struct rv_strmap *ends, const char *key, int delta)
{
	for (const char *sp = strchr(key, ' '); sp; sp = strchr(sp + 1, ' ')) {
		bool fresh;
		uint32_t *c = rv_strmap_put(ends, sp + 1, strlen(sp + 1), 0, &fresh);
		*c = (uint32_t)((int)*c + delta);
	}
}

static void name_ends_of(struct rv_strmap *ends, const struct rv_analysis *an)
{
	rv_strmap_clear(ends);
	for (size_t i = 0; i < an->nnames; i++)
		name_ends(ends, an->names[i].key, +1);
}

/* strip_first, with the ends kept up to date. */
static void strip_first_counted(struct rv_strmap *ends, struct rv_name *n)
{
	name_ends(ends, n->key, -1);
	strip_first(n);
	name_ends(ends, n->key, +1);
}

/* Does another name of the article end with this name? */
static bool ends_a_longer_name(const struct rv_strmap *ends, const struct rv_name *n)
{
	const uint32_t *c = rv_strmap_get(ends, n->key, strlen(n->key));
	return c && *c;
}

/* --- the alias file: entities.tsv ------------------------------------------ */

/* One line per entity: canonical name, a TAB, its type (person, org,
 * product, place), a TAB, aliases separated by '|'. '#' starts a comment.
 * An alias written in capitals matches names; any alias also matches
 * its words anywhere in the text ("le groupe de Redmond"). The file is an
 * aid: a wrong line is reported with its number and the rest applies. */
struct alias {
	char *canonical; /* folded */
	char *display;
	enum rv_etype type;
	char **forms; /* folded, the canonical included */
	size_t nforms;
};

static void free_aliases(struct alias *al, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(al[i].canonical);
		free(al[i].display);
		for (size_t k = 0; k < al[i].nforms; k++)
			free(al[i].forms[k]);
		free(al[i].forms);
	}
	free(al);
}

static char *fold_phrase(const char *s, size_t n)
{
	char *out = rv_xmalloc(4 * n + 40);
	size_t k = rv_fold_word(s, n, out, 4 * n + 40);
	while (k && out[k - 1] == ' ')
		k--;
	size_t i = 0;
	while (i < k && out[i] == ' ')
		i++;
	memmove(out, out + i, k - i);
	out[k - i] = '\0';
	return out;
}

static size_t read_aliases(const char *path, struct alias **out, struct rv_diags *diags)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	struct alias *al = NULL;
	size_t n = 0, cap = 0;
	char line[4096];
	unsigned lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		size_t len = strlen(line);
		if (len == sizeof line - 1 && line[len - 1] != '\n') {
			rv_diag_add(diags, path, lineno, "line too long, ignored");
			int ch;
			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len || line[0] == '#')
			continue;
		if (!rv_utf8_valid(line, len)) {
			rv_diag_add(diags, path, lineno, "not UTF-8, ignored");
			continue;
		}
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t1) {
			rv_diag_add(diags, path, lineno, "expected: name TAB type TAB aliases");
			continue;
		}
		*t1 = '\0';
		if (t2)
			*t2 = '\0';
		const char *type = t1 + 1;
		static const char *const types[] = {"person", "org", "product", "place"};
		int ty = -1;
		for (int k = 0; k < 4; k++)
			if (!strcmp(type, types[k]))
				ty = k;
		if (ty < 0 || !*line) {
			rv_diag_add(diags, path, lineno, "unknown type '%s' (person, org, product or place)", type);
			continue;
		}
		al = rv_xgrow(al, &cap, n + 1, sizeof *al);
		struct alias *a = &al[n++];
		memset(a, 0, sizeof *a);
		a->display = rv_xstrdup(line);
		a->canonical = fold_phrase(line, strlen(line));
		a->type = (enum rv_etype)ty;
		a->forms = rv_xmalloc(sizeof *a->forms);
		a->forms[a->nforms++] = rv_xstrdup(a->canonical);
		for (char *p = t2 ? t2 + 1 : NULL; p && *p;) {
			char *bar = strchr(p, '|');
			size_t l = bar ? (size_t)(bar - p) : strlen(p);
			char *form = fold_phrase(p, l);
			if (*form) {
				a->forms = rv_xrealloc(a->forms, (a->nforms + 1) * sizeof *a->forms);
				a->forms[a->nforms++] = form;
			} else {
				free(form);
			}
			p = bar ? bar + 1 : NULL;
		}
	}
	fclose(f);
	*out = al;
	return n;
}

/* Is the byte at i (when i < len) no part of a word? */
static bool not_word_at(const char *t, size_t len, size_t i)
{
	if (i >= len)
		return true;
	unsigned char c = (unsigned char)t[i];
	return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80);
}

static int cmp_name_start(const void *x, const void *y)
{
	const struct rv_name *a = x, *b = y;
	return (a->start > b->start) - (a->start < b->start);
}

/* Renames the mentions an alias file names, and adds the phrases it lists
 * where the text has them. */
static void apply_aliases(struct rv_index *ix, const struct alias *al, size_t nal)
{
	struct rv_strmap form_to = {0};
	for (size_t i = 0; i < nal; i++)
		for (size_t k = 0; k < al[i].nforms; k++)
			*rv_strmap_put(&form_to, al[i].forms[k], strlen(al[i].forms[k]), (uint32_t)i, NULL) = (uint32_t)i;
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const struct rv_article *art = &ix->corpus->articles[a];
		struct rv_analysis *an = &ix->an[a];
		size_t found = an->nnames;
		/* the phrases, found in the folded text */
		for (size_t i = 0; i < nal; i++)
			for (size_t k = 1; k < al[i].nforms; k++) {
				const char *f = al[i].forms[k];
				size_t fl = strlen(f);
				const char *t = art->fold.text, *p = t;
				while (fl && (p = memmem(p, art->fold.len - (size_t)(p - t), f, fl))) {
					size_t fo = (size_t)(p - t);
					p += fl;
					if ((fo > 0 && !not_word_at(t, art->fold.len, fo - 1)) ||
					    !not_word_at(t, art->fold.len, fo + fl))
						continue; /* whole words only */
					size_t s = rv_fold_to_source(&art->fold, fo, false);
					size_t e = rv_fold_to_source(&art->fold, fo + fl, true);
					/* the phrase takes the place of the names inside it
					 * ("Redmond" in "le groupe de Redmond"): the first becomes
					 * it (quotations may point at it), the others go */
					struct rv_name *nm = NULL;
					for (size_t m = 0; m < found; m++) {
						struct rv_name *o = &an->names[m];
						if (!(o->start < e && s < o->end) || (o->flags & RV_NAME_DROPPED))
							continue;
						if (!nm)
							nm = o;
						else
							o->flags |= RV_NAME_DROPPED;
					}
					if (!nm) {
						an->names = rv_xgrow(an->names, &an->capnames, an->nnames + 1, sizeof *an->names);
						nm = &an->names[an->nnames++];
						memset(nm, 0, sizeof *nm);
						nm->sentence = RV_NONE;
					} else {
						free(nm->key);
					}
					nm->start = (uint32_t)s;
					nm->end = (uint32_t)e;
					nm->key = rv_xstrdup(f);
					nm->entity = RV_NONE;
				}
			}
		if (an->nnames > found) { /* appended names go to their place; quotations follow them */
			for (size_t i = 0; i < an->nnames; i++)
				an->names[i].tok_last = (uint32_t)i; /* remember the old index */
			qsort(an->names, an->nnames, sizeof *an->names, cmp_name_start);
			uint32_t *moved = rv_xmalloc(an->nnames * sizeof *moved);
			for (size_t i = 0; i < an->nnames; i++)
				moved[an->names[i].tok_last] = (uint32_t)i;
			for (size_t q = 0; q < an->nquotes; q++)
				if (an->quotes[q].speaker_name != RV_NONE)
					an->quotes[q].speaker_name = moved[an->quotes[q].speaker_name];
			free(moved);
		}
		for (size_t i = 0; i < an->nnames; i++) {
			struct rv_name *nm = &an->names[i];
			const uint32_t *v = rv_strmap_get(&form_to, nm->key, strlen(nm->key));
			if (!v)
				continue;
			const struct alias *x = &al[*v];
			bool alias = strcmp(nm->key, x->canonical) != 0;
			free(nm->key);
			nm->key = rv_xstrdup(x->canonical);
			nm->key_rest = 0;
			/* the file vouches for it: no sentence-start doubt */
			nm->flags = (uint16_t)((nm->flags | RV_NAME_TITLED) &
					       ~(RV_NAME_SENT_INITIAL | RV_NAME_PLAIN | RV_NAME_HEADLINE));
			if (alias)
				nm->flags |= RV_NAME_ALIAS;
			memset(nm->votes, 0, sizeof nm->votes);
			nm->votes[x->type] = 1000; /* the file says so */
		}
	}
	rv_strmap_free(&form_to);
}

/* --- acronyms: "la Confédération des commerçants de France (CCF)" ------- */

static bool initials_match(const char *full, const char *acro)
{
	static const char *const skip[] = {"de", "des", "du", "d'", "la", "le", "les", "l'", "of", "and", "the",
					   "et", "for", "for", "&"};
	/* prepositions some acronyms skip and others keep: "taxe intérieure sur
	 * les produits pétroliers (TIPP)", but "impôt de solidarité sur la fortune
	 * (ISF)" spells "sur" with no letter either way */
	static const char *const soft[] = {"sur", "en", "pour", "a", "au", "aux", "on", "in", "to"};
	char letters[32], major[32], strict[32];
	size_t nl = 0, nm = 0, ns = 0;
	const char *p = full;
	while (*p && nl < 31) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t len = (size_t)(p - w);
		if (!len)
			break;
		/* d'épargne: the word after an elision counts */
		const char *apos = memchr(w, '\'', len);
		if (apos && apos - w <= 4 && (size_t)(apos - w) + 1 < len) {
			letters[nl++] = apos[1];
			major[nm++] = apos[1];
			strict[ns++] = apos[1];
			continue;
		}
		letters[nl++] = w[0];
		bool minor = false, soft_minor = false;
		for (size_t i = 0; i < RV_ARRAY_LEN(skip); i++)
			minor |= strlen(skip[i]) == len && !memcmp(skip[i], w, len);
		for (size_t i = 0; i < RV_ARRAY_LEN(soft); i++)
			soft_minor |= strlen(soft[i]) == len && !memcmp(soft[i], w, len);
		if (!minor)
			major[nm++] = w[0];
		if (!minor && !soft_minor)
			strict[ns++] = w[0];
	}
	size_t al = strlen(acro);
	/* "Groupement national des chaînes hôtelières (GNC)": a last adjective
	 * may be left out of three letters or more */
	bool but_last = al >= 3 && ((al + 1 == nm && !memcmp(major, acro, al)) || (al + 1 == ns && !memcmp(strict, acro, al)));
	return al >= 2 && ((al == nm && !memcmp(major, acro, al)) || (al == ns && !memcmp(strict, acro, al)) ||
			   (al == nl && !memcmp(letters, acro, al)) || but_last);
}

/* The initials of a person's name, an elided particle counting for its own
 * letter too: "patrick poivre d'arvor" → "ppda", "jean-luc melenchon" →
 * "jlm". */
static size_t person_initials(const char *full, char *out, size_t cap)
{
	size_t n = 0;
	bool start = true;
	for (const char *p = full; *p && n + 1 < cap; p++) {
		if (*p == ' ' || *p == '-' || *p == '\'') { /* d'arvor: d, then a */
			start = true;
			continue;
		}
		if (start && ((unsigned char)*p < 0x80))
			out[n++] = *p;
		start = false;
	}
	out[n] = 0;
	return n;
}

/* "PPDA" in an article that names Patrick Poivre d'Arvor: a person's
 * initials stand for the person, in that article. The article's people are
 * mapped by their initials once (to RV_NONE when two different people share
 * them): looking through every name for every acronym was quadratic in a
 * long article, where "IA" or "UE" comes back thousands of times. */
static bool is_acronym_mention(const char *body, const struct rv_name *n)
{
	size_t len = n->end - n->start;
	if (len < 2 || len > 5 || strchr(n->key, ' ') || (n->flags & RV_NAME_ALIAS))
		return false;
	for (size_t k = n->start; k < n->end; k++)
		if (body[k] < 'A' || body[k] > 'Z')
			return false;
	return true;
}

static void person_acronyms(struct rv_index *ix)
{
	struct rv_strmap people = {0}; /* initials → the name that has them, or RV_NONE */
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const char *body = ix->corpus->articles[a].body;
		struct rv_analysis *an = &ix->an[a];
		bool mapped = false;
		for (size_t i = 0; i < an->nnames; i++) {
			struct rv_name *n = &an->names[i];
			if (!is_acronym_mention(body, n))
				continue;
			if (!mapped) { /* the article's people, the first time one is needed */
				rv_strmap_clear(&people);
				for (size_t j = 0; j < an->nnames; j++) {
					const struct rv_name *f = &an->names[j];
					char ini[8];
					if (f->votes[RV_ET_PERSON] <= 0 || !strchr(f->key, ' '))
						continue;
					size_t il = person_initials(f->key, ini, sizeof ini);
					bool fresh;
					uint32_t *v = rv_strmap_put(&people, ini, il, (uint32_t)j, &fresh);
					if (!fresh && *v != RV_NONE && strcmp(an->names[*v].key, f->key) != 0)
						*v = RV_NONE; /* two people with those initials: neither */
				}
				mapped = true;
			}
			size_t len = n->end - n->start;
			const uint32_t *v = rv_strmap_get(&people, n->key, strlen(n->key));
			if (!v || *v == RV_NONE || strlen(n->key) != len)
				continue;
			char *key = rv_xstrdup(an->names[*v].key);
			free(n->key);
			n->key = key;
			n->key_rest = 0;
			n->flags &= (uint16_t)~(RV_NAME_SENT_INITIAL | RV_NAME_PLAIN);
			n->flags |= RV_NAME_ALIAS;
			n->votes[RV_ET_PERSON] = (int16_t)(n->votes[RV_ET_PERSON] + 2);
		}
	}
	rv_strmap_free(&people);
}

/* "la contribution sociale généralisée (CSG)": an acronym spelled out in
 * lower case abbreviates a common noun (a tax, a procedure), no name. The
 * words before the parenthesis whose initials make it are found, fewest
 * first; returns 1 when they open in lower case, 2 in capitals, 0 when none
 * match, and the folded words in `phrase`. */
static int acronym_definition(const char *body, const struct rv_name *y, char *phrase, size_t cap)
{
	enum { WORDS = 10 };
	size_t ws[WORDS], we[WORDS], nw = 0;
	size_t i = y->start - 1; /* at the '(' */
	while (nw < WORDS) {
		while (i > 0 && body[i - 1] == ' ')
			i--;
		size_t e = i;
		while (i > 0 && !strchr(" \n\t,.;:!?()\"", body[i - 1]))
			i--;
		if (i == e || e - i > 40)
			break;
		ws[nw] = i;
		we[nw++] = e;
		if (i == 0 || body[i - 1] != ' ')
			break;
	}
	for (size_t k = 2; k <= nw; k++) {
		size_t len = 0;
		phrase[0] = '\0';
		for (size_t w = k; w-- > 0 && len + 48 < cap;) {
			if (len)
				phrase[len++] = ' ';
			len += rv_fold_word(body + ws[w], we[w] - ws[w], phrase + len, cap - len);
		}
		if (len + 48 >= cap)
			return 0;
		if (!initials_match(phrase, y->key))
			continue;
		/* "l'agence France-Presse (AFP)", "l'institut national de la
		 * statistique (Insee)": a capital inside, or a body's head word,
		 * make it an institution's name */
		bool named = false;
		for (size_t p = ws[k - 1]; p < we[0]; p++)
			named |= body[p] >= 'A' && body[p] <= 'Z';
		const char *head = phrase, *sp = strchr(phrase, ' ');
		const char *apos = memchr(head, '\'', sp ? (size_t)(sp - head) : strlen(head));
		if (apos && apos - head <= 2)
			head = apos + 1;
		size_t hl = (sp ? (size_t)(sp - head) : strlen(head));
		if (rv_lex_has(RV_LEX_ROLE, head, hl))
			return 0; /* "le directeur général de la police nationale (DGPN)": the body's acronym */
		static const char *const heads[] = {"direction", "caisse", "haute", "haut", "inspection", "delegation",
						    "secretariat", "brigade", "prefecture", "regie", "groupement",
						    "confederation", "rassemblement"};
		for (int plural = 0; plural < 2; plural++) { /* agences régionales */
			for (size_t h = 0; h < RV_ARRAY_LEN(heads); h++)
				named |= strlen(heads[h]) == hl && !memcmp(heads[h], head, hl);
			named |= rv_lex_has(RV_LEX_ORG_CUE, head, hl) || rv_lex_has(RV_LEX_ORG_WORD, head, hl);
			if (named || hl < 4 || head[hl - 1] != 's')
				break;
			hl--;
		}
		return named ? 2 : 1;
	}
	return 0;
}

/* Drops every mention of the acronyms the corpus spells out in lower case
 * more often than as a name, and of their long forms written as names
 * ("Impôt sur la fortune" where "l'impôt sur la fortune (ISF)" prevails). */
static void drop_common_acronyms(struct rv_index *ix)
{
	struct rv_strmap count = {0}; /* acronym → lower-case definitions minus named ones */
	struct rv_strmap phrases = {0}; /* folded long form → index in acros */
	char **acros = NULL;
	size_t nacros = 0, cap = 0;
	char phrase[512];
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const char *body = ix->corpus->articles[a].body;
		const struct rv_analysis *an = &ix->an[a];
		for (size_t i = 0; i < an->nnames; i++) {
			const struct rv_name *y = &an->names[i];
			size_t len = strlen(y->key);
			if (y->start < 2 || body[y->start - 1] != '(' || body[y->end] != ')' || len < 2 || len > 6 ||
			    strchr(y->key, ' '))
				continue;
			int def = acronym_definition(body, y, phrase, sizeof phrase);
			if (!def)
				continue;
			uint32_t *v = rv_strmap_put(&count, y->key, len, 1u << 16, NULL);
			*v += def == 1 ? 1u : (uint32_t)-1;
			if (def == 1) { /* the long form goes with its acronym */
				bool fresh;
				rv_strmap_put(&phrases, phrase, strlen(phrase), (uint32_t)nacros, &fresh);
				if (fresh) {
					acros = rv_xgrow(acros, &cap, nacros + 1, sizeof *acros);
					acros[nacros++] = rv_xstrdup(y->key);
				}
			}
		}
	}
	if (count.n)
		for (size_t a = 0; a < ix->corpus->n; a++)
			for (size_t i = 0; i < ix->an[a].nnames; i++) {
				struct rv_name *n = &ix->an[a].names[i];
				const uint32_t *v = rv_strmap_get(&count, n->key, strlen(n->key));
				const uint32_t *ph = rv_strmap_get(&phrases, n->key, strlen(n->key));
				if (ph)
					v = rv_strmap_get(&count, acros[*ph], strlen(acros[*ph]));
				if (v && *v > 1u << 16)
					n->flags |= RV_NAME_DROPPED;
			}
	for (size_t i = 0; i < nacros; i++)
		free(acros[i]);
	free(acros);
	rv_strmap_free(&count);
	rv_strmap_free(&phrases);
}

/* Finds "Full Name (ACRO)" and "ACRO (Full Name)" in every article, then
 * gives every mention of such an acronym, in any article, the full name's
 * key, when the corpus expands it one way only. */
static void expand_acronyms(struct rv_index *ix)
{
	struct rv_strmap map = {0}; /* acronym → index in fulls, or RV_NONE when ambiguous */
	char **fulls = NULL;
	size_t nfull = 0, cap = 0;
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const char *body = ix->corpus->articles[a].body;
		const struct rv_analysis *an = &ix->an[a];
		for (size_t i = 1; i < an->nnames; i++) {
			const struct rv_name *x = &an->names[i - 1], *y = &an->names[i];
			/* x (y) */
			if (y->start < 1 || body[y->start - 1] != '(' || body[y->end] != ')')
				continue;
			size_t gap = y->start - 1 - x->end;
			if (gap > 2 || (gap && body[x->end] != ' '))
				continue;
			const struct rv_name *full = NULL, *acro = NULL;
			if (!strchr(y->key, ' ') && initials_match(x->key, y->key)) {
				full = x;
				acro = y;
			} else if (!strchr(x->key, ' ') && initials_match(y->key, x->key)) {
				full = y;
				acro = x;
			}
			if (!full)
				continue;
			bool fresh;
			uint32_t *v = rv_strmap_put(&map, acro->key, strlen(acro->key), (uint32_t)nfull, &fresh);
			if (fresh) {
				fulls = rv_xgrow(fulls, &cap, nfull + 1, sizeof *fulls);
				fulls[nfull++] = rv_xstrdup(full->key);
			} else if (*v != RV_NONE && fulls && strcmp(fulls[*v], full->key) != 0) {
				*v = RV_NONE;
			}
		}
	}
	if (map.n)
		for (size_t a = 0; a < ix->corpus->n; a++)
			for (size_t i = 0; i < ix->an[a].nnames; i++) {
				struct rv_name *n = &ix->an[a].names[i];
				const uint32_t *v = rv_strmap_get(&map, n->key, strlen(n->key));
				if (v && *v != RV_NONE) {
					free(n->key);
					n->key = rv_xstrdup(fulls[*v]);
					n->key_rest = 0;
					n->flags &= (uint16_t)~(RV_NAME_SENT_INITIAL | RV_NAME_PLAIN);
					n->flags |= RV_NAME_ALIAS;
				}
			}
	for (size_t i = 0; i < nfull; i++)
		free(fulls[i]);
	free(fulls);
	rv_strmap_free(&map);
	person_acronyms(ix);
}

static int list_joint(const char *g, size_t n);

/* The joint between names x and y (list_joint), 0 across sentences. */
static int joint_between(const char *body, const struct rv_name *x, const struct rv_name *y)
{
	if (y->sentence != x->sentence || y->start < x->end || y->start - x->end > 12)
		return 0;
	return list_joint(body + x->end, y->start - x->end);
}

/* Is names[i] in a list ("Claude, Mistral ou Gemini") with another name
 * still kept? The run of joints around it must end with a conjunction. */
static bool listed_with_kept(const char *body, const struct rv_analysis *an, size_t i)
{
	size_t lo = i, hi = i;
	while (lo > 0 && lo + 8 > i && joint_between(body, &an->names[lo - 1], &an->names[lo]))
		lo--;
	int last = 0;
	while (hi + 1 < an->nnames && hi < i + 8 && (last = joint_between(body, &an->names[hi], &an->names[hi + 1])))
		hi++;
	if (hi > i)
		last = joint_between(body, &an->names[hi - 1], &an->names[hi]);
	else if (lo < i)
		last = joint_between(body, &an->names[i - 1], &an->names[i]);
	if (last != 2)
		return false;
	for (size_t k = lo; k <= hi; k++)
		if (k != i && an->names[k].entity != RV_NONE)
			return true;
	return false;
}

/* "la suite Microsoft 365 (anciennement Office 365)", "X (formerly Y)": in
 * that article the former name is the same thing as the current one. */
static void former_names(struct rv_index *ix)
{
	static const char *const cues[] = {"(anciennement ", "(formerly ", "(previously "};
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const char *body = ix->corpus->articles[a].body;
		struct rv_analysis *an = &ix->an[a];
		for (size_t i = 1; i < an->nnames; i++) {
			const struct rv_name *x = &an->names[i - 1], *y = &an->names[i];
			if (body[y->end] != ')')
				continue;
			size_t open = 0;
			for (size_t c = 0; c < RV_ARRAY_LEN(cues) && !open; c++) {
				size_t l = strlen(cues[c]);
				if (y->start >= l && !strncasecmp(body + y->start - l, cues[c], l))
					open = y->start - l;
			}
			if (!open || open < x->end || open - x->end > 1 || !strcmp(x->key, y->key))
				continue;
			char *old = rv_xstrdup(y->key), *cur = rv_xstrdup(x->key);
			for (size_t k = 0; k < an->nnames; k++) {
				struct rv_name *n = &an->names[k];
				if (strcmp(n->key, old) != 0)
					continue;
				free(n->key);
				n->key = rv_xstrdup(cur);
				n->key_rest = 0;
				n->flags &= (uint16_t)~(RV_NAME_SENT_INITIAL | RV_NAME_PLAIN);
				n->flags |= RV_NAME_ALIAS;
			}
			free(old);
			free(cur);
		}
	}
}

/* Pass 1 and 2. */
/* The per-article part of filter_and_count: each article's names against
 * the corpus-wide counts, which it only reads; run on every core. */
struct filter_job {
	struct rv_index *ix;
	const struct names *nm;
};

static void filter_article(void *ctx, size_t a, unsigned worker)
{
	(void)worker;
	struct filter_job *fj = ctx;
	struct rv_index *ix = fj->ix;
	const struct names *nm = fj->nm;
	struct rv_strmap ends = {0};
	name_ends_of(&ends, &ix->an[a]);
	for (size_t i = 0; i < ix->an[a].nnames; i++) {
		struct rv_name *n = &ix->an[a].names[i];
		n->entity = (n->flags & RV_NAME_DROPPED) ? RV_NONE : 0; /* kept, until a rule drops it */
		/* "the Affordable Care Act", "the Patriot Act" (and their acronyms,
		 * which took this key): a law is none of the four kinds */
		size_t kl = strlen(n->key);
		if (kl > 4 && !strcmp(n->key + kl - 4, " act"))
			n->entity = RV_NONE;
		if (n->entity == RV_NONE)
			continue;
		if (!(n->flags & RV_NAME_SENT_INITIAL) || (n->flags & RV_NAME_TITLED))
			continue;
		const uint32_t *s = rv_strmap_get(&nm->map, n->key, strlen(n->key));
		if (s && nm->st && nm->st[*s].mid)
			continue; /* written mid-sentence somewhere: a name */
		if (n->flags & RV_NAME_HEADLINE) {
			n->entity = RV_NONE; /* title case proves nothing */
			continue;
		}
		const uint32_t *rest = n->key_rest ? rv_strmap_get(&nm->map, n->key + n->key_rest,
								    strlen(n->key + n->key_rest))
						   : NULL;
		bool first_is_given_name = n->key_rest && rv_lex_has(RV_LEX_FIRST_NAME, n->key, n->key_rest - 1u);
		if (rest && nm->st && nm->st[*rest].mid && !first_is_given_name) {
			strip_first_counted(&ends, n); /* "Abandonner Windows": Windows is the name */
			continue;
		}
		if (!n->key_rest) {
			if (ends_a_longer_name(&ends, n))
				continue; /* "Suleyman va plus loin": Mustafa Suleyman's */
			if ((!any_vote(n) && !(n->flags & RV_NAME_SPEAKS)) || (n->flags & RV_NAME_LOWER_SEEN))
				n->entity = RV_NONE;
		} else if (n->flags & RV_NAME_LOWER_SEEN) {
			strip_first_counted(&ends, n);
		}
	}
	/* A plain capitalised word with no evidence of any type, written
	 * mid-sentence only once in the whole corpus, is more often a word than a
	 * name (a title's first word, emphasis): it needs a second sighting. */
	for (size_t i = 0; i < ix->an[a].nnames; i++) {
		struct rv_name *n = &ix->an[a].names[i];
		if (n->entity == RV_NONE || n->key_rest || any_vote(n) || (n->flags & RV_NAME_PLAIN) == 0 ||
		    (n->flags & RV_NAME_SPEAKS) || ends_a_longer_name(&ends, n))
			continue; /* "Trump said": whoever speaks is named */
		const uint32_t *s = rv_strmap_get(&nm->map, n->key, strlen(n->key));
		if ((n->flags & RV_NAME_LOWER_SEEN) ||
		    ((!s || !nm->st || nm->st[*s].mid < 2) && !listed_with_kept(ix->corpus->articles[a].body, &ix->an[a], i)))
			n->entity = RV_NONE; /* or the article writes it in lower case too; a list of names is a sighting */
	}
	rv_strmap_free(&ends);
}

static void filter_and_count(struct rv_index *ix, struct names *nm, unsigned threads)
{
	for (size_t a = 0; a < ix->corpus->n; a++)
		for (size_t i = 0; i < ix->an[a].nnames; i++) {
			struct rv_name *n = &ix->an[a].names[i];
			if (!(n->flags & RV_NAME_SENT_INITIAL)) {
				uint32_t s = stat_of(nm, n->key, strlen(n->key));
				nm->st[s].mid++;
			}
		}
	struct filter_job fj = {ix, nm};
	rv_parallel_for(ix->corpus->n, rv_thread_count(threads, ix->corpus->n), filter_article, &fj);
	for (size_t a = 0; a < ix->corpus->n; a++)
		for (size_t i = 0; i < ix->an[a].nnames; i++) {
			struct rv_name *n = &ix->an[a].names[i];
			if (n->entity == RV_NONE)
				continue;
			uint32_t s = stat_of(nm, n->key, strlen(n->key));
			for (int t = 0; t < RV_NAME_TYPES; t++)
				nm->st[s].votes[t] += n->votes[t];
			if (n->flags & RV_NAME_TITLED)
				nm->st[s].titled = true;
		}
}

/* --- pass 3: partial names join full ones ------------------------------- */

struct suffix_index {
	struct rv_strmap map; /* suffix key → index in owners, or AMBIGUOUS */
	uint32_t *owner;      /* keystat index of the full name */
	size_t n, cap;
};

#define AMBIGUOUS (RV_NONE - 1)

static bool person_like(const struct keystat *s, const char *key)
{
	return best_type(s->votes, s->words, key) == RV_ET_PERSON;
}

/* Records every proper suffix of the words of key (Mustafa Suleyman →
 * "suleyman") as belonging to owner, or as ambiguous when two own it. */
static void add_suffix(struct suffix_index *si, const char *suf, uint32_t owner)
{
	bool fresh;
	uint32_t *v = rv_strmap_put(&si->map, suf, strlen(suf), (uint32_t)si->n, &fresh);
	if (fresh) {
		si->owner = rv_xgrow(si->owner, &si->cap, si->n + 1, sizeof *si->owner);
		si->owner[si->n++] = owner;
	} else if (*v != AMBIGUOUS && si->owner[*v] != owner) {
		*v = AMBIGUOUS;
	}
}

static void add_suffixes(struct suffix_index *si, const char *key, uint32_t owner)
{
	for (const char *p = strchr(key, ' '); p; p = strchr(p + 1, ' ')) {
		add_suffix(si, p + 1, owner);
		/* Poivre d'Arvor is also "Arvor" */
		if ((p[1] == 'd' || p[1] == 'l') && p[2] == '\'' && p[3])
			add_suffix(si, p + 3, owner);
	}
}

static uint32_t suffix_owner(const struct suffix_index *si, const char *key)
{
	const uint32_t *v = rv_strmap_get(&si->map, key, strlen(key));
	if (!v || *v == AMBIGUOUS || !si->owner)
		return RV_NONE;
	return si->owner[*v];
}

/* Is the keystat's evidence, summed over the corpus, for type t? */
static bool typed_as(const struct keystat *st, enum rv_etype t)
{
	return st->votes[t] > 0 && best_type(st->votes, st->words, NULL) == t;
}

/* "Microsoft Copilot", "Google Maps": an organisation's name, then a
 * product's, names that product as its maker sells it. The product's
 * keystat, or RV_NONE. */
static uint32_t maker_product(const struct names *nm, const char *key)
{
	const char *sp = strchr(key, ' ');
	if (!sp || !nm->st)
		return RV_NONE;
	const uint32_t *m = rv_strmap_get(&nm->map, key, (size_t)(sp - key));
	const uint32_t *r = rv_strmap_get(&nm->map, sp + 1, strlen(sp + 1));
	if (!m || !r || !typed_as(&nm->st[*m], RV_ET_ORG) || !typed_as(&nm->st[*r], RV_ET_PRODUCT))
		return RV_NONE;
	return *r;
}

/* "Oxfam International", "Zorblax Group", "Acme Inc": the length of the key
 * without its trailing legal forms and like words, or 0 when there are none
 * or nothing else. */
static size_t legal_stem(const char *key)
{
	static const char *const forms[] = {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.",
					    "llc", "plc", "sa", "sas", "sarl", "ag", "gmbh", "nv", "bv", "spa", "group",
					    "groupe", "holding", "holdings", "international", "company", "limited"};
	size_t len = strlen(key), stem = len;
	for (;;) {
		const char *sp = NULL;
		for (size_t i = stem; i-- > 0;)
			if (key[i] == ' ') {
				sp = key + i;
				break;
			}
		if (!sp)
			break;
		size_t wl = stem - (size_t)(sp + 1 - key);
		bool legal = false;
		for (size_t k = 0; k < RV_ARRAY_LEN(forms) && !legal; k++)
			legal = strlen(forms[k]) == wl && !memcmp(forms[k], sp + 1, wl);
		if (!legal)
			break;
		stem = (size_t)(sp - key);
	}
	return stem < len ? stem : 0;
}

/* Sets each kept mention's `entity` to the keystat it stands for: its own,
 * or the full name it is part of. Decided per article: "Trump" is Donald
 * Trump in one article and Melania Trump in another. */
/* The per-article part of join_partial_names, on every core: the corpus
 * statistics and the global suffixes are only read; each worker has its
 * own article-local suffix indexes, emptied between articles. */
struct join_job {
	struct rv_index *ix;
	const struct names *nm;
	const struct suffix_index *global;
	struct suffix_index *local, *stems; /* per worker */
};

static void join_article(void *ctx, size_t a, unsigned worker)
{
	struct join_job *j = ctx;
	struct rv_index *ix = j->ix;
	const struct names *nm = j->nm;
	const struct suffix_index *global = j->global;
	struct rv_analysis *an = &ix->an[a];
	struct suffix_index *local = &j->local[worker], *stems = &j->stems[worker];
	rv_strmap_clear(&local->map);
	local->n = 0;
	rv_strmap_clear(&stems->map);
	stems->n = 0;
	for (size_t i = 0; i < an->nnames; i++) {
		struct rv_name *n = &an->names[i];
		if (n->entity == RV_NONE)
			continue;
		uint32_t s = *rv_strmap_get(&nm->map, n->key, strlen(n->key));
		if (nm->st[s].words >= 2 && person_like(&nm->st[s], n->key))
			add_suffixes(local, n->key, s);
		else if (maker_product(nm, n->key) != RV_NONE) /* "Copilot" after "Microsoft Copilot" */
			add_suffix(local, strchr(n->key, ' ') + 1, s);
		size_t stem = legal_stem(n->key);
		if (stem && !person_like(&nm->st[s], n->key)) {
			char *k = rv_xstrndup(n->key, stem);
			add_suffix(stems, k, s);
			free(k);
		}
	}
	for (size_t i = 0; i < an->nnames; i++) {
		struct rv_name *n = &an->names[i];
		if (n->entity == RV_NONE)
			continue;
		uint32_t s = *rv_strmap_get(&nm->map, n->key, strlen(n->key));
		n->entity = s;
		const struct keystat *st = &nm->st[s];
		uint32_t full = suffix_owner(stems, n->key); /* "Oxfam" where "Oxfam International" is */
		if (full != RV_NONE && !person_like(st, n->key)) {
			n->entity = full;
			continue;
		}
		if (typed_as(st, RV_ET_PRODUCT)) { /* a product's short name, in its article only */
			uint32_t owner = suffix_owner(local, n->key);
			if (owner != RV_NONE && !person_like(&nm->st[owner], NULL)) {
				n->entity = owner;
				continue;
			}
		}
		/* a partial name that is mostly something else stays itself */
		int32_t other = st->votes[RV_ET_ORG];
		if (st->votes[RV_ET_PLACE] > other)
			other = st->votes[RV_ET_PLACE];
		if (st->votes[RV_ET_PRODUCT] > other)
			other = st->votes[RV_ET_PRODUCT];
		if (other > 2 && other > st->votes[RV_ET_PERSON])
			continue;
		uint32_t owner = suffix_owner(local, n->key);
		if (owner == RV_NONE && !rv_strmap_get(&local->map, n->key, strlen(n->key)))
			owner = suffix_owner(global, n->key);
		if (owner != RV_NONE)
			n->entity = owner;
	}
}

static void join_partial_names(struct rv_index *ix, struct names *nm, unsigned threads)
{
	struct suffix_index global = {0};
	for (size_t i = 0; i < nm->map.cap; i++) {
		const struct rv_strmap_slot *sl = &nm->map.slots[i];
		if (sl->key && nm->st[sl->value].words >= 2 && person_like(&nm->st[sl->value], sl->key))
			add_suffixes(&global, sl->key, sl->value);
	}
	unsigned t = rv_thread_count(threads, ix->corpus->n);
	struct join_job j = {ix, nm, &global, rv_xcalloc(t, sizeof *j.local), rv_xcalloc(t, sizeof *j.stems)};
	rv_parallel_for(ix->corpus->n, t, join_article, &j);
	for (unsigned w = 0; w < t; w++) {
		rv_strmap_free(&j.local[w].map);
		free(j.local[w].owner);
		rv_strmap_free(&j.stems[w].map);
		free(j.stems[w].owner);
	}
	free(j.local);
	free(j.stems);
	rv_strmap_free(&global.map);
	free(global.owner);
}

/* --- pass 4: entities ----------------------------------------------------- */

static uint32_t entity_for(struct rv_index *ix, const char *key, enum rv_etype type)
{
	bool fresh;
	uint32_t *v = rv_strmap_put(&ix->entity_by_key, key, strlen(key), (uint32_t)ix->nentities, &fresh);
	if (fresh) {
		ix->entities = rv_xgrow(ix->entities, &ix->capentities, ix->nentities + 1, sizeof *ix->entities);
		struct rv_entity *e = &ix->entities[ix->nentities++];
		memset(e, 0, sizeof *e);
		e->key = rv_xstrdup(key);
		e->type = type;
	}
	return *v;
}

/* --- lists: "ChatGPT et Sora", "Dell, LG and Zorblax" ---------------------- */

/* The bytes between two names as a list's joint: 0 none, 1 a comma, 2 a
 * conjunction (after a comma or not, with "de" or an article after it, or
 * both: "GPT ou de ChatGPT", "l'Ehess et de l'Ecole normale"). */
static int list_joint(const char *g, size_t n)
{
	static const char *const conj[] = {"et", "ou", "and", "or", "&"};
	static const char *const then[] = {"de", "du", "des", "d'", "le", "la", "les", "l'", "the",
					   "d\xE2\x80\x99", "l\xE2\x80\x99"};
	size_t i = 0;
	bool comma = false, word = false;
	while (i < n && g[i] == ' ')
		i++;
	if (i < n && g[i] == ',') {
		comma = true;
		i++;
	}
	for (int round = 0; round < 3; round++) {
		while (i < n && g[i] == ' ')
			i++;
		const char *const *w = round ? then : conj;
		size_t nw = round ? RV_ARRAY_LEN(then) : RV_ARRAY_LEN(conj);
		bool hit = false;
		for (size_t k = 0; k < nw && !hit; k++) {
			size_t l = strlen(w[k]);
			bool elided = w[k][l - 1] == '\'' || (unsigned char)w[k][l - 1] == 0x99;
			if (i + l <= n && !strncasecmp(g + i, w[k], l) && (elided || i + l == n || g[i + l] == ' ')) {
				i += l;
				hit = true;
			}
		}
		if (round == 0)
			word = hit;
		if (round == 0 && !hit)
			break; /* "de" only after a conjunction */
	}
	while (i < n && g[i] == ' ')
		i++;
	return i < n ? 0 : word ? 2 : comma ? 1 : 0;
}

/* "le concepteur de ChatGPT et Apple": after a maker's or a role's "de",
 * the conjunction may join the maker, not the names. */
static bool after_maker_of(const char *body, uint32_t at)
{
	static const char *const makers[] = {"concepteur", "createur", "editeur", "fabricant", "developpeur",
					     "maker", "creator", "developer", "publisher"};
	size_t i = at;
	if (i >= 2 && body[i - 1] == '\'' && (body[i - 2] | 32) == 'd') {
		i -= 2; /* d'Apple */
	} else if (i >= 4 && !memcmp(body + i - 3, "\xE2\x80\x99", 3) && (body[i - 4] | 32) == 'd') {
		i -= 4; /* d’Apple */
	} else {
		while (i > 0 && body[i - 1] == ' ')
			i--;
		if (i < 3 || body[i - 3] != ' ' ||
		    (strncasecmp(body + i - 2, "de", 2) && strncasecmp(body + i - 2, "du", 2) && strncasecmp(body + i - 2, "of", 2)))
			return false;
		i -= 2;
	}
	while (i > 0 && body[i - 1] == ' ')
		i--;
	size_t w = i;
	while (w > 0 && body[w - 1] != ' ' && body[w - 1] != '\n' && i - w < 40)
		w--;
	char word[RV_FOLD_BUF];
	size_t k = rv_fold_word(body + w, i - w, word, sizeof word);
	for (size_t m = 0; m < RV_ARRAY_LEN(makers); m++)
		if (!strcmp(word, makers[m]))
			return true;
	return rv_lex_has(RV_LEX_ROLE, word, k);
}

/* A name the context says nothing of, listed with names it does say
 * something of, is of their kind: the kind most of its typed neighbours
 * have over the corpus, when one has more than all the others. People are
 * not spread so (their names carry their own evidence), and a neighbour
 * counts only if its own mentions typed it. `votes` are the keystats'
 * context votes, `typed` whether any is positive. */
static void list_votes(const struct rv_index *ix, const struct names *nm, int32_t (*votes)[RV_NAME_TYPES],
		       const bool *typed)
{
	int32_t (*lv)[RV_NAME_TYPES] = rv_xcalloc(nm->n ? nm->n : 1, sizeof *lv);
	int32_t (*extra)[RV_NAME_TYPES] = rv_xcalloc(nm->n ? nm->n : 1, sizeof *extra);
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const char *body = ix->corpus->articles[a].body;
		const struct rv_analysis *an = &ix->an[a];
		for (size_t i = 0; i < an->nnames;) {
			if (an->names[i].entity == RV_NONE) {
				i++;
				continue;
			}
			size_t last = i; /* the run of names from i joined by list joints */
			bool conj = false;
			for (size_t j = i + 1; j < an->nnames; j++) {
				const struct rv_name *x = &an->names[last], *y = &an->names[j];
				if (y->entity == RV_NONE)
					continue;
				int joint = y->sentence == x->sentence && y->start >= x->end && y->start - x->end <= 12
						    ? list_joint(body + x->end, y->start - x->end)
						    : 0;
				if (!joint)
					break;
				last = j;
				conj = joint == 2;
			}
			/* a list ends with its conjunction: "In the United States, BA
			 * said" is none */
			if (last > i && conj && !(last == i + 1 && after_maker_of(body, an->names[i].start))) {
				int32_t run[RV_NAME_TYPES] = {0};
				for (size_t k = i; k <= last; k++) {
					uint32_t s = an->names[k].entity;
					if (s != RV_NONE && typed[s])
						run[best_type(votes[s], 0, NULL)]++;
				}
				for (size_t k = i; k <= last; k++) {
					uint32_t s = an->names[k].entity;
					if (s == RV_NONE)
						continue;
					if (!typed[s]) {
						for (int t = 0; t < RV_NAME_TYPES; t++)
							lv[s][t] += run[t];
						continue;
					}
					/* only between organisations and products: a place's
					 * evidence is a lexicon's, its "in X" votes too weak */
					int own = best_type(votes[s], 0, NULL), bt = -1;
					int32_t bv = 0, tot = 0;
					for (int t = RV_ET_ORG; t <= RV_ET_PRODUCT; t++) {
						int32_t c = run[t] - (t == own);
						tot += c;
						if (c > bv) {
							bv = c;
							bt = t;
						}
					}
					if (bt >= 0 && bv > tot - bv)
						extra[s][bt] += 2;
				}
			}
			i = last + 1;
		}
	}
	for (size_t s = 0; s < nm->n; s++) {
		int best = -1;
		int32_t bv = 0, rest = 0;
		for (int t = RV_ET_ORG; t < RV_NAME_TYPES; t++) {
			rest += lv[s][t];
			if (lv[s][t] > bv) {
				bv = lv[s][t];
				best = t;
			}
		}
		if (best >= 0 && bv > rest - bv && !typed[s])
			votes[s][best] += 3; /* above any shape: "TF1, M6 et Canal+" */
	}
	for (size_t s = 0; s < nm->n; s++)
		for (int t = 0; t < RV_NAME_TYPES; t++)
			votes[s][t] += extra[s][t];
	free(extra);
	free(lv);
}

/* How much folded text common_words reads at most: enough for a word of the
 * language to show in lower case, and a bounded cost on any corpus. */
#define LOWER_SCAN_BYTES (8u << 20)

/* A single capitalised word that nothing in the corpus types (no context
 * vote, no shape, no list) and that the corpus writes in lower case at
 * least as often as it capitalises it mid-sentence is a word of the
 * language ("Gilets" of « Gilets jaunes », "Manifestations" in a title,
 * "Impôt" of "l'Impôt sur la fortune"), not a name: bare organisations
 * (Oxfam, Elabe, Webroot) are never written in lower case. Sets word[s]
 * for each such keystat; the corpus's folded text is read word by word up
 * to LOWER_SCAN_BYTES, the case of each hit checked in the body. */
static void common_words(const struct rv_index *ix, const struct names *nm, int32_t (*votes)[RV_NAME_TYPES],
			 const char **key_of, bool *word)
{
	struct rv_strmap cand = {0};
	for (size_t s = 0; s < nm->n; s++) {
		bool none = key_of[s] && !strchr(key_of[s], ' ');
		for (int t = 0; t < RV_NAME_TYPES && none; t++)
			none = votes[s][t] <= 0;
		if (none)
			rv_strmap_put(&cand, key_of[s], strlen(key_of[s]), (uint32_t)s, NULL);
	}
	if (!cand.n) {
		rv_strmap_free(&cand);
		return;
	}
	uint32_t *lower = rv_xcalloc(nm->n, sizeof *lower);
	size_t budget = LOWER_SCAN_BYTES;
	for (size_t a = 0; a < ix->corpus->n && budget; a++) {
		const struct rv_article *art = &ix->corpus->articles[a];
		const char *t = art->fold.text;
		size_t len = art->fold.len < budget ? art->fold.len : budget;
		budget -= len;
		if (!t)
			continue;
		size_t i = 0;
		while (i < len) {
			unsigned char c = (unsigned char)t[i];
			bool wc = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '-';
			if (!wc) {
				i++;
				continue;
			}
			size_t w = i;
			while (i < len) {
				c = (unsigned char)t[i];
				if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '-'))
					break;
				i++;
			}
			const uint32_t *v = rv_strmap_get(&cand, t + w, i - w);
			if (!v)
				continue;
			size_t so = rv_fold_to_source(&art->fold, w, false);
			unsigned cp = 0;
			if (so < art->body_len &&
			    rv_utf8_decode((const unsigned char *)art->body + so, art->body_len - so, &cp) &&
			    ((cp >= 'a' && cp <= 'z') || (cp >= 0x80 && uc_is_general_category(cp, UC_CATEGORY_Ll))))
				lower[*v]++;
		}
	}
	for (size_t s = 0; s < nm->n; s++)
		word[s] = lower[s] >= 2 && lower[s] >= nm->st[s].mid;
	free(lower);
	rv_strmap_free(&cand);
}

/* Mentions carry the keystat they stand for (join_partial_names); here each
 * such keystat becomes an entity, typed by the votes of all its mentions and
 * named by its most frequent full written form. */
/* "%u\x1f" of e into buf (16 bytes): snprintf was an eighth of the
 * corpus-wide resolution, which runs on one core. Returns the length. */
static size_t entity_prefix(char *buf, uint32_t e)
{
	char digits[10];
	size_t n = 0;
	do {
		digits[n++] = (char)('0' + e % 10);
		e /= 10;
	} while (e);
	for (size_t i = 0; i < n; i++)
		buf[i] = digits[n - 1 - i];
	buf[n] = '\x1f';
	return n + 1;
}

static void build_entities(struct rv_index *ix, struct names *nm)
{
	int32_t (*votes)[RV_NAME_TYPES] = rv_xcalloc(nm->n ? nm->n : 1, sizeof *votes);
	uint16_t *shape = rv_xcalloc(nm->n ? nm->n : 1, sizeof *shape);
	for (size_t a = 0; a < ix->corpus->n; a++)
		for (size_t i = 0; i < ix->an[a].nnames; i++) {
			const struct rv_name *n = &ix->an[a].names[i];
			if (n->entity == RV_NONE)
				continue;
			for (int t = 0; t < RV_NAME_TYPES; t++)
				votes[n->entity][t] += n->votes[t];
			shape[n->entity] |= n->flags;
		}
	for (size_t j = 0; j < nm->map.cap; j++) /* "Microsoft Azure" is Azure, sold by Microsoft */
		if (nm->map.slots[j].key && maker_product(nm, nm->map.slots[j].key) != RV_NONE)
			votes[nm->map.slots[j].value][RV_ET_PRODUCT] += 3;
	bool *typed = rv_xcalloc(nm->n ? nm->n : 1, sizeof *typed);
	for (size_t s = 0; s < nm->n; s++)
		for (int t = 0; t < RV_NAME_TYPES; t++)
			typed[s] |= votes[s][t] > 0;
	list_votes(ix, nm, votes, typed);
	free(typed);
	for (size_t s = 0; s < nm->n; s++) /* the shape of a name counts once */
		rv_name_shape_votes(shape[s], votes[s]);
	free(shape);
	const char **key_of = rv_xcalloc(nm->n ? nm->n : 1, sizeof *key_of);
	for (size_t j = 0; j < nm->map.cap; j++)
		if (nm->map.slots[j].key)
			key_of[nm->map.slots[j].value] = nm->map.slots[j].key;
	bool *word = rv_xcalloc(nm->n ? nm->n : 1, sizeof *word);
	common_words(ix, nm, votes, key_of, word);
	uint32_t *ent_of = rv_xmalloc((nm->n ? nm->n : 1) * sizeof *ent_of);
	for (size_t s = 0; s < nm->n; s++)
		ent_of[s] = RV_NONE;
	struct rv_strmap surface_count = {0};
	uint32_t *best_count = NULL;
	size_t best_cap = 0;
	for (size_t a = 0; a < ix->corpus->n; a++) {
		const struct rv_article *art = &ix->corpus->articles[a];
		struct rv_analysis *an = &ix->an[a];
		for (size_t i = 0; i < an->nnames; i++) {
			struct rv_name *n = &an->names[i];
			if (n->entity == RV_NONE)
				continue;
			uint32_t s = n->entity;
			if (word[s]) {
				n->entity = RV_NONE;
				continue;
			}
			if (ent_of[s] == RV_NONE)
				ent_of[s] = entity_for(ix, key_of[s], best_type(votes[s], nm->st[s].words, key_of[s]));
			uint32_t e = ent_of[s];
			n->entity = e;
			if (strcmp(n->key, key_of[s]) != 0 || (n->flags & RV_NAME_ALIAS))
				continue;
			/* the canonical name: the full form as most often written */
			char sf[16 + 256];
			size_t head = entity_prefix(sf, e);
			size_t sl = n->end - n->start < 256 ? n->end - n->start : 256;
			memcpy(sf + head, art->body + n->start, sl);
			uint32_t *c = rv_strmap_put(&surface_count, sf, head + sl, 0, NULL);
			(*c)++;
			size_t old = best_cap;
			best_count = rv_xgrow(best_count, &best_cap, ix->nentities, sizeof *best_count);
			if (best_cap > old)
				memset(best_count + old, 0, (best_cap - old) * sizeof *best_count);
			if (!ix->entities[e].name || *c > best_count[e]) {
				free(ix->entities[e].name);
				ix->entities[e].name = rv_xstrndup(art->body + n->start, n->end - n->start);
				best_count[e] = *c;
			}
		}
	}
	for (size_t e = 0; e < ix->nentities; e++)
		if (!ix->entities[e].name)
			ix->entities[e].name = rv_xstrdup(ix->entities[e].key);
	free(best_count);
	rv_strmap_free(&surface_count);
	free(ent_of);
	free(word);
	free(key_of);
	free(votes);
}

static void count_mentions(struct rv_index *ix)
{
	size_t *last = rv_xmalloc((ix->nentities ? ix->nentities : 1) * sizeof *last);
	for (size_t e = 0; e < ix->nentities; e++)
		last[e] = SIZE_MAX;
	size_t *caps = rv_xcalloc(ix->nentities ? ix->nentities : 1, sizeof *caps);
	for (size_t a = 0; a < ix->corpus->n; a++) {
		for (size_t i = 0; i < ix->an[a].nnames; i++) {
			uint32_t e = ix->an[a].names[i].entity;
			if (e == RV_NONE)
				continue;
			struct rv_entity *en = &ix->entities[e];
			en->mentions++;
			if (last[e] != a) {
				last[e] = a;
				en->articles = rv_xgrow(en->articles, &caps[e], en->narticles + 1, sizeof *en->articles);
				en->articles[en->narticles++] = (uint32_t)a;
			}
		}
	}
	free(caps);
	free(last);
}

/* --- speakers, quotes ------------------------------------------------------- */

static bool in_quotation(const struct rv_analysis *an, const struct rv_name *n)
{
	for (size_t k = 0; k < an->nquotes; k++)
		if (n->start >= an->quotes[k].start && n->end <= an->quotes[k].end &&
		    !(an->quotes[k].flags & RV_QUOTE_BLOCK))
			return true;
	return false;
}

/* The first name of the article starting at or after body offset `at`
 * (names are in text order). */
static size_t first_name_from_offset(const struct rv_analysis *an, uint32_t at)
{
	size_t lo = 0, hi = an->nnames;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (an->names[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Who "il", "he", "la ministre" or an unattributed quotation stands for:
 * the nearest sentence before `at` that names a person (outside
 * quotations) gives its first person, the usual subject. Failing that, the
 * speaker of the quotation before. */
static uint32_t pronoun_speaker(const struct rv_index *ix, const struct rv_analysis *an, uint32_t at, size_t self,
			       enum rv_etype want)
{
	uint32_t chosen = RV_NONE, sentence = RV_NONE;
	size_t lo = first_name_from_offset(an, at);
	for (size_t i = lo; i-- > 0;) {
		const struct rv_name *n = &an->names[i];
		if (at - n->start > 3000 && chosen == RV_NONE)
			break;
		if (n->entity == RV_NONE || ix->entities[n->entity].type != want)
			continue;
		if (in_quotation(an, n))
			continue;
		if (sentence != RV_NONE && n->sentence != sentence)
			break; /* past the nearest sentence with a person */
		sentence = n->sentence;
		chosen = n->entity;
	}
	if (chosen == RV_NONE && self > 0 && an->quotes[self - 1].speaker != RV_NONE)
		return an->quotes[self - 1].speaker;
	return chosen;
}

/* "la banque précise", "concède le groupe", "a souligné l'ONG": the
 * organisation the article is about, its most named one before `at`
 * (outside quotations; the nearest among equals). */
static uint32_t org_speaker(const struct rv_index *ix, const struct rv_analysis *an, uint32_t at)
{
	enum { SEEN = 32, LOOK = 256 }; /* bounds for hostile articles: the story's organisations come early */
	uint32_t ent[SEEN], count[SEEN];
	size_t nseen = 0;
	uint32_t best = RV_NONE, best_n = 0;
	for (size_t i = 0; i < an->nnames && i < LOOK && an->names[i].start < at; i++) {
		const struct rv_name *n = &an->names[i];
		if (n->entity == RV_NONE || ix->entities[n->entity].type != RV_ET_ORG || in_quotation(an, n))
			continue;
		size_t k = 0;
		while (k < nseen && ent[k] != n->entity)
			k++;
		if (k == nseen) {
			if (nseen == SEEN)
				continue;
			ent[nseen] = n->entity;
			count[nseen++] = 0;
		}
		if (++count[k] >= best_n) {
			best = n->entity;
			best_n = count[k];
		}
	}
	return best;
}

/* "a expliqué le président de la République": the person the article
 * names with that role ("le président Nicolas Sarkozy"), the last one
 * before `at`, else the first after. */
static uint32_t role_speaker(const struct rv_index *ix, const struct rv_analysis *an, uint32_t role, uint32_t at)
{
	enum { REACH = 2048 }; /* names looked at on each side: linear time on hostile articles */
	size_t lo = first_name_from_offset(an, at);
	for (size_t i = lo; i-- > 0 && lo - i <= REACH;) {
		const struct rv_name *n = &an->names[i];
		if (n->role == role && n->entity != RV_NONE && ix->entities[n->entity].type == RV_ET_PERSON)
			return n->entity;
	}
	for (size_t i = lo; i < an->nnames && i - lo < REACH; i++) {
		const struct rv_name *n = &an->names[i];
		if (n->role == role && n->entity != RV_NONE && ix->entities[n->entity].type == RV_ET_PERSON)
			return n->entity;
	}
	return RV_NONE;
}

/* Bytes between an attributed quotation's sentence and the next one with no
 * clause of its own, for the second to inherit the speaker: about two short
 * paragraphs of news copy. */
#define CONTINUATION_MAX 1200

/* A quotation with no reporting clause that follows one with a speaker, and
 * no person or organisation named since the sentence that attributed it,
 * goes on quoting the same speaker ("..., X said. “More words.”"). */
static uint32_t continued_speaker(const struct rv_index *ix, const struct rv_analysis *an, size_t self)
{
	if (self == 0)
		return RV_NONE;
	const struct rv_quote *q = &an->quotes[self], *p = &an->quotes[self - 1];
	if (p->kind != RV_QUOTE_SPEECH || p->speaker == RV_NONE || q->start < p->clause_end ||
	    q->start - p->clause_end > CONTINUATION_MAX)
		return RV_NONE;
	size_t lo = first_name_from_offset(an, p->clause_end); /* the first name after the clause */
	for (size_t i = lo; i < an->nnames; i++) {
		const struct rv_name *n = &an->names[i];
		if (n->start >= q->start)
			break;
		if (n->entity == RV_NONE || in_quotation(an, n))
			continue;
		enum rv_etype t = ix->entities[n->entity].type;
		if (t == RV_ET_PERSON || t == RV_ET_ORG)
			return RV_NONE;
	}
	return p->speaker;
}

/* Does `longer` extend `shorter` by capitalised words only, at its end for
 * an organisation ("Oxfam" → "Oxfam International") or at its start for a
 * person ("Eddington" → "Rod Eddington")? "CGT" → "CGT finances" names a
 * part of the organisation, not the same one. */
static bool proper_extension(const char *shorter, const char *longer, enum rv_etype type)
{
	size_t n = strlen(shorter), m = strlen(longer);
	if (m <= n + 1)
		return false;
	const char *ext;
	size_t ext_len;
	if (type == RV_ET_ORG) {
		if (strncmp(longer, shorter, n) || longer[n] != ' ')
			return false;
		ext = longer + n + 1;
		ext_len = m - n - 1;
	} else {
		if (strcmp(longer + m - n, shorter) || longer[m - n - 1] != ' ')
			return false;
		ext = longer;
		ext_len = m - n - 1;
	}
	for (size_t i = 0; i < ext_len; i++) { /* a word opening with a non-ASCII letter passes (É, Ö...) */
		bool word_start = i == 0 || ext[i - 1] == ' ';
		if (word_start && ext[i] != ' ' && !((unsigned char)ext[i] >= 'A' && (unsigned char)ext[i] <= 'Z') &&
		    (unsigned char)ext[i] < 0x80)
			return false;
	}
	return true;
}

#define FULLEST_LOOK 4096 /* names of an article looked at for a speaker's fuller name */

/* A speaker is named by their fullest name in the article: "Oxfam" is
 * "Oxfam International" when the article writes that, and no other fuller
 * name competes ("Clinton" stays "Clinton" beside Bill and Hillary
 * Clinton). */
static uint32_t fullest_speaker(const struct rv_index *ix, const struct rv_analysis *an, uint32_t speaker)
{
	const struct rv_entity *e = &ix->entities[speaker];
	uint32_t found = RV_NONE;
	for (size_t i = 0; i < an->nnames && i < FULLEST_LOOK; i++) {
		uint32_t f = an->names[i].entity;
		if (f == RV_NONE || f == speaker || f == found || ix->entities[f].type != e->type)
			continue;
		if (!proper_extension(e->name, ix->entities[f].name, e->type))
			continue;
		if (found != RV_NONE)
			return speaker; /* two fuller names: which one is unsaid */
		found = f;
	}
	return found != RV_NONE ? found : speaker;
}

static void resolve_speakers(struct rv_index *ix)
{
	uint32_t id = 0;
	for (size_t a = 0; a < ix->corpus->n; a++) {
		struct rv_analysis *an = &ix->an[a];
		uint32_t last_speaker = RV_NONE, last_fullest = RV_NONE;
		for (size_t q = 0; q < an->nquotes; q++) {
			struct rv_quote *qu = &an->quotes[q];
			qu->id = id++;
			if (qu->speaker_name != RV_NONE) {
				qu->speaker = an->names[qu->speaker_name].entity;
				if (qu->speaker == RV_NONE) /* the word was no name after all */
					qu->pronoun_at = qu->start;
				else if (ix->entities[qu->speaker].type != RV_ET_PERSON &&
					 ix->entities[qu->speaker].type != RV_ET_ORG) {
					qu->speaker = RV_NONE; /* places and products do not speak */
					qu->pronoun_at = qu->start;
				}
			}
			if (qu->speaker == RV_NONE && qu->pronoun_at != RV_NONE && !(qu->flags & RV_QUOTE_PLURAL)) {
				if (qu->flags & RV_QUOTE_NO_CUE)
					qu->speaker = continued_speaker(ix, an, q);
				if (qu->speaker == RV_NONE && qu->role)
					qu->speaker = role_speaker(ix, an, qu->role, qu->pronoun_at);
				if (qu->speaker == RV_NONE && (qu->flags & RV_QUOTE_BY_ORG))
					qu->speaker = org_speaker(ix, an, qu->pronoun_at);
				if (qu->speaker == RV_NONE)
					qu->speaker = pronoun_speaker(ix, an, qu->pronoun_at, q, RV_ET_PERSON);
			}
			if (qu->speaker != RV_NONE) {
				if (qu->speaker != last_speaker) { /* a run of quotes by one speaker: looked up once */
					last_speaker = qu->speaker;
					last_fullest = fullest_speaker(ix, an, qu->speaker);
				}
				qu->speaker = last_fullest;
			}
		}
	}
	ix->nquotes = id;
}

/* --- timeline order ------------------------------------------------------------ */

static const struct rv_index *sort_ix;

static int cmp_tl(const void *x, const void *y)
{
	const struct rv_timeline_ref *p = x, *q = y;
	const struct rv_tentry *a = &sort_ix->an[p->article].dates[p->entry];
	const struct rv_tentry *b = &sort_ix->an[q->article].dates[q->entry];
	if (a->resolved != b->resolved)
		return a->resolved ? -1 : 1;
	int c = strcmp(a->date, b->date);
	if (c)
		return c;
	if (p->article != q->article)
		return p->article < q->article ? -1 : 1;
	return (a->start > b->start) - (a->start < b->start);
}

static void order_timeline(struct rv_index *ix)
{
	size_t n = 0;
	for (size_t a = 0; a < ix->corpus->n; a++)
		n += ix->an[a].ndates;
	ix->timeline = rv_xmalloc((n ? n : 1) * sizeof *ix->timeline);
	for (size_t a = 0; a < ix->corpus->n; a++)
		for (size_t i = 0; i < ix->an[a].ndates; i++) {
			ix->timeline[ix->ntimeline++] = (struct rv_timeline_ref){(uint32_t)a, (uint32_t)i};
			ix->nresolved += ix->an[a].dates[i].resolved;
		}
	/* qsort has no context argument in C11: the index is frozen and built by
	 * one thread, so a file-scope pointer serves */
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	sort_ix = ix;
	qsort(ix->timeline, ix->ntimeline, sizeof *ix->timeline, cmp_tl);
	sort_ix = NULL;
	pthread_mutex_unlock(&lock);
}

/* --- build, free, queries -------------------------------------------------------- */

struct rv_index *rv_index_build(const struct rv_corpus *c, const struct rv_index_opts *opts)
{
	struct rv_index *ix = rv_xcalloc(1, sizeof *ix);
	ix->corpus = c;
	ix->an = rv_xcalloc(c->n ? c->n : 1, sizeof *ix->an);
	double t0 = seconds();
	analyse_all(c, ix->an, opts ? opts->threads : 0, opts ? opts->progress : NULL);
	ix->seconds_analyse = seconds() - t0;
	t0 = seconds();
	struct names nm = {0};
	drop_common_acronyms(ix);
	expand_acronyms(ix);
	former_names(ix);
	char *alias_path = NULL;
	if (opts && opts->aliases)
		alias_path = rv_xstrdup(opts->aliases);
	else if (c->root)
		alias_path = rv_xasprintf("%s/entities.tsv", c->root);
	struct alias *al = NULL;
	size_t nal = alias_path ? read_aliases(alias_path, &al, &ix->diags) : 0;
	if (nal)
		apply_aliases(ix, al, nal);
	free(alias_path);
	filter_and_count(ix, &nm, opts ? opts->threads : 0);
	join_partial_names(ix, &nm, opts ? opts->threads : 0);
	build_entities(ix, &nm);
	/* the alias file's spelling of a name is the canonical one */
	for (size_t i = 0; i < nal; i++) {
		const uint32_t *e = rv_strmap_get(&ix->entity_by_key, al[i].canonical, strlen(al[i].canonical));
		if (e) {
			free(ix->entities[*e].name);
			ix->entities[*e].name = rv_xstrdup(al[i].display);
			ix->entities[*e].type = al[i].type;
		}
	}
	free_aliases(al, nal);
	rv_strmap_free(&nm.map);
	free(nm.st);
	count_mentions(ix);
	resolve_speakers(ix);
	order_timeline(ix);
	/* the folded keys served the decisions above; the frozen index answers
	 * with entity numbers, and on a big corpus the keys weigh hundreds of MB */
	for (size_t a = 0; a < c->n; a++)
		for (size_t i = 0; i < ix->an[a].nnames; i++) {
			free(ix->an[a].names[i].key);
			ix->an[a].names[i].key = NULL;
		}
	ix->seconds_resolve = seconds() - t0;
	t0 = seconds();
	struct rv_link_opts lo = {.threads = opts ? opts->threads : 0};
	if (opts && opts->links) {
		ix->links = rv_links_load(c, ix->an, opts->links, &ix->diags);
		if (!ix->links) { /* unreadable (it said so): no links rather than hours of computing */
			ix->links = rv_xcalloc(1, sizeof *ix->links);
			rv_links_index_members(ix->links, c->n);
		}
	} else {
		ix->links = rv_links_build(c, ix->an, &lo);
	}
	ix->seconds_link = seconds() - t0;
	return ix;
}

void rv_index_free(struct rv_index *ix)
{
	if (!ix)
		return;
	if (ix->mapped) {
		free(ix->an);
		free(ix->quote_block);
		rv_strmap_free(&ix->entity_by_key);
		free(ix->entities);
		free(ix->links);
		rv_diag_free(&ix->diags);
		free(ix);
		return;
	}
	for (size_t a = 0; a < ix->corpus->n; a++)
		rv_analysis_free(&ix->an[a]);
	free(ix->an);
	for (size_t e = 0; e < ix->nentities; e++) {
		free(ix->entities[e].name);
		free(ix->entities[e].key);
		free(ix->entities[e].articles);
	}
	free(ix->entities);
	rv_strmap_free(&ix->entity_by_key);
	free(ix->timeline);
	rv_links_free(ix->links);
	rv_diag_free(&ix->diags);
	free(ix);
}

static int cmp_count(const void *x, const void *y)
{
	const struct rv_entity_count *a = x, *b = y;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return (a->entity > b->entity) - (a->entity < b->entity);
}

size_t rv_index_article_entities(const struct rv_index *ix, size_t art, struct rv_entity_count **out)
{
	const struct rv_analysis *an = &ix->an[art];
	struct rv_entity_count *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < an->nnames; i++) {
		uint32_t e = an->names[i].entity;
		if (e == RV_NONE)
			continue;
		size_t k = 0;
		while (k < n && v[k].entity != e)
			k++;
		if (k == n) {
			v = rv_xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = (struct rv_entity_count){e, 0};
		}
		v[k].count++;
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_count);
	*out = v;
	return n;
}

uint32_t rv_index_find_entity(const struct rv_index *ix, const char *name)
{
	char buf[1024];
	size_t n = rv_fold_word(name, strlen(name), buf, sizeof buf);
	const uint32_t *v = rv_strmap_get(&ix->entity_by_key, buf, n);
	return v ? *v : RV_NONE;
}

size_t rv_index_speaker_quotes(const struct rv_index *ix, uint32_t entity, struct rv_timeline_ref **out)
{
	struct rv_timeline_ref *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t a = 0; a < ix->corpus->n; a++)
		for (size_t q = 0; q < ix->an[a].nquotes; q++)
			if (ix->an[a].quotes[q].speaker == entity) {
				v = rv_xgrow(v, &cap, n + 1, sizeof *v);
				v[n++] = (struct rv_timeline_ref){(uint32_t)a, (uint32_t)q};
			}
	*out = v;
	return n;
}
