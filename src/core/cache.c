/* The index cache (cache.h).
 *
 * Layout of a cache file, all integers in the machine's byte order (the
 * header says which, and a file of another order is refused):
 *
 *   [0, 4096)    header: magic, format version, byte order, the sizes of
 *                the structs stored as they are in memory, the hash of the
 *                revue executable that wrote it (an analyzer changed by a
 *                new build must not be answered from an old cache), the
 *                hash of the options the index depends on, the file's
 *                size, the payload's checksum, the counts and offsets of
 *                the tables below, and a hash of the header itself.
 *   payload      8-byte aligned arrays: each article's body and folded
 *                text (NUL-terminated), its fold map and marks, its names,
 *                amounts and dates (rv_name... as in memory), its unknown
 *                header keys and load warnings; then every article's
 *                quotes in one array (a quote's text pointer replaced by a
 *                string offset); then the entities
 *                (struct rec_ent) with their article lists, the entity key
 *                map's slots (keys as string offsets), the timeline, the
 *                links' clusters, members, by_article, article_at and
 *                each article's count of linked articles, the index's
 *                warnings; then the article table (struct
 *                rec_art); last, every string, NUL-terminated, in one
 *                section whose last byte is a NUL.
 *
 * The checksum: rv_hash64_wide of each 4 MiB chunk of the payload (computed on
 * all cores at open), then rv_hash64 of the chunk hashes. Hashing a whole
 * file of a gigabyte costs well under a second on two cores, and it is what
 * makes "never a wrong result" true for a flipped byte anywhere, bodies
 * included. Nothing is read from the payload before it matched; offsets,
 * counts and cross-references are bounds-checked too, so that a file
 * damaged in a way the checksum would miss still cannot make revue read
 * outside the mapping.
 *
 * The mapping is read-only. Records that hold pointers (articles, analyses,
 * entities, the links' head, quotes, the entity key map's slots) are built
 * or copied on the heap, their pointers aimed into the mapping; fixing
 * pointers up in a private writable mapping instead would copy every page
 * touched, each copy a TLB flush on every core, and it made a 100k reopen
 * seconds slower. rv_article.mapped and rv_index.mapped tell the free
 * functions what is theirs.
 *
 * Incremental update: articles whose files are unchanged (same stat, or
 * same bytes) are taken from the mapping instead of being read, decoded,
 * normalised and folded again; the index is taken from the cache only when
 * every article was. Any added, removed or changed article means a new
 * index build over the whole corpus (analysis, resolution, links): the
 * analyses kept here are the resolved ones, and the corpus-wide steps
 * rewrite them, so they cannot be fed back to a partial rebuild.
 */
#include "revue/cache.h"

#include "revue/hash.h"
#include "revue/strmap.h"
#include "revue/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define HDR_SIZE 4096u
#define CHUNK ((size_t)4 << 20)
#define MAGIC "RVCACHE\n"
#define VERSION 4u
#define ENDIAN 0x01020304u
#define NO_STRING UINT64_MAX

struct hdr {
	char magic[8];
	uint32_t version, endian;
	uint32_t sizes[12];
	uint64_t build, opts;
	uint64_t file_size, sum, nchunks;
	uint64_t narticles, art_off;
	uint64_t strs_off, strs_len;
	uint64_t has_index;
	uint64_t nentities, ent_off;
	uint64_t slots_cap, slots_n, slots_off;
	uint64_t nquotes, quotes_off; /* every article's quotes, one after the other */
	uint64_t ntimeline, nresolved, timeline_off;
	uint64_t nclusters, clusters_off, nmembers, members_off, by_article_off, article_at_off, links_narticles;
	uint64_t peers_off; /* rv_links_peer_counts, per article: the reader's list shows it at once */
	uint64_t candidate_pairs, aligned_pairs;
	uint64_t ndiags, diags_off;
	uint64_t hsum; /* rv_hash64 of the bytes before it */
};

struct rec_art {
	uint64_t id, title, source, lang, url, author; /* string offsets */
	uint64_t extra, n_extra;                       /* struct rec_pair[] */
	uint64_t diags, n_diags;                       /* struct rec_diag[] */
	uint64_t body, body_len, fold, fold_len, fold_map, fold_map_len, fold_changes, fold_marks, fold_nmarks;
	uint64_t replaced, file_bytes, hash, raw_hash;
	uint64_t size, dev, ino;
	int64_t mtime_ns;
	int32_t year, month, day, precision;
	uint32_t encoding, body_line, lang_guessed, pad;
	uint64_t names, nnames, amounts, namounts, quotes, nquotes, dates, ndates;
};

struct rec_pair {
	uint64_t key, value;
};

struct rec_diag {
	uint64_t file, line, msg;
};

struct rec_ent {
	uint64_t name, key, articles, narticles;
	uint32_t type, mentions;
};

struct rv_cache {
	unsigned char *base;
	size_t len;
	const struct hdr *h;
	const struct rec_art *art;
	const char *strs;
	struct rv_strmap by_id; /* article id → record */
	_Atomic size_t stat_hits, hits;
	bool index_taken;
};

static void struct_sizes(uint32_t s[12])
{
	memset(s, 0, 12 * sizeof *s);
	s[0] = sizeof(struct rv_name);
	s[1] = sizeof(struct rv_amount);
	s[2] = sizeof(struct rv_quote);
	s[3] = sizeof(struct rv_tentry);
	s[4] = sizeof(struct rv_link_cluster);
	s[5] = sizeof(struct rv_link_member);
	s[6] = sizeof(struct rv_strmap_slot);
	s[7] = sizeof(struct rv_timeline_ref);
	s[8] = sizeof(void *);
	s[9] = sizeof(struct rec_art);
	s[10] = sizeof(struct hdr);
	s[11] = sizeof(size_t);
}

/* --- the build that writes and reads ------------------------------------------ */

static uint64_t build_hash;
static pthread_once_t build_once = PTHREAD_ONCE_INIT;

/* The executable's own bytes: any change to revue's code makes another
 * cache. Where they cannot be read, the compile time stands in. */
static void hash_build(void)
{
	build_hash = rv_hash64(__DATE__ " " __TIME__, sizeof(__DATE__ " " __TIME__));
	FILE *f = fopen("/proc/self/exe", "rb");
	if (!f)
		return;
	struct rv_buf b = {0};
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		rv_buf_add(&b, tmp, n);
	if (!ferror(f) && b.len)
		build_hash = rv_hash64(b.p, b.len);
	fclose(f);
	rv_buf_free(&b);
}

static uint64_t this_build(void)
{
	pthread_once(&build_once, hash_build);
	return build_hash;
}

/* --- where ------------------------------------------------------------------------ */

char *rv_cache_default_path(const char *state_path, const char *const *paths, size_t npaths)
{
	char *dir = NULL;
	const char *env = getenv("REVUE_STATE");
	const char *state = state_path ? state_path : (env && *env ? env : NULL);
	if (state) {
		const char *slash = strrchr(state, '/');
		dir = slash ? rv_xasprintf("%.*s/cache", (int)(slash - state), state) : rv_xstrdup("cache");
		if (slash == state)
			dir[0] = '/', strcpy(dir + 1, "cache");
	} else {
		const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
		if (xdg && xdg[0] == '/')
			dir = rv_xasprintf("%s/revue/cache", xdg);
		else if (home && *home)
			dir = rv_xasprintf("%s/.local/state/revue/cache", home);
		else
			return NULL;
	}
	struct rv_buf key = {0};
	for (size_t i = 0; i < npaths; i++) {
		char *real = realpath(paths[i], NULL);
		rv_buf_add(&key, real ? real : paths[i], strlen(real ? real : paths[i]) + 1);
		free(real);
	}
	char hex[17];
	rv_hash_hex(rv_hash64(key.p, key.len), hex);
	rv_buf_free(&key);
	char *path = rv_xasprintf("%s/%s.idx", dir, hex);
	free(dir);
	return path;
}

/* --- checksum --------------------------------------------------------------------- */

struct sumjob {
	const unsigned char *p;
	size_t len;
	uint64_t *h;
};

static void sum_chunk(void *ctx, size_t i, unsigned worker)
{
	(void)worker;
	struct sumjob *j = ctx;
	size_t off = i * CHUNK, n = j->len - off < CHUNK ? j->len - off : CHUNK;
	j->h[i] = rv_hash64_wide(j->p + off, n);
}

static uint64_t payload_sum(const unsigned char *p, size_t len, size_t *nchunks)
{
	size_t n = (len + CHUNK - 1) / CHUNK;
	uint64_t *h = rv_xcalloc(n ? n : 1, sizeof *h);
	struct sumjob j = {p, len, h};
	rv_parallel_for(n, rv_thread_count(0, n), sum_chunk, &j);
	uint64_t s = rv_hash64(h, n * sizeof *h);
	free(h);
	*nchunks = n;
	return s;
}

/* --- opening ---------------------------------------------------------------------- */

/* count elements of size bytes at off, inside the payload and aligned */
static const void *region(const struct rv_cache *ca, uint64_t off, uint64_t count, size_t size, bool *ok)
{
	if (off < HDR_SIZE || off > ca->len || off % 8 || (size && count > (ca->len - off) / size)) {
		*ok = false;
		return NULL;
	}
	return ca->base + off;
}

static const char *string(const struct rv_cache *ca, uint64_t off, bool *ok)
{
	if (off == NO_STRING)
		return NULL;
	if (off >= ca->h->strs_len) {
		*ok = false;
		return "";
	}
	return ca->strs + off;
}

static struct rv_cache *refuse(struct rv_cache *ca, struct rv_diags *d, const char *path, const char *why)
{
	rv_diag_add(d, path, 0, "index cache %s: not used, rebuilt", why);
	rv_cache_close(ca);
	return NULL;
}

struct rv_cache *rv_cache_open(const char *path, struct rv_diags *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno != ENOENT && errno != ENOTDIR) /* no cache there yet */
			rv_diag_add(d, path, 0, "index cache cannot be opened: %s: not used", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)HDR_SIZE ||
	    (uint64_t)st.st_size > SIZE_MAX / 2) {
		close(fd);
		return refuse(NULL, d, path, "is truncated or not a file");
	}
	struct rv_cache *ca = rv_xcalloc(1, sizeof *ca);
	ca->len = (size_t)st.st_size;
	/* populated: the checksum reads every page at once anyway, and the
	 * kernel maps them faster in one go than fault by fault */
	void *m = mmap(NULL, ca->len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED) {
		free(ca);
		rv_diag_add(d, path, 0, "index cache cannot be mapped: %s: not used", strerror(errno));
		return NULL;
	}
	ca->base = m;
	const struct hdr *h = ca->h = m;
	uint32_t sizes[12];
	struct_sizes(sizes);
	if (memcmp(h->magic, MAGIC, 8) != 0)
		return refuse(ca, d, path, "is not one");
	bool tail_zero = true; /* the header's page past the struct is zeros: no byte unchecked */
	for (size_t i = sizeof *h; i < HDR_SIZE; i++)
		tail_zero &= ca->base[i] == 0;
	if (h->hsum != rv_hash64(h, offsetof(struct hdr, hsum)) || !tail_zero)
		return refuse(ca, d, path, "has a damaged header");
	if (h->version != VERSION || h->endian != ENDIAN || memcmp(h->sizes, sizes, sizeof sizes) != 0)
		return refuse(ca, d, path, "is of another format");
	if (h->build != this_build())
		return refuse(ca, d, path, "was written by another build of revue");
	if (h->file_size != ca->len)
		return refuse(ca, d, path, "is truncated");
	size_t nchunks;
	madvise(ca->base, ca->len, MADV_WILLNEED);
	if (payload_sum(ca->base + HDR_SIZE, ca->len - HDR_SIZE, &nchunks) != h->sum || nchunks != h->nchunks)
		return refuse(ca, d, path, "is damaged (checksum)");
	bool ok = true;
	ca->art = region(ca, h->art_off, h->narticles, sizeof *ca->art, &ok);
	ca->strs = region(ca, h->strs_off, h->strs_len, 1, &ok);
	if (!ok || !h->strs_len || ca->strs[h->strs_len - 1] != '\0' || h->narticles > UINT32_MAX)
		return refuse(ca, d, path, "is damaged (tables)");
	for (size_t i = 0; i < h->narticles && ok; i++) {
		const char *id = string(ca, ca->art[i].id, &ok);
		if (ok && id) {
			bool fresh;
			uint32_t *v = rv_strmap_put(&ca->by_id, id, strlen(id), (uint32_t)i, &fresh);
			ok = fresh && v;
		} else {
			ok = false;
		}
	}
	if (!ok)
		return refuse(ca, d, path, "is damaged (articles)");
	return ca;
}

void rv_cache_close(struct rv_cache *ca)
{
	if (!ca)
		return;
	if (ca->base)
		munmap(ca->base, ca->len);
	rv_strmap_free(&ca->by_id);
	free(ca);
}

void rv_cache_attach(struct rv_cache *ca, struct rv_corpus *c)
{
	if (c->cache && c->cache != ca)
		rv_cache_close(c->cache);
	c->cache = ca;
}

/* --- articles from the mapping -------------------------------------------------- */

static bool same_file(const struct rec_art *r, const struct stat *st)
{
	return S_ISREG(st->st_mode) && r->size == (uint64_t)st->st_size && r->dev == (uint64_t)st->st_dev &&
	       r->ino == (uint64_t)st->st_ino &&
	       r->mtime_ns == (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* Fills a from record r; false (a untouched) when r does not hold together. */
static bool article_of(const struct rv_cache *ca, const struct rec_art *r, struct rv_article *a,
		       struct rv_diags *diags)
{
	bool ok = true;
	struct rv_article x = {0};
	x.id = (char *)string(ca, r->id, &ok);
	x.title = (char *)string(ca, r->title, &ok);
	x.source = (char *)string(ca, r->source, &ok);
	x.lang = (char *)string(ca, r->lang, &ok);
	x.url = (char *)string(ca, r->url, &ok);
	x.author = (char *)string(ca, r->author, &ok);
	x.body = (char *)region(ca, r->body, r->body_len + 1, 1, &ok);
	x.fold.text = (char *)region(ca, r->fold, r->fold_len + 1, 1, &ok);
	x.fold.map = (unsigned char *)region(ca, r->fold_map, r->fold_map_len, 1, &ok);
	x.fold.marks = (uint32_t *)region(ca, r->fold_marks, 3 * r->fold_nmarks, sizeof(uint32_t), &ok);
	const struct rec_pair *ex = region(ca, r->extra, r->n_extra, sizeof *ex, &ok);
	const struct rec_diag *dg = region(ca, r->diags, r->n_diags, sizeof *dg, &ok);
	if (!ok || !x.id || !x.title || !x.source || !x.lang || !x.url || !x.author || x.body[r->body_len] ||
	    x.fold.text[r->fold_len] || r->body_len > UINT32_MAX ||
	    r->fold_nmarks != (r->fold_changes + RV_FOLD_MARK_EVERY - 1) / RV_FOLD_MARK_EVERY ||
	    (r->fold_changes && !r->fold_map_len) || r->precision < RV_DATE_NONE ||
	    r->precision > RV_DATE_DAY)
		return false;
	x.body_len = r->body_len;
	x.fold.len = r->fold_len;
	x.fold.map_len = r->fold_map_len;
	x.fold.changes = r->fold_changes;
	x.fold.nmarks = r->fold_nmarks;
	x.extra = r->n_extra ? rv_xcalloc(r->n_extra, sizeof *x.extra) : NULL;
	for (size_t i = 0; i < r->n_extra; i++) {
		x.extra[i].key = (char *)string(ca, ex[i].key, &ok);
		x.extra[i].value = (char *)string(ca, ex[i].value, &ok);
		ok = ok && x.extra[i].key && x.extra[i].value;
	}
	if (!ok) {
		free(x.extra);
		return false;
	}
	x.n_extra = r->n_extra;
	x.lang_guessed = r->lang_guessed != 0;
	x.date = (struct rv_date){r->year, r->month, r->day, (enum rv_date_precision)r->precision};
	x.encoding = (enum rv_encoding)r->encoding;
	x.replaced = r->replaced;
	x.file_bytes = r->file_bytes;
	x.body_line = r->body_line;
	x.hash = r->hash;
	x.raw_hash = r->raw_hash;
	x.file = (struct rv_file_id){r->size, r->dev, r->ino, r->mtime_ns};
	x.mapped = true;
	for (size_t i = 0; i < r->n_diags; i++) {
		const char *file = string(ca, dg[i].file, &ok), *msg = string(ca, dg[i].msg, &ok);
		if (ok && msg)
			rv_diag_add(diags, file, (unsigned)dg[i].line, "%s", msg);
	}
	*a = x;
	return true;
}

bool rv_cache_reuse(void *ctx, const char *path, const char *id, const struct rv_file_id *fid, uint64_t raw_hash,
		    size_t max_bytes, struct rv_article *a, struct rv_diags *diags)
{
	struct rv_cache *ca = ctx;
	const uint32_t *i = rv_strmap_get(&ca->by_id, id, strlen(id));
	if (!i)
		return false;
	const struct rec_art *r = &ca->art[*i];
	if (r->file_bytes > max_bytes)
		return false;
	if (!fid) {
		struct stat st;
		if (stat(path, &st) < 0 || !same_file(r, &st) || !article_of(ca, r, a, diags))
			return false;
		atomic_fetch_add_explicit(&ca->stat_hits, 1, memory_order_relaxed);
		atomic_fetch_add_explicit(&ca->hits, 1, memory_order_relaxed);
		return true;
	}
	if (r->raw_hash != raw_hash || r->file_bytes != fid->size || !article_of(ca, r, a, diags))
		return false;
	a->file = *fid;
	atomic_fetch_add_explicit(&ca->hits, 1, memory_order_relaxed);
	return true;
}

/* --- the index from the mapping ------------------------------------------------- */

static uint64_t file_hash(const char *path)
{
	FILE *f = path ? fopen(path, "rb") : NULL;
	if (!f)
		return 0;
	struct rv_buf b = {0};
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		rv_buf_add(&b, tmp, n);
	uint64_t h = rv_hash64(b.p ? b.p : "", b.len) ^ (ferror(f) ? 1 : 0);
	fclose(f);
	rv_buf_free(&b);
	return h;
}

uint64_t rv_cache_opts_hash(const struct rv_corpus *c, const struct rv_index_opts *io)
{
	char *aliases = NULL;
	if (io && io->aliases)
		aliases = rv_xstrdup(io->aliases);
	else if (c->root)
		aliases = rv_xasprintf("%s/entities.tsv", c->root);
	uint64_t v[3] = {file_hash(aliases), file_hash(io ? io->links : NULL), io && io->links ? 1 : 0};
	free(aliases);
	return rv_hash64(v, sizeof v);
}

static bool span_ok(uint32_t start, uint32_t end, size_t len)
{
	return start <= end && end <= len;
}

/* Every reference of article a's analysis points where it may. */
static bool analysis_ok(const struct rv_analysis *an, size_t len, const struct hdr *h)
{
	for (size_t i = 0; i < an->nnames; i++) {
		const struct rv_name *n = &an->names[i];
		if (!span_ok(n->start, n->end, len) || (n->entity != RV_NONE && n->entity >= h->nentities) || n->key)
			return false;
	}
	for (size_t i = 0; i < an->namounts; i++)
		if (!span_ok(an->amounts[i].start, an->amounts[i].end, len))
			return false;
	for (size_t i = 0; i < an->nquotes; i++) {
		const struct rv_quote *q = &an->quotes[i];
		if (!span_ok(q->start, q->end, len) || (q->speaker != RV_NONE && q->speaker >= h->nentities) ||
		    (q->speaker_name != RV_NONE && q->speaker_name >= an->nnames) ||
		    (q->cluster != RV_NONE && q->cluster >= h->nclusters))
			return false;
	}
	for (size_t i = 0; i < an->ndates; i++)
		if (!span_ok(an->dates[i].start, an->dates[i].end, len) ||
		    !span_ok(an->dates[i].sent_start, an->dates[i].sent_end, len) ||
		    memchr(an->dates[i].date, '\0', sizeof an->dates[i].date) == NULL)
			return false;
	return true;
}

/* The quotes are copied out of the mapping, their text offsets made
 * pointers there: fixing them up in the mapping would copy every page it
 * touches, each copy a TLB flush on every core. */
static bool quotes_of(const struct rv_cache *ca, struct rv_index *ix)
{
	bool ok = true;
	const struct rv_quote *q = region(ca, ca->h->quotes_off, ca->h->nquotes, sizeof *q, &ok);
	if (!ok)
		return false;
	ix->nquotes = ca->h->nquotes;
	ix->quote_block = rv_xmalloc((ix->nquotes ? ix->nquotes : 1) * sizeof *q);
	memcpy(ix->quote_block, q, ix->nquotes * sizeof *q);
	for (size_t i = 0; i < ix->nquotes && ok; i++)
		ix->quote_block[i].text = (char *)string(ca, (uint64_t)(uintptr_t)q[i].text, &ok);
	return ok;
}

/* Each article's analysis, pointed into the mapping and checked, on every
 * core: checking 100k articles' names, quotes and dates reads hundreds of
 * megabytes. */
struct analyses_job {
	const struct rv_cache *ca;
	const struct rv_corpus *c;
	struct rv_index *ix;
	atomic_bool bad;
};

static void analysis_of(void *ctx, size_t a, unsigned worker)
{
	(void)worker;
	struct analyses_job *j = ctx;
	if (atomic_load_explicit(&j->bad, memory_order_relaxed))
		return;
	const struct rv_cache *ca = j->ca;
	struct rv_index *ix = j->ix;
	const struct rec_art *r = &ca->art[a];
	struct rv_analysis *an = &ix->an[a];
	bool ok = true;
	an->names = (struct rv_name *)region(ca, r->names, r->nnames, sizeof *an->names, &ok);
	an->amounts = (struct rv_amount *)region(ca, r->amounts, r->namounts, sizeof *an->amounts, &ok);
	ok = ok && r->quotes <= ix->nquotes && r->nquotes <= ix->nquotes - r->quotes;
	an->quotes = ok ? ix->quote_block + r->quotes : NULL;
	an->dates = (struct rv_tentry *)region(ca, r->dates, r->ndates, sizeof *an->dates, &ok);
	if (ok) {
		an->nnames = an->capnames = r->nnames;
		an->namounts = an->capamounts = r->namounts;
		an->nquotes = an->capquotes = r->nquotes;
		an->ndates = an->capdates = r->ndates;
		ok = analysis_ok(an, j->c->articles[a].body_len, ca->h);
	}
	if (!ok)
		atomic_store(&j->bad, true);
}

static bool analyses_of(const struct rv_cache *ca, const struct rv_corpus *c, struct rv_index *ix)
{
	if (!quotes_of(ca, ix))
		return false;
	struct analyses_job j = {ca, c, ix, false};
	rv_parallel_for(c->n, rv_thread_count(0, c->n), analysis_of, &j);
	return !atomic_load(&j.bad);
}

static bool entities_of(const struct rv_cache *ca, struct rv_index *ix)
{
	const struct hdr *h = ca->h;
	bool ok = true;
	const struct rec_ent *re = region(ca, h->ent_off, h->nentities, sizeof *re, &ok);
	if (!ok || h->nentities >= RV_NONE)
		return false;
	ix->entities = rv_xcalloc(h->nentities ? h->nentities : 1, sizeof *ix->entities);
	ix->nentities = ix->capentities = h->nentities;
	for (size_t e = 0; e < h->nentities && ok; e++) {
		struct rv_entity *x = &ix->entities[e];
		x->name = (char *)string(ca, re[e].name, &ok);
		x->key = (char *)string(ca, re[e].key, &ok);
		x->articles = (uint32_t *)region(ca, re[e].articles, re[e].narticles, sizeof(uint32_t), &ok);
		x->narticles = re[e].narticles;
		x->type = (enum rv_etype)re[e].type;
		x->mentions = re[e].mentions;
		ok = ok && x->name && x->key && re[e].type < RV_ET_COUNT;
		for (size_t k = 0; ok && k < x->narticles; k++)
			ok = x->articles[k] < ix->corpus->n;
	}
	const struct rv_strmap_slot *in = region(ca, h->slots_off, h->slots_cap, sizeof *in, &ok);
	if (!ok || !h->slots_cap || (h->slots_cap & (h->slots_cap - 1)) || h->slots_n >= h->slots_cap)
		return false;
	struct rv_strmap_slot *slots = rv_xmalloc(h->slots_cap * sizeof *slots); /* freed with the map */
	memcpy(slots, in, h->slots_cap * sizeof *slots);
	for (size_t i = 0; i < h->slots_cap && ok; i++) {
		uint64_t off = (uint64_t)(uintptr_t)slots[i].key;
		slots[i].key = string(ca, off, &ok);
		ok = ok && (!slots[i].key || (slots[i].len == strlen(slots[i].key) && slots[i].value < h->nentities));
	}
	ix->entity_by_key = (struct rv_strmap){.slots = slots, .cap = h->slots_cap, .n = h->slots_n};
	return ok;
}

static bool links_of(const struct rv_cache *ca, struct rv_index *ix)
{
	const struct hdr *h = ca->h;
	size_t n = ix->corpus->n;
	bool ok = h->links_narticles == n;
	struct rv_links *ls = ix->links = rv_xcalloc(1, sizeof *ix->links);
	ls->clusters = (struct rv_link_cluster *)region(ca, h->clusters_off, h->nclusters, sizeof *ls->clusters, &ok);
	ls->members = (struct rv_link_member *)region(ca, h->members_off, h->nmembers, sizeof *ls->members, &ok);
	ls->by_article = (uint32_t *)region(ca, h->by_article_off, h->nmembers, sizeof(uint32_t), &ok);
	ls->article_at = (uint32_t *)region(ca, h->article_at_off, n + 1, sizeof(uint32_t), &ok);
	ls->peer_counts = region(ca, h->peers_off, n, sizeof(uint32_t), &ok);
	if (!ok)
		return false;
	ls->nclusters = h->nclusters;
	ls->nmembers = h->nmembers;
	ls->narticles = n;
	ls->candidate_pairs = h->candidate_pairs;
	ls->aligned_pairs = h->aligned_pairs;
	for (size_t i = 0; i < ls->nclusters && ok; i++)
		ok = ls->clusters[i].first <= ls->nmembers && ls->clusters[i].n <= ls->nmembers - ls->clusters[i].first;
	for (size_t i = 0; i < ls->nmembers && ok; i++) {
		const struct rv_link_member *m = &ls->members[i];
		ok = m->article < n && span_ok(m->start, m->end, ix->corpus->articles[m->article].body_len) &&
		     m->cluster < ls->nclusters && (m->quote == RV_NONE || m->quote < ix->an[m->article].nquotes) &&
		     ls->by_article[i] < ls->nmembers;
	}
	for (size_t a = 0; a < n && ok; a++)
		ok = ls->article_at[a] <= ls->article_at[a + 1] && ls->peer_counts[a] < n;
	return ok && ls->article_at[n] == ls->nmembers;
}

static bool timeline_of(const struct rv_cache *ca, struct rv_index *ix)
{
	const struct hdr *h = ca->h;
	bool ok = h->nresolved <= h->ntimeline;
	ix->timeline = (struct rv_timeline_ref *)region(ca, h->timeline_off, h->ntimeline, sizeof *ix->timeline, &ok);
	ix->ntimeline = h->ntimeline;
	ix->nresolved = h->nresolved;
	for (size_t i = 0; i < ix->ntimeline && ok; i++)
		ok = ix->timeline[i].article < ix->corpus->n &&
		     ix->timeline[i].entry < ix->an[ix->timeline[i].article].ndates;
	const struct rec_diag *dg = region(ca, h->diags_off, h->ndiags, sizeof *dg, &ok);
	for (size_t i = 0; ok && i < h->ndiags; i++) {
		const char *file = string(ca, dg[i].file, &ok), *msg = string(ca, dg[i].msg, &ok);
		if (ok && msg)
			rv_diag_add(&ix->diags, file, (unsigned)dg[i].line, "%s", msg);
	}
	return ok;
}

struct rv_index *rv_cache_index(const struct rv_corpus *c, uint64_t opts_hash)
{
	struct rv_cache *ca = c->cache;
	if (!ca || ca->index_taken || !ca->h->has_index || ca->h->opts != opts_hash || ca->h->narticles != c->n)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		if (!c->articles[i].mapped || c->articles[i].body != (char *)ca->base + ca->art[i].body)
			return NULL;
	ca->index_taken = true; /* the fix-ups below are done once */
	struct rv_index *ix = rv_xcalloc(1, sizeof *ix);
	ix->corpus = c;
	ix->mapped = true;
	ix->an = rv_xcalloc(c->n ? c->n : 1, sizeof *ix->an);
	if (!entities_of(ca, ix) || !analyses_of(ca, c, ix) || !links_of(ca, ix) || !timeline_of(ca, ix)) {
		rv_index_free(ix);
		return NULL;
	}
	return ix;
}

bool rv_cache_stale(const struct rv_corpus *c, uint64_t opts_hash)
{
	const struct rv_cache *ca = c->cache;
	return !ca || atomic_load(&ca->stat_hits) != c->n || ca->h->narticles != c->n || !ca->h->has_index ||
	       ca->h->opts != opts_hash;
}

/* --- writing ---------------------------------------------------------------------- */

struct writer {
	int fd;
	unsigned char *buf; /* the chunk being filled */
	size_t fill;
	uint64_t pos; /* file offset of the next byte */
	uint64_t *sums;
	size_t nsums, capsums;
	int err; /* errno of the first failure */
	struct rv_buf strs;
	struct rv_quote *quotes; /* written as one section after the articles */
	size_t nquotes, capquotes;
};

static void flush_chunk(struct writer *w)
{
	if (!w->fill)
		return;
	w->sums = rv_xgrow(w->sums, &w->capsums, w->nsums + 1, sizeof *w->sums);
	w->sums[w->nsums++] = rv_hash64_wide(w->buf, w->fill);
	size_t done = 0;
	while (!w->err && done < w->fill) {
		ssize_t r = write(w->fd, w->buf + done, w->fill - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			w->err = r < 0 ? errno : ENOSPC;
		else
			done += (size_t)r;
	}
	w->fill = 0;
}

static void put(struct writer *w, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n) {
		size_t k = CHUNK - w->fill < n ? CHUNK - w->fill : n;
		if (s)
			memcpy(w->buf + w->fill, s, k);
		else
			memset(w->buf + w->fill, 0, k);
		w->fill += k;
		w->pos += k;
		n -= k;
		if (s)
			s += k;
		if (w->fill == CHUNK)
			flush_chunk(w);
	}
}

/* An array of n elements of size bytes; returns its offset. */
static uint64_t put_array(struct writer *w, const void *p, size_t n, size_t size)
{
	if (w->pos % 8)
		put(w, NULL, 8 - w->pos % 8);
	uint64_t off = w->pos;
	if (n)
		put(w, p, n * size);
	return off;
}

/* bytes followed by a NUL */
static uint64_t put_text(struct writer *w, const char *p, size_t n)
{
	uint64_t off = put_array(w, p, n, 1);
	put(w, "", 1);
	return off;
}

static uint64_t str(struct writer *w, const char *s)
{
	if (!s)
		return NO_STRING;
	uint64_t off = w->strs.len;
	rv_buf_add(&w->strs, s, strlen(s) + 1);
	return off;
}

static uint64_t put_diags(struct writer *w, const struct rv_diag *v, size_t n)
{
	struct rec_diag *r = rv_xcalloc(n ? n : 1, sizeof *r);
	for (size_t i = 0; i < n; i++)
		r[i] = (struct rec_diag){str(w, v[i].file), v[i].line, str(w, v[i].msg)};
	uint64_t off = put_array(w, r, n, sizeof *r);
	free(r);
	return off;
}

static void put_analysis(struct writer *w, const struct rv_analysis *an, struct rec_art *r)
{
	r->names = put_array(w, an->names, an->nnames, sizeof *an->names);
	r->nnames = an->nnames;
	r->amounts = put_array(w, an->amounts, an->namounts, sizeof *an->amounts);
	r->namounts = an->namounts;
	w->quotes = rv_xgrow(w->quotes, &w->capquotes, w->nquotes + an->nquotes, sizeof *w->quotes);
	r->quotes = w->nquotes;
	for (size_t i = 0; i < an->nquotes; i++) {
		struct rv_quote *q = &w->quotes[w->nquotes++];
		*q = an->quotes[i];
		q->text = (char *)(uintptr_t)str(w, an->quotes[i].text);
	}
	r->nquotes = an->nquotes;
	r->dates = put_array(w, an->dates, an->ndates, sizeof *an->dates);
	r->ndates = an->ndates;
}

static void put_article(struct writer *w, const struct rv_article *a, const struct rv_diag *dg, size_t ndg,
			struct rec_art *r)
{
	memset(r, 0, sizeof *r);
	r->id = str(w, a->id);
	r->title = str(w, a->title);
	r->source = str(w, a->source);
	r->lang = str(w, a->lang);
	r->url = str(w, a->url);
	r->author = str(w, a->author);
	struct rec_pair *ex = rv_xcalloc(a->n_extra ? a->n_extra : 1, sizeof *ex);
	for (size_t i = 0; i < a->n_extra; i++)
		ex[i] = (struct rec_pair){str(w, a->extra[i].key), str(w, a->extra[i].value)};
	r->extra = put_array(w, ex, a->n_extra, sizeof *ex);
	r->n_extra = a->n_extra;
	free(ex);
	r->diags = put_diags(w, dg, ndg);
	r->n_diags = ndg;
	r->body = put_text(w, a->body, a->body_len);
	r->body_len = a->body_len;
	r->fold = put_text(w, a->fold.text, a->fold.len);
	r->fold_len = a->fold.len;
	r->fold_map = put_array(w, a->fold.map, a->fold.map_len, 1);
	r->fold_map_len = a->fold.map_len;
	r->fold_changes = a->fold.changes;
	r->fold_marks = put_array(w, a->fold.marks, 3 * a->fold.nmarks, sizeof(uint32_t));
	r->fold_nmarks = a->fold.nmarks;
	r->replaced = a->replaced;
	r->file_bytes = a->file_bytes;
	r->hash = a->hash;
	r->raw_hash = a->raw_hash;
	r->size = a->file.size;
	r->dev = a->file.dev;
	r->ino = a->file.ino;
	r->mtime_ns = a->file.mtime_ns;
	r->year = a->date.year;
	r->month = a->date.month;
	r->day = a->date.day;
	r->precision = (int32_t)a->date.precision;
	r->encoding = (uint32_t)a->encoding;
	r->body_line = a->body_line;
	r->lang_guessed = a->lang_guessed;
}

static void put_index(struct writer *w, const struct rv_index *ix, struct hdr *h)
{
	struct rec_ent *re = rv_xcalloc(ix->nentities ? ix->nentities : 1, sizeof *re);
	for (size_t e = 0; e < ix->nentities; e++) {
		const struct rv_entity *x = &ix->entities[e];
		re[e] = (struct rec_ent){.name = str(w, x->name),
					 .key = str(w, x->key),
					 .articles = put_array(w, x->articles, x->narticles, sizeof *x->articles),
					 .narticles = x->narticles,
					 .type = (uint32_t)x->type,
					 .mentions = x->mentions};
	}
	h->ent_off = put_array(w, re, ix->nentities, sizeof *re);
	h->nentities = ix->nentities;
	free(re);
	const struct rv_strmap *m = &ix->entity_by_key;
	struct rv_strmap_slot *s = rv_xcalloc(m->cap ? m->cap : 1, sizeof *s);
	for (size_t i = 0; i < m->cap; i++) {
		s[i].key = m->slots[i].key ? (const char *)(uintptr_t)str(w, m->slots[i].key) : (const char *)(uintptr_t)NO_STRING;
		s[i].len = m->slots[i].len;
		s[i].value = m->slots[i].value;
		s[i].hash = m->slots[i].hash;
	}
	h->slots_off = put_array(w, s, m->cap, sizeof *s);
	h->slots_cap = m->cap;
	h->slots_n = m->n;
	free(s);
	h->quotes_off = put_array(w, w->quotes, w->nquotes, sizeof *w->quotes);
	h->nquotes = w->nquotes;
	h->timeline_off = put_array(w, ix->timeline, ix->ntimeline, sizeof *ix->timeline);
	h->ntimeline = ix->ntimeline;
	h->nresolved = ix->nresolved;
	const struct rv_links *ls = ix->links;
	struct rv_link_cluster *cl = rv_xcalloc(ls->nclusters ? ls->nclusters : 1, sizeof *cl);
	for (size_t i = 0; i < ls->nclusters; i++) { /* field by field: no padding bytes of the heap in the file */
		cl[i].kind = ls->clusters[i].kind;
		cl[i].score = ls->clusters[i].score;
		cl[i].speaker_conflict = ls->clusters[i].speaker_conflict;
		cl[i].first = ls->clusters[i].first;
		cl[i].n = ls->clusters[i].n;
	}
	h->clusters_off = put_array(w, cl, ls->nclusters, sizeof *cl);
	free(cl);
	h->nclusters = ls->nclusters;
	h->members_off = put_array(w, ls->members, ls->nmembers, sizeof *ls->members);
	h->nmembers = ls->nmembers;
	h->by_article_off = put_array(w, ls->by_article, ls->nmembers, sizeof(uint32_t));
	h->article_at_off = put_array(w, ls->article_at, ls->narticles + 1, sizeof(uint32_t));
	h->links_narticles = ls->narticles;
	uint32_t *peers = rv_xcalloc(ls->narticles ? ls->narticles : 1, sizeof *peers);
	rv_links_peer_counts(ls, peers);
	h->peers_off = put_array(w, peers, ls->narticles, sizeof *peers);
	free(peers);
	h->candidate_pairs = ls->candidate_pairs;
	h->aligned_pairs = ls->aligned_pairs;
	h->diags_off = put_diags(w, ix->diags.v, ix->diags.n);
	h->ndiags = ix->diags.n;
	h->has_index = 1;
}

/* The load warnings of each article: those that name it. */
static void article_diags(const struct rv_corpus *c, size_t *first, size_t *count, const struct rv_diag **v)
{
	struct rv_strmap ids = {0};
	for (size_t i = 0; i < c->n; i++) {
		bool fresh;
		rv_strmap_put(&ids, c->articles[i].id, strlen(c->articles[i].id), (uint32_t)i, &fresh);
		first[i] = SIZE_MAX;
		count[i] = 0;
	}
	/* the loader adds an article's warnings together: they are one run */
	for (size_t k = 0; k < c->diags.n; k++) {
		const char *f = c->diags.v[k].file;
		const uint32_t *i = f ? rv_strmap_get(&ids, f, strlen(f)) : NULL;
		if (i && (first[*i] == SIZE_MAX || first[*i] + count[*i] == k)) {
			if (first[*i] == SIZE_MAX)
				first[*i] = k;
			count[*i]++;
		}
	}
	*v = c->diags.v;
	rv_strmap_free(&ids);
}

static int write_all(struct writer *w, const struct rv_corpus *c, const struct rv_index *ix, uint64_t opts_hash)
{
	struct hdr h = {0};
	memcpy(h.magic, MAGIC, 8);
	h.version = VERSION;
	h.endian = ENDIAN;
	struct_sizes(h.sizes);
	h.build = this_build();
	h.opts = opts_hash;
	if (lseek(w->fd, HDR_SIZE, SEEK_SET) < 0)
		return errno;
	w->pos = HDR_SIZE;
	struct rec_art *ra = rv_xcalloc(c->n ? c->n : 1, sizeof *ra);
	size_t *first = rv_xcalloc(c->n ? c->n : 1, sizeof *first), *count = rv_xcalloc(c->n ? c->n : 1, sizeof *count);
	const struct rv_diag *dv;
	article_diags(c, first, count, &dv);
	str(w, ""); /* offset 0 */
	for (size_t i = 0; i < c->n && !w->err; i++) {
		put_article(w, &c->articles[i], count[i] ? dv + first[i] : NULL, count[i], &ra[i]);
		if (ix)
			put_analysis(w, &ix->an[i], &ra[i]);
	}
	free(first);
	free(count);
	if (ix)
		put_index(w, ix, &h);
	h.art_off = put_array(w, ra, c->n, sizeof *ra);
	h.narticles = c->n;
	free(ra);
	h.strs_off = put_array(w, w->strs.p, w->strs.len, 1);
	h.strs_len = w->strs.len;
	flush_chunk(w);
	if (w->err)
		return w->err;
	h.file_size = w->pos;
	h.nchunks = w->nsums;
	h.sum = rv_hash64(w->sums, w->nsums * sizeof *w->sums);
	h.hsum = rv_hash64(&h, offsetof(struct hdr, hsum));
	unsigned char page[HDR_SIZE] = {0};
	memcpy(page, &h, sizeof h);
	if (pwrite(w->fd, page, HDR_SIZE, 0) != (ssize_t)HDR_SIZE)
		return errno ? errno : ENOSPC;
	return 0;
}

static int make_dirs(const char *path)
{
	char *dir = rv_xstrdup(path);
	int rc = 0;
	for (char *p = dir + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}

int rv_cache_write(const char *path, const struct rv_corpus *c, const struct rv_index *ix, uint64_t opts_hash,
		   struct rv_diags *d)
{
	if (make_dirs(path) < 0) {
		rv_diag_add(d, path, 0, "cannot write the index cache: %s; going on without it", strerror(errno));
		return -1;
	}
	char *tmp = rv_xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rv_diag_add(d, path, 0, "cannot write the index cache: %s; going on without it", strerror(errno));
		free(tmp);
		return -1;
	}
	struct writer w = {.fd = fd, .buf = rv_xmalloc(CHUNK)};
	int err = write_all(&w, c, ix, opts_hash);
	free(w.buf);
	free(w.sums);
	free(w.quotes);
	rv_buf_free(&w.strs);
	if (close(fd) < 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) < 0)
		err = errno;
	if (err) {
		unlink(tmp);
		rv_diag_add(d, path, 0, "cannot write the index cache: %s; going on without it", strerror(err));
	}
	free(tmp);
	return err ? -1 : 0;
}
