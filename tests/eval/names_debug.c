/* names_debug DIR ARTICLE-ID: every name candidate of one article with its
 * votes and fate, and every quote with its speaker clues.
 * names_debug DIR =ENTITY: every mention of that entity over the corpus,
 * with its article and votes (where a type comes from).
 * A tool for tuning the rules against tests/eval, not part of revue. */
#include "revue/index.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	const char *paths[] = {argv[1]};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	if (rv_corpus_load(paths, 1, NULL, &c, &err) < 0)
		return 1;
	struct rv_index *ix = rv_index_build(c, NULL);
	if (argv[2][0] == '=') {
		uint32_t e = rv_index_find_entity(ix, argv[2] + 1);
		for (size_t a = 0; e != RV_NONE && a < c->n; a++)
			for (size_t i = 0; i < ix->an[a].nnames; i++) {
				const struct rv_name *n = &ix->an[a].names[i];
				if (n->entity == e)
					printf("%-24s %6u %-30.*s P%d O%d R%d L%d f%x -> %s\n", c->articles[a].id, n->start,
					       (int)(n->end - n->start), c->articles[a].body + n->start, n->votes[0], n->votes[1],
					       n->votes[2], n->votes[3], n->flags, rv_etype_name(ix->entities[e].type));
			}
	}
	for (size_t a = 0; a < c->n; a++) {
		if (strcmp(c->articles[a].id, argv[2]))
			continue;
		const struct rv_article *art = &c->articles[a];
		const struct rv_analysis *an = &ix->an[a];
		for (size_t i = 0; i < an->nnames; i++) {
			const struct rv_name *n = &an->names[i];
			printf("%6u %-30.*s key=%-25s P%d O%d R%d L%d f%x -> %s (%s)\n", n->start, (int)(n->end - n->start),
			       art->body + n->start, n->key ? n->key : "", n->votes[0], n->votes[1], n->votes[2], n->votes[3], n->flags,
			       n->entity == RV_NONE ? "-" : ix->entities[n->entity].name,
			       n->entity == RV_NONE ? "" : rv_etype_name(ix->entities[n->entity].type));
		}
		for (size_t q = 0; q < an->nquotes; q++) {
			const struct rv_quote *qu = &an->quotes[q];
			printf("Q %u %s name=%d pron=%d -> %s : %.60s\n", qu->start, qu->kind ? "term" : "speech",
			       (int)qu->speaker_name, (int)qu->pronoun_at,
			       qu->speaker == RV_NONE ? "-" : ix->entities[qu->speaker].name, qu->text);
		}
	}
	rv_index_free(ix);
	rv_corpus_free(c);
	return 0;
}
