/* Tests of the temporal expression finder (src/core/timeline.c): absolute
 * dates, months, seasons, quarters, ranges, relative expressions anchored to
 * the article's date (and left unresolved without one), the tense of the
 * sentence, the traps that are not dates, sentence spans, and a linear-time
 * check on a large article. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NBSP "\xC2\xA0" /* U+00A0 */
#define NDASH "\xE2\x80\x93" /* U+2013 */

/* --- helpers -------------------------------------------------------------- */

/* An article dated `date` ("" or NULL: undated) in `lang`, whose body is
 * exactly `text`. */
static void load(const char *date, const char *lang, const char *text, struct rv_article *a)
{
	size_t cap = strlen(text) + 64;
	char *buf = malloc(cap);
	assert_non_null(buf);
	int n;
	if (date && *date)
		n = snprintf(buf, cap, "date: %s\nlang: %s\n\n%s", date, lang, text);
	else
		n = snprintf(buf, cap, "lang: %s\n\n%s", lang, text);
	assert_true(n > 0 && (size_t)n < cap);
	struct rv_diags d = {0};
	assert_true(rv_article_from_bytes("t.txt", (const unsigned char *)buf, (size_t)n, a, &d));
	rv_diag_free(&d);
	free(buf);
	assert_int_equal(a->body_len, strlen(text));
	assert_memory_equal(a->body, text, a->body_len);
	if (!(date && *date))
		assert_int_equal(a->date.precision, RV_DATE_NONE);
}

static void analyse(const struct rv_article *a, struct rv_analysis *an)
{
	memset(an, 0, sizeof *an);
	rv_tokenize(a->body, a->body_len, &an->tok);
	rv_tokens_classify(a, &an->tok); /* as index.c does: the analyzers read the folded spans */
	rv_timeline_find(a, an);
}

static const char *gran_name(int g)
{
	static const char *const names[] = {"year", "season", "quarter", "month", "week", "day", "decade"};
	return g >= 0 && (size_t)g < RV_ARRAY_LEN(names) ? names[g] : "?";
}

static const char *mod_name(int m)
{
	static const char *const names[] = {"none", "start", "mid", "end", "approx"};
	return m >= 0 && (size_t)m < RV_ARRAY_LEN(names) ? names[m] : "?";
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a month and a day that exist. */
static bool iso_point(const char *s, size_t n)
{
	static const int dim[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (n == 3) /* a decade: 198 */
		return digits(s, 3);
	if (n != 4 && n != 7 && n != 10)
		return false;
	if (!digits(s, 4))
		return false;
	if (n == 4)
		return true;
	if (s[4] != '-' || !digits(s + 5, 2))
		return false;
	int m = num(s + 5, 2);
	if (m < 1 || m > 12)
		return false;
	if (n == 7)
		return true;
	if (s[7] != '-' || !digits(s + 8, 2))
		return false;
	int d = num(s + 8, 2), y = num(s, 4);
	if (m == 2 && d == 29)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d >= 1 && d <= dim[m - 1];
}

/* A point, or START/END with both ends points of the same length, START <= END. */
static bool iso_date(const char *s)
{
	const char *slash = strchr(s, '/');
	if (!slash)
		return iso_point(s, strlen(s));
	size_t a = (size_t)(slash - s), b = strlen(slash + 1);
	return a == b && iso_point(s, a) && iso_point(slash + 1, b) && memcmp(s, slash + 1, a) <= 0;
}

/* --- the table ------------------------------------------------------------ */

struct xdate {
	const char *expr; /* text the entry must cover (its first occurrence) */
	const char *iso;  /* "" when unresolved */
	int gran;         /* enum rv_granularity; -1: not checked */
	int mod;          /* enum rv_date_mod; -1: not checked */
	bool resolved;
	bool relative;
};

struct tcase {
	const char *date; /* the article's date, "" for none */
	const char *lang;
	const char *text;
	size_t count; /* entries expected */
	struct xdate x[2];
};

#define GY RV_GRAN_YEAR
#define GS RV_GRAN_SEASON
#define GQ RV_GRAN_QUARTER
#define GM RV_GRAN_MONTH
#define GW RV_GRAN_WEEK
#define GD RV_GRAN_DAY
#define GX RV_GRAN_DECADE

#define ABS(e, iso, g) {e, iso, g, RV_MOD_NONE, true, false}
#define ABSM(e, iso, g, m) {e, iso, g, m, true, false}
#define REL(e, iso, g) {e, iso, g, RV_MOD_NONE, true, true}
#define RELM(e, iso, g, m) {e, iso, g, m, true, true}
#define UNRES(e) {e, "", -1, -1, false, true}
#define NOX {0}

#define D "2025-03-14" /* a Friday */

static const struct tcase cases[] = {
	/* ISO dates, before any year rule */
	{D, "fr", "2025-03", 1, {ABS("2025-03", "2025-03", GM)}},
	{D, "fr", "Publié le 2024-02-29.", 1, {ABS("2024-02-29", "2024-02-29", GD)}},
	{D, "fr", "Le 2025-03-14T10:00, la séance a commencé.", 1, {ABS("2025-03-14", "2025-03-14", GD)}},
	{D, "fr", "2023-02-29", 0, {NOX}},
	{D, "fr", "2024-02-30", 0, {NOX}},
	{D, "fr", "2025-13", 0, {NOX}},
	{D, "fr", "2025-00", 0, {NOX}},
	/* full dates */
	{D, "fr", "17 novembre 2018", 1, {ABS("17 novembre 2018", "2018-11-17", GD)}},
	{D, "fr", "Le 17 novembre 2018, les gilets jaunes ont manifesté.", 1,
	 {ABS("17 novembre 2018", "2018-11-17", GD)}},
	{D, "fr", "Le 1er janvier 2020, la loi est entrée en vigueur.", 1, {ABS("1er janvier 2020", "2020-01-01", GD)}},
	{D, "fr", "samedi 17 novembre 2018", 1, {ABS("17 novembre 2018", "2018-11-17", GD)}},
	{D, "fr", "le 31 décembre 1999", 1, {ABS("31 décembre 1999", "1999-12-31", GD)}},
	{D, "fr", "29 février 2024", 1, {ABS("29 février 2024", "2024-02-29", GD)}},
	{D, "fr", "17 nov. 2018", 1, {ABS("17 nov. 2018", "2018-11-17", GD)}},
	{D, "fr", "Il est né en 1990. Il est mort le 3 mai 2020.", 2,
	 {ABS("1990", "1990", GY), ABS("3 mai 2020", "2020-05-03", GD)}},
	{D, "en", "January 17, 2019", 1, {ABS("January 17, 2019", "2019-01-17", GD)}},
	{D, "en", "On January 17, 2019, the board met.", 1, {ABS("January 17, 2019", "2019-01-17", GD)}},
	{D, "en", "Saturday, November 17, 2018", 1, {ABS("November 17, 2018", "2018-11-17", GD)}},
	{D, "en", "Nov. 17, 2018", 1, {ABS("Nov. 17, 2018", "2018-11-17", GD)}},
	/* month and year */
	{D, "fr", "janvier 2023", 1, {ABS("janvier 2023", "2023-01", GM)}},
	{D, "fr", "en septembre 2019", 1, {ABS("septembre 2019", "2019-09", GM)}},
	{D, "fr", "fin janvier 2023", 1, {ABSM("fin janvier 2023", "2023-01", GM, RV_MOD_END)}},
	{D, "fr", "début mars 2020", 1, {ABSM("début mars 2020", "2020-03", GM, RV_MOD_START)}},
	{D, "fr", "mi-juillet 2021", 1, {ABSM("mi-juillet 2021", "2021-07", GM, RV_MOD_MID)}},
	{D, "en", "April 2024", 1, {ABS("April 2024", "2024-04", GM)}},
	{D, "en", "Sept 2019", 1, {ABS("Sept 2019", "2019-09", GM)}},
	{D, "en", "in January 2023", 1, {ABS("January 2023", "2023-01", GM)}},
	/* a year with a modifier */
	{D, "fr", "début 2022", 1, {ABSM("début 2022", "2022", GY, RV_MOD_START)}},
	{D, "fr", "mi-2022", 1, {ABSM("mi-2022", "2022", GY, RV_MOD_MID)}},
	{D, "fr", "fin 2022", 1, {ABSM("fin 2022", "2022", GY, RV_MOD_END)}},
	{D, "fr", "courant 2023", 1, {ABSM("courant 2023", "2023", GY, RV_MOD_MID)}},
	{D, "fr", "fin de l'année 2019", 1, {ABSM("fin de l'année 2019", "2019", GY, RV_MOD_END)}},
	{D, "en", "early 2022", 1, {ABSM("early 2022", "2022", GY, RV_MOD_START)}},
	{D, "en", "late 2022", 1, {ABSM("late 2022", "2022", GY, RV_MOD_END)}},
	{D, "en", "mid-2022", 1, {ABSM("mid-2022", "2022", GY, RV_MOD_MID)}},
	{D, "en", "by the end of 2022", 1, {ABSM("end of 2022", "2022", GY, RV_MOD_END)}},
	/* seasons: a range of months */
	{D, "fr", "à l'automne 2024", 1, {ABS("automne 2024", "2024-09/2024-11", GS)}},
	{D, "fr", "l'été 2024", 1, {ABS("été 2024", "2024-06/2024-08", GS)}},
	{D, "fr", "l'hiver 2024", 1, {ABS("hiver 2024", "2024-12/2025-02", GS)}},
	{D, "fr", "au printemps 2023", 1, {ABS("printemps 2023", "2023-03/2023-05", GS)}},
	{D, "fr", "fin de l'été 2023", 1, {ABSM("fin de l'été 2023", "2023-06/2023-08", GS, RV_MOD_END)}},
	{D, "en", "in the fall of 2024", 1, {ABS("fall of 2024", "2024-09/2024-11", GS)}},
	{D, "en", "summer 2021", 1, {ABS("summer 2021", "2021-06/2021-08", GS)}},
	/* quarters */
	{D, "fr", "T3 2024", 1, {ABS("T3 2024", "2024-07/2024-09", GQ)}},
	{D, "fr", "T4 2023", 1, {ABS("T4 2023", "2023-10/2023-12", GQ)}},
	{D, "fr", "au troisième trimestre 2024", 1, {ABS("troisième trimestre 2024", "2024-07/2024-09", GQ)}},
	{D, "fr", "premier trimestre 2025", 1, {ABS("premier trimestre 2025", "2025-01/2025-03", GQ)}},
	{D, "fr", "4e trimestre 2022", 1, {ABS("4e trimestre 2022", "2022-10/2022-12", GQ)}},
	{D, "en", "Q3 2024", 1, {ABS("Q3 2024", "2024-07/2024-09", GQ)}},
	{D, "en", "third quarter of 2024", 1, {ABS("third quarter of 2024", "2024-07/2024-09", GQ)}},
	{D, "en", "second quarter of 2020", 1, {ABS("second quarter of 2020", "2020-04/2020-06", GQ)}},
	/* half years */
	{D, "fr", "premier semestre 2018", 1, {ABS("premier semestre 2018", "2018-01/2018-06", GM)}},
	{D, "fr", "second semestre 2018", 1, {ABS("second semestre 2018", "2018-07/2018-12", GM)}},
	{D, "en", "the first half of 2018", 1, {ABS("first half of 2018", "2018-01/2018-06", GM)}},
	/* years */
	{D, "fr", "depuis 2019", 1, {ABS("2019", "2019", GY)}},
	{D, "fr", "en 2021", 1, {ABS("2021", "2021", GY)}},
	{D, "fr", "En 2030, il partira.", 1, {ABS("2030", "2030", GY)}},
	{D, "fr", "l'an 2000", 1, {ABS("2000", "2000", GY)}},
	{D, "fr", "en 1789", 1, {ABS("1789", "1789", GY)}},
	{D, "fr", "en 1850", 1, {ABS("1850", "1850", GY)}},
	{D, "fr", "Sora 2 est sorti en 2024.", 1, {ABS("2024", "2024", GY)}},
	{D, "en", "in 2024", 1, {ABS("2024", "2024", GY)}},
	/* decades, ISO 8601's three digits; the year inside is no year */
	{D, "fr", "dans les années 1980", 1, {ABS("dans les années 1980", "198", GX)}},
	{D, "fr", "Les années 80 furent folles.", 1, {ABS("Les années 80", "198", GX)}},
	{D, "fr", "depuis les années 2000", 1, {ABS("depuis les années 2000", "200", GX)}},
	{D, "en", "in the 1990s", 1, {ABS("1990s", "199", GX)}},
	{D, "en", "the 1970's oil shock", 1, {ABS("1970's", "197", GX)}},
	{D, "en", "since the '60s", 1, {ABS("the '60s", "196", GX)}},
	{D, "fr", "les années 20", 0, {NOX}},          /* 1920s or 2020s: not guessed */
	{D, "fr", "les années 1980,5", 0, {NOX}},      /* a number, not a decade */
	{D, "en", "1980 euros", 0, {NOX}},
	/* ranges of years */
	{D, "fr", "de 2019 à 2021", 1, {ABS("de 2019 à 2021", "2019/2021", GY)}},
	{D, "fr", "2019-2021", 1, {ABS("2019-2021", "2019/2021", GY)}},
	{D, "fr", "2019" NDASH "2021", 1, {ABS("2019" NDASH "2021", "2019/2021", GY)}},
	{D, "fr", "entre 2019 et 2021", 1, {ABS("2019 et 2021", "2019/2021", GY)}},
	{D, "fr", "la guerre de 1914-1918", 1, {ABS("1914-1918", "1914/1918", GY)}},
	{D, "fr", "1999-2000", 1, {ABS("1999-2000", "1999/2000", GY)}},
	{D, "en", "between 2019 and 2021", 1, {ABS("2019 and 2021", "2019/2021", GY)}},
	{D, "en", "from 2019 to 2021", 1, {ABS("2019 to 2021", "2019/2021", GY)}},
	/* ranges of days and of months */
	{D, "fr", "les 14-16 novembre", 1, {REL("les 14-16 novembre", "2024-11-14/2024-11-16", GD)}},
	{D, "fr", "du 14 au 16 novembre 2008", 1, {ABS("du 14 au 16 novembre 2008", "2008-11-14/2008-11-16", GD)}},
	{D, "en", "a March 31-April 4 survey", 1, {REL("March 31-April 4", "2025-03-31/2025-04-04", GD)}},
	{D, "en", "from December 28 to January 3, 2019", 1,
	 {ABS("December 28 to January 3, 2019", "2018-12-28/2019-01-03", GD)}},
	{D, "fr", "la croissance d'avril à juin", 1, {REL("d'avril à juin", "2024-04/2024-06", GM)}},
	{D, "en", "from April to June 2019", 1, {ABS("from April to June 2019", "2019-04/2019-06", GM)}},
	{D, "fr", "entre 14 et 16 personnes", 0, {{0}}},
	/* a habit is no date */
	{D, "fr", "Ils manifestent chaque samedi depuis des semaines.", 0, {{0}}},
	{D, "en", "They march every Saturday in the city centre.", 0, {{0}}},
	{D, "en", "The tax will rise from April.", 1, {REL("from April", "2025-04", GM)}},

	/* relative years */
	{D, "fr", "l'an dernier", 1, {REL("l'an dernier", "2024", GY)}},
	{D, "fr", "l'année dernière", 1, {REL("l'année dernière", "2024", GY)}},
	{D, "fr", "l'an passé", 1, {REL("l'an passé", "2024", GY)}},
	{D, "fr", "l'année prochaine", 1, {REL("l'année prochaine", "2026", GY)}},
	{D, "fr", "cette année", 1, {REL("cette année", "2025", GY)}},
	{D, "en", "last year", 1, {REL("last year", "2024", GY)}},
	{D, "en", "next year", 1, {REL("next year", "2026", GY)}},
	{D, "en", "this year", 1, {REL("this year", "2025", GY)}},
	{"2025", "fr", "l'an dernier", 1, {REL("l'an dernier", "2024", GY)}}, /* a year is enough */
	/* relative months */
	{D, "fr", "le mois dernier", 1, {REL("mois dernier", "2025-02", GM)}},
	{D, "fr", "le mois prochain", 1, {REL("mois prochain", "2025-04", GM)}},
	{D, "en", "last month", 1, {REL("last month", "2025-02", GM)}},
	{"2025-01-15", "fr", "le mois dernier", 1, {REL("mois dernier", "2024-12", GM)}},
	{"2025-12-15", "fr", "le mois prochain", 1, {REL("mois prochain", "2026-01", GM)}},
	/* relative seasons */
	{D, "fr", "l'automne dernier", 1, {REL("automne dernier", "2024-09/2024-11", GS)}},
	{D, "fr", "l'hiver dernier", 1, {REL("hiver dernier", "2024-12/2025-02", GS)}},
	{D, "fr", "le printemps prochain", 1, {REL("printemps prochain", "2026-03/2026-05", GS)}},
	{D, "fr", "l'automne prochain", 1, {REL("automne prochain", "2025-09/2025-11", GS)}},
	{"2025-08-20", "fr", "l'été dernier", 1, {REL("été dernier", "2024-06/2024-08", GS)}},
	{"2025-10-20", "fr", "l'été dernier", 1, {REL("été dernier", "2025-06/2025-08", GS)}},
	{D, "en", "last summer", 1, {REL("last summer", "2024-06/2024-08", GS)}},
	{D, "en", "next spring", 1, {REL("next spring", "2026-03/2026-05", GS)}},
	/* ago */
	{D, "fr", "il y a trois ans", 1, {REL("il y a trois ans", "2022", GY)}},
	{D, "fr", "il y a dix ans", 1, {REL("il y a dix ans", "2015", GY)}},
	{D, "fr", "il y a 20 ans", 1, {REL("il y a 20 ans", "2005", GY)}},
	{D, "fr", "il y a deux décennies", 1, {REL("il y a deux décennies", "2005", GY)}},
	{D, "en", "three years ago", 1, {REL("three years ago", "2022", GY)}},
	{D, "en", "a decade ago", 1, {REL("a decade ago", "2015", GY)}},
	{D, "en", "two decades ago", 1, {REL("two decades ago", "2005", GY)}},
	{D, "en", "18 months ago", 1, {REL("18 months ago", "2023-09", GM)}},
	{"2025-02-10", "fr", "il y a 3 mois", 1, {REL("il y a 3 mois", "2024-11", GM)}},
	{"2025-03", "fr", "il y a 3 mois", 1, {REL("il y a 3 mois", "2024-12", GM)}},
	/* within: approximate */
	{D, "fr", "d'ici 12 à 18 mois", 1, {RELM("d'ici 12 à 18 mois", "2026-03/2026-09", GM, RV_MOD_APPROX)}},
	{D, "fr", "d'ici deux ans", 1, {RELM("d'ici deux ans", "2027-03", GM, RV_MOD_APPROX)}},
	{D, "fr", "dans les six mois", 1, {RELM("dans les six mois", "2025-09", GM, RV_MOD_APPROX)}},
	{D, "en", "within 18 months", 1, {RELM("within 18 months", "2026-09", GM, RV_MOD_APPROX)}},
	{D, "en", "in the next 6 months", 1, {RELM("in the next 6 months", "2025-09", GM, RV_MOD_APPROX)}},
	/* a bare month: the tense of the sentence picks the year */
	{D, "fr", "En mars, il a signé.", 1, {REL("mars", "2025-03", GM)}},
	{D, "fr", "En mars, il signera.", 1, {REL("mars", "2025-03", GM)}},
	{D, "fr", "En avril, il a signé.", 1, {REL("avril", "2024-04", GM)}},
	{D, "fr", "En avril, il signera.", 1, {REL("avril", "2025-04", GM)}},
	{D, "fr", "En février, il a signé.", 1, {REL("février", "2025-02", GM)}},
	{D, "fr", "En février, il signera.", 1, {REL("février", "2026-02", GM)}},
	{D, "fr", "En mai, il a signé.", 1, {REL("mai", "2024-05", GM)}},
	{D, "fr", "Depuis janvier, les prix montent.", 1, {REL("janvier", "2025-01", GM)}},
	{D, "fr", "D'ici juin, il partira.", 1, {REL("juin", "2025-06", GM)}},
	/* a weekday: the previous one in the past, the next one in the future */
	{D, "fr", "Lundi, il a signé.", 1, {REL("Lundi", "2025-03-10", GD)}},
	{D, "fr", "lundi prochain", 1, {REL("lundi", "2025-03-17", GD)}},
	{D, "fr", "Lundi, il signera.", 1, {REL("Lundi", "2025-03-17", GD)}},
	{D, "fr", "lundi dernier", 1, {REL("lundi", "2025-03-10", GD)}},
	{D, "fr", "Mercredi, le conseil a voté.", 1, {REL("Mercredi", "2025-03-12", GD)}},
	{D, "fr", "dimanche, il a voté", 1, {REL("dimanche", "2025-03-09", GD)}},
	{D, "fr", "samedi, il votera", 1, {REL("samedi", "2025-03-15", GD)}},
	{D, "fr", "Vendredi, il a signé.", 1, {REL("Vendredi", "2025-03-14", GD)}}, /* the article's day */
	{D, "fr", "Vendredi, il signera.", 1, {REL("Vendredi", "2025-03-21", GD)}},
	{D, "en", "On Monday, he signed.", 1, {REL("Monday", "2025-03-10", GD)}},
	{D, "en", "On Monday, he will sign.", 1, {REL("Monday", "2025-03-17", GD)}},
	/* yesterday, tomorrow */
	{D, "fr", "hier", 1, {REL("hier", "2025-03-13", GD)}},
	{D, "fr", "La veille, le ministre avait parlé.", 1, {REL("La veille", "2025-03-13", GD)}},
	{D, "fr", "Les ventes ont chuté en juin dernier.", 1, {REL("juin dernier", "2024-06", GM)}},
	{D, "fr", "TF1 avait perdu le 21 mai 4,45 % en Bourse.", 1, {REL("le 21 mai", "2024-05-21", GD)}},
	{D, "fr", "Il l'a annoncé hier soir.", 1, {REL("hier", "2025-03-13", GD)}},
	{D, "fr", "demain", 1, {REL("demain", "2025-03-15", GD)}},
	{D, "fr", "avant-hier", 1, {REL("avant-hier", "2025-03-12", GD)}},
	{D, "en", "yesterday", 1, {REL("yesterday", "2025-03-13", GD)}},
	{D, "en", "tomorrow", 1, {REL("tomorrow", "2025-03-15", GD)}},
	{"2025-03-01", "fr", "hier", 1, {REL("hier", "2025-02-28", GD)}},
	{"2024-03-01", "fr", "hier", 1, {REL("hier", "2024-02-29", GD)}},
	{"2024-12-31", "fr", "demain", 1, {REL("demain", "2025-01-01", GD)}},
	/* Christmas: this year's from July, last year's before */
	{D, "fr", "Noël", 1, {REL("Noël", "2024-12-25", GD)}},
	{"2025-08-01", "fr", "à Noël", 1, {REL("Noël", "2025-12-25", GD)}},
	{D, "en", "Christmas", 1, {REL("Christmas", "2024-12-25", GD)}},
	/* weeks */
	{D, "fr", "la semaine dernière", 1, {REL("semaine dernière", "2025-03-07", GW)}},
	{D, "fr", "la semaine prochaine", 1, {REL("semaine prochaine", "2025-03-21", GW)}},
	{D, "fr", "cette semaine", 1, {REL("cette semaine", "2025-03-14", GW)}},
	{D, "en", "last week", 1, {REL("last week", "2025-03-07", GW)}},
	{D, "en", "next week", 1, {REL("next week", "2025-03-21", GW)}},
	{"2025-01-03", "fr", "la semaine dernière", 1, {REL("semaine dernière", "2024-12-27", GW)}},
	/* named months with dernier / prochain */
	{D, "fr", "juin dernier", 1, {REL("juin dernier", "2024-06", GM)}},
	{D, "fr", "janvier dernier", 1, {REL("janvier dernier", "2025-01", GM)}},
	{D, "fr", "mars dernier", 1, {REL("mars dernier", "2024-03", GM)}},
	{D, "fr", "juin prochain", 1, {REL("juin prochain", "2025-06", GM)}},
	{D, "fr", "mars prochain", 1, {REL("mars prochain", "2026-03", GM)}},
	{D, "en", "last June", 1, {REL("last June", "2024-06", GM)}},
	{D, "en", "next January", 1, {REL("next January", "2026-01", GM)}},
	/* a day and a month */
	{D, "fr", "le 3 mars", 1, {REL("3 mars", "2025-03-03", GD)}},
	{D, "fr", "le 1er mars", 1, {REL("1er mars", "2025-03-01", GD)}},
	{D, "fr", "Le 3 avril, il a signé.", 1, {REL("3 avril", "2024-04-03", GD)}},
	{D, "fr", "Le 3 avril, il signera.", 1, {REL("3 avril", "2025-04-03", GD)}},
	{D, "en", "March 31", 1, {REL("March 31", "2025-03-31", GD)}},
	{D, "en", "On April 3, he will sign.", 1, {REL("April 3", "2025-04-03", GD)}},
	{D, "en", "On April 3, he signed.", 1, {REL("April 3", "2024-04-03", GD)}},
	/* parts of this year */
	{D, "fr", "premier semestre", 1, {REL("premier semestre", "2025-01/2025-06", GM)}},
	{D, "fr", "en fin d'année", 1, {RELM("fin d'année", "2025", GY, RV_MOD_END)}},

	/* an article date too coarse for the expression: unresolved */
	{"2025-03", "fr", "lundi", 1, {UNRES("lundi")}},
	{"2025-03", "fr", "hier", 1, {UNRES("hier")}},
	{"2025-03", "fr", "la semaine dernière", 1, {UNRES("semaine dernière")}},
	{"2025", "fr", "en mars", 1, {UNRES("mars")}},
	{"2025", "fr", "il y a 3 mois", 1, {UNRES("il y a 3 mois")}},
	{"2025", "fr", "Noël", 1, {UNRES("Noël")}},
	{"2025", "fr", "l'automne dernier", 1, {UNRES("automne dernier")}},
	{"2025", "fr", "le 3 mars", 1, {UNRES("3 mars")}},
	/* and no date at all */
	{"", "en", "March 31", 1, {UNRES("March 31")}},
	{"", "fr", "l'an dernier", 1, {UNRES("l'an dernier")}},
	{"", "fr", "d'ici 12 à 18 mois", 1, {UNRES("d'ici 12 à 18 mois")}},

	/* not dates */
	{D, "fr", "Sora 2", 0, {NOX}},
	{D, "fr", "GPT-4", 0, {NOX}},
	{D, "fr", "GPT-2024", 0, {NOX}},
	{D, "fr", "12 à 18 mois", 0, {NOX}},
	{D, "fr", "Le chantier durera 12 à 18 mois.", 0, {NOX}},
	{D, "fr", "pendant 12 à 18 mois", 0, {NOX}},
	{D, "fr", "50 ans", 0, {NOX}},
	{D, "fr", "Il a 50 ans.", 0, {NOX}},
	{D, "fr", "500 milliards", 0, {NOX}},
	{D, "fr", "46.600 manifestants", 0, {NOX}},
	{D, "fr", "46" NBSP "600 manifestants", 0, {NOX}},
	{D, "fr", "2021 euros", 0, {NOX}},
	{D, "fr", "page 2019", 0, {NOX}},
	{D, "fr", "n°2019", 0, {NOX}},
	{D, "fr", "numéro 2019", 0, {NOX}},
	{D, "fr", "article 2019", 0, {NOX}},
	{D, "fr", "1500 personnes", 0, {NOX}},
	{D, "fr", "2000 personnes", 0, {NOX}},
	{D, "fr", "1 500 personnes", 0, {NOX}},
	{D, "fr", "2100 emplois", 0, {NOX}},
	{D, "fr", "3.2019", 0, {NOX}},
	{D, "fr", "le 12.3.2019", 0, {NOX}},
	{D, "fr", "2019.5", 0, {NOX}},
	{D, "fr", "$2024", 0, {NOX}},
	{D, "fr", "2024 %", 0, {NOX}},
	{D, "fr", "1850", 0, {NOX}},
	{D, "fr", "mai 68", 0, {NOX}},
	{D, "en", "GPT-4 and Sora 2", 0, {NOX}},
	{D, "en", "2,000 jobs", 0, {NOX}},
	/* traps next to real dates */
	{D, "fr", "46.600 manifestants le 17 novembre 2018", 1, {ABS("17 novembre 2018", "2018-11-17", GD)}},
	{D, "fr", "Le 17 novembre 2018, 13 milliards de dollars.", 1, {ABS("17 novembre 2018", "2018-11-17", GD)}},
};

/* Structural checks that hold for every entry of every article. */
static int check_invariants(const struct rv_article *a, const struct rv_analysis *an, const char *label)
{
	int bad = 0;
	for (size_t i = 0; i < an->ndates; i++) {
		const struct rv_tentry *e = &an->dates[i];
		const char *why = NULL;
		if (!(e->start < e->end && e->end <= a->body_len))
			why = "span outside the body or empty";
		else if (!(e->sent_start <= e->start && e->end <= e->sent_end && e->sent_end <= a->body_len))
			why = "sentence span does not hold the expression or leaves the body";
		else if (((unsigned char)a->body[e->start] & 0xC0) == 0x80 ||
			 (e->end < a->body_len && ((unsigned char)a->body[e->end] & 0xC0) == 0x80))
			why = "span cuts a code point";
		else if (a->body[e->start] == ' ' || a->body[e->end - 1] == ' ')
			why = "span starts or ends with a space";
		else if (i && e->start < an->dates[i - 1].end)
			why = "overlaps or precedes the previous entry";
		else if (memchr(e->date, '\0', sizeof e->date) == NULL)
			why = "date not NUL-terminated";
		else if (e->resolved && !iso_date(e->date))
			why = "resolved, but not an ISO 8601 date or interval";
		else if (!e->resolved && e->date[0])
			why = "unresolved, but has a date";
		else if (!e->resolved && !e->relative)
			why = "unresolved, but not relative";
		else if ((unsigned)e->granularity > RV_GRAN_DECADE || (unsigned)e->mod > RV_MOD_APPROX)
			why = "granularity or modifier out of range";
		if (why) {
			print_error("%s: entry %zu \"%.*s\": %s\n", label, i, (int)(e->end - e->start),
				    a->body + e->start, why);
			bad++;
		}
	}
	return bad;
}

static void dump(const struct rv_article *a, const struct rv_analysis *an)
{
	for (size_t i = 0; i < an->ndates; i++) {
		const struct rv_tentry *e = &an->dates[i];
		print_error("    got \"%.*s\" '%s' %s %s resolved=%d relative=%d\n", (int)(e->end - e->start),
			    a->body + e->start, e->date, gran_name((int)e->granularity), mod_name((int)e->mod),
			    e->resolved, e->relative);
	}
}

/* The entry covering the first occurrence of expr, or NULL. */
static const struct rv_tentry *find(const struct rv_article *a, const struct rv_analysis *an, const char *expr)
{
	const char *at = strstr(a->body, expr);
	if (!at)
		return NULL;
	size_t s = (size_t)(at - a->body), e = s + strlen(expr);
	for (size_t i = 0; i < an->ndates; i++)
		if (an->dates[i].start <= s && e <= an->dates[i].end)
			return &an->dates[i];
	return NULL;
}

/* Runs one case on an article dated `date` (NULL: the case's own date).
 * Undated reruns expect relative entries unresolved and absolute ones as
 * they were. Prints every mismatch and returns how many there were. */
static int run_case(const struct tcase *c, size_t idx, bool undated)
{
	struct rv_article a;
	load(undated ? NULL : c->date, c->lang, c->text, &a);
	struct rv_analysis an;
	analyse(&a, &an);
	char label[200];
	if (idx == SIZE_MAX)
		snprintf(label, sizeof label, "[%s %s] \"%.100s\"", c->date, c->lang, c->text);
	else
		snprintf(label, sizeof label, "case %zu [%s %s]%s \"%.100s\"", idx, c->date, c->lang,
			 undated ? " undated" : "", c->text);
	int bad = check_invariants(&a, &an, label);
	if (an.ndates != c->count) {
		print_error("%s: %zu entries, expected %zu\n", label, an.ndates, c->count);
		dump(&a, &an);
		bad++;
	}
	for (size_t k = 0; k < RV_ARRAY_LEN(c->x) && c->x[k].expr; k++) {
		const struct xdate *x = &c->x[k];
		const struct rv_tentry *e = find(&a, &an, x->expr);
		if (!e) {
			print_error("%s: no entry covers \"%s\"\n", label, x->expr);
			dump(&a, &an);
			bad++;
			continue;
		}
		bool resolved = x->resolved && !(undated && x->relative);
		const char *iso = resolved ? x->iso : "";
		bool ok = e->resolved == resolved && !strcmp(e->date, iso) && e->relative == x->relative;
		if (resolved && x->gran >= 0 && (int)e->granularity != x->gran)
			ok = false;
		if (resolved && x->mod >= 0 && (int)e->mod != x->mod)
			ok = false;
		if (!ok) {
			print_error("%s: \"%s\": got '%s' %s %s resolved=%d relative=%d, expected '%s' %s %s "
				    "resolved=%d relative=%d\n",
				    label, x->expr, e->date, gran_name((int)e->granularity), mod_name((int)e->mod),
				    e->resolved, e->relative, iso, gran_name(x->gran), mod_name(x->mod), resolved,
				    x->relative);
			bad++;
		}
	}
	rv_analysis_free(&an);
	rv_article_free(&a);
	return bad;
}

static void test_table(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < RV_ARRAY_LEN(cases); i++)
		bad += run_case(&cases[i], i, false);
	assert_int_equal(bad, 0);
}

/* The same texts in an undated article: every relative expression is found
 * but left unresolved, never guessed; absolute ones do not change. */
static void test_table_undated(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < RV_ARRAY_LEN(cases); i++)
		bad += run_case(&cases[i], i, true);
	assert_int_equal(bad, 0);
}

static int one(const char *date, const char *lang, const char *text, size_t count, struct xdate x0,
	       struct xdate x1)
{
	struct tcase c = {date, lang, text, count, {x0, x1}};
	return run_case(&c, SIZE_MAX, false);
}

#define XABS(e, iso, g) ((struct xdate)ABS(e, iso, g))
#define XREL(e, iso, g) ((struct xdate)REL(e, iso, g))
#define XRELM(e, iso, g, m) ((struct xdate)RELM(e, iso, g, m))
#define XUNRES(e) ((struct xdate)UNRES(e))
#define XNONE ((struct xdate){0})

/* --- focused tests -------------------------------------------------------- */

/* A failed check is counted and printed, and the test goes on (so that it
 * frees what it holds, and shows every mismatch at once). */
#define CHECK(cond, ...)                                                                               \
	do {                                                                                           \
		if (!(cond)) {                                                                         \
			print_error("%s:%d: %s: ", __FILE__, __LINE__, #cond);                         \
			print_error(__VA_ARGS__);                                                      \
			print_error("\n");                                                             \
			bad++;                                                                         \
		}                                                                                      \
	} while (0)

/* Exact spans: what a reader would highlight. */
static void test_spans(void **state)
{
	(void)state;
	static const struct {
		const char *lang, *text, *span;
	} spans[] = {
		{"fr", "Le 17 novembre 2018, ils ont bloqué les routes.", "17 novembre 2018"},
		{"fr", "Comme l'an dernier, le salon ouvre.", "l'an dernier"},
		{"fr", "Il est parti il y a trois ans.", "il y a trois ans"},
		{"fr", "La guerre de 1914-1918 a marqué le pays.", "1914-1918"},
		{"fr", "Le réseau sera prêt d'ici 12 à 18 mois.", "d'ici 12 à 18 mois"},
		{"fr", "C'était début 2022, avant la crise.", "début 2022"},
		{"fr", "Les ventes du T3 2024 ont chuté.", "T3 2024"},
		{"en", "On January 17, 2019, the board met.", "January 17, 2019"},
		{"en", "He left three years ago.", "three years ago"},
	};
	int bad = 0;
	for (size_t i = 0; i < RV_ARRAY_LEN(spans); i++) {
		struct rv_article a;
		load(D, spans[i].lang, spans[i].text, &a);
		struct rv_analysis an;
		analyse(&a, &an);
		size_t at = (size_t)(strstr(spans[i].text, spans[i].span) - spans[i].text);
		size_t len = strlen(spans[i].text);
		CHECK(an.ndates == 1, "\"%s\": %zu entries", spans[i].text, an.ndates);
		if (an.ndates == 1) {
			const struct rv_tentry *e = &an.dates[0];
			CHECK(e->start == at && e->end == at + strlen(spans[i].span), "\"%s\": span \"%.*s\"",
			      spans[i].text, (int)(e->end - e->start), a.body + e->start);
			/* a one-sentence text: the sentence is the whole text */
			CHECK(e->sent_start == 0 && e->sent_end == len, "\"%s\": sentence [%u, %u)", spans[i].text,
			      e->sent_start, e->sent_end);
		}
		rv_analysis_free(&an);
		rv_article_free(&a);
	}
	assert_int_equal(bad, 0);
}

/* Each entry's sentence is the tokenizer's sentence that holds it. */
static void test_sentence_spans(void **state)
{
	(void)state;
	const char *text = "Le 17 novembre 2018, les gilets jaunes ont manifesté. Le mouvement a duré jusqu'en "
			   "2019.\nL'an dernier, un livre est paru. Il y a trois ans, tout a commencé !";
	static const char *const sentences[] = {
		"Le 17 novembre 2018, les gilets jaunes ont manifesté.",
		"Le mouvement a duré jusqu'en 2019.",
		"L'an dernier, un livre est paru.",
		"Il y a trois ans, tout a commencé !",
	};
	static const char *const isos[] = {"2018-11-17", "2019", "2024", "2022"};
	struct rv_article a;
	load(D, "fr", text, &a);
	struct rv_analysis an;
	analyse(&a, &an);
	int bad = 0;
	CHECK(an.ndates == 4, "%zu entries", an.ndates);
	for (size_t i = 0; i < 4 && i < an.ndates; i++) {
		const struct rv_tentry *e = &an.dates[i];
		size_t at = (size_t)(strstr(text, sentences[i]) - text);
		CHECK(e->sent_start == at && e->sent_end == at + strlen(sentences[i]), "entry %zu: sentence \"%.*s\"",
		      i, (int)(e->sent_end - e->sent_start), a.body + e->sent_start);
		CHECK(!strcmp(e->date, isos[i]), "entry %zu: '%s', expected '%s'", i, e->date, isos[i]);
		/* the same span as the tokenizer's sentence */
		bool seen = false;
		for (size_t s = 0; s < an.tok.nsent; s++)
			seen |= an.tok.sent[s].start == e->sent_start && an.tok.sent[s].end == e->sent_end;
		CHECK(seen, "entry %zu: not one of the tokenizer's sentences", i);
	}
	rv_analysis_free(&an);
	rv_article_free(&a);
	assert_int_equal(bad, 0);
}

/* Relative expressions in an article without a date, all at once: each is
 * found, marked relative, and left unresolved. */
static void test_undated_relative(void **state)
{
	(void)state;
	static const char *const fr[] = {
		"l'an dernier",	      "l'année prochaine",   "l'automne dernier", "il y a trois ans",
		"d'ici 12 à 18 mois", "la semaine dernière", "juin dernier",	  "hier",
		"Noël",		      "lundi",		     "le mois dernier",	  "cette année",
		"le 3 mars",	      "premier semestre",    "fin d'année",	  "demain",
	};
	static const char *const en[] = {
		"three years ago", "a decade ago", "within 18 months", "last year", "next week",
		"yesterday",	   "Monday",	   "March 31",	       "Christmas", "last June",
	};
	int bad = 0;
	for (int lang = 0; lang < 2; lang++) {
		const char *const *list = lang ? en : fr;
		size_t n = lang ? RV_ARRAY_LEN(en) : RV_ARRAY_LEN(fr);
		char text[2048] = "";
		size_t len = 0;
		for (size_t i = 0; i < n; i++)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%s, %s.", i ? " " : "", list[i],
						lang ? "it happened" : "cela a eu lieu");
		struct rv_article a;
		load(NULL, lang ? "en" : "fr", text, &a);
		struct rv_analysis an;
		analyse(&a, &an);
		CHECK(an.ndates == n, "[%s] %zu entries, expected %zu", lang ? "en" : "fr", an.ndates, n);
		for (size_t i = 0; i < an.ndates; i++) {
			const struct rv_tentry *e = &an.dates[i];
			CHECK(!e->resolved && e->relative && !e->date[0], "\"%.*s\": '%s' resolved=%d relative=%d",
			      (int)(e->end - e->start), a.body + e->start, e->date, e->resolved, e->relative);
		}
		for (size_t i = 0; i < n; i++)
			CHECK(find(&a, &an, list[i]) != NULL, "\"%s\" not found", list[i]);
		bad += check_invariants(&a, &an, "undated");
		rv_analysis_free(&an);
		rv_article_free(&a);
	}
	assert_int_equal(bad, 0);
}

/* Overlapping candidates: the longest wins, so a full date is one entry and
 * not also a year or a day and month. */
static void test_longest_wins(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "le samedi 17 novembre 2018", 1, XABS("samedi 17 novembre 2018", "2018-11-17", GD), XNONE);
	bad += one(D, "fr", "fin janvier 2023", 1, ((struct xdate)ABSM("fin janvier 2023", "2023-01", GM, RV_MOD_END)),
		   XNONE);
	bad += one(D, "fr", "de 2019 à 2021", 1, XABS("de 2019 à 2021", "2019/2021", GY), XNONE);
	bad += one(D, "fr", "Publié le 2025-03, puis en 2024.", 2, XABS("2025-03", "2025-03", GM),
		   XABS("2024", "2024", GY));
	assert_int_equal(bad, 0);
}

/* An empty body, and a body without any date. */
static void test_empty(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "", 0, XNONE, XNONE);
	bad += one(D, "fr", "Rien de daté ici, seulement des mots.", 0, XNONE, XNONE);
	bad += one(D, "en", "Nothing dated here at all.", 0, XNONE, XNONE);
	assert_int_equal(bad, 0);
}

/* Open issues found while writing these tests: the behaviour asserted is
 * the correct one, which the code does not have yet. */

/* "n° 2019" with its usual space is a number, like "n°2019". */
static void test_numero_with_space(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "n° 2019", 0, XNONE, XNONE);
	bad += one(D, "fr", "la loi n° 2019 du code", 0, XNONE, XNONE);
	assert_int_equal(bad, 0);
}

/* A bare month keeps its modifier, like "fin janvier 2023" does. */
static void test_bare_month_modifier(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "fin mars", 1, XRELM("fin mars", "2025-03", GM, RV_MOD_END), XNONE);
	bad += one(D, "fr", "début février", 1, XRELM("début février", "2025-02", GM, RV_MOD_START), XNONE);
	bad += one(D, "fr", "Mi-avril, il partira.", 1, XRELM("Mi-avril", "2025-04", GM, RV_MOD_MID), XNONE);
	assert_int_equal(bad, 0);
}

/* "ce mois-ci" is this month. */
static void test_this_month(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "ce mois-ci", 1, XREL("ce mois-ci", "2025-03", GM), XNONE);
	bad += one(D, "en", "this month", 1, XREL("this month", "2025-03", GM), XNONE);
	assert_int_equal(bad, 0);
}

/* "lundi dernier" is in the past whatever else the sentence says. */
static void test_weekday_dernier_beats_tense(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "Lundi dernier, il a dit qu'il va partir.", 1, XREL("Lundi", "2025-03-10", GD), XNONE);
	bad += one(D, "en", "Last Monday, he said he will leave.", 1, XREL("Monday", "2025-03-10", GD), XNONE);
	assert_int_equal(bad, 0);
}

/* The tense is the expression's sentence's, not its neighbour's. */
static void test_tense_of_own_sentence(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "Le ministre signera le texte. En avril, il avait signé un autre accord.", 1,
		   XREL("avril", "2024-04", GM), XNONE);
	bad += one(D, "fr", "En avril, il avait signé un accord. Le ministre signera le suivant.", 1,
		   XREL("avril", "2024-04", GM), XNONE);
	assert_int_equal(bad, 0);
}

/* The conditional (-rait) counts as future, as timeline.c says. */
static void test_conditional_is_future(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "En avril, il signerait le texte.", 1, XREL("avril", "2025-04", GM), XNONE);
	assert_int_equal(bad, 0);
}

/* A noun ending in -ra is not a future tense. */
static void test_noun_in_ra_is_not_future(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "En avril, la caméra a filmé la scène.", 1, XREL("avril", "2024-04", GM), XNONE);
	bad += one(D, "fr", "En avril, le front a cédé.", 1, XREL("avril", "2024-04", GM), XNONE);
	assert_int_equal(bad, 0);
}

/* "d'ici un an", "within a year": a singular unit is a duration too. */
static void test_within_singular_unit(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "d'ici un an", 1, XRELM("d'ici un an", "2026-03", GM, RV_MOD_APPROX), XNONE);
	bad += one(D, "en", "within a year", 1, XRELM("within a year", "2026-03", GM, RV_MOD_APPROX), XNONE);
	assert_int_equal(bad, 0);
}

/* Found by fuzzing (tests/fuzz/fuzz_analysis): "d'ici 24 à 18 mois" gave
 * the range 2026-03/2025-09, ending before it starts. */
static void test_within_reversed_range(void **state)
{
	(void)state;
	int bad = 0;
	bad += one(D, "fr", "d'ici 24 à 18 mois", 1,
		   XRELM("d'ici 24 à 18 mois", "2026-09/2027-03", GM, RV_MOD_APPROX), XNONE);
	assert_int_equal(bad, 0);
}

/* Found by fuzzing: a relative date counted from an article dated in year 1
 * or 9999 was written -002, 0000-12 or 10000-01; it has no four-digit ISO
 * form, so it stays unresolved. */
static void test_relative_year_out_of_range(void **state)
{
	(void)state;
	int bad = 0;
	bad += one("0001-01-05", "fr", "Il y a trois ans, la chute.", 1, XUNRES("Il y a trois ans"), XNONE);
	bad += one("0001-01-05", "en", "Last December, nothing.", 1, XUNRES("Last December"), XNONE);
	bad += one("9999-12-01", "fr", "En janvier prochain, la fête.", 1, XUNRES("janvier prochain"), XNONE);
	assert_int_equal(bad, 0);
}

/* --- linear time ---------------------------------------------------------- */

#include "linear.h"

static void linear_dates(const struct rv_article *a, struct rv_analysis *an, size_t result[2])
{
	rv_timeline_find(a, an);
	size_t ul = strlen(TU_UNIT);
	result[0] = an->ndates;
	for (size_t i = 0; i < an->ndates; i++) {
		const struct rv_tentry *e = &an->dates[i];
		/* each date in its own sentence, the i-th copy */
		result[1] += !strcmp(e->date, "2018-11-17") && e->sent_start == i * ul && e->sent_end == (i + 1) * ul - 1;
	}
}

static void test_linear_time(void **state)
{
	(void)state;
	tu_linear_check("rv_timeline_find", linear_dates);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_undated),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_sentence_spans),
		cmocka_unit_test(test_undated_relative),
		cmocka_unit_test(test_longest_wins),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_numero_with_space),
		cmocka_unit_test(test_bare_month_modifier),
		cmocka_unit_test(test_this_month),
		cmocka_unit_test(test_weekday_dernier_beats_tense),
		cmocka_unit_test(test_tense_of_own_sentence),
		cmocka_unit_test(test_conditional_is_future),
		cmocka_unit_test(test_noun_in_ra_is_not_future),
		cmocka_unit_test(test_within_singular_unit),
		cmocka_unit_test(test_within_reversed_range),
		cmocka_unit_test(test_relative_year_out_of_range),
		cmocka_unit_test(test_linear_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
