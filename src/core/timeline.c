/* Temporal expressions, French and English, to ISO 8601.
 *
 * PCRE2 patterns (JIT) over the folded view find candidates; each has a
 * handler that turns the match into a date, a granularity and a modifier.
 * Overlapping candidates keep the longest (then the earliest). Relative
 * expressions (l'an dernier, lundi, en mars, il y a trois ans, d'ici 12 à 18
 * mois) are anchored to the article's date when it is precise enough, the
 * tense of their sentence choosing past or future for a bare month or
 * weekday; otherwise they are kept unresolved, never guessed.
 *
 * Not dates: numbers inside other numbers (46.600), numbers with a unit or
 * a currency (2021 euros, 1500 manifestants), product numbers (GPT-4, Sora
 * 2: they are not four digits), durations (12 à 18 mois without "d'ici").
 */
#include "revue/analysis.h"

#include "revue/lexicon.h"
#include "revue/util.h"

#include "revue/pattern.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MONTHS_FR "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
#define MONTHS_EN "january|february|march|april|may|june|july|august|september|october|november|december"
#define MONTHS_ABBR "janv|fevr|fev|avr|juil|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
#define MONTH "(?<mon>" MONTHS_FR "|" MONTHS_EN "|(?:" MONTHS_ABBR ")\\.?)"
#define YEAR "(?<y>1[5-9]\\d\\d|20\\d\\d|21\\d\\d)"
#define DAY "(?<d>1er|[12]\\d|3[01]|0?[1-9])"
#define WEEKDAY "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#define MOD "(?<mod>debut|mi|fin|courant|milieu|early|mid|late|end of|beginning of|the end of|the beginning of|the middle of)"
#define SEASON "(?<season>printemps|ete|automne|hiver|spring|summer|autumn|fall|winter)"
#define NUMWORD "(?<n>\\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a)"
#define NOT_NUMBER_AFTER "(?![.,]?\\d)"

enum kind {
	K_ISO,
	K_DAY_RANGE,   /* before the single days and months it holds: */
	K_MONTH_RANGE, /* an alternation takes its first match, not its longest */
	K_DAY_MONTH_YEAR,
	K_MONTH_DAY_YEAR,
	K_MONTH_YEAR,
	K_SEASON_YEAR,
	K_QUARTER,
	K_MOD_YEAR,
	K_RANGE,
	K_DECADE, /* before the year it names: "les années 1980" is no year 1980 */
	K_YEAR,
	K_REL_YEAR,
	K_REL_SEASON,
	K_REL_MONTH,
	K_AGO,
	K_WITHIN,
	K_BARE_MONTH,
	K_DAY_MONTH,
	K_WEEKDAY,
	K_YESTERDAY,
	K_MONTH_DAY,
	K_REL_WEEK,
	K_REL_NAMED_MONTH,
	K_CHRISTMAS,
	K_SEMESTER,
	K_REL_PART_YEAR,
	K_COUNT
};

static const char *const patterns[K_COUNT] = {
	[K_ISO] = "(?<![\\d.,/-])(?<y>\\d{4})-(?<m>0[1-9]|1[0-2])(?:-(?<d>0[1-9]|[12]\\d|3[01]))?(?![\\d/-])",
	[K_DAY_MONTH_YEAR] = "\\b(?:" WEEKDAY " )?" DAY " " MONTH " " YEAR "\\b" NOT_NUMBER_AFTER,
	[K_MONTH_DAY_YEAR] = "\\b(?:" WEEKDAY ",? )?" MONTH " " DAY "(?:st|nd|rd|th)?,? " YEAR "\\b" NOT_NUMBER_AFTER,
	[K_MONTH_YEAR] = "\\b(?:" MOD "[- ](?:de |d'|of )?)?" MONTH " (?:de |of |d')?" YEAR "\\b" NOT_NUMBER_AFTER,
	[K_SEASON_YEAR] = "\\b(?:" MOD " (?:de l'|du |de |d'|of )?)?(?:(?:au |a l'|en |l'|le |in (?:the )?)?)" SEASON
			  " (?:de |d'|of )?" YEAR "\\b" NOT_NUMBER_AFTER,
	[K_QUARTER] = "\\b(?:(?<q>[tq])(?<qn>[1-4]) " YEAR "|(?<ord>premier|1er|deuxieme|2e|second|troisieme|3e|"
		      "quatrieme|4e|first|third|fourth) (?:trimestre|quarter) (?:de |of )?(?<y2>\\d{4}))\\b",
	[K_MOD_YEAR] = "\\b" MOD "[- ](?:de |d'|of )?(?:l'annee |l'an |the year )?" YEAR "\\b" NOT_NUMBER_AFTER,
	[K_RANGE] = "\\b(?:(?:de|entre|from|between) (?<y1>\\d{4}) (?:a|et|to|and) (?<y2>\\d{4})|(?<y3>\\d{4}) ?[-\xE2\x80\x93] ?(?<y4>\\d{4}))\\b" NOT_NUMBER_AFTER,
	/* "les années 1980", "les années 80", "the 1980s", "the '80s", "1990s" */
	[K_DECADE] = "\\b(?:(?:les |des |aux |dans les |depuis les )?annees (?:(?<dy>1[89]\\d0|20[0-9]0)|(?<ds>[3-9]0))\\b(?![.,]?\\d)"
		     "|(?<dy>1[89]\\d0|20[0-9]0)'?s\\b|the '(?<ds>[3-9]0)s\\b)",
	[K_YEAR] = "(?<![\\d.,$\xE2\x82\xAC\xC2\xA3#-])\\b" YEAR "\\b(?![.,]?\\d|-\\d| ?%)",
	[K_REL_YEAR] = "\\b(?:(?:l'an|l'annee) (?<rel>dernier|derniere|passe|passee|prochain|prochaine)|(?<rel2>last|next|this) year|cette annee(?<this>))\\b",
	[K_REL_SEASON] = "\\b(?:(?:l'|le |cet |ce )?" SEASON " (?<rel>dernier|derniere|passe|prochain|prochaine)|(?<rel2>last|next|this) " SEASON ")\\b",
	[K_REL_MONTH] = "\\b(?:le mois (?<rel>dernier|passe|prochain)|(?<rel2>last|next|this) month|ce mois-ci(?<this>))\\b",
	[K_AGO] = "\\b(?:il y a " NUMWORD " (?<unit>ans|mois|decennies?)|" NUMWORD " (?<unit>years?|months?|decades?) ago)\\b",
	[K_WITHIN] = "\\b(?:d'ici|within|dans les|in the next) (?:(?<n1>\\d{1,3}) (?:a|et|to|-) )?(?<n2>\\d{1,3}|un|une|deux|trois|six|dix|douze|one|two|three|six|ten|twelve|a) (?<unit>mois|ans?|annees?|months?|years?)\\b",
	[K_BARE_MONTH] = "\\b(?:(?<mod>fin|debut|mi|early|late|mid)[ -]|(?:en|in|au mois de|au mois d'|depuis|since|d'ici|by|until|jusqu'en|des|from) |d')" MONTH "\\b(?! (?:de |of |d')?\\d| (?:dernier|derniere|prochain|prochaine|passe)\\b)",
	[K_DAY_MONTH] = "\\b(?:le |on )?(?:" WEEKDAY " )?" DAY " " MONTH "\\b(?! (?:de |of )?\\d{4}\\b)",
	/* not "chaque samedi", "every Monday", "tous les lundis": a habit, no date */
	[K_WEEKDAY] = "(?<!chaque |every |each |tous les )\\b(?:(?<rel2>last|next) )?(?<wd>" WEEKDAY ")(?: (?<rel>dernier|prochain))?\\b(?! \\d)",
	[K_YESTERDAY] = "\\b(?<rel>hier|avant-hier|demain|yesterday|tomorrow|la veille|the day before)\\b",
	[K_MONTH_DAY] = "\\b(?<mon>" MONTHS_EN "|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?) " DAY "(?:st|nd|rd|th)?\\b(?!,? ?\\d)",
	[K_REL_WEEK] = "\\b(?:la semaine (?<rel>derniere|passee|prochaine)|(?<rel2>last|next|this) week|cette semaine(?<this>))\\b",
	[K_REL_NAMED_MONTH] = "\\b(?:(?<rel2>last|next) " MONTH "|" MONTH " (?<rel>dernier|prochain))\\b",
	[K_CHRISTMAS] = "\\b(?:noel|christmas)\\b",
	[K_SEMESTER] = "\\b(?<ord>premier|1er|second|deuxieme|2e|first|second) (?:semestre|half)(?: (?:de |of )?" YEAR ")?\\b",
	[K_REL_PART_YEAR] = "\\b" MOD " (?:d'annee|de l'annee|of the year)\\b",
	/* "14-16 novembre", "du 14 au 16 novembre 2008", "March 31-April 4, 2011" */
	[K_DAY_RANGE] = "\\b(?:(?:du |les? )?" DAY "(?:er)?(?: ?[-\xE2\x80\x93] ?| au | et )(?<d2>[12]\\d|3[01]|0?[1-9]) " MONTH
			"|" MONTH " " DAY "(?: ?[-\xE2\x80\x93] ?| to | through )(?:(?<mon2>" MONTHS_EN ") )?(?<d2>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"
			"(?:,? (?:de |of )?" YEAR ")?\\b" NOT_NUMBER_AFTER,
	/* "d'avril à juin", "from April to June 2019", "entre avril et juin" */
	[K_MONTH_RANGE] = "\\b(?:d'|de |du mois d'|from |between |entre )" MONTH " (?:a|au|to|and|et|jusqu'en|until) (?<mon2>"
			  MONTHS_FR "|" MONTHS_EN ")(?: (?:de |of |d')?" YEAR ")?\\b" NOT_NUMBER_AFTER,
};

/* Which patterns cannot match without a digit. */
static const bool needs_digit[K_COUNT] = {
	[K_ISO] = true, [K_DAY_MONTH_YEAR] = true, [K_MONTH_DAY_YEAR] = true, [K_MONTH_YEAR] = true,
	[K_SEASON_YEAR] = true, [K_QUARTER] = true, [K_MOD_YEAR] = true, [K_RANGE] = true, [K_YEAR] = true,
	[K_DECADE] = true,
	[K_DAY_MONTH] = true, [K_MONTH_DAY] = true, [K_DAY_RANGE] = true,
};

/* Two passes instead of one per pattern: the patterns of each group are
 * joined into one alternation, in the order of the enum (longer forms
 * first), each alternative marked with its kind; the match's mark says which
 * one matched. */
static pcre2_code *group_re[2];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct rv_trigger_set *triggers;
/* The words, besides dates words and numbers, that the patterns above may
 * open with: a token before a trigger is tried as a start only if it is
 * one of them (a third of the matcher calls, measured on the generated
 * corpus). A pattern given a new first word must add it here; the unit
 * tables of test_timeline.c catch a word forgotten. */
static const char *const openers[] = {
	/* MOD */ "debut", "mi", "fin", "courant", "milieu", "early", "mid", "late", "end", "beginning", "the",
	/* seasons, ranges, relatives */ "au", "a", "l'", "le", "la", "les", "en", "in", "de", "du", "entre", "from",
	"between", "last", "next", "this", "cette", "cet", "ce", "il", "d'", "within", "dans", "depuis", "annees", "aux",
	"since", "by", "until", "jusqu'", "des", "on", "hier", "avant-hier", "demain", "yesterday", "tomorrow",
	/* ordinals */ "premier", "deuxieme", "second", "troisieme", "quatrieme", "first", "third", "fourth",
	/* number words (il y a trois ans, two years ago) */ "un", "une", "deux", "trois", "quatre", "cinq",
	"six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt", "trente", "one", "two",
	"three", "four", "five", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
	"thirty", "y",
};

static void compile_all(void)
{
	/* every expression holds a digit or one of the date words */
	triggers = rv_trigger_set_new(RV_LEX_DATE_WORD, NULL);
	rv_trigger_set_openers(triggers, openers, RV_ARRAY_LEN(openers));
	for (int g = 0; g < 2; g++) {
		struct rv_buf b = {0};
		for (int k = 0; k < K_COUNT; k++) {
			if (needs_digit[k] != (g == 0))
				continue;
			rv_buf_printf(&b, "%s(?:(*MARK:%d)%s)", b.len ? "|" : "", k, patterns[k]);
		}
		group_re[g] = rv_pattern_compile(b.p, b.len);
		rv_buf_free(&b);
	}
}

struct match {
	pcre2_code *re;
	pcre2_match_data *md;
	const char *s;
};

static const char *grp(const struct match *m, const char *name, size_t *len)
{
	return rv_pattern_group(m->re, m->md, m->s, name, len);
}

static int grp_int(const struct match *m, const char *name)
{
	size_t len = 0;
	const char *g = grp(m, name, &len);
	if (!g)
		return -1;
	int v = 0;
	for (size_t i = 0; i < len && i < 6; i++) {
		if (g[i] < '0' || g[i] > '9')
			return v ? v : (len >= 2 && !strncmp(g, "1er", 3) ? 1 : -1);
		v = v * 10 + (g[i] - '0');
	}
	return v;
}

static bool grp_is(const struct match *m, const char *name, const char *const *words, size_t count)
{
	size_t len = 0;
	const char *g = grp(m, name, &len);
	if (!g)
		return false;
	for (size_t i = 0; i < count; i++)
		if (strlen(words[i]) == len && !memcmp(words[i], g, len))
			return true;
	return false;
}

static int month_of(const char *s, size_t n)
{
	static const char *const names[] = {
		"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
		"novembre", "decembre", "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "may", "jun", "jul",
		"aug", "sep", "oct", "nov", "dec", "janv", "fevr", "fev", "avr", "juil", "sept",
	};
	static const int num[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
				  12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 2, 4, 7, 9};
	while (n && s[n - 1] == '.')
		n--;
	for (size_t i = 0; i < RV_ARRAY_LEN(names); i++)
		if (strlen(names[i]) == n && !memcmp(names[i], s, n))
			return num[i];
	return 0;
}

static int grp_month(const struct match *m)
{
	size_t len = 0;
	const char *g = grp(m, "mon", &len);
	return g ? month_of(g, len) : 0;
}

static int number_word(const char *s, size_t n)
{
	static const char *const w[] = {"un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
					"neuf", "dix", "onze", "douze", "quinze", "vingt", "trente", "one", "two",
					"three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
					"twelve", "fifteen", "twenty", "thirty", "a"};
	static const int v[] = {1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20, 30, 1, 2, 3, 4, 5, 6, 7, 8, 9,
				10, 11, 12, 15, 20, 30, 1};
	if (n && s[0] >= '0' && s[0] <= '9') {
		int x = 0;
		for (size_t i = 0; i < n && i < 4; i++)
			x = x * 10 + (s[i] - '0');
		return x;
	}
	for (size_t i = 0; i < RV_ARRAY_LEN(w); i++)
		if (strlen(w[i]) == n && !memcmp(w[i], s, n))
			return v[i];
	return -1;
}

static bool valid_day(int y, int m, int d)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1)
		return false;
	int max = dim[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return d <= max;
}

/* --- the article's time and the sentence's tense ------------------------- */

struct anchor {
	struct rv_date date;
};

static const char *const future_words[] = {
	"va", "vont", "sera", "seront", "devrait", "devraient", "prevoit", "prevoient", "prevu", "prevue",
	"prochain", "prochaine", "pourrait", "pourraient", "will", "going", "would", "plans", "planned",
	"expected", "next", "upcoming", "d'ici", "compte", "comptent", "entend", "envisage", "aura",
	"fera", "pourra", "devra", "ira", "viendra", "signera", "sera", "serait", "aurait", "pourrait",
	"devrait", "prevoit", "doit", "doivent",
};

static bool sentence_future(const char *fold, size_t a, size_t b)
{
	size_t i = a;
	while (i < b) {
		while (i < b && !((fold[i] >= 'a' && fold[i] <= 'z') || fold[i] == '\''))
			i++;
		size_t w = i;
		while (i < b && ((fold[i] >= 'a' && fold[i] <= 'z') || fold[i] == '\''))
			i++;
		if (i - w < 2)
			continue;
		for (size_t k = 0; k < RV_ARRAY_LEN(future_words); k++)
			if (future_words[k][0] == fold[w] && strlen(future_words[k]) == i - w &&
			    !memcmp(future_words[k], fold + w, i - w))
				return true;
		char last = fold[i - 1];
		if (i - w < 5 || (last != 'a' && last != 't' && last != 's'))
			continue; /* no ending below fits */
		/* French future and conditional endings of verbs (-era, -eront,
		 * -irait...), but for the nouns that end so (caméra, opéra); -ront
		 * alone is a noun too often (le front) */
		static const char *const endings[] = {"eront", "iront", "erait", "irait", "eraient", "iraient",
						      "erons", "irons", "eras", "iras", "era", "ira"};
		static const char *const nouns[] = {"camera", "cameras", "opera", "operas", "cholera", "riviera",
						    "chimera", "tiara", "lira", "vera", "sera", "ira", "era"};
		bool noun = false;
		for (size_t k = 0; k < RV_ARRAY_LEN(nouns) && !noun; k++)
			noun = strlen(nouns[k]) == i - w && !memcmp(nouns[k], fold + w, i - w);
		for (size_t k = 0; k < RV_ARRAY_LEN(endings) && !noun; k++) {
			size_t el = strlen(endings[k]);
			if (i - w > el + 1 && !memcmp(fold + i - el, endings[k], el))
				return true;
		}
	}
	return false;
}

/* --- entries -------------------------------------------------------------- */

struct cand {
	size_t fs, fe; /* folded offsets */
	struct rv_tentry e;
	int priority;
};

struct ctx {
	const struct rv_article *a;
	struct rv_analysis *an;
	struct cand *v;
	size_t n, cap;
	uint32_t tense_sentence; /* the sentence tense_future answered for last, RV_NONE */
	bool tense_was_future;
};

/* The tense of the sentence holding folded offset fs: future or not. */
static bool tense_future(struct ctx *c, size_t fs)
{
	const struct rv_tokens *tk = &c->an->tok;
	size_t lo = 0, hi = tk->n; /* the token at fs */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tk->v[mid].fold_end <= fs)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= tk->n || !tk->nsent)
		return false;
	uint32_t k = tk->v[lo].sentence;
	if (k == c->tense_sentence)
		return c->tense_was_future; /* several dates in one sentence */
	size_t a = rv_fold_from_source(&c->a->fold, tk->sent[k].start);
	size_t b = rv_fold_from_source(&c->a->fold, tk->sent[k].end);
	c->tense_sentence = k;
	c->tense_was_future = sentence_future(c->a->fold.text, a, b);
	return c->tense_was_future;
}

/* The year of a month named without one: the article's, or the next when
 * the sentence speaks of the future and the month is already past, or the
 * last when it speaks of the past and the month is still to come. */
static int year_of_month(struct ctx *c, size_t fs, int month)
{
	const struct rv_date *ad = &c->a->date;
	bool future = tense_future(c, fs);
	if (future && month < ad->month)
		return ad->year + 1;
	if (!future && month > ad->month)
		return ad->year - 1;
	return ad->year;
}

/* Years an ISO 8601 date of four digits can hold: a relative date counted
 * from an article dated 0001 or 9999 may fall outside, and is then left
 * unresolved rather than written as -002 or 10000 (which sort wrongly and
 * rv_date_parse refuses). */
static bool year_ok(int y)
{
	return y >= 1 && y <= 9999;
}

static void set_date(struct rv_tentry *e, int y, int m, int d)
{
	if (!year_ok(y))
		return;
	if (d > 0)
		snprintf(e->date, sizeof e->date, "%04d-%02d-%02d", y, m, d);
	else if (m > 0)
		snprintf(e->date, sizeof e->date, "%04d-%02d", y, m);
	else
		snprintf(e->date, sizeof e->date, "%04d", y);
	e->granularity = d > 0 ? RV_GRAN_DAY : m > 0 ? RV_GRAN_MONTH : RV_GRAN_YEAR;
	e->resolved = true;
}

static void set_range(struct rv_tentry *e, int y1, int m1, int y2, int m2, enum rv_granularity g)
{
	if (!year_ok(y1) || !year_ok(y2))
		return;
	if (m1 > 0)
		snprintf(e->date, sizeof e->date, "%04d-%02d/%04d-%02d", y1, m1, y2, m2);
	else
		snprintf(e->date, sizeof e->date, "%04d/%04d", y1, y2);
	e->granularity = g;
	e->resolved = true;
}

static void season_range(struct rv_tentry *e, int y, const char *s, size_t n)
{
	int start = 3;
	if (!strncmp(s, "ete", n) || !strncmp(s, "summer", n))
		start = 6;
	else if (!strncmp(s, "automne", n) || !strncmp(s, "autumn", n) || !strncmp(s, "fall", n))
		start = 9;
	else if (!strncmp(s, "hiver", n) || !strncmp(s, "winter", n))
		start = 12;
	int end = start + 2, y2 = y;
	if (end > 12) {
		end -= 12;
		y2++;
	}
	set_range(e, y, start, y2, end, RV_GRAN_SEASON);
}

static enum rv_date_mod mod_of(const struct match *m)
{
	size_t len = 0;
	const char *g = grp(m, "mod", &len);
	if (!g)
		return RV_MOD_NONE;
	if (!strncmp(g, "debut", len) || !strncmp(g, "early", len) || strstr(g, "beginning") == g ||
	    (len > 4 && !strncmp(g, "the beginning", 13)))
		return RV_MOD_START;
	if (!strncmp(g, "fin", len) || !strncmp(g, "late", len) || !strncmp(g, "end of", len) ||
	    (len > 4 && !strncmp(g, "the end", 7)))
		return RV_MOD_END;
	return RV_MOD_MID;
}

static bool unit_follows(const char *s, size_t n, size_t at)
{
	static const char *const units[] = {
		"euros", "euro", "dollars", "dollar", "milliards", "millions", "personnes", "habitants",
		"manifestants", "salaries", "emplois", "postes", "morts", "victimes", "blesses", "km",
		"metres", "tonnes", "kg", "voix", "votes", "points", "people", "jobs", "deaths", "miles",
		"feet", "pieds", "m", "hectares", "litres", "participants", "gilets", "policiers", "gendarmes",
		"exemplaires", "copies", "pages", "signatures", "candidats", "eleves", "etudiants", "foyers",
		"entreprises", "mots", "words", "visiteurs", "spectateurs", "abonnes", "followers", "fois",
	};
	while (at < n && s[at] == ' ')
		at++;
	size_t w = at;
	while (at < n && s[at] >= 'a' && s[at] <= 'z')
		at++;
	for (size_t i = 0; i < RV_ARRAY_LEN(units); i++)
		if (strlen(units[i]) == at - w && !memcmp(units[i], s + w, at - w))
			return true;
	return false;
}

static bool year_blocked_before(const char *s, size_t at)
{
	static const char *const blockers[] = {"n°", "n° ", "no ", "numero ", "page ", "p. ", "art. ", "article ",
					       "gpt-", "rue ", "code ", "route ", "#", "vol. ", "chapitre "};
	for (size_t i = 0; i < RV_ARRAY_LEN(blockers); i++) {
		size_t k = strlen(blockers[i]);
		if (at >= k && !memcmp(s + at - k, blockers[i], k))
			return true;
	}
	return false;
}

static const char *const rel_past[] = {"dernier", "derniere", "passe", "passee", "last"};
static const char *const rel_next[] = {"prochain", "prochaine", "next"};

static void handle(struct ctx *c, enum kind k, const struct match *m, size_t fs, size_t fe)
{
	const struct rv_date *ad = &c->a->date;
	struct rv_tentry e = {0};
	int y = grp_int(m, "y");
	int month = grp_month(m);
	int prio = 1;
	switch (k) {
	case K_ISO: {
		int mo = grp_int(m, "m"), d = grp_int(m, "d");
		if (d > 0 && !valid_day(y, mo, d))
			return;
		set_date(&e, y, mo, d > 0 ? d : 0);
		prio = 3;
		break;
	}
	case K_DAY_MONTH_YEAR:
	case K_MONTH_DAY_YEAR: {
		int d = grp_int(m, "d");
		if (!valid_day(y, month, d))
			return;
		set_date(&e, y, month, d);
		prio = 3;
		break;
	}
	case K_MONTH_YEAR:
		if (!month)
			return;
		set_date(&e, y, month, 0);
		e.mod = mod_of(m);
		prio = 2;
		break;
	case K_SEASON_YEAR: {
		size_t sl = 0;
		const char *s = grp(m, "season", &sl);
		if (!s)
			return;
		season_range(&e, y, s, sl);
		e.mod = mod_of(m);
		prio = 2;
		break;
	}
	case K_QUARTER: {
		int q = grp_int(m, "qn");
		if (q < 0) {
			static const char *const first[] = {"premier", "1er", "first"};
			static const char *const second[] = {"deuxieme", "2e", "second"};
			static const char *const third[] = {"troisieme", "3e", "third"};
			q = grp_is(m, "ord", first, 3) ? 1 : grp_is(m, "ord", second, 3) ? 2 : grp_is(m, "ord", third, 3) ? 3 : 4;
			y = grp_int(m, "y2");
		}
		if (y < 1500 || y > 2199)
			return;
		set_range(&e, y, 3 * q - 2, y, 3 * q, RV_GRAN_QUARTER);
		prio = 2;
		break;
	}
	case K_MOD_YEAR:
		set_date(&e, y, 0, 0);
		e.mod = mod_of(m);
		prio = 2;
		break;
	case K_RANGE: {
		int y1 = grp_int(m, "y1"), y2 = grp_int(m, "y2");
		if (y1 < 0) {
			y1 = grp_int(m, "y3");
			y2 = grp_int(m, "y4");
		}
		if (y1 < 1500 || y2 > 2199 || y2 <= y1 || y2 - y1 > 100)
			return;
		set_range(&e, y1, 0, y2, 0, RV_GRAN_YEAR);
		prio = 2;
		break;
	}
	case K_DECADE: {
		int dy = grp_int(m, "dy"), ds = grp_int(m, "ds");
		if (dy < 0 && ds >= 30)
			dy = 1900 + ds; /* "les années 80": this century's would be written in full */
		if (dy < 1800 || dy > 2090)
			return;
		snprintf(e.date, sizeof e.date, "%03d", dy / 10); /* ISO 8601's decade: 198 */
		e.granularity = RV_GRAN_DECADE;
		e.resolved = true;
		prio = 2;
		break;
	}
	case K_YEAR:
		if (y < 1900 && !(fs >= 3 && (!memcmp(m->s + fs - 3, "en ", 3) || !memcmp(m->s + fs - 3, "in ", 3))))
			return;
		if (year_blocked_before(m->s, fs) || unit_follows(m->s, c->a->fold.len, fe))
			return;
		set_date(&e, y, 0, 0);
		break;
	case K_REL_YEAR:
	case K_REL_MONTH: {
		int delta = 0;
		if (grp_is(m, "rel", rel_past, RV_ARRAY_LEN(rel_past)) || grp_is(m, "rel2", rel_past, 5))
			delta = -1;
		else if (grp_is(m, "rel", rel_next, RV_ARRAY_LEN(rel_next)) || grp_is(m, "rel2", rel_next, 3))
			delta = 1;
		e.relative = true;
		if (k == K_REL_YEAR && ad->precision >= RV_DATE_YEAR)
			set_date(&e, ad->year + delta, 0, 0);
		else if (k == K_REL_MONTH && ad->precision >= RV_DATE_MONTH) {
			int mm = ad->month + delta, yy = ad->year;
			if (mm < 1) {
				mm = 12;
				yy--;
			} else if (mm > 12) {
				mm = 1;
				yy++;
			}
			set_date(&e, yy, mm, 0);
		}
		break;
	}
	case K_REL_SEASON: {
		size_t sl = 0;
		const char *s = grp(m, "season", &sl);
		if (!s)
			return;
		e.relative = true;
		if (ad->precision < RV_DATE_MONTH)
			break;
		bool past = grp_is(m, "rel", rel_past, RV_ARRAY_LEN(rel_past)) || grp_is(m, "rel2", rel_past, 5);
		bool next = grp_is(m, "rel", rel_next, RV_ARRAY_LEN(rel_next)) || grp_is(m, "rel2", rel_next, 3);
		struct rv_tentry probe = {0};
		season_range(&probe, ad->year, s, sl);
		int start = atoi(probe.date + 5);
		/* the last such season that started before the article's month */
		int yy = ad->year;
		if (past)
			yy = start < ad->month ? ad->year - (start + 2 >= ad->month ? 1 : 0) : ad->year - 1;
		else if (next)
			yy = start > ad->month ? ad->year : ad->year + 1;
		season_range(&e, yy, s, sl);
		break;
	}
	case K_AGO: {
		size_t nl, ul = 0;
		const char *ns = grp(m, "n", &nl);
		const char *u = grp(m, "unit", &ul);
		int count = ns ? number_word(ns, nl) : -1;
		e.relative = true;
		if (count < 0)
			break;
		if (u && (u[0] == 'm')) { /* months */
			if (ad->precision < RV_DATE_MONTH)
				break;
			int t = ad->year * 12 + ad->month - 1 - count;
			set_date(&e, t / 12, t % 12 + 1, 0);
			break;
		}
		if (u && u[0] == 'd') /* decades */
			count *= 10;
		if (ad->precision >= RV_DATE_YEAR)
			set_date(&e, ad->year - count, 0, 0);
		break;
	}
	case K_WITHIN: {
		size_t l1 = 0, l2 = 0, ul = 0;
		const char *n1 = grp(m, "n1", &l1), *n2 = grp(m, "n2", &l2), *u = grp(m, "unit", &ul);
		int a = n1 ? number_word(n1, l1) : -1, b = n2 ? number_word(n2, l2) : -1;
		bool months = u && !strncmp(u, "mois", ul < 4 ? ul : 4) ? true : (u && u[0] == 'm');
		e.relative = true;
		e.mod = RV_MOD_APPROX;
		if (b < 0 || ad->precision < RV_DATE_MONTH)
			break;
		if (a < 0)
			a = b;
		if (a > b) { /* "d'ici 24 à 18 mois": the range runs forward all the same */
			int t = a;
			a = b;
			b = t;
		}
		int ma = months ? a : 12 * a, mb = months ? b : 12 * b;
		int t1 = ad->year * 12 + (ad->month - 1) + ma, t2 = ad->year * 12 + (ad->month - 1) + mb;
		if (t1 == t2)
			set_date(&e, t1 / 12, t1 % 12 + 1, 0);
		else
			set_range(&e, t1 / 12, t1 % 12 + 1, t2 / 12, t2 % 12 + 1, RV_GRAN_MONTH);
		break;
	}
	case K_BARE_MONTH:
	case K_DAY_MONTH: {
		if (!month)
			return;
		int d = k == K_DAY_MONTH ? grp_int(m, "d") : 0;
		size_t ml;
		const char *mw = grp(m, "mon", &ml);
		/* "mai", "may", "mars", "march" alone are words first */
		if (k == K_BARE_MONTH && mw && (!strncmp(mw, "may", ml) || !strncmp(mw, "march", ml)))
			return;
		e.relative = true;
		if (ad->precision < RV_DATE_MONTH)
			break;
		int yy = year_of_month(c, fs, month);
		if (d > 0 && !valid_day(yy, month, d))
			return;
		set_date(&e, yy, month, d > 0 ? d : 0);
		e.mod = k == K_BARE_MONTH ? mod_of(m) : RV_MOD_NONE;
		break;
	}
	case K_WEEKDAY:
	case K_YESTERDAY: {
		e.relative = true;
		if (ad->precision < RV_DATE_DAY)
			break;
		/* day arithmetic on the proleptic Gregorian calendar */
		struct tm t = {0};
		t.tm_year = ad->year - 1900;
		t.tm_mon = ad->month - 1;
		t.tm_mday = ad->day;
		t.tm_hour = 12;
		time_t base = timegm(&t);
		int delta = 0;
		if (k == K_YESTERDAY) {
			size_t rl = 0;
			const char *r = grp(m, "rel", &rl);
			if (!r)
				return;
			delta = !strncmp(r, "hier", rl) || !strncmp(r, "yesterday", rl) || !strncmp(r, "la veille", rl) ||
					!strncmp(r, "the day before", rl)
				    ? -1
				: !strncmp(r, "avant-hier", rl)                    ? -2
										   : 1;
		} else {
			static const char *const wd[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
							 "samedi", "sunday", "monday", "tuesday", "wednesday",
							 "thursday", "friday", "saturday"};
			size_t wl = 0;
			const char *w = grp(m, "wd", &wl);
			if (!w)
				return;
			int target = -1;
			for (int i = 0; i < 14; i++)
				if (strlen(wd[i]) == wl && !memcmp(wd[i], w, wl))
					target = i % 7;
			struct tm bt;
			gmtime_r(&base, &bt);
			bool future = tense_future(c, fs);
			if (grp_is(m, "rel", rel_past, RV_ARRAY_LEN(rel_past)) || grp_is(m, "rel2", rel_past, 5))
				future = false;
			else if (grp_is(m, "rel", rel_next, RV_ARRAY_LEN(rel_next)) || grp_is(m, "rel2", rel_next, 3))
				future = true;
			delta = target - bt.tm_wday;
			if (future && delta <= 0)
				delta += 7;
			else if (!future && delta > 0)
				delta -= 7;
		}
		time_t when = base + (time_t)delta * 86400;
		struct tm r;
		gmtime_r(&when, &r);
		set_date(&e, r.tm_year + 1900, r.tm_mon + 1, r.tm_mday);
		break;
	}
	case K_DAY_RANGE:
	case K_MONTH_RANGE: {
		size_t l2 = 0;
		const char *m2 = grp(m, "mon2", &l2);
		int month2 = m2 ? month_of(m2, l2) : month;
		int d1 = k == K_DAY_RANGE ? grp_int(m, "d") : 0, d2 = k == K_DAY_RANGE ? grp_int(m, "d2") : 0;
		if (!month || !month2 || (k == K_MONTH_RANGE && month2 == month))
			return;
		if (month2 == month && d2 <= d1)
			return;
		bool over = month2 < month; /* "December 28-January 3": over the new year */
		int y1 = y - over, y2 = y; /* a year written at the end dates the end */
		if (y < 0) {
			e.relative = true;
			if (ad->precision < RV_DATE_MONTH)
				break;
			y1 = year_of_month(c, fs, month);
			y2 = y1 + over;
		}
		if (k == K_DAY_RANGE) {
			if (!valid_day(y1, month, d1) || !valid_day(y2, month2, d2) || !year_ok(y1) || !year_ok(y2))
				return;
			snprintf(e.date, sizeof e.date, "%04d-%02d-%02d/%04d-%02d-%02d", y1, month, d1, y2, month2, d2);
			e.granularity = RV_GRAN_DAY;
			e.resolved = true;
		} else {
			set_range(&e, y1, month, y2, month2, RV_GRAN_MONTH);
		}
		prio = 3;
		break;
	}
	case K_MONTH_DAY: {
		int d = grp_int(m, "d");
		e.relative = true;
		if (ad->precision < RV_DATE_MONTH)
			break;
		int yy = year_of_month(c, fs, month);
		if (!month || !valid_day(yy, month, d))
			return;
		set_date(&e, yy, month, d);
		break;
	}
	case K_REL_WEEK: {
		int delta = 0;
		if (grp_is(m, "rel", rel_past, RV_ARRAY_LEN(rel_past)) || grp_is(m, "rel2", rel_past, 5))
			delta = -7;
		else if (grp_is(m, "rel", rel_next, RV_ARRAY_LEN(rel_next)) || grp_is(m, "rel2", rel_next, 3))
			delta = 7;
		e.relative = true;
		if (ad->precision < RV_DATE_DAY)
			break;
		struct tm t = {0}, r;
		t.tm_year = ad->year - 1900;
		t.tm_mon = ad->month - 1;
		t.tm_mday = ad->day + delta;
		t.tm_hour = 12;
		time_t when = timegm(&t);
		gmtime_r(&when, &r);
		set_date(&e, r.tm_year + 1900, r.tm_mon + 1, r.tm_mday);
		e.granularity = RV_GRAN_WEEK;
		break;
	}
	case K_REL_NAMED_MONTH: {
		e.relative = true;
		if (!month || ad->precision < RV_DATE_MONTH)
			break;
		bool past = grp_is(m, "rel", rel_past, RV_ARRAY_LEN(rel_past)) || grp_is(m, "rel2", rel_past, 5);
		int yy = ad->year;
		if (past && month >= ad->month)
			yy--;
		else if (!past && month <= ad->month)
			yy++;
		set_date(&e, yy, month, 0);
		break;
	}
	case K_CHRISTMAS:
		e.relative = true;
		if (ad->precision < RV_DATE_MONTH)
			break;
		/* the nearest Christmas: this year's from July, last year's before */
		set_date(&e, ad->month >= 7 ? ad->year : ad->year - 1, 12, 25);
		break;
	case K_SEMESTER: {
		static const char *const first_words[] = {"premier", "1er", "first"};
		int half = grp_is(m, "ord", first_words, 3) ? 1 : 2;
		if (y < 0) {
			e.relative = true;
			if (ad->precision < RV_DATE_YEAR)
				break;
			y = ad->year;
		}
		set_range(&e, y, half == 1 ? 1 : 7, y, half == 1 ? 6 : 12, RV_GRAN_MONTH);
		break;
	}
	case K_REL_PART_YEAR:
		e.relative = true;
		e.mod = mod_of(m);
		if (ad->precision < RV_DATE_YEAR)
			break;
		set_date(&e, ad->year, 0, 0);
		break;
	case K_COUNT:
		return;
	}
	c->v = rv_xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	c->v[c->n++] = (struct cand){fs, fe, e, prio};
}

static int cmp_cand(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;
	if (a->fs != b->fs)
		return a->fs < b->fs ? -1 : 1;
	if (a->fe != b->fe)
		return a->fe > b->fe ? -1 : 1; /* longer first */
	return b->priority - a->priority;
}

void rv_timeline_find(const struct rv_article *a, struct rv_analysis *an)
{
	pthread_once(&once, compile_all);
	struct ctx c = {.a = a, .an = an, .tense_sentence = RV_NONE};
	const char *t = a->fold.text;
	pcre2_match_context *mc = rv_pattern_context();
	/* patterns that need a digit are tried near digits, the others near
	 * their words; anchored at candidate starts, leftmost first */
	for (int g = 0; g < 2; g++) {
		size_t *starts;
		size_t nstarts = rv_trigger_starts(a, &an->tok, triggers, g == 0 ? RV_TRIGGER_DIGITS : RV_TRIGGER_WORDS,
						   4, &starts);
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(group_re[g], NULL);
		struct match m = {group_re[g], md, t};
		size_t covered = 0;
		for (size_t i = 0; i < nstarts; i++) {
			size_t off = starts[i];
			if (off < covered)
				continue;
			if (pcre2_match(group_re[g], (PCRE2_SPTR)t, rv_match_limit(&a->fold, off), off,
					PCRE2_NO_UTF_CHECK, md, mc) <= 0)
				continue;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			PCRE2_SPTR mark = pcre2_get_mark(md);
			if (mark)
				handle(&c, (enum kind)atoi((const char *)mark), &m, ov[0], ov[1]);
			covered = ov[1];
		}
		pcre2_match_data_free(md);
		free(starts);
	}
	pcre2_match_context_free(mc);
	if (c.n)
		qsort(c.v, c.n, sizeof *c.v, cmp_cand);
	size_t last_end = 0, sent = 0;
	const struct rv_tokens *tk = &an->tok;
	for (size_t i = 0; i < c.n; i++) {
		if (i && c.v[i].fs < last_end)
			continue; /* overlaps a longer (or earlier) expression */
		last_end = c.v[i].fe;
		struct rv_tentry e = c.v[i].e;
		e.start = (uint32_t)rv_fold_to_source(&a->fold, c.v[i].fs, false);
		e.end = (uint32_t)rv_fold_to_source(&a->fold, c.v[i].fe, true);
		while (e.end > e.start && a->body[e.end - 1] == ' ')
			e.end--;
		/* its sentence: entries come in text order, so a cursor finds it */
		e.sent_start = e.start;
		e.sent_end = e.end;
		while (sent < tk->nsent && tk->sent[sent].end <= e.start)
			sent++;
		if (sent < tk->nsent && tk->sent[sent].start <= e.start) {
			e.sent_start = tk->sent[sent].start;
			e.sent_end = tk->sent[sent].end;
		}
		if (!e.resolved)
			e.date[0] = '\0';
		an->dates = rv_xgrow(an->dates, &an->capdates, an->ndates + 1, sizeof *an->dates);
		an->dates[an->ndates++] = e;
	}
	free(c.v);
}
