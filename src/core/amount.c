/* Money amounts and percentages (the "money" and "percent" entities).
 *
 * PCRE2 patterns over the folded view (lower case, no accents, every space a
 * plain space), compiled once with JIT; matches map back to body offsets.
 * Numbers are read with the article's language: in French "46.600" and
 * "46 600" are thousands and "1,2" is a decimal; in English "1,200" is
 * thousands and "1.5" a decimal. Scales: mille/thousand/k, million/m/mn,
 * milliard/md/mds/bn, billion (1e9 in English, 1e12 in French),
 * trillion/tn. A bare "dix milliards" (no currency, not followed by "de
 * <noun>") is money in the article's most frequent currency.
 */
#include "revue/analysis.h"

#include "revue/lexicon.h"
#include "revue/util.h"

#include "revue/pattern.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUM "(?<num>\\d{1,3}(?:[ .,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)"
#define WORDNUM                                                                                              \
	"(?<word>un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"    \
	"seize|vingt|trente|quarante|cinquante|soixante|cent|one|two|three|four|five|six|seven|eight|nine|"  \
	"ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|mille|a|an)"
#define SCALE_LONG                                                                                           \
	"(?<scale>milliers|mille|millions?|milliards?|billions?|trillions?|thousands?|cents?|mds|md|mrds?|mlds?|"   \
	"bn|mn|tn|mio)"
#define SCALE_GLUED "(?<gscale>bn|mn|tn|md|mds|m|k|b)"
#define CUR_BEFORE "(?<cb>us\\$|c\\$|a\\$|\\$|€|£|¥|chf|usd|eur|gbp)"
#define CUR_AFTER                                                                                            \
	"(?:(?:de |d')?(?<ca>dollars?(?: (?:us|americains?|canadiens?|australiens?|us))?|euros?|€|\\$|"    \
	"livres? sterling|pounds?(?: sterling)?|francs? suisses?|francs? cfa|yens?|yuans?|roubles?|"         \
	"dinars?(?: algeriens?)?|dirhams?|usd|eur|gbp|chf))"
#define PERIOD                                                                                               \
	"(?: ?(?:par|per|a|an|chaque|each|/) ?(?<per>jour|day|semaine|week|mois|month|an|annee|year)\\b)?"

/* "500 à 600 millions d'euros", "10 et 12 milliards", "$2-3 billion": the
 * first number of a range shares the second's scale and currency */
#define RANGE "(?:(?<from>\\d+(?:[.,]\\d+)?) ?(?:a|et|to|-|\xE2\x80\x93|and(?= \\d)) ?)?"
#define SUBUNIT "(?<sub>pence|p|centimes?|cents?)"

static const char *const money_pattern =
    "(?:" CUR_BEFORE " ?" RANGE NUM "(?:" SCALE_GLUED "\\b| " SCALE_LONG "\\b)?"
    "|\\b" RANGE NUM "(?: " SCALE_LONG "| (?<gscale>m|k|md|mds|mrd)(?=\xE2\x82\xAC|\\$|\xC2\xA3)|" SCALE_GLUED
    ")?\\b ?" CUR_AFTER "(?![a-z])"
    "|\\b" WORDNUM "(?: " SCALE_LONG ")? " CUR_AFTER "(?![a-z])"
    "|\\b" RANGE "(?:" NUM "|" WORDNUM
    ") (?<bare>milliards?|billions?|trillions?|millions?)\\b(?! (?:de|d'|of)\\b)"
    "|\\b(?:" NUM "|" WORDNUM ")(?: ?(?<sub>pence|centimes?|cents?)\\b|(?<sub>p)\\b(?!\\.\\w)))" PERIOD;

static const char *const percent_pattern =
    "(?:(?<neg>(?<![\\w.,])-|\\bmoins |\\bminus |\xE2\x88\x92)|\\b)(?:\\d+(?:[.,]\\d+)? ?[-\xE2\x80\x93] ?\\K)?"
    "(?<num>\\d+(?:[.,]\\d+)?) ?"
    "(?:%|pour ?cent\\b|percent\\b|per cent\\b|pct\\b|points? de pourcentage)";

static pcre2_code *money_re, *percent_re;
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static struct rv_trigger_set *triggers;


static void compile_all(void)
{
	/* every amount holds a digit, a currency (word or sign) or a scale word */
	triggers = rv_trigger_set_new(RV_LEX_MONEY_WORD, "$\xE2\x82\xAC\xC2\xA3\xC2\xA5");
	money_re = rv_pattern_compile(money_pattern, PCRE2_ZERO_TERMINATED);
	percent_re = rv_pattern_compile(percent_pattern, PCRE2_ZERO_TERMINATED);
}

static const char *group(const pcre2_code *re, pcre2_match_data *md, const char *subject, const char *name,
			 size_t *len)
{
	return rv_pattern_group(re, md, subject, name, len);
}

/* Reads a number with separators by the language's conventions. */
double rv_amount_parse_number(const char *s, size_t n, bool english);
double rv_amount_parse_number(const char *s, size_t n, bool english)
{
	/* find the separators */
	char seps[32];
	size_t groups[32];
	size_t ns = 0;
	for (size_t i = 0; i < n && ns < 31; i++) {
		if (s[i] == ' ' || s[i] == '.' || s[i] == ',') {
			seps[ns] = s[i];
			groups[ns] = 0;
			for (size_t j = i + 1; j < n && s[j] >= '0' && s[j] <= '9'; j++)
				groups[ns]++;
			ns++;
		}
	}
	/* which separator, if any, is the decimal point? */
	long dec = -1;
	if (ns) {
		char last = seps[ns - 1];
		bool mixed = false;
		for (size_t k = 0; k < ns; k++)
			if (seps[k] != last)
				mixed = true;
		if (mixed)
			dec = (long)ns - 1;
		else if (last == ' ' || ns > 1)
			dec = -1; /* 46 600, 1.234.567 or 1,234,567 */
		else if (groups[0] != 3)
			dec = 0; /* 1,5 or 1.25 */
		else if (last == ',')
			dec = english ? -1 : 0;
		else
			dec = english ? 0 : -1;
	}
	double v = 0, scale = 1;
	bool after = false;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (after) {
				scale /= 10;
				v += (c - '0') * scale;
			} else {
				v = v * 10 + (c - '0');
			}
		} else if (c == ' ' || c == '.' || c == ',') {
			if ((long)k == dec)
				after = true;
			k++;
		}
	}
	return v;
}

static double word_value(const char *w, size_t n)
{
	static const struct {
		const char *w;
		double v;
	} words[] = {
	    {"un", 1},        {"une", 1},       {"a", 1},          {"an", 1},      {"one", 1},
	    {"deux", 2},      {"two", 2},       {"trois", 3},      {"three", 3},   {"quatre", 4},
	    {"four", 4},      {"cinq", 5},      {"five", 5},       {"six", 6},     {"sept", 7},
	    {"seven", 7},     {"huit", 8},      {"eight", 8},      {"neuf", 9},    {"nine", 9},
	    {"dix", 10},      {"ten", 10},      {"onze", 11},      {"eleven", 11}, {"douze", 12},
	    {"twelve", 12},   {"treize", 13},   {"quatorze", 14},  {"quinze", 15}, {"fifteen", 15},
	    {"seize", 16},    {"vingt", 20},    {"twenty", 20},    {"trente", 30}, {"thirty", 30},
	    {"quarante", 40}, {"forty", 40},    {"cinquante", 50}, {"fifty", 50},  {"soixante", 60},
	    {"cent", 100},    {"hundred", 100}, {"mille", 1000},
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(words); i++)
		if (strlen(words[i].w) == n && !memcmp(words[i].w, w, n))
			return words[i].v;
	return 0;
}

static bool word_eq(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(s, w, n);
}

static double scale_value(const char *s, size_t n, bool english)
{
	if (!s || !n)
		return 1;
	if (word_eq(s, n, "cent") || word_eq(s, n, "cents"))
		return 100; /* "trois cents euros" */
	if (word_eq(s, n, "k") || word_eq(s, n, "mille") || word_eq(s, n, "milliers") ||
	    word_eq(s, n, "thousand") || word_eq(s, n, "thousands"))
		return 1e3;
	if (word_eq(s, n, "m") || word_eq(s, n, "mn") || word_eq(s, n, "mio") || word_eq(s, n, "million") ||
	    word_eq(s, n, "millions"))
		return 1e6;
	if (word_eq(s, n, "milliard") || word_eq(s, n, "milliards") || word_eq(s, n, "md") ||
	    word_eq(s, n, "mds") || word_eq(s, n, "mrd") || word_eq(s, n, "mrds") || word_eq(s, n, "mld") ||
	    word_eq(s, n, "mlds") || word_eq(s, n, "bn") || word_eq(s, n, "b"))
		return 1e9;
	if (word_eq(s, n, "billion") || word_eq(s, n, "billions"))
		return english ? 1e9 : 1e12; /* a French billion is a million millions */
	if (word_eq(s, n, "tn") || word_eq(s, n, "trillion") || word_eq(s, n, "trillions"))
		return english ? 1e12 : 1e18;
	return 1;
}

static void currency_code(const char *s, size_t n, char out[4])
{
	static const struct {
		const char *prefix, *code;
	} map[] = {
	    {"us$", "USD"},
	    {"c$", "CAD"},
	    {"a$", "AUD"},
	    {"$", "USD"},
	    {"€", "EUR"},
	    {"£", "GBP"},
	    {"¥", "JPY"},
	    {"chf", "CHF"},
	    {"usd", "USD"},
	    {"eur", "EUR"},
	    {"gbp", "GBP"},
	    {"dollars canadien", "CAD"},
	    {"dollar canadien", "CAD"},
	    {"dollars australien", "AUD"}, {"dollar australien", "AUD"},
	    {"dollar", "USD"},
	    {"euro", "EUR"},
	    {"livre", "GBP"},
	    {"pound", "GBP"},
	    {"francs suisse", "CHF"},
	    {"franc suisse", "CHF"},
	    {"francs cfa", "XOF"},
	    {"franc cfa", "XOF"},
	    {"yen", "JPY"},
	    {"yuan", "CNY"},
	    {"rouble", "RUB"},
	    {"dinar", "DZD"},
	    {"dirham", "MAD"},
	};
	out[0] = '\0';
	for (size_t i = 0; i < RV_ARRAY_LEN(map); i++) {
		size_t k = strlen(map[i].prefix);
		if (n >= k && !memcmp(s, map[i].prefix, k)) {
			memcpy(out, map[i].code, 4);
			return;
		}
	}
}

static enum rv_period period_of(const char *s, size_t n)
{
	if (!s)
		return RV_PERIOD_NONE;
	if (!strncmp(s, "jour", n) || !strncmp(s, "day", n))
		return RV_PERIOD_DAY;
	if (!strncmp(s, "semaine", n) || !strncmp(s, "week", n))
		return RV_PERIOD_WEEK;
	if (!strncmp(s, "mois", n) || !strncmp(s, "month", n))
		return RV_PERIOD_MONTH;
	return RV_PERIOD_YEAR;
}

static void push_amount(struct rv_analysis *an, const struct rv_article *a, size_t fs, size_t fe,
                        enum rv_etype kind, double value, const char *unit, enum rv_period period)
{
	size_t s = rv_fold_to_source(&a->fold, fs, false), e = rv_fold_to_source(&a->fold, fe, true);
	while (e > s && a->body[e - 1] == ' ')
		e--;
	an->amounts = rv_xgrow(an->amounts, &an->capamounts, an->namounts + 1, sizeof *an->amounts);
	struct rv_amount *m = &an->amounts[an->namounts++];
	memset(m, 0, sizeof *m);
	m->start = (uint32_t)s;
	m->end = (uint32_t)e;
	m->kind = kind;
	m->value = value;
	snprintf(m->unit, sizeof m->unit, "%s", unit);
	m->period = period;
}


void rv_entity_amounts(const struct rv_article *a, struct rv_analysis *an)
{
	pthread_once(&compile_once, compile_all);
	const char *t = a->fold.text;
	bool english = !strcmp(a->lang, "en");
	pcre2_match_context *mc = rv_pattern_context();
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(money_re, NULL);
	size_t first = an->namounts;
	int pounds_spoken = -1; /* asked only when a "p" follows a number: four searches of the text */
	size_t *starts;
	size_t nstarts = rv_trigger_starts(a, &an->tok, triggers, RV_TRIGGER_DIGITS | RV_TRIGGER_WORDS, 2, &starts);
	size_t covered = 0;
	for (size_t si = 0; si < nstarts; si++) {
		size_t off = starts[si];
		if (off < covered || pcre2_match(money_re, (PCRE2_SPTR)t, rv_match_limit(&a->fold, off), off,
						 PCRE2_NO_UTF_CHECK, md, mc) <= 0)
			continue;
		{
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			size_t ms = ov[0], me = ov[1];
			covered = me;
			size_t len = 0;
			const char *num = group(money_re, md, t, "num", &len);
			double v = num ? rv_amount_parse_number(num, len, english) : 0;
			if (!num && (num = group(money_re, md, t, "word", &len)))
				v = word_value(num, len);
			size_t sl = 0;
			const char *sc = group(money_re, md, t, "scale", &sl);
			if (!sc)
				sc = group(money_re, md, t, "gscale", &sl);
			if (!sc)
				sc = group(money_re, md, t, "bare", &sl);
			double scale = scale_value(sc, sl, english);
			v *= scale;
			char unit[4] = "";
			size_t cl = 0;
			const char *cur = group(money_re, md, t, "cb", &cl);
			if (!cur)
				cur = group(money_re, md, t, "ca", &cl);
			if (cur)
				currency_code(cur, cl, unit);
			size_t pl = 0;
			const char *per = group(money_re, md, t, "per", &pl);
			size_t bl = 0, sbl = 0;
			const char *bare = group(money_re, md, t, "bare", &bl);
			const char *sub = group(money_re, md, t, "sub", &sbl);
			bool word_number = !group(money_re, md, t, "num", &(size_t){0});
			if (sub && sub[0] == 'c' && sbl >= 4 && !memcmp(sub, "cent", 4) && word_number && !english)
				continue; /* "deux cents personnes": two hundred */
			if (sub && sbl == 1 && sub[0] == 'p' && pounds_spoken < 0)
				pounds_spoken = memmem(t, a->fold.len, "\xC2\xA3", 2) || memmem(t, a->fold.len, "pence", 5) ||
						memmem(t, a->fold.len, "gbp", 3) || memmem(t, a->fold.len, "sterling", 8);
			if (sub && sbl == 1 && sub[0] == 'p' && !pounds_spoken && len > 2)
				continue; /* 1080p, 720p: video, not pence */
			if (sub) {
				scale /= 100;
				v /= 100;
				if (sub[0] == 'p')
					memcpy(unit, "GBP", 4);
				else if (sub[0] == 'c' && sub[1] == 'e' && sub[2] == 'n' && sub[3] == 't' &&
				         (sbl == 4 || sub[4] == 's'))
					memcpy(unit, english ? "USD" : "EUR", 4);
				else
					memcpy(unit, "EUR", 4);
			}
			/* bare millions are money only in a passage already about money */
			bool bare_millions = bare && bl >= 7 && !strncmp(bare, "million", 7);
			bool money_nearby =
			    an->namounts > first && ms < an->amounts[an->namounts - 1].end + 400u;
			if (v > 0 && (!bare_millions || money_nearby)) {
				size_t fl = 0;
				const char *from = group(money_re, md, t, "from", &fl);
				if (from) {
					double fv = rv_amount_parse_number(from, fl, english) * scale;
					size_t fs = (size_t)(from - t);
					push_amount(an, a, fs, fs + fl, RV_ET_MONEY, fv, unit,
					            period_of(per, pl));
					ms = (size_t)(num - t);
				}
				push_amount(an, a, ms, me, RV_ET_MONEY, v, unit, period_of(per, pl));
			}
		}
	}
	/* a bare amount takes the article's most frequent currency: a handful
	 * of distinct units, so a short table of counts */
	struct {
		char unit[4];
		size_t n;
	} seen[16];
	size_t nseen = 0;
	char best[4] = "";
	size_t best_n = 0;
	for (size_t i = first; i < an->namounts; i++) {
		const char *u = an->amounts[i].unit;
		if (!u[0])
			continue;
		size_t k = 0;
		while (k < nseen && strcmp(seen[k].unit, u) != 0)
			k++;
		if (k == nseen) {
			if (nseen == RV_ARRAY_LEN(seen))
				continue;
			memcpy(seen[nseen].unit, u, 4);
			seen[nseen++].n = 0;
		}
		if (++seen[k].n > best_n) {
			best_n = seen[k].n;
			memcpy(best, u, 4);
		}
	}
	for (size_t i = first; i < an->namounts; i++)
		if (!an->amounts[i].unit[0])
			memcpy(an->amounts[i].unit, best, 4);
	pcre2_match_data_free(md);
	md = pcre2_match_data_create_from_pattern(percent_re, NULL);
	covered = 0;
	for (size_t si = 0; si < nstarts; si++) {
		size_t off = starts[si];
		if (off < covered || pcre2_match(percent_re, (PCRE2_SPTR)t, rv_match_limit(&a->fold, off), off,
						 PCRE2_NO_UTF_CHECK, md, mc) <= 0)
			continue;
		{
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			size_t len = 0;
			const char *num = group(percent_re, md, t, "num", &len);
			double v = rv_amount_parse_number(num, len, english);
			size_t nl = 0;
			if (group(percent_re, md, t, "neg", &nl))
				v = -v;
			push_amount(an, a, ov[0], ov[1], RV_ET_PERCENT, v, "", RV_PERIOD_NONE);
			covered = ov[1];
		}
	}
	free(starts);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
}
