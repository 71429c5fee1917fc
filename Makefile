# revue — build, test, install. See README.md.
#
#   make            build ./revue
#   make run        build, then open the bundled corpus
#   make check      every test, then every test again under ASan and UBSan
#   make bench      benchmarks on generated corpora (not timed tests)
#   make install PREFIX=/usr/local    make uninstall
#   make deps       install what is missing (Debian/Ubuntu), or name it
#   make fuzz       build the libFuzzer harnesses (clang) and run each FUZZ_SECONDS
#   make valgrind   the command-line e2e scripts with revue under valgrind (slow)
#   make eval       answer-key scores (make eval-heldout, eval-heldout2: held-out keys)

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/revue
MANDIR     ?= $(PREFIX)/share/man
SHARED     ?= ../shared

CC         ?= cc
PKG_CONFIG ?= pkg-config
BUILD      ?= build

# Debian package for each library (libunistring has no .pc file).
DEB_PKGS   := build-essential libncurses-dev libpcre2-dev libunistring-dev libcmocka-dev libsqlite3-dev \
              pkg-config tmux python3 groff-base mandoc clang libclang-rt-dev openssh-server openssh-client

WARN       := -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion \
              -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
CSTD       := -std=c11 -D_GNU_SOURCE
OPT        ?= -O2 -g
PC_CFLAGS  := $(shell $(PKG_CONFIG) --cflags libpcre2-8 sqlite3 2>/dev/null)
PC_LIBS    := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null)
SQLITE_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
CFLAGS_ALL  = $(CSTD) $(OPT) $(WARN) -Iinclude $(PC_CFLAGS) -pthread \
              -DREVUE_VERSION='"$(VERSION)"' -DREVUE_DATADIR='"$(DATADIR)"' $(EXTRA_CFLAGS) $(CFLAGS)
LIBS_CORE   = -lunistring $(PC_LIBS) -lm -pthread
LIBS_STORE  = $(SQLITE_LIBS)
NC_CFLAGS  := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NC_LIBS    := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

CORE_SRC   := $(wildcard src/core/*.c)
STORE_SRC  := $(wildcard src/store/*.c)
UI_SRC     := $(wildcard src/ui/*.c)
MAIN_SRC   := src/main.c
UNIT_SRC   := $(wildcard tests/unit/test_*.c)

# One set of rules for the normal build and one for the sanitizer build,
# each in its own directory: $(call objs,DIR,SOURCES)
objs = $(patsubst %.c,$(1)/%.o,$(2))

CORE_OBJ      := $(call objs,$(BUILD),$(CORE_SRC))
STORE_OBJ     := $(call objs,$(BUILD),$(STORE_SRC))
UI_OBJ        := $(call objs,$(BUILD),$(UI_SRC))
MAIN_OBJ      := $(call objs,$(BUILD),$(MAIN_SRC))
UNIT_BIN      := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))


.PHONY: eval eval-heldout eval-heldout2 valgrind all run check check-fast check-asan unit e2e deps install uninstall clean bench lint man-check man-keys \
	fuzz fuzz-build fuzz-check fuzz-run-check

all: revue

# The terminal stays out of libcore.a: the reader's objects go to libui.a,
# linked into revue alone (the unit tests take its curses-free objects). The
# store and the reader depend on core and never the other way: core comes last.
revue: $(MAIN_OBJ) $(BUILD)/libui.a $(BUILD)/libstore.a $(BUILD)/libcore.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS_STORE) $(LIBS_CORE) $(NC_LIBS) $(LDFLAGS)

$(BUILD)/libcore.a: $(CORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libstore.a: $(STORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libui.a: $(UI_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c $(wildcard include/revue/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/src/ui/%.o: src/ui/%.c src/ui/app.h $(wildcard include/revue/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(NC_CFLAGS) -c -o $@ $<

# Every test links the three libraries; a test that uses no store function
# pulls nothing from libstore.a, and --as-needed drops SQLite from its binary.
$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h tests/unit/fixture.h tests/unit/linear.h tests/unit/fold_ref.h tests/unit/tcorpus.h \
		$(BUILD)/libui.a $(BUILD)/libstore.a $(BUILD)/libcore.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Itests/unit -DSHARED_DIR='"$(abspath $(SHARED))"' \
		-DSOURCE_DIR='"$(CURDIR)"' -o $@ $< $(BUILD)/libui.a $(BUILD)/libstore.a $(BUILD)/libcore.a $(CMOCKA_LIBS) \
		-Wl,--as-needed $(LIBS_STORE) -Wl,--no-as-needed $(LIBS_CORE) $(LDFLAGS)

run: revue
	./revue

# The whole suite, then the whole suite again built with the sanitizers.
check: deps-check
	$(MAKE) --no-print-directory check-fast
	$(MAKE) --no-print-directory check-fast BUILD=build/asan OPT='-O1 -g -fno-omit-frame-pointer' \
		EXTRA_CFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all' REVUE_BIN=build/asan/revue
	$(MAKE) --no-print-directory fuzz-check
	@echo "make check: all suites passed (plain, ASan+UBSan, fuzz)"

REVUE_BIN ?= ./revue
check-fast: unit e2e man-check

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		CMOCKA_MESSAGE_OUTPUT=stdout $$t; done

ifeq ($(BUILD),build)
e2e: revue
else
e2e: $(BUILD)/revue
$(BUILD)/revue: $(MAIN_OBJ) $(BUILD)/libui.a $(BUILD)/libstore.a $(BUILD)/libcore.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS_STORE) $(LIBS_CORE) $(NC_LIBS) $(LDFLAGS)
endif
e2e:
	@set -e; for t in tests/e2e/*.sh; do echo "== $$t"; \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		REVUE="$(abspath $(REVUE_BIN))" SHARED="$(abspath $(SHARED))" bash $$t; done

# Rewrites the KEYS section of revue(1) from the key table (a unit test
# fails when they drift).
man-keys: $(BUILD)/tests/test_ui
	@REVUE_PRINT_KEYS=1 $(BUILD)/tests/test_ui >$(BUILD)/keys.roff
	@awk -v f=$(BUILD)/keys.roff '/^\.\\" BEGIN KEYS/ { print; while ((getline l < f) > 0) print l; skip = 1; next } \
		/^\.\\" END KEYS/ { skip = 0 } !skip' man/revue.1 >$(BUILD)/revue.1.new && mv $(BUILD)/revue.1.new man/revue.1
	@echo "man/revue.1: KEYS section regenerated"

MAN_PAGES := man/revue.1 man/revue-config.5 man/revue-themes.5

# Each page through groff (every warning) and mandoc's linter (warnings and
# worse; its style notes, such as lines over 80 bytes, are not failures).
man-check:
	@set -e; for p in $(MAN_PAGES); do \
		out=$$(LC_ALL=C.UTF-8 MANWIDTH=80 groff -man -ww -z -Tutf8 $$p 2>&1); \
		if [ -n "$$out" ]; then echo "$$out"; echo "$$p: groff warnings"; exit 1; fi; \
		out=$$(mandoc -Tlint -W warning $$p 2>&1) || { echo "$$out"; echo "$$p: mandoc -Tlint warnings"; exit 1; }; \
		echo "$$p renders clean (groff -ww, mandoc -Tlint)"; done

# The packages the build and the tests need; quiet when all are there.
deps-check:
	@missing=""; for lib in ncursesw libpcre2-8 cmocka sqlite3; do \
		$(PKG_CONFIG) --exists $$lib 2>/dev/null || missing="$$missing $$lib"; done; \
	printf '#include <unistr.h>\nint main(void){return 0;}\n' | \
		$(CC) -x c - -o /dev/null -lunistring 2>/dev/null || missing="$$missing libunistring"; \
	for t in tmux python3 groff mandoc ssh ssh-keygen; do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	[ -x /usr/sbin/sshd ] || command -v sshd >/dev/null || missing="$$missing sshd"; \
	if [ -n "$$missing" ]; then echo "missing:$$missing (run 'make deps')"; exit 1; fi

deps:
	@if $(MAKE) --no-print-directory -s deps-check >/dev/null 2>&1; then echo "all dependencies present"; \
	elif command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PKGS); \
	else echo "install these (Debian names): $(DEB_PKGS)"; exit 1; fi

bench: revue $(BUILD)/bench_load $(BUILD)/bench_search
	@SHARED="$(abspath $(SHARED))" BUILD="$(BUILD)" bash tests/bench/run.sh
	@SHARED="$(abspath $(SHARED))" BUILD="$(BUILD)" REVUE=./revue bash tests/bench/reader.sh
	@SHARED="$(abspath $(SHARED))" BUILD="$(BUILD)" REVUE=./revue bash tests/bench/search.sh
	@SHARED="$(abspath $(SHARED))" BUILD="$(BUILD)" REVUE=./revue bash tests/bench/cache.sh

$(BUILD)/bench_load: tests/bench/bench_load.c $(BUILD)/libcore.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcore.a $(LIBS_CORE) $(LDFLAGS)

$(BUILD)/bench_search: tests/bench/bench_search.c $(BUILD)/libcore.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcore.a $(LIBS_CORE) $(LDFLAGS)

# What saved state costs on a corpus: make build/bench_state, then
# build/bench_state DIR RUNS (not part of make bench: it writes a store in /tmp).
$(BUILD)/bench_state: tests/bench/bench_state.c $(BUILD)/libstore.a $(BUILD)/libcore.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libstore.a $(BUILD)/libcore.a $(LIBS_STORE) $(LIBS_CORE) $(LDFLAGS)

# --- Fuzzing (tests/fuzz/README) -------------------------------------------
# The harnesses and the core sources they test, built with clang and
# libFuzzer, ASan and UBSan, in objects of their own under build/fuzz/.
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_CHECK_SECONDS ?= 10
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   = $(CSTD) -O1 -g -fno-omit-frame-pointer $(WARN) -Iinclude $(PC_CFLAGS) -pthread \
                -DREVUE_VERSION='"$(VERSION)"' -DREVUE_DATADIR='"$(DATADIR)"'
FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(FUZZ_SRC))
FUZZ_BIN     := $(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_NAMES))
FUZZ_CORE    := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(CORE_SRC))
# Each run: seeds read from tests/fuzz/seeds/NAME, new inputs kept in
# $(FUZZ_BUILD)/corpus/NAME, crashes written to $(FUZZ_BUILD)/crashes/.
FUZZ_RUN_OPTS ?= -max_len=16384 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
# Can $(FUZZ_CC) link a libFuzzer program? (clang without libclang-rt-dev cannot.)
FUZZ_PROBE    = printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' | \
                $(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1

$(FUZZ_CORE): $(FUZZ_BUILD)/obj/%.o: %.c $(wildcard include/revue/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<

# The reader's parsers of user files (configuration, themes, key names) know
# no terminal: fuzz_config takes their objects beside the core's.
FUZZ_UI_SRC  := src/ui/config.c src/ui/keys.c src/ui/theme.c
FUZZ_UI      := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(FUZZ_UI_SRC))
$(FUZZ_UI): $(FUZZ_BUILD)/obj/%.o: %.c $(wildcard include/revue/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(NC_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<
$(FUZZ_BUILD)/fuzz_config: $(FUZZ_UI)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/unit/fold_ref.h $(FUZZ_CORE)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(filter $(FUZZ_UI),$^) $(FUZZ_CORE) \
		$(LIBS_CORE) $(LDFLAGS)

fuzz-build: $(FUZZ_BIN)

# Runs every harness for $(1) seconds, one after the other, on one core.
define fuzz_run
	@set -e; mkdir -p $(FUZZ_BUILD)/crashes; for h in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$h; dict=tests/fuzz/$$h.dict; \
		echo "== fuzz_$$h ($(1) s)"; \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		$(FUZZ_BUILD)/fuzz_$$h $(FUZZ_RUN_OPTS) -max_total_time=$(1) \
			-artifact_prefix=$(FUZZ_BUILD)/crashes/$$h- $$( [ -f $$dict ] && echo -dict=$$dict ) \
			$(FUZZ_BUILD)/corpus/$$h tests/fuzz/seeds/$$h > $(FUZZ_BUILD)/fuzz_$$h.log 2>&1 \
			|| { tail -n 60 $(FUZZ_BUILD)/fuzz_$$h.log; echo "fuzz_$$h: crash, input in $(FUZZ_BUILD)/crashes/"; exit 1; }; \
		grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done)' $(FUZZ_BUILD)/fuzz_$$h.log || true; \
	done
endef

fuzz:
	@$(FUZZ_PROBE) || { echo "make fuzz: $(FUZZ_CC) cannot build libFuzzer programs (install clang, libclang-rt-dev)"; exit 1; }
	$(MAKE) --no-print-directory fuzz-build
	$(call fuzz_run,$(FUZZ_SECONDS))

# The bounded fuzz step of make check; skipped, with a note, without clang.
fuzz-check:
	@if $(FUZZ_PROBE); then $(MAKE) --no-print-directory fuzz-run-check; \
	else echo "fuzz-check: skipped, $(FUZZ_CC) cannot build libFuzzer programs (install clang, libclang-rt-dev)"; fi

fuzz-run-check: fuzz-build
	$(call fuzz_run,$(FUZZ_CHECK_SECONDS))

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--suppress=missingIncludeSystem -Iinclude src
	clang-tidy --quiet $(CORE_SRC) $(STORE_SRC) $(UI_SRC) $(MAIN_SRC) -- $(CSTD) -Iinclude $(PC_CFLAGS) $(NC_CFLAGS)

install: revue
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/corpus $(DESTDIR)$(DATADIR)/themes \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 revue $(DESTDIR)$(BINDIR)/revue
	install -m 644 corpus/*.txt $(DESTDIR)$(DATADIR)/corpus/
	for f in themes/*.theme; do [ -e "$$f" ] || continue; install -m 644 "$$f" $(DESTDIR)$(DATADIR)/themes/; done
	install -m 644 man/revue.1 $(DESTDIR)$(MANDIR)/man1/revue.1
	install -m 644 man/revue-config.5 man/revue-themes.5 $(DESTDIR)$(MANDIR)/man5/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/revue $(DESTDIR)$(MANDIR)/man1/revue.1 \
		$(DESTDIR)$(MANDIR)/man5/revue-config.5 $(DESTDIR)$(MANDIR)/man5/revue-themes.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build revue

# Scores the index against the answer keys of tests/eval/keys (not a test:
# it prints precision and recall; see tests/eval/GUIDELINES.md).
eval: revue
	@python3 tests/eval/eval.py ./revue "$(abspath $(SHARED))" $(EVAL_FLAGS)

# The command-line e2e scripts with revue under valgrind (memcheck, leaks):
# slow, so not part of make check. Reports what it found, fails if anything.
VALGRIND_E2E ?= test_cli test_index test_link test_passim test_diff test_state
valgrind: revue
	@command -v valgrind >/dev/null || { echo "make valgrind: install valgrind"; exit 1; }
	@rm -f $(BUILD)/valgrind.log; set -e; for t in $(VALGRIND_E2E); do echo "== $$t (valgrind)"; \
		REVUE_UNDER_VALGRIND="$(abspath revue)" VALGRIND_REPORT="$(abspath $(BUILD))/valgrind.log" \
		REVUE="$(abspath tests/valgrind/revue.sh)" SHARED="$(abspath $(SHARED))" bash tests/e2e/$$t.sh || true; done
	@if [ -s $(BUILD)/valgrind.log ]; then cat $(BUILD)/valgrind.log; echo "make valgrind: errors above"; exit 1; \
	else echo "make valgrind: no error, no leak"; fi

# The same score on articles keyed but never read while tuning the rules.
eval-heldout: revue
	@python3 tests/eval/eval.py ./revue "$(abspath $(SHARED))" --keys=tests/eval/heldout $(EVAL_FLAGS)

# A second held-out set, keyed before the rules of this round were written
# and used only to measure them.
eval-heldout2: revue
	@python3 tests/eval/eval.py ./revue "$(abspath $(SHARED))" --keys=tests/eval/heldout2 $(EVAL_FLAGS)

$(BUILD)/names_debug: tests/eval/names_debug.c $(BUILD)/libcore.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcore.a $(LIBS_CORE) $(LDFLAGS)
