# storyline — build, test, bench, install.
#
#   make            the library (build/libstoryline.a) and binary (build/storyline)
#   make test       unit + golden tests, once plainly and once under ASan+UBSan
#   make demo       storyline run examples/ -o demo-report
#   make bench      throughput benchmarks (uses ../shared/data when present)
#   make install    PREFIX=/usr/local: binary, header, library, pkg-config, man page
#
# Sources are found by wildcard: lib/<stage>/*.c go into the library,
# cli/*.c into the binary, tests/<stage>/test_*.c each into a test program.
# Dependencies are installed by scripts/deps.sh (apt-get, idempotent).

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
SAN     ?=
OPT     ?= -O2 -g
CFLAGS  ?=
DEPS_STAMP := $(BUILD)/.deps-ok

WARN    := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow -Wstrict-prototypes
BASE_CFLAGS := $(WARN) $(OPT) -D_GNU_SOURCE -Iinclude -Ilib -MMD -MP -pthread $(SAN)
LIBS    := -lcjson -lutf8proc -lxxhash -lstemmer -lm -pthread
TEST_LIBS := -lcmocka

LIB_SRC := $(sort $(wildcard lib/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:%.c=$(BUILD)/%)
BENCH_BIN := $(BENCH_SRC:%.c=$(BUILD)/%)

ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all lib test test-plain test-asan unit golden e2e demo bench fuzz install uninstall clean deps check-deps

all: $(BUILD)/storyline

lib: $(BUILD)/libstoryline.a

$(DEPS_STAMP): scripts/deps.sh
	@mkdir -p $(BUILD)
	@sh scripts/deps.sh
	@touch $@

$(BUILD)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libstoryline.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/storyline: $(CLI_OBJ) $(BUILD)/libstoryline.a
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $(CLI_OBJ) $(BUILD)/libstoryline.a $(LIBS) $(LDFLAGS) -o $@
	@if [ "$(BUILD)" = build ]; then ln -sf build/storyline storyline; fi

$(BUILD)/tests/%: tests/%.c $(BUILD)/libstoryline.a tests/testutil.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -Itests $< $(BUILD)/libstoryline.a $(TEST_LIBS) $(LIBS) $(LDFLAGS) -o $@

$(BUILD)/bench/%: bench/%.c $(BUILD)/libstoryline.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $< $(BUILD)/libstoryline.a $(LIBS) $(LDFLAGS) -o $@

deps:
	@sh scripts/deps.sh

# ---- tests -----------------------------------------------------------------

unit: $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do \
	  echo "== $$t"; \
	  $$t || fail=1; \
	done; exit $$fail

golden: $(BUILD)/storyline
	@sh tests/golden/run.sh $(BUILD)/storyline

# End-to-end scripts (tests/e2e/*.sh BIN): the report of `storyline run`,
# its JSON checked and its page rendered in headless Chromium.
e2e: $(BUILD)/storyline
	@fail=0; for t in tests/e2e/*.sh; do sh $$t $(BUILD)/storyline || fail=1; done; exit $$fail

test-plain:
	@$(MAKE) --no-print-directory BUILD=build unit golden e2e

test-asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" SAN="$(ASAN_FLAGS)" \
	  ASAN_OPTIONS=detect_leaks=1 SL_SKIP_BROWSER=1 unit golden e2e

test:
	@sh scripts/deps.sh
	@SL_EXTRA_PKGS=chromium sh scripts/deps.sh || echo "chromium could not be installed: the browser test will be skipped"
	@$(MAKE) --no-print-directory test-plain
	@sh tests/install.sh build
	@echo "== again under AddressSanitizer + UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory test-asan
	@echo "== all tests passed (plain and ASan+UBSan)"

# ---- demo and bench ------------------------------------------------------------

demo: $(BUILD)/storyline
	@sh scripts/demo.sh $(BUILD)/storyline

bench: $(BUILD)/storyline $(BENCH_BIN)
	@sh bench/run.sh $(BUILD)

# ---- fuzzing (not part of make test) ----------------------------------------------
# libFuzzer targets fuzz/*.c, built with clang and ASan+UBSan into build-fuzz/:
#   make fuzz && build-fuzz/fuzz_ingest -max_total_time=120

FUZZ_SRC := $(sort $(wildcard fuzz/*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)

fuzz:
	@command -v clang >/dev/null 2>&1 || { echo "make fuzz needs clang with libFuzzer: apt-get install clang"; exit 1; }
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

build-fuzz/%: fuzz/%.c $(LIB_SRC) include/storyline.h lib/internal.h | $(DEPS_STAMP)
	@mkdir -p build-fuzz
	clang $(WARN) -O1 -g -D_GNU_SOURCE -Iinclude -Ilib -pthread \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  $< $(LIB_SRC) $(LIBS) -o $@

# ---- install -------------------------------------------------------------------

install: $(BUILD)/storyline $(BUILD)/libstoryline.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/storyline $(DESTDIR)$(PREFIX)/bin/storyline
	install -m 644 include/storyline.h $(DESTDIR)$(PREFIX)/include/storyline.h
	install -m 644 $(BUILD)/libstoryline.a $(DESTDIR)$(PREFIX)/lib/libstoryline.a
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/^#define SL_VERSION_STRING "\(.*\)"/\1/p' include/storyline.h)|g' \
	  scripts/storyline.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc
	install -m 644 man/storyline.1 $(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/storyline $(DESTDIR)$(PREFIX)/include/storyline.h \
	  $(DESTDIR)$(PREFIX)/lib/libstoryline.a $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

clean:
	rm -rf build build-asan build-fuzz demo-report storyline

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
