/* links.c — the reader's adapter to the link finder (core/link.c).
 *
 * The reading view asks here for the shared quotes and passages of one
 * article; until the link finder publishes them in the index, there are
 * none, and every pane that shows links shows nothing (not a zero it could
 * not know). When link.c lands, this is the one function to fill in.
 */
#include "app.h"

size_t rv_ui_links(const struct rv_index *ix, size_t art, struct rv_ui_link **out)
{
	(void)ix;
	(void)art;
	if (out)
		*out = NULL;
	return 0;
}
