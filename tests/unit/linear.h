/* linear.h — the linear-time check the pattern analyzers' tests share:
 * one article of 200,000 copies of one sentence, analysed in a child with an
 * alarm, so that a quadratic pass fails the test in bounded time instead of
 * hanging the suite. REVUE_LINEAR_BUDGET=SECONDS overrides the budget.
 * Include after testutil.h and revue/analysis.h. */
#ifndef REVUE_LINEAR_H
#define REVUE_LINEAR_H

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define SLOW_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SLOW_BUILD 1
#endif
#endif
#ifndef SLOW_BUILD
#define SLOW_BUILD 0
#endif

#define TU_COPIES ((size_t)200000)
#define TU_UNIT "Le 17 novembre 2018, 13 milliards de dollars. "

/* Runs the analyzer under test on the prepared article and counts, in
 * result[0], what it found and, in result[1], what it found right. */
typedef void (*tu_linear_fn)(const struct rv_article *a, struct rv_analysis *an, size_t result[2]);

static void tu_linear_check(const char *what, tu_linear_fn fn)
{
	/* seconds: a linear pass takes 1.5 to 2 s here (3 s with the
	 * sanitizers), a quadratic one ten times that or more */
	unsigned budget = SLOW_BUILD ? 15 : 6;
	const char *env = getenv("REVUE_LINEAR_BUDGET");
	if (env && atoi(env) > 0)
		budget = (unsigned)atoi(env);
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		alarm(budget);
		const char *unit = TU_UNIT;
		const char *head = "date: 2025-03-14\nlang: fr\n\n";
		size_t ul = strlen(unit), hl = strlen(head), n = hl + TU_COPIES * ul;
		char *buf = malloc(n);
		if (!buf)
			_exit(2);
		memcpy(buf, head, hl);
		for (size_t i = 0; i < TU_COPIES; i++)
			memcpy(buf + hl + i * ul, unit, ul);
		struct rv_article a;
		struct rv_diags d = {0};
		if (!rv_article_from_bytes("big.txt", (const unsigned char *)buf, n, &a, &d))
			_exit(3);
		free(buf);
		struct rv_analysis an = {0};
		rv_analysis_prepare(&a, &an);
		size_t result[2] = {0, 0};
		fn(&a, &an, result);
		rv_analysis_free(&an);
		rv_article_free(&a);
		rv_diag_free(&d);
		ssize_t w = write(fd[1], result, sizeof result);
		_exit(w == (ssize_t)sizeof result ? 0 : 4);
	}
	close(fd[1]);
	size_t result[2] = {0, 0};
	ssize_t r = read(fd[0], result, sizeof result);
	close(fd[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	print_message("linear-time check: %zu copies in %.2f s\n", TU_COPIES, secs);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		fail_msg("%s on %zu copies did not finish within %u s: not linear", what, TU_COPIES, budget);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(r, (ssize_t)sizeof result);
	assert_int_equal(result[0], TU_COPIES);
	assert_int_equal(result[1], TU_COPIES);
}

#endif
