# pairplan - checks, schedules and exports kindergarten pairing-assistance plans.
#
#   make          build ./pairplan
#   make demo     install missing build dependencies, build, validate and schedule the bundled plan
#   make check    install missing dependencies, build, run every test (also under ASan+UBSan):
#                 one line per suite, each suite's output in build/test-logs/NAME.log
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
# utf8proc is linked in: pairplan calls two of its functions, and loading
# it as a shared library took about 0.25 ms of the 4 ms that validating a
# small plan takes (bench/README.md). libyaml stays shared, so that the
# system's security updates of the parser reach pairplan.
LDLIBS	 = -Wl,--as-needed -lyaml -Wl,-Bstatic -lutf8proc -Wl,-Bdynamic -lm \
	   -pthread
SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
	   -DARENA_CHECKED
FUZZ_SECONDS ?= 60

SRC	 = $(filter-out src/main.c,$(wildcard src/*.c))
HDR	 = $(wildcard include/*.h include/*.def)
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

# Unit tests, plain and under ASan+UBSan; each is linked with the helpers
# they share, tests/testutil.c.
TU	 = tests/testutil.c tests/testutil.h

$(B)/tests/testutil.o: $(TU) $(HDR) | $(B)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/test_%: tests/test_%.c $(B)/tests/testutil.o $(B)/libpairplan.a \
    tests/testutil.h
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/tests/testutil.o $(B)/libpairplan.a \
	    $(LDLIBS) -lcmocka

SAN_OBJ	 = $(patsubst src/%.c,$(B)/san/%.o,$(SRC))

$(B)/san/%.o: src/%.c $(HDR) | $(B)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

$(B)/san/libpairplan.a: $(SAN_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/san/pairplan: $(B)/san/main.o $(B)/san/libpairplan.a
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

$(B)/san/tests/testutil.o: $(TU) $(HDR) | $(B)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

$(B)/san/test_%: tests/test_%.c $(B)/san/tests/testutil.o \
    $(B)/san/libpairplan.a tests/testutil.h
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $< $(B)/san/tests/testutil.o \
	    $(B)/san/libpairplan.a $(LDLIBS) -lcmocka

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh test

demo: deps
	@$(MAKE) --no-print-directory pairplan
	./pairplan validate plans/example.yaml && echo "plans/example.yaml: valid"
	./pairplan schedule plans/example.yaml
	@$(MAKE) --no-print-directory demo-next

# What make demo suggests next; tests/readme.sh runs each of these commands.
demo-next:
	@echo
	@echo "next, try:"
	@echo "  ./pairplan validate tests/readme/demo.yaml                       # a plan with mistakes"
	@echo "  ./pairplan export --format md -o plan.md plans/example.yaml      # the plan as a document"
	@echo "  ./pairplan export --format html -o plan.html plans/example.yaml  # a printable page"
	@echo "  ./pairplan schedule --format ics -o plan.ics plans/example.yaml  # for a calendar"
	@echo "  ./pairplan rules                                                 # what is checked"
	@echo "  ./pairplan init > my-plan.yaml                                   # a plan of your own"

# Every test program runs, and the target fails if any of them failed.
units: $(addprefix $(B)/,$(TESTS))
	@sh tests/units.sh $(B) $(TESTS)

san-units: $(addprefix $(B)/san/,$(TESTS))
	@sh tests/units.sh $(B)/san $(TESTS)

cli: pairplan
	@sh tests/cli.sh ./pairplan && sh tests/hostile.sh ./pairplan

san-cli: $(B)/san/pairplan
	@sh tests/cli.sh ./$(B)/san/pairplan && sh tests/hostile.sh ./$(B)/san/pairplan

# Every example of README.md run and compared (see tests/readme.sh).
readme-check: pairplan
	@sh tests/readme.sh ./pairplan

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

# The same through the real command: 50 `pairplan record` at once, and
# `pairplan record` loops killed with SIGKILL, read back by validate.
record-check: pairplan
	@sh tests/record_concurrency.sh ./pairplan
	@/usr/bin/python3 tests/record_crash.py ./pairplan

# The README and the man pages name every command, rule, kind and format.
docs-check: pairplan
	@sh tests/docs.sh ./pairplan

# make check: the build, then each suite of SUITES as one line (check-NAME
# below; they run in parallel under make -j), then the details of the
# suites that failed and the verdict, last. Each suite's whole output is
# in $(LOGS)/NAME.log. A new suite is a name in SUITES and a check-NAME
# rule that runs it through $(SUITE) NAME NOUN COMMAND, COMMAND ending on
# a line "NAME: P passed, F failed" (NOUN - when it counts nothing).
LOGS	 = $(B)/test-logs
SUITES	 = units cli hostile schema completion readme docs layers cn \
	   recstore record county sarif san-units san-cli san-hostile \
	   san-county
SUITE	 = sh tests/suite.sh $(LOGS)

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
	@rm -rf $(LOGS) && mkdir -p $(B)/san $(LOGS)
	@$(SUITE) build - $(MAKE) --no-print-directory -j2 pairplan \
	    $(addprefix $(B)/,$(TESTS)) $(B)/san/pairplan \
	    $(addprefix $(B)/san/,$(TESTS)) $(B)/cn_dump \
	    $(B)/recstore_driver || { $(SUITE) --verdict build; exit 1; }
	@$(MAKE) --no-print-directory $(addprefix check-,$(SUITES))
	@$(SUITE) --verdict build $(SUITES)

check-units: $(addprefix $(B)/,$(TESTS))
	@$(SUITE) units programs sh tests/units.sh $(B) $(TESTS) || :

check-san-units: $(addprefix $(B)/san/,$(TESTS))
	@$(SUITE) san-units programs sh tests/units.sh $(B)/san $(TESTS) || :

check-cli: pairplan
	@$(SUITE) cli cases sh tests/cli.sh ./pairplan || :

check-san-cli: $(B)/san/pairplan
	@$(SUITE) san-cli cases sh tests/cli.sh ./$(B)/san/pairplan || :

check-hostile: pairplan
	@$(SUITE) hostile cases sh tests/hostile.sh ./pairplan || :

check-san-hostile: $(B)/san/pairplan
	@$(SUITE) san-hostile cases sh tests/hostile.sh ./$(B)/san/pairplan || :

check-schema: pairplan
	@$(SUITE) schema cases /usr/bin/python3 tests/schema_check.py ./pairplan || :

check-completion: pairplan
	@$(SUITE) completion cases bash tests/completion.sh ./pairplan || :

check-readme: pairplan
	@$(SUITE) readme examples sh tests/readme.sh ./pairplan || :

check-docs: pairplan
	@$(SUITE) docs cases sh tests/docs.sh ./pairplan || :

check-layers: pairplan
	@$(SUITE) layers - sh scripts/layers.sh $(B) || :

check-cn: $(B)/cn_dump
	@$(SUITE) cn checks /usr/bin/python3 tests/cn_check.py ./$(B)/cn_dump \
	    $(B)/npm || :

check-recstore: $(B)/recstore_driver
	@$(SUITE) recstore - $(MAKE) --no-print-directory recstore-check || :

check-record: pairplan
	@$(SUITE) record - $(MAKE) --no-print-directory record-check || :

check-county: pairplan
	@$(SUITE) county cases sh tests/county.sh ./pairplan || :

check-san-county: $(B)/san/pairplan
	@$(SUITE) san-county cases sh tests/county.sh ./$(B)/san/pairplan 60 || :

check-sarif: pairplan
	@$(SUITE) sarif cases /usr/bin/python3 tests/sarif_check.py ./pairplan \
	    $(B)/npm-sarif || :

$(B)/fuzz_load: tests/fuzz_load.c $(SRC) $(HDR) | $(B)
	clang -std=c17 $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -O1 -g \
	    -fsanitize=fuzzer,address,undefined -DARENA_CHECKED -o $@ tests/fuzz_load.c \
	    $(SRC) $(LDLIBS)

fuzz: deps $(B)/fuzz_load
	@sh tests/fuzz.sh ./$(B)/fuzz_load $(FUZZ_SECONDS)

bench: pairplan
	python3 bench/run.py --all --readme

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

.PHONY: all deps test-deps demo demo-next units san-units cli san-cli \
	schema-check completion-check readme-check docs-check layers record-check \
	man-check cn-check recstore-check county-check san-county sarif-check \
	check $(addprefix check-,$(SUITES)) fuzz bench install clean
