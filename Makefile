# pairplan - checks, schedules and exports kindergarten pairing-assistance plans.
#
#   make          build ./pairplan
#   make demo     install missing build dependencies, build, validate and schedule the bundled plan
#   make check    install missing dependencies, build, run every test (also under ASan+UBSan)
#   make fuzz     build the libFuzzer target (clang) and run it for FUZZ_SECONDS
#   make bench    run the benchmarks of bench/
#   make install  PREFIX=/usr/local DESTDIR=: the binary, man pages, bash completion, schema

CC	?= cc
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share
MANDIR	?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
WARN	 = -Wall -Wextra -Wpedantic -Werror
CFLAGS	?= -O2 -g
ALL_CFLAGS = -std=c17 $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -pthread $(CFLAGS)
LDLIBS	 = -lyaml -lutf8proc -lm -pthread
SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
	   -DARENA_CHECKED
FUZZ_SECONDS ?= 60

SRC	 = $(filter-out src/main.c,$(wildcard src/*.c))
HDR	 = $(wildcard include/*.h)
TESTS	 = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))

B	 = build
OBJ	 = $(patsubst src/%.c,$(B)/%.o,$(SRC))

all: pairplan

pairplan: $(B)/main.o $(B)/libpairplan.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/%.o: src/%.c $(HDR) | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libpairplan.a: $(OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B):
	mkdir -p $(B) $(B)/san

# Unit tests, plain and under ASan+UBSan.
$(B)/test_%: tests/test_%.c $(B)/libpairplan.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libpairplan.a $(LDLIBS) -lcmocka

SAN_OBJ	 = $(patsubst src/%.c,$(B)/san/%.o,$(SRC))

$(B)/san/%.o: src/%.c $(HDR) | $(B)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

$(B)/san/libpairplan.a: $(SAN_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/san/pairplan: $(B)/san/main.o $(B)/san/libpairplan.a
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

$(B)/san/test_%: tests/test_%.c $(B)/san/libpairplan.a
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $< $(B)/san/libpairplan.a $(LDLIBS) -lcmocka

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh test

demo: deps
	@$(MAKE) --no-print-directory pairplan
	./pairplan validate plans/example.yaml && echo "plans/example.yaml: valid"
	./pairplan schedule plans/example.yaml

# Every test program runs, and the target fails if any of them failed.
units: $(addprefix $(B)/,$(TESTS))
	@st=0; for t in $(TESTS); do ./$(B)/$$t || st=1; done; exit $$st

san-units: $(addprefix $(B)/san/,$(TESTS))
	@st=0; for t in $(TESTS); do ./$(B)/san/$$t || st=1; done; exit $$st

cli: pairplan
	@sh tests/cli.sh ./pairplan

san-cli: $(B)/san/pairplan
	@sh tests/cli.sh ./$(B)/san/pairplan

# The JSON Schema against the plans and against `pairplan validate`
# (Debian's python3-jsonschema and python3-yaml).
schema-check: pairplan
	@/usr/bin/python3 tests/schema_check.py ./pairplan

# The lunar calendar, 清明 and the China holiday table against independent
# sources: Debian's python3-lunardate and python3-ephem, and the npm package
# chinese-days, which the script installs into build/npm.
$(B)/cn_dump: tests/cn_dump.c $(B)/libpairplan.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libpairplan.a $(LDLIBS)

cn-check: $(B)/cn_dump
	@/usr/bin/python3 tests/cn_check.py ./$(B)/cn_dump $(B)/npm

# The bash completion, sourced and asked as bash asks it.
completion-check: pairplan
	@bash tests/completion.sh ./pairplan

# The pipeline runs one way: no object calls a stage above its own.
layers: pairplan
	@sh scripts/layers.sh $(B)

# The man pages: mandoc's lint (apt-get install mandoc).
man-check:
	mandoc -Tlint -Wwarning docs/pairplan.1 docs/pairplan-plan.5

# The records file under load: 50 appends at once, and appends killed
# with SIGKILL (python3-yaml reads the results).
$(B)/recstore_driver: tests/recstore_driver.c $(B)/libpairplan.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libpairplan.a $(LDLIBS)

recstore-check: $(B)/recstore_driver
	@sh tests/recstore_concurrency.sh ./$(B)/recstore_driver
	@sh tests/recstore_crash.sh ./$(B)/recstore_driver

.PHONY: recstore-check

# Many plans at once: the golden county, a generated county of 300 plans
# against the joint schedule, -j N against -j 1 (tests/county.sh); and
# validate --format sarif against the SARIF 2.1.0 schema, which the script
# installs with npm into build/npm-sarif (tests/sarif_check.py).
county-check: pairplan
	@sh tests/county.sh ./pairplan

san-county: $(B)/san/pairplan
	@sh tests/county.sh ./$(B)/san/pairplan 60

sarif-check: pairplan
	@/usr/bin/python3 tests/sarif_check.py ./pairplan $(B)/npm-sarif

check: test-deps
	@$(MAKE) --no-print-directory -j2 pairplan $(addprefix $(B)/,$(TESTS)) \
	    $(B)/san/pairplan $(addprefix $(B)/san/,$(TESTS)) $(B)/cn_dump \
	    $(B)/recstore_driver
	@$(MAKE) --no-print-directory units cli schema-check completion-check \
	    cn-check recstore-check county-check sarif-check layers
	@$(MAKE) --no-print-directory san-units san-cli san-county
	@echo "make check: all tests passed"

$(B)/fuzz_load: tests/fuzz_load.c $(SRC) $(HDR) | $(B)
	clang -std=c17 $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -O1 -g \
	    -fsanitize=fuzzer,address,undefined -DARENA_CHECKED -o $@ tests/fuzz_load.c \
	    $(SRC) $(LDLIBS)

fuzz: deps $(B)/fuzz_load
	@sh tests/fuzz.sh ./$(B)/fuzz_load $(FUZZ_SECONDS)

bench: pairplan
	python3 bench/run.py

install: pairplan
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 pairplan $(DESTDIR)$(BINDIR)/pairplan
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 644 docs/pairplan.1 $(DESTDIR)$(MANDIR)/man1/pairplan.1
	install -m 644 docs/pairplan-plan.5 \
	    $(DESTDIR)$(MANDIR)/man5/pairplan-plan.5
	install -d $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 completion/pairplan.bash $(DESTDIR)$(BASHCOMPDIR)/pairplan
	install -d $(DESTDIR)$(DATADIR)/pairplan
	install -m 644 schema/pairplan.schema.json \
	    $(DESTDIR)$(DATADIR)/pairplan/pairplan.schema.json

clean:
	rm -rf $(B) pairplan

.PHONY: all deps test-deps demo units san-units cli san-cli schema-check \
	completion-check layers man-check cn-check county-check san-county \
	sarif-check check fuzz bench install clean
