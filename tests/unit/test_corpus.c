/* Tests of the corpus loader: header block, inference, dates, the directory
 * walk and its hazards (links, loops, FIFOs, devices, huge sparse files),
 * and the hostile files of ../shared/adversarial. */
#include "testutil.h"

#include "revue/corpus.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- helpers -------------------------------------------------------------- */

static struct rv_article load(const char *text)
{
	struct rv_article a;
	struct rv_diags d = {0};
	assert_true(rv_article_from_bytes("t.txt", (const unsigned char *)text, strlen(text), &a, &d));
	rv_diag_free(&d);
	return a;
}

static size_t load_diags(const char *text, struct rv_article *a)
{
	struct rv_diags d = {0};
	rv_article_from_bytes("t.txt", (const unsigned char *)text, strlen(text), a, &d);
	size_t n = d.n;
	rv_diag_free(&d);
	return n;
}

static char tmpdir[256];

static void write_file(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void make_dir(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static void make_link(const char *target, const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	assert_int_equal(symlink(target, path), 0);
}

static int setup_tmp(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/revue-test-corpus-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}


static int teardown_tmp(void **state)
{
	(void)state;
	tu_rm_rf(tmpdir);
	return 0;
}

static bool has_diag(const struct rv_diags *d, const char *file_part, const char *msg_part)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].file && strstr(d->v[i].file, file_part) && strstr(d->v[i].msg, msg_part))
			return true;
	return false;
}

static const struct rv_article *find(const struct rv_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->articles[i].id, id))
			return &c->articles[i];
	return NULL;
}

/* --- dates ---------------------------------------------------------------- */

static void test_date_parse_valid(void **state)
{
	(void)state;
	struct rv_date d;
	assert_true(rv_date_parse("2025", 4, &d));
	assert_int_equal(d.precision, RV_DATE_YEAR);
	assert_true(rv_date_parse("2025-03", 7, &d));
	assert_int_equal(d.month, 3);
	assert_int_equal(d.precision, RV_DATE_MONTH);
	assert_true(rv_date_parse("2024-02-29", 10, &d));
	assert_int_equal(d.day, 29);
	const char *t = "2038-01-19T03:14:08Z";
	assert_true(rv_date_parse(t, strlen(t), &d));
	assert_int_equal(d.year, 2038);
	t = "2019-11-17 10:00:00+01:00";
	assert_true(rv_date_parse(t, strlen(t), &d));
	t = "2019-11-17T10:00:00.123-0500";
	assert_true(rv_date_parse(t, strlen(t), &d));
	char buf[11];
	rv_date_format(&d, buf);
	assert_string_equal(buf, "2019-11-17");
}

static void test_date_parse_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2024-02-30", "2023-02-29", "99999-99-99", "-1", "0000-00-00", "2024-13", "2024-00",
		"1970-01-01T00:00:00+25:00", "9223372036854775808", "2024-1-5", "20245", "2024-",
		"2024-01-01T24:00", "2024-01-01T10:60", "2024-01-01X", "", "abcd", "2024/01/01",
		"2024-01-01T10:00:00.Z",
	};
	struct rv_date d;
	for (size_t i = 0; i < RV_ARRAY_LEN(bad); i++) {
		if (rv_date_parse(bad[i], strlen(bad[i]), &d))
			fail_msg("accepted invalid date '%s'", bad[i]);
		assert_int_equal(d.precision, RV_DATE_NONE);
	}
}

/* --- header block -------------------------------------------------------- */

static void test_header_fields(void **state)
{
	(void)state;
	struct rv_article a = load("title: Un titre\nsource: Le Monde\ndate: 2019-11-17\nlang: fr-FR\n"
				   "url: https://example.org/a\nauthor: A. Dupont\nsection: Monde\n\n"
				   "Le texte commence ici.\n");
	assert_string_equal(a.title, "Un titre");
	assert_string_equal(a.source, "Le Monde");
	assert_string_equal(a.lang, "fr");
	assert_false(a.lang_guessed);
	assert_string_equal(a.url, "https://example.org/a");
	assert_string_equal(a.author, "A. Dupont");
	assert_int_equal(a.date.year, 2019);
	assert_int_equal(a.n_extra, 1);
	assert_string_equal(a.extra[0].key, "section");
	assert_string_equal(a.extra[0].value, "Monde");
	assert_string_equal(a.body, "Le texte commence ici.\n");
	assert_int_equal(a.body_line, 9);
	rv_article_free(&a);
}

static void test_header_keys_case_insensitive(void **state)
{
	(void)state;
	struct rv_article a = load("Title: Capital\nDATE: 2020\n\nBody.");
	assert_string_equal(a.title, "Capital");
	assert_int_equal(a.date.precision, RV_DATE_YEAR);
	rv_article_free(&a);
}

static void test_header_needs_known_key(void **state)
{
	(void)state;
	/* "Paris: ..." is a sentence, not a header */
	struct rv_article a = load("Paris: la police a annoncé lundi l'ouverture d'une enquête.\n\nSuite.");
	assert_string_equal(a.source, "");
	assert_true(strncmp(a.body, "Paris:", 6) == 0);
	rv_article_free(&a);
}

static void test_header_only(void **state)
{
	(void)state;
	struct rv_article a = load("Title: Only a header block\nAuthor: nobody\nDate: 2024-01-01");
	assert_string_equal(a.title, "Only a header block");
	assert_int_equal(a.body_len, 0);
	rv_article_free(&a);
}

static void test_header_duplicate_and_malformed(void **state)
{
	(void)state;
	struct rv_article a;
	size_t n = load_diags("Title:\nTitle: second\nNoColonLine\ntitle: third\nDate: 2024-02-30\n\nBody.", &a);
	assert_string_equal(a.title, "second");
	assert_int_equal(a.date.precision, RV_DATE_NONE);
	assert_int_equal(n, 3); /* the line without colon, the duplicate, the bad date */
	rv_article_free(&a);
}

static void test_header_warnings_capped(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	rv_buf_adds(&b, "Title: many\n");
	for (int i = 0; i < 1000; i++)
		rv_buf_adds(&b, "bad line\n");
	rv_buf_adds(&b, "\nBody.");
	struct rv_article a;
	struct rv_diags d = {0};
	rv_article_from_bytes("t.txt", (const unsigned char *)b.p, b.len, &a, &d);
	assert_true(d.n <= 6);
	assert_non_null(strstr(d.v[d.n - 1].msg, "995 more"));
	rv_diag_free(&d);
	rv_article_free(&a);
	rv_buf_free(&b);
}

static void test_header_extra_fields_capped(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	rv_buf_adds(&b, "Title: many\n");
	for (int i = 0; i < 10000; i++)
		rv_buf_printf(&b, "X-Header-%04d: v\n", i);
	rv_buf_adds(&b, "\nBody.");
	struct rv_article a;
	struct rv_diags d = {0};
	assert_true(rv_article_from_bytes("t.txt", (const unsigned char *)b.p, b.len, &a, &d));
	assert_int_equal(a.n_extra, 256);
	assert_string_equal(a.body, "Body.");
	rv_diag_free(&d);
	rv_article_free(&a);
	rv_buf_free(&b);
}

static void test_header_nul_in_value_truncates(void **state)
{
	(void)state;
	static const unsigned char raw[] = "Title: ab\0cd\nDate: 2024\n\nBody.";
	struct rv_article a;
	struct rv_diags d = {0};
	/* a NUL in the first 8000 bytes makes the file binary */
	assert_false(rv_article_from_bytes("t.txt", raw, sizeof raw - 1, &a, &d));
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "binary"));
	rv_diag_free(&d);
	rv_article_free(&a);
}

/* --- inference ---------------------------------------------------------- */

static void test_title_headline_first_line(void **state)
{
	(void)state;
	struct rv_article a = load("Microsoft et OpenAI : les motifs du divorce dévoilés\n"
				   "Microsoft souhaite désormais viser une « véritable autonomie ».\n");
	assert_string_equal(a.title, "Microsoft et OpenAI : les motifs du divorce dévoilés");
	rv_article_free(&a);
}

static void test_title_first_sentence(void **state)
{
	(void)state;
	struct rv_article a = load("Microsoft va développer ses propres modèles. Pourtant pionnière du "
				   "secteur avec ChatGPT, l'avenir s'assombrit.\n\nSuite.");
	assert_string_equal(a.title, "Microsoft va développer ses propres modèles");
	rv_article_free(&a);
}

static void test_title_question_headline(void **state)
{
	(void)state;
	struct rv_article a = load("Why did the talks fail?\nThe negotiators met on Monday.\n");
	assert_string_equal(a.title, "Why did the talks fail?");
	rv_article_free(&a);
}

static void test_title_cut_at_word(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	for (int i = 0; i < 40; i++)
		rv_buf_adds(&b, "mot ");
	rv_buf_adds(&b, "fin.\nSuite.");
	struct rv_article a = load(b.p);
	size_t n = strlen(a.title);
	assert_true(n <= 150 + 3);
	assert_string_equal(a.title + n - 3, "\xE2\x80\xA6");
	assert_true(a.title[n - 4] == 't'); /* ends on a whole "mot" */
	rv_article_free(&a);
	rv_buf_free(&b);
}

static void test_title_abbreviation_not_cut(void **state)
{
	(void)state;
	struct rv_article a = load("M. Macron a reçu Mme Merkel à Paris. Ils ont parlé du budget, et "
				   "de bien d'autres choses encore pendant des heures et des heures.\n");
	assert_string_equal(a.title, "M. Macron a reçu Mme Merkel à Paris");
	rv_article_free(&a);
}

static void test_title_from_name_when_empty(void **state)
{
	(void)state;
	struct rv_article a;
	struct rv_diags d = {0};
	assert_true(rv_article_from_bytes("dir/empty-one.txt", (const unsigned char *)"\n\n\n", 3, &a, &d));
	assert_string_equal(a.title, "empty-one");
	assert_int_equal(a.body_len, 0);
	rv_article_free(&a);
	rv_diag_free(&d);
}

static void test_date_token(void **state)
{
	(void)state;
	struct rv_article a = load(" date 2025-03 La collaboration entre OpenAI et Microsoft serait sous tension. "
				   "Suite de la phrase.\n\nAutre paragraphe.");
	char buf[11];
	rv_date_format(&a.date, buf);
	assert_string_equal(buf, "2025-03");
	assert_true(strncmp(a.body, "La collaboration", 16) == 0);
	assert_string_equal(a.title, "La collaboration entre OpenAI et Microsoft serait sous tension");
	rv_article_free(&a);
}

static void test_date_token_full_and_header_wins(void **state)
{
	(void)state;
	struct rv_article a = load("DATE 2024-06-11 Le texte.");
	assert_int_equal(a.date.day, 11);
	assert_string_equal(a.body, "Le texte.");
	rv_article_free(&a);
	a = load("title: T\ndate: 2020-01-01\n\ndate 2025-03 Le texte.");
	assert_int_equal(a.date.year, 2020);
	assert_string_equal(a.body, "Le texte.");
	rv_article_free(&a);
}

static void test_date_token_not_a_date(void **state)
{
	(void)state;
	struct rv_article a = load("Date 2025 était une année. Datee 2025-03 non.");
	assert_int_equal(a.date.precision, RV_DATE_NONE);
	assert_true(strncmp(a.body, "Date 2025", 9) == 0);
	rv_article_free(&a);
	a = load("date 2025-13 invalid month.");
	assert_int_equal(a.date.precision, RV_DATE_NONE);
	rv_article_free(&a);
}

static void test_lang_guess(void **state)
{
	(void)state;
	struct rv_article a = load("Le gouvernement a annoncé que la réforme des retraites sera votée par les députés.");
	assert_string_equal(a.lang, "fr");
	assert_true(a.lang_guessed);
	rv_article_free(&a);
	a = load("The government said that the reform of the pension system will be voted on by the house.");
	assert_string_equal(a.lang, "en");
	rv_article_free(&a);
}

static void test_body_is_nfc_and_folded(void **state)
{
	(void)state;
	struct rv_article a = load("Cafe\xCC\x81 de l\xE2\x80\x99\xC3\x89lys\xC3\xA9" "e.");
	assert_string_equal(a.body, "Caf\xC3\xA9 de l\xE2\x80\x99\xC3\x89lys\xC3\xA9" "e.");
	assert_string_equal(a.fold.text, "cafe de l'elysee.");
	rv_article_free(&a);
}

static void test_encodings_recorded(void **state)
{
	(void)state;
	struct rv_article a;
	struct rv_diags d = {0};
	static const unsigned char latin1[] = "L'\xe9t\xe9 \xe0 No\xebl, voil\xe0.";
	assert_true(rv_article_from_bytes("l.txt", latin1, sizeof latin1 - 1, &a, &d));
	assert_int_equal(a.encoding, RV_ENC_CP1252);
	assert_string_equal(a.body, "L'\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl, voil\xC3\xA0.");
	rv_article_free(&a);
	static const unsigned char u16[] = {0xFF, 0xFE, 'H', 0, 'i', 0, '\r', 0, '\n', 0, 0xE9, 0};
	assert_true(rv_article_from_bytes("u.txt", u16, sizeof u16, &a, &d));
	assert_int_equal(a.encoding, RV_ENC_UTF16LE);
	assert_string_equal(a.body, "Hi\n\xC3\xA9");
	rv_article_free(&a);
	rv_diag_free(&d);
}

/* --- the directory walk --------------------------------------------------- */

static void test_walk_order_filter_ids(void **state)
{
	(void)state;
	make_dir("b");
	make_dir(".git");
	write_file("b/z.txt", "Zeta article.\n");
	write_file("b/a.md", "Alpha article.\n");
	write_file("c.TXT", "Upper case extension.\n");
	write_file("a.txt", "First.\n");
	write_file("notes.pdf", "not an article");
	write_file("entities.tsv", "Microsoft\torg\n");
	write_file(".hidden.txt", "hidden");
	write_file(".git/x.txt", "hidden dir");
	const char *paths[] = {tmpdir};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
	assert_int_equal(c->n, 4);
	assert_string_equal(c->articles[0].id, "a.txt");
	assert_string_equal(c->articles[1].id, "b/a.md");
	assert_string_equal(c->articles[2].id, "b/z.txt");
	assert_string_equal(c->articles[3].id, "c.TXT");
	rv_corpus_free(c);
}

static void test_walk_same_result_any_thread_count(void **state)
{
	(void)state;
	for (int i = 0; i < 40; i++) {
		char name[32], text[64];
		snprintf(name, sizeof name, "f%02d.txt", i);
		snprintf(text, sizeof text, "Article number %d.\n", i);
		write_file(name, text);
	}
	const char *paths[] = {tmpdir};
	struct rv_corpus *one, *many;
	struct rv_diags err = {0};
	struct rv_corpus_opts o1 = {.threads = 1}, o8 = {.threads = 8};
	assert_int_equal(rv_corpus_load(paths, 1, &o1, &one, &err), 0);
	assert_int_equal(rv_corpus_load(paths, 1, &o8, &many, &err), 0);
	assert_int_equal(one->n, many->n);
	for (size_t i = 0; i < one->n; i++) {
		assert_string_equal(one->articles[i].id, many->articles[i].id);
		assert_string_equal(one->articles[i].body, many->articles[i].body);
	}
	rv_corpus_free(one);
	rv_corpus_free(many);
}

static void test_walk_hazards(void **state)
{
	(void)state;
	write_file("regular.txt", "A regular article.\n");
	make_link("regular.txt", "good_link.txt");
	make_link("loop_b.txt", "loop_a.txt");
	make_link("loop_a.txt", "loop_b.txt");
	make_link("self_loop.txt", "self_loop.txt");
	make_link("does_not_exist.txt", "dangling.txt");
	make_link("/etc/passwd", "outside_dir.txt");
	make_link("/dev/zero", "dev_zero.txt");
	make_link(".", "dir_cycle");
	make_dir("dir_named_like_article.txt");
	char fifo[512];
	snprintf(fifo, sizeof fifo, "%s/fifo.txt", tmpdir);
	assert_int_equal(mkfifo(fifo, 0644), 0);
	char sparse[512];
	snprintf(sparse, sizeof sparse, "%s/sparse.txt", tmpdir);
	int fd = open(sparse, O_CREAT | O_WRONLY, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 10LL * 1024 * 1024 * 1024), 0);
	close(fd);

	const char *paths[] = {tmpdir};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
	assert_int_equal(c->n, 2);
	assert_non_null(find(c, "regular.txt"));
	assert_non_null(find(c, "good_link.txt"));
	assert_true(has_diag(&c->diags, "loop_a.txt", "broken link"));
	assert_true(has_diag(&c->diags, "self_loop.txt", "broken link"));
	assert_true(has_diag(&c->diags, "dangling.txt", "broken link"));
	assert_true(has_diag(&c->diags, "outside_dir.txt", "outside"));
	assert_true(has_diag(&c->diags, "dev_zero.txt", "outside"));
	assert_true(has_diag(&c->diags, "fifo.txt", "FIFO"));
	assert_true(has_diag(&c->diags, "sparse.txt", "too large"));
	rv_corpus_free(c);
}

static void test_walk_device_given_directly(void **state)
{
	(void)state;
	const char *paths[] = {"/dev/zero"};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), -1);
	assert_true(err.n >= 1);
	assert_true(has_diag(&err, "/dev/zero", "character device"));
	rv_diag_free(&err);
}

static void test_load_errors(void **state)
{
	(void)state;
	struct rv_corpus *c;
	struct rv_diags err = {0};
	const char *missing[] = {"/nonexistent/revue/path"};
	assert_int_equal(rv_corpus_load(missing, 1, NULL, &c, &err), -1);
	assert_null(c);
	assert_true(has_diag(&err, "/nonexistent/revue/path", "No such file"));
	rv_diag_free(&err);
	const char *empty[] = {tmpdir};
	assert_int_equal(rv_corpus_load(empty, 1, NULL, &c, &err), -1);
	assert_true(has_diag(&err, tmpdir, "no article"));
	rv_diag_free(&err);
}

static void test_load_size_limit(void **state)
{
	(void)state;
	write_file("small.txt", "Short.\n");
	write_file("big.txt", "This one is longer than sixteen bytes.\n");
	const char *paths[] = {tmpdir};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	struct rv_corpus_opts o = {.max_file_bytes = 16};
	assert_int_equal(rv_corpus_load(paths, 1, &o, &c, &err), 0);
	assert_int_equal(c->n, 1);
	assert_true(has_diag(&c->diags, "big.txt", "too large"));
	rv_corpus_free(c);
}

static void test_file_list_ids(void **state)
{
	(void)state;
	write_file("one.dat", "Taken whatever its name.\n");
	char p[512];
	snprintf(p, sizeof p, "%s/one.dat", tmpdir);
	const char *paths[] = {p};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
	assert_int_equal(c->n, 1);
	assert_string_equal(c->articles[0].id, p);
	rv_corpus_free(c);
}

/* --- the bundled corpus and the shared data -------------------------------- */

static void test_bundled_corpus(void **state)
{
	(void)state;
	const char *paths[] = {SOURCE_DIR "/corpus"};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
	assert_int_equal(c->n, 5);
	assert_int_equal(c->diags.n, 0);
	const struct rv_article *a = find(c, "001_fd70df3b9bc0aabe.txt");
	assert_non_null(a);
	assert_string_equal(a->title, "Microsoft et OpenAI : les motifs du divorce dévoilés");
	a = find(c, "004_adeceaaae8a7c653.txt");
	assert_non_null(a);
	char date[11];
	rv_date_format(&a->date, date);
	assert_string_equal(date, "2025-03");
	assert_null(strstr(a->title, "2025"));
	assert_null(strstr(a->body, "date 2025-03"));
	for (size_t i = 0; i < c->n; i++)
		assert_string_equal(c->articles[i].lang, "fr");
	rv_corpus_free(c);
}

static bool all_valid_utf8(const struct rv_article *a)
{
	return rv_utf8_valid(a->body, a->body_len) && rv_utf8_valid(a->title, strlen(a->title)) &&
	       rv_utf8_valid(a->fold.text, a->fold.len);
}

static void test_adversarial_corpus(void **state)
{
	(void)state;
	const char *paths[] = {SHARED_DIR "/adversarial"};
	struct stat st;
	if (stat(paths[0], &st) < 0)
		skip();
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
	for (size_t i = 0; i < c->n; i++)
		assert_true(all_valid_utf8(&c->articles[i]));
	/* binary files are refused by name, the rest loads */
	assert_null(find(c, "31_binary_gzip.txt"));
	assert_true(has_diag(&c->diags, "31_binary_gzip.txt", "binary"));
	assert_null(find(c, "32_binary_random_64KiB.txt"));
	const struct rv_article *a = find(c, "23_huge_single_line_5MiB.txt");
	assert_non_null(a);
	assert_true(a->body_len > 5000000);
	/* the same text in four encodings */
	const char *const same[] = {"38_utf16le_bom.txt", "39_utf16be_bom.txt", "40_latin1_french.txt"};
	for (size_t i = 0; i < RV_ARRAY_LEN(same); i++) {
		a = find(c, same[i]);
		assert_non_null(a);
		assert_string_equal(a->title, "L'\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl");
	}
	assert_int_equal(find(c, "38_utf16le_bom.txt")->encoding, RV_ENC_UTF16LE);
	assert_int_equal(find(c, "39_utf16be_bom.txt")->encoding, RV_ENC_UTF16BE);
	assert_int_equal(find(c, "40_latin1_french.txt")->encoding, RV_ENC_CP1252);
	a = find(c, "41_cp1252_smart_quotes.txt");
	assert_int_equal(a->encoding, RV_ENC_CP1252);
	assert_non_null(strstr(a->title, "\xE2\x80\x9CSmart quotes\xE2\x80\x9D"));
	/* line ends */
	const char *const crlf[] = {"34_crlf_line_endings.txt", "35_lone_cr_line_endings.txt",
				    "36_mixed_line_endings.txt"};
	for (size_t i = 0; i < RV_ARRAY_LEN(crlf); i++) {
		a = find(c, crlf[i]);
		assert_non_null(a);
		assert_null(memchr(a->body, '\r', a->body_len));
		assert_null(strchr(a->title, '\r'));
	}
	/* BOM dropped: the header is read */
	a = find(c, "37_utf8_bom.txt");
	assert_string_equal(a->title, "BOM article");
	/* overlong and damaged UTF-8 never yield ESC, '/' from C0 AF, or NUL */
	a = find(c, "11_utf8_overlong.txt");
	assert_int_equal(a->encoding, RV_ENC_UTF8_REPAIRED);
	assert_null(strstr(a->body, "[/]"));
	a = find(c, "13_utf8_truncated.txt");
	assert_non_null(strstr(a->body, "\xEF\xBF\xBD\x1B[31mRED")); /* decoding resumes at the ESC */
	/* an invalid header date sorts as unknown */
	a = find(c, "15_utf8_invalid_in_headers.txt");
	assert_int_equal(a->date.precision, RV_DATE_NONE);
	/* empty and blank files load with a title from their name */
	a = find(c, "25_empty.txt");
	assert_string_equal(a->title, "25_empty");
	rv_corpus_free(c);
}

static void test_real_corpora_headers(void **state)
{
	(void)state;
	const char *paths[] = {SHARED_DIR "/corpora/basil_en/articles"};
	struct stat st;
	if (stat(paths[0], &st) < 0)
		skip();
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
	assert_int_equal(c->diags.n, 0);
	assert_true(c->n >= 300);
	size_t dated = 0, en = 0;
	for (size_t i = 0; i < c->n; i++) {
		dated += c->articles[i].date.precision == RV_DATE_DAY;
		en += !strcmp(c->articles[i].lang, "en");
		assert_true(*c->articles[i].source);
		assert_true(*c->articles[i].title);
	}
	assert_int_equal(dated, c->n);
	assert_int_equal(en, c->n);
	rv_corpus_free(c);
}

static void test_real_corpora_lang_guess(void **state)
{
	(void)state;
	/* the header says fr or en: the guess, made without it, must agree */
	const char *dirs[] = {SHARED_DIR "/corpora/rpm2_fr/articles", SHARED_DIR "/corpora/basil_en/articles"};
	struct stat st;
	if (stat(dirs[0], &st) < 0)
		skip();
	for (size_t k = 0; k < RV_ARRAY_LEN(dirs); k++) {
		struct rv_corpus *c;
		struct rv_diags err = {0};
		const char *paths[] = {dirs[k]};
		assert_int_equal(rv_corpus_load(paths, 1, NULL, &c, &err), 0);
		size_t agree = 0;
		for (size_t i = 0; i < c->n; i++) {
			const struct rv_article *a = &c->articles[i];
			agree += !strcmp(rv_text_guess_lang(a->body, a->body_len), a->lang);
		}
		if (agree * 100 < c->n * 98)
			fail_msg("%s: language guess agrees with the header on %zu of %zu", dirs[k], agree, c->n);
		rv_corpus_free(c);
	}
}

/* --- a huge file, loaded in part first (rv_corpus_opts.lazy_bytes) ---------- */

static void write_big(const char *rel, size_t size, bool nul)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("Title: Un grand article\n\n", f);
	size_t n = 0;
	for (unsigned i = 0; n < size; i++) /* CRLF now and then, and a decomposed é (NFC composes it) */
		n += (size_t)fprintf(f, "Ligne %u : un cafe\xcc\x81 au comptoir,%s", i, i % 3 ? "\n" : "\r\n");
	fputs("La fin.\n", f);
	if (nul) { /* a NUL byte early on */
		fseek(f, 5000, SEEK_SET);
		fputc('\0', f);
	}
	fclose(f);
}

static void test_load_partial(void **state)
{
	(void)state;
	write_big("big.txt", 6u << 20, false);
	write_big("bin.txt", 6u << 20, true);
	write_file("small.txt", "A small one.\n");
	const char *paths[] = {tmpdir};
	struct rv_corpus *c, *whole;
	struct rv_diags err = {0};
	struct rv_corpus_opts o = {.lazy_bytes = 4u << 20};
	assert_int_equal(rv_corpus_load(paths, 1, &o, &c, &err), 0);
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &whole, &err), 0);
	assert_int_equal(c->n, 2); /* bin.txt: read in full (a NUL in its first part), binary */
	assert_true(has_diag(&c->diags, "bin.txt", "binary"));
	const struct rv_article *a = find(c, "big.txt"), *w = find(whole, "big.txt");
	assert_true(a->partial && !w->partial);
	assert_false(find(c, "small.txt")->partial);
	assert_true(a->body_len <= RV_LAZY_HEAD && a->body_len > RV_LAZY_HEAD / 2);
	assert_int_equal(a->body[a->body_len - 1], '\n');
	assert_int_equal(a->file_bytes, w->file_bytes);
	assert_string_equal(a->title, w->title);
	/* the part shown is the start of the whole, its tail the end */
	assert_memory_equal(a->body, w->body, a->body_len);
	assert_non_null(a->tail);
	assert_true(a->tail_len > RV_LAZY_HEAD / 2 && a->tail_len < w->body_len);
	assert_memory_equal(a->tail, w->body + w->body_len - a->tail_len, a->tail_len);
	assert_null(memchr(a->tail, '\r', a->tail_len));
	/* and read in full, the same article as without lazy_bytes */
	struct rv_article full;
	struct rv_diags d = {0};
	assert_true(rv_article_finish(a, 0, &full, &d));
	assert_false(full.partial);
	assert_int_equal(full.body_len, w->body_len);
	assert_memory_equal(full.body, w->body, w->body_len);
	assert_true(full.hash == w->hash && full.fold.len == w->fold.len);
	rv_article_free(&full);
	rv_diag_free(&d);
	/* a file gone meanwhile: false, with a diagnostic */
	char path[512];
	snprintf(path, sizeof path, "%s/big.txt", tmpdir);
	unlink(path);
	assert_false(rv_article_finish(a, 0, &full, &d));
	assert_true(d.n > 0);
	rv_article_free(&full);
	rv_diag_free(&d);
	rv_corpus_free(c);
	rv_corpus_free(whole);
	rv_diag_free(&err);
}

#define TMP_TEST(f) cmocka_unit_test_setup_teardown(f, setup_tmp, teardown_tmp)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse_valid),
		cmocka_unit_test(test_date_parse_invalid),
		cmocka_unit_test(test_header_fields),
		cmocka_unit_test(test_header_keys_case_insensitive),
		cmocka_unit_test(test_header_needs_known_key),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_header_duplicate_and_malformed),
		cmocka_unit_test(test_header_warnings_capped),
		cmocka_unit_test(test_header_extra_fields_capped),
		cmocka_unit_test(test_header_nul_in_value_truncates),
		cmocka_unit_test(test_title_headline_first_line),
		cmocka_unit_test(test_title_first_sentence),
		cmocka_unit_test(test_title_question_headline),
		cmocka_unit_test(test_title_cut_at_word),
		cmocka_unit_test(test_title_abbreviation_not_cut),
		cmocka_unit_test(test_title_from_name_when_empty),
		cmocka_unit_test(test_date_token),
		cmocka_unit_test(test_date_token_full_and_header_wins),
		cmocka_unit_test(test_date_token_not_a_date),
		cmocka_unit_test(test_lang_guess),
		cmocka_unit_test(test_body_is_nfc_and_folded),
		cmocka_unit_test(test_encodings_recorded),
		TMP_TEST(test_walk_order_filter_ids),
		TMP_TEST(test_walk_same_result_any_thread_count),
		TMP_TEST(test_walk_hazards),
		cmocka_unit_test(test_walk_device_given_directly),
		TMP_TEST(test_load_errors),
		TMP_TEST(test_load_size_limit),
		TMP_TEST(test_file_list_ids),
		TMP_TEST(test_load_partial),
		cmocka_unit_test(test_bundled_corpus),
		cmocka_unit_test(test_adversarial_corpus),
		cmocka_unit_test(test_real_corpora_headers),
		cmocka_unit_test(test_real_corpora_lang_guess),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
