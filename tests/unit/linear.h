/* linear.h — the linear-time check the pattern analyzers' tests share:
 * one article of 20,000 and then of 200,000 copies of one sentence, each
 * analysed in a child, and the ratio of the two runs' CPU times compared
 * with the ratio of their sizes. Linear work takes about 10 times longer on
 * the larger; quadratic work 100 times. The verdict is a ratio, so a slow or
 * busy machine does not fail it; an alarm in the child only keeps a runaway
 * pass from hanging the suite. Include after testutil.h and
 * revue/analysis.h. */
#ifndef REVUE_LINEAR_H
#define REVUE_LINEAR_H

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TU_COPIES ((size_t)200000)
#define TU_SMALL ((size_t)20000)
#define TU_UNIT "Le 17 novembre 2018, 13 milliards de dollars. "
/* The largest ratio of CPU times accepted for 10 times the input: linear
 * work measures 9 to 12 here, quadratic work 100. */
#define TU_MAX_RATIO 30.0
#define TU_HANG_SECONDS 300 /* a hang guard, not a speed limit */

/* Runs the analyzer under test on the prepared article and counts, in
 * result[0], what it found and, in result[1], what it found right. */
typedef void (*tu_linear_fn)(const struct rv_article *a, struct rv_analysis *an, size_t result[2]);

/* Analyses `copies` copies in a child; returns the child's CPU seconds for
 * the analysis alone, and checks its counts. */
static double tu_linear_run(const char *what, tu_linear_fn fn, size_t copies)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		alarm(TU_HANG_SECONDS);
		const char *unit = TU_UNIT;
		const char *head = "date: 2025-03-14\nlang: fr\n\n";
		size_t ul = strlen(unit), hl = strlen(head), n = hl + copies * ul;
		char *buf = malloc(n);
		if (!buf)
			_exit(2);
		memcpy(buf, head, hl);
		for (size_t i = 0; i < copies; i++)
			memcpy(buf + hl + i * ul, unit, ul);
		struct rv_article a;
		struct rv_diags d = {0};
		if (!rv_article_from_bytes("big.txt", (const unsigned char *)buf, n, &a, &d))
			_exit(3);
		free(buf);
		struct timespec t0, t1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
		struct rv_analysis an = {0};
		rv_analysis_prepare(&a, &an);
		size_t result[2] = {0, 0};
		fn(&a, &an, result);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		double cpu[3] = {(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
				 (double)result[0], (double)result[1]};
		rv_analysis_free(&an);
		rv_article_free(&a);
		rv_diag_free(&d);
		ssize_t w = write(fd[1], cpu, sizeof cpu);
		_exit(w == (ssize_t)sizeof cpu ? 0 : 4);
	}
	close(fd[1]);
	double cpu[3] = {0, 0, 0};
	ssize_t r = read(fd[0], cpu, sizeof cpu);
	close(fd[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		fail_msg("%s on %zu copies still ran after %d s", what, copies, TU_HANG_SECONDS);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(r, (ssize_t)sizeof cpu);
	assert_true(cpu[1] == (double)copies);
	assert_true(cpu[2] == (double)copies);
	return cpu[0];
}

static void tu_linear_check(const char *what, tu_linear_fn fn)
{
	double small = tu_linear_run(what, fn, TU_SMALL);
	double big = tu_linear_run(what, fn, TU_COPIES);
	double floor = 0.005; /* below the clock's reach, a ratio means nothing */
	double ratio = big / (small > floor ? small : floor);
	print_message("linear-time check: %zu copies in %.2f s of CPU, %zu in %.2f s: ratio %.1f for 10x\n",
		      TU_SMALL, small, TU_COPIES, big, ratio);
	if (ratio > TU_MAX_RATIO)
		fail_msg("%s: 10 times the input took %.1f times the CPU: not linear", what, ratio);
}

#endif
