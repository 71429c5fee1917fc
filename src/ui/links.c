/* links.c — the reader's adapter to the link finder (core/link.c).
 *
 * The reading view asks here for the shared quotes and passages of one
 * article: one entry per span of this article that a cluster holds, with
 * the first other article of the cluster (in corpus order) as the place
 * `o` goes, and how many other articles share the span (the margin's ⇄N).
 */
#include "app.h"

#include "revue/link.h"

#include <stdlib.h>

size_t rv_ui_links(const struct rv_index *ix, size_t art, struct rv_ui_link **out)
{
	if (out)
		*out = NULL;
	if (!ix || !ix->links)
		return 0;
	struct rv_article_link *al;
	size_t n = rv_links_of_article(ix->links, art, &al);
	struct rv_ui_link *v = n ? rv_xmalloc(n * sizeof *v) : NULL;
	size_t m = 0;
	for (size_t i = 0; i < n;) {
		/* the links of one span here: ordered by start, then other article */
		size_t j = i;
		uint32_t others = 0;
		for (; j < n && al[j].here_start == al[i].here_start && al[j].here_end == al[i].here_end; j++)
			others += j == i || al[j].other != al[j - 1].other;
		v[m++] = (struct rv_ui_link){al[i].here_start, al[i].here_end, al[i].other, al[i].there_start,
					     al[i].there_end, others};
		i = j;
	}
	free(al);
	if (out)
		*out = v;
	else
		free(v);
	return m;
}

size_t rv_ui_link_peers(const struct rv_index *ix, size_t art)
{
	if (!ix || !ix->links)
		return 0;
	struct rv_link_peer *p;
	size_t n = rv_links_peers(ix->links, art, &p);
	free(p);
	return n;
}
