"""appends_check.py - what the concurrency suites check of a records file that PROCS processes a round, ROUNDS rounds, appended to at once.

Imported by tests/record_concurrency.sh and tests/recstore_concurrency.sh
(from the repository root):

    check(name, tdir, path, procs, rounds, printed, reads_back)

The file must read (python3-yaml) as a list of procs*rounds mappings,
n = 1, 2, ... in file order, one line each; each process's record is found
by its tag "rR-pI" in `by`, exactly once. The process printed
tdir/out.TAG: printed(record, path) is what it should have printed;
reads_back(record, tag, i) says whether the record holds what process i
wrote. Prints "not ok - NAME: ..." and exits 1 on a failure.
"""
import os, sys
import yaml


def check(name, tdir, path, procs, rounds, printed, reads_back):
    total = procs * rounds
    with open(path, "rb") as f:
        raw = f.read()
    recs = yaml.safe_load(raw.decode("utf-8"))
    bad = []
    if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
        bad.append("the file is not a list of mappings")
    else:
        if len(recs) != total:
            bad.append("%d records, not %d" % (len(recs), total))
        if [r.get("n") for r in recs] != list(range(1, len(recs) + 1)):
            bad.append("numbers are not 1..%d in file order" % len(recs))
        if raw.count(b"\n") != len(recs) or not raw.endswith(b"\n"):
            bad.append("not one line per record")
        by_tag = {r.get("by"): r for r in recs}
        if len(by_tag) != len(recs):
            bad.append("a process's record landed twice")
        for rnd in range(1, rounds + 1):
            for i in range(1, procs + 1):
                tag = "r%d-p%d" % (rnd, i)
                with open(os.path.join(tdir, "out." + tag)) as f:
                    got = f.read().strip()
                r = by_tag.get(tag)
                if r is None:
                    bad.append("the record of %s is missing" % tag)
                elif got != printed(r, path):
                    bad.append("%s printed %r, its record is n %s" % (tag, got, r["n"]))
                elif not reads_back(r, tag, i):
                    bad.append("the record of %s does not read back: %r" % (tag, r))
    if bad:
        print("not ok - %s: %s" % (name, "; ".join(bad[:5])))
        sys.exit(1)
