#!/usr/bin/python3
"""record_crash.py - `pairplan record` killed with SIGKILL at random moments: the records file always parses, or ends in one torn line that validate reports at its line, record refuses with the exact repair, and the repair clears.

    python3 tests/record_crash.py PATH/TO/pairplan [TRIALS] [MAX_MS]

Each trial starts a loop of `pairplan record` runs on a copy of
tests/diag/clean.yaml, in its own process group, and kills the group with
SIGKILL after a random delay below MAX_MS milliseconds (default 40). The
runs write their line one byte per write(), 20 microseconds apart
(PAIRPLAN_TEST_WRITE="1 20"), so that a kill often lands inside a line. After each kill:
  - the file is whole (python3-yaml reads it, numbered 1..N, and
    `pairplan validate` is silent), or it ends in one incomplete line:
    validate exits 1 with one records-torn diagnostic at that line, whose
    repair command is the one `pairplan record` refuses with (exit 2,
    the file unchanged); the repair, run with sh, makes validate silent;
  - the next `pairplan record` gets the next number.
Prints "ok - ..." with how many trials tore a line, or "not ok - ..." and
exits 1. Fixed seed: the same trials each run.
"""
import os, random, re, shutil, signal, subprocess, sys, tempfile, time

import yaml


def main():
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK):
        print("usage: python3 tests/record_crash.py PATH/TO/pairplan [TRIALS] [MAX_MS]",
              file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    max_ms = float(sys.argv[3]) if len(sys.argv) > 3 else 40.0
    rng = random.Random(11)
    tdir = tempfile.mkdtemp()
    bad, torn = [], 0
    start = time.monotonic()
    env = dict(os.environ, PAIRPLAN_TEST_WRITE="1 20", LC_ALL="C")
    env.pop("SOURCE_DATE_EPOCH", None)
    try:
        for trial in range(1, trials + 1):
            plan = os.path.join(tdir, "t%d.yaml" % trial)
            recs = os.path.join(tdir, "t%d.records.yaml" % trial)
            shutil.copy("tests/diag/clean.yaml", plan)
            record = [binary, "record", plan, "--activity", "p1.2", "--partner",
                      "jinqiu", "--date", "2024-10-22", "--note",
                      "送教下乡，指导区域活动 \"材料投放\" # %d" % trial, "--by", "t"]
            loop = subprocess.Popen(
                ["sh", "-c", 'while :; do "$@" >/dev/null 2>&1; done', "sh"] + record,
                env=env, start_new_session=True)
            time.sleep(rng.uniform(2.0, max_ms) / 1000.0)
            os.killpg(loop.pid, signal.SIGKILL)
            loop.wait()
            why = check(binary, plan, recs, record, env)
            if why == "torn":
                torn += 1
            elif why:
                bad.append("trial %d: %s" % (trial, why))
            if len(bad) >= 5:
                break
    finally:
        shutil.rmtree(tdir)
    ms = int((time.monotonic() - start) * 1000)
    if trials >= 40 and torn == 0 and not bad:
        bad.append("no kill landed inside a line in %d trials" % trials)
    if bad:
        print("not ok - record crash: " + "; ".join(bad[:5]))
        return 1
    print("ok - record crash: %d `pairplan record` loops killed with SIGKILL, "
          "%d left a torn line, each reported, refused and repaired (%d ms)"
          % (trials, torn, ms))
    return 0


def run(args, env):
    p = subprocess.run(args, env=env, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def records(raw):
    """The records of raw, or a reason why they do not read."""
    try:
        recs = yaml.safe_load(raw.decode("utf-8")) or []
    except (UnicodeDecodeError, yaml.YAMLError) as e:
        return None, "does not parse: %s" % str(e).replace("\n", " ")
    if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
        return None, "is not a list of mappings"
    if [r.get("n") for r in recs] != list(range(1, len(recs) + 1)):
        return None, "is not numbered 1..%d" % len(recs)
    return recs, None


def check(binary, plan, path, record, env):
    env = dict(env)
    env.pop("PAIRPLAN_TEST_WRITE")
    raw = open(path, "rb").read() if os.path.exists(path) else b""
    rc, _, err = run([binary, "validate", plan], env)
    kept = raw
    tore = False
    if raw and not raw.endswith(b"\n"):
        tore = True
        keep = raw.rfind(b"\n") + 1
        line = raw[:keep].count(b"\n") + 1
        lines = err.strip().split("\n")
        want = "%s:%d:1: error: " % (path, line)
        if rc != 1 or len(lines) != 1 or not lines[0].startswith(want) \
                or not lines[0].endswith("[records-torn]"):
            return "validate of a torn file: exit %d, %r" % (rc, err[:300])
        m = re.search(r"repair it with: (.*) \[records-torn\]$", lines[0])
        if not m:
            return "no repair in %r" % lines[0]
        repair = m.group(1)
        rc2, out2, err2 = run(record, env)
        if rc2 != 2 or repair not in err2 or open(path, "rb").read() != raw:
            return "record on a torn file: exit %d, %r" % (rc2, err2[:300])
        subprocess.run(["sh", "-c", repair], check=True)
        kept = open(path, "rb").read()
        if kept != raw[:keep] and kept != raw + b"\n":
            return "the repair %r left %r" % (repair, kept[-80:])
        rc, _, err = run([binary, "validate", plan], env)
    if rc != 0 or err:
        return "validate after the crash: exit %d, %r" % (rc, err[:300])
    recs, why = records(kept)
    if why:
        return "the file " + why
    rc, out, err = run(record, env)
    want = "recorded %d in %s\n" % (len(recs) + 1, path)
    if rc != 0 or out != want:
        return "the next record: exit %d, %r %r" % (rc, out, err[:200])
    recs, why = records(open(path, "rb").read())
    if why:
        return "after the next record, the file " + why
    return "torn" if tore else None


if __name__ == "__main__":
    sys.exit(main())
