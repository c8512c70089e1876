#!/usr/bin/env python3
"""Time pairplan against a bare libyaml parse (spec §9).  Standard library only.

    python3 bench/run.py                      # validate, 100 MB and 200 MB plans, 5 runs
    python3 bench/run.py --size-mb 20 --runs 3
    python3 bench/run.py --cmd schedule       # plan of about 1e6 occurrences (and 2e6)
    python3 bench/run.py --small              # only the small-plan timing
    python3 bench/run.py --file plans/x.yaml [--big-file y.yaml]
    python3 bench/run.py --county             # 10,000 plans of about 15 KB: validate -j 2, report
    python3 bench/run.py --shape chinese      # the plans of genplan --shape chinese (or people)

Builds bench/bare_parse when it is missing or older than bare_parse.c, generates
the plans with bench/genplan.py into a temporary directory (removed afterwards
unless --keep), then runs `PAIRPLAN CMD FILE` and `bench/bare_parse FILE`
alternately, --runs times each, and reports medians of the wall time and the
peak RSS of each child (os.wait4 ru_maxrss) with the §9 targets next to them.
This is a report: the exit status is 0 even when a target is missed (MISS);
it is 2 only when the benchmark itself cannot run (no pairplan binary, no
compiler, a generated plan that is not YAML).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
BARE_SRC = os.path.join(BENCH, "bare_parse.c")
BARE_BIN = os.path.join(BENCH, "bare_parse")
MEASURE_SRC = os.path.join(BENCH, "measure.c")
MEASURE_BIN = os.path.join(BENCH, "measure")
GENPLAN = os.path.join(BENCH, "genplan.py")
GENCOUNTY = os.path.join(BENCH, "gencounty.py")
BARE_MANY_SRC = os.path.join(BENCH, "bare_many.c")
BARE_MANY_BIN = os.path.join(BENCH, "bare_many")
FRESH_SRC = os.path.join(BENCH, "fresh.c")
FRESH_BIN = os.path.join(BENCH, "fresh")

# §9 targets
TARGET_RATIO = {"validate": 1.3, "schedule": 3.0}   # pairplan time / bare parse time
TARGET_MEM = 3.0        # peak RSS / file size, strictly below
TARGET_DOUBLE = 2.2     # time(2x file) / time(file), at most
TARGET_SMALL_MS = 5.0   # "a small plan validated in a few milliseconds": our reading is <= 5 ms
TARGET_COUNTY = {"validate": 1.3, "report": 3.0}  # many files (§9, §12), against bare_many -j 2
MB = 1e6

# Every ratio the report prints, for --readme: (case, file, pairplan, bare,
# ratio, target, memory ratio or None, memory target or None, ok).
ROWS = []
README = os.path.join(BENCH, "README.md")
TABLE_BEGIN = "<!-- make bench: table begin -->"
TABLE_END = "<!-- make bench: table end -->"


def die(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(2)


def build(src, out, libs):
    """cc -O2 src -o out, when out is missing or older than src."""
    if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(src):
        return
    cc = os.environ.get("CC", "cc")
    cmd = [cc, "-std=c17", "-O2", "-Wall", "-Wextra", "-Wpedantic", "-Werror", src] + libs + ["-o", out]
    print("bench: " + " ".join(os.path.relpath(x, ROOT) if x.startswith(ROOT) else x for x in cmd),
          file=sys.stderr)
    if subprocess.run(cmd).returncode != 0:
        die("could not build %s%s" % (os.path.relpath(out, ROOT),
                                     " (is libyaml-dev installed?)" if libs else ""))


def resolve(prog):
    if os.sep in prog:
        p = os.path.abspath(prog)
        return p if os.path.isfile(p) and os.access(p, os.X_OK) else None
    return shutil.which(prog)


def generate(path, gen_args):
    """Run genplan; returns its --stats line (without the 'genplan: ' prefix)."""
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, GENPLAN] + gen_args + ["--stats", "-o", path],
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        die("genplan failed: " + " ".join(gen_args))
    lines = [l for l in r.stderr.splitlines() if l.startswith("genplan: ")]
    stats = lines[-1][len("genplan: "):] if lines else ""
    print("bench: generated %s (%s) in %.1f s" % (" ".join(gen_args), stats,
          time.perf_counter() - t0), file=sys.stderr)
    return stats


def bare_events(path):
    """One untimed bare parse: checks the file is YAML, warms the page cache."""
    r = subprocess.run([BARE_BIN, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        die("%s is not valid YAML: %s" % (path, r.stderr.strip()))
    return int(r.stdout.strip() or 0)


class Run:
    __slots__ = ("wall", "cpu", "rss", "status")


def measure(argv, errpath):
    """Run argv once under bench/measure (stdin and stdout on /dev/null, stderr
    to errpath): wall time, CPU time and peak RSS in bytes (wait4 ru_maxrss,
    taken by bench/measure, see measure.c for why not os.wait4 from here) and
    the exit status."""
    with open(errpath, "wb") as err:
        r = subprocess.run([MEASURE_BIN] + argv, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=err)
    f = r.stdout.split()
    if r.returncode != 0 or len(f) != 4:
        die("could not run %s (see %s)" % (argv[0], errpath))
    m = Run()
    m.wall, m.rss, m.cpu, m.status = float(f[0]), int(f[1]) * 1024, float(f[2]), int(f[3])
    return m


def head(path, n=5):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return [l.rstrip("\n") for _, l in zip(range(n), f)]
    except OSError:
        return []


class Result:
    """Medians over the runs of one program on one file."""

    def __init__(self, runs):
        self.runs = runs
        self.wall = statistics.median(r.wall for r in runs)
        self.cpu = statistics.median(r.cpu for r in runs)
        self.rss = max(r.rss for r in runs)
        self.statuses = sorted(set(r.status for r in runs))


def bench_file(path, pp_argv, nruns, warmup, tmp, ok_status):
    """Alternate pairplan and bare_parse on path; returns (pairplan Result, bare Result)."""
    errp = os.path.join(tmp, "pairplan.stderr")
    errb = os.path.join(tmp, "bare.stderr")
    pp = pp_argv + [path]
    bare = [BARE_BIN, path]
    for _ in range(warmup):
        measure(pp, errp)
        measure(bare, errb)
    rp, rb = [], []
    for _ in range(nruns):
        rp.append(measure(pp, errp))
        rb.append(measure(bare, errb))
    p, b = Result(rp), Result(rb)
    bad = [s for s in p.statuses if s not in ok_status]
    if bad:
        p.note = "pairplan exited with status %s (expected %s); its stderr begins:" % (
            "/".join(map(str, bad)), " or ".join(map(str, ok_status)))
        p.err = head(errp)
    else:
        p.note, p.err = None, []
    return p, b


def fmt_mb(n):
    return "%.1f MB" % (n / MB)


def verdict(ok):
    return "ok" if ok else "MISS"


def small_bench(pp_argv, nruns, tmp, seed):
    path = os.path.join(tmp, "small.yaml")
    generate(path, ["--seed", str(seed)])
    bare_events(path)
    p, b = bench_file(path, pp_argv, nruns, 2, tmp, (0,))
    size = os.path.getsize(path)
    ms = p.wall * 1000
    print("small plan (genplan defaults, %d bytes), %d runs each, median wall time:" % (size, nruns))
    print("  %-44s %10.2f ms" % ("pairplan " + pp_argv[-1] + " (small plan)", ms))
    print("  %-44s %10.2f ms" % ("bare_parse (process start + parse)", b.wall * 1000))
    print("  %-44s %10s    %-22s %s" % ("target: small plan validated in", "%.2f ms" % ms,
                                         "a few ms (<= %g ms)" % TARGET_SMALL_MS,
                                         verdict(ms <= TARGET_SMALL_MS)))
    if p.note:
        print("  note: " + p.note)
        for l in p.err:
            print("    " + l)
    ROWS.append(("validate, small plan", "%.1f KB" % (size / 1000), "%.2f ms" % ms,
                 "%.2f ms" % (b.wall * 1000), None, "<= %g ms" % TARGET_SMALL_MS,
                 None, None, ms <= TARGET_SMALL_MS))


def county_bench(a, pp, tmp):
    """§9 many files: N plans of about 15 KB (bench/gencounty.py), `validate -j 2`
    of them all and `report -j 2` of their folder, against bare parses of every
    file two at a time (bench/bare_many -j 2), alternately."""
    d = os.path.join(tmp, "county")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, GENCOUNTY, "--plans", str(a.county_plans),
                        "--activities", str(a.county_activities), "--seed", str(a.seed),
                        "-o", d, "--stats"], stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        die("gencounty failed")
    stats = r.stderr.strip().replace("gencounty: ", "")
    print("bench: generated %s in %.1f s" % (stats, time.perf_counter() - t0), file=sys.stderr)
    files = []
    for root, dirs, names in os.walk(d):
        files += [os.path.join(root, n) for n in names if n.endswith(".yaml")]
    files.sort(key=lambda p: p.encode())
    size = sum(os.path.getsize(f) for f in files)
    j = str(a.county_jobs)
    cmds = [("validate", [pp, "validate", "-j", j] + files, (0,)),
            ("report", [pp, "report", "-j", j, "--format", "json", "--on", "2025-06-30", d], (0, 1)),
            ("bare", [BARE_MANY_BIN, "-j", j] + files, (0,))]
    errp = os.path.join(tmp, "county.stderr")
    for _ in range(max(1, a.warmup)):  # also checks that the files parse
        for name, argv, ok in cmds:
            m = measure(argv, errp)
            if m.status not in ok:
                die("%s exited with %d on the county: %s" % (name, m.status, " ".join(head(errp, 3))))
    runs = {name: [] for name, _, _ in cmds}
    print("bench: timing %d files (%s), %d runs each, alternating" % (len(files), fmt_mb(size), a.runs),
          file=sys.stderr)
    for _ in range(a.runs):
        for name, argv, _ in cmds:
            runs[name].append(measure(argv, errp))
    res = {name: Result(v) for name, v in runs.items()}
    b = res["bare"]
    print("pairplan benchmark (spec §9, many files): %d plans, %s in all (%.1f KB a plan)"
          % (len(files), fmt_mb(size), size / len(files) / 1000))
    print("         %s" % stats)
    print("%d timed runs of each program, alternating, after %d warm-up run(s);" % (a.runs, max(1, a.warmup)))
    print("times are medians of wall time, memory is peak RSS (wait4 ru_maxrss).")
    print()
    print("%-44s %12s %12s %12s" % ("", "wall", "CPU", "peak RSS"))
    for name, label in (("validate", "pairplan validate -j %s FILE..." % j),
                        ("report", "pairplan report -j %s DIR" % j),
                        ("bare", "bare_many -j %s FILE..." % j)):
        x = res[name]
        print("%-44s %10.3f s %10.3f s %9.1f MB" % (label, x.wall, x.cpu, x.rss / MB))
    print()
    print("%-44s %10s    %-22s %s" % ("target", "measured", "§9 target", ""))
    for name in ("validate", "report"):
        ratio = res[name].wall / b.wall if b.wall > 0 else float("inf")
        t = TARGET_COUNTY[name]
        print("%-44s %9.2fx    %-22s %s" % ("%s -j %s time / bare parses -j %s" % (name, j, j),
                                           ratio, "<= %gx" % t, verdict(ratio <= t)))
        ROWS.append(("%s -j %s, %d plans" % (name, j, len(files)), fmt_mb(size),
                     "%.2f s" % res[name].wall, "%.2f s" % b.wall, ratio, "<= %gx" % t,
                     None, None, ratio <= t))
    m = res["report"].rss / size if size else float("inf")
    print("%-44s %9.2fx    (for reference)" % ("report peak memory / total size", m))


def main():
    ap = argparse.ArgumentParser(description="Time pairplan against a bare libyaml parse (spec §9).")
    ap.add_argument("--cmd", choices=["validate", "schedule"], default="validate",
                    help="pairplan command to time (default validate)")
    ap.add_argument("--size-mb", type=float,
                    help="plan size in MB (10^6 bytes; default 100 for validate)")
    ap.add_argument("--occurrences", type=int,
                    help="plan of about N occurrences (default 1000000 for schedule)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each program (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs of each first (default 1)")
    ap.add_argument("--pairplan", default=os.path.join(ROOT, "pairplan"),
                    help="pairplan binary (default ./pairplan at the repository root)")
    ap.add_argument("--file", help="time this plan instead of generating one")
    ap.add_argument("--big-file", help="with --file: its twice-as-big counterpart (doubling)")
    ap.add_argument("--no-double", action="store_true", help="skip the 2x plan")
    ap.add_argument("--small", action="store_true", help="only time validate on a small plan")
    ap.add_argument("--no-small", action="store_true", help="skip the small-plan timing")
    ap.add_argument("--small-runs", type=int, default=21, help="runs for the small plan (default 21)")
    ap.add_argument("--seed", type=int, default=1, help="genplan seed (default 1)")
    ap.add_argument("--shape", choices=["default", "chinese", "people"], default="default",
                    help="genplan --shape of the generated plans (default: default)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--county", action="store_true",
                    help="many files: validate -j 2 and report of a county of plans")
    ap.add_argument("--county-plans", type=int, default=10000,
                    help="plans in the county (default 10000)")
    ap.add_argument("--county-activities", type=int, default=50,
                    help="activities a plan (default 50: about 15 KB)")
    ap.add_argument("--county-jobs", type=int, default=2, help="-j of the county (default 2)")
    ap.add_argument("--all", action="store_true",
                    help="every case in turn (--size-mb for validate, --occurrences for schedule): validate on the three shapes, schedule, the county "
                         "and the small plan (about 10 minutes)")
    ap.add_argument("--readme", action="store_true",
                    help="write the table of the ratios into bench/README.md")
    a = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # keep the report and the progress lines in order
    if a.runs < 1 or a.small_runs < 1 or a.warmup < 0:
        ap.error("--runs and --small-runs must be at least 1, --warmup at least 0")
    if a.size_mb is not None and a.occurrences is not None and not a.all:
        ap.error("give --size-mb or --occurrences, not both")
    if a.big_file and not a.file:
        ap.error("--big-file needs --file")

    pp = resolve(a.pairplan)
    if pp is None:
        die("no pairplan binary at %s (build it first, or give --pairplan PATH)" % a.pairplan)
    build(BARE_SRC, BARE_BIN, ["-lyaml"])
    build(MEASURE_SRC, MEASURE_BIN, [])
    build(FRESH_SRC, FRESH_BIN, [])
    if a.county:
        build(BARE_MANY_SRC, BARE_MANY_BIN, ["-lyaml", "-pthread"])

    if a.all:
        build(BARE_MANY_SRC, BARE_MANY_BIN, ["-lyaml", "-pthread"])
    tmp = tempfile.mkdtemp(prefix="pairplan-bench-")
    try:
        if a.all:
            run_all(a, pp, tmp)
        elif a.county:
            county_bench(a, pp, tmp)
        elif a.small:
            print("pairplan benchmark (spec §9): small plan")
            print()
            small_bench([pp, "validate"], a.small_runs, tmp, a.seed)
        else:
            run_main(a, pp, tmp)
    finally:
        if a.keep:
            print("bench: kept " + tmp, file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if a.readme:
        write_readme(a, pp)


def run_all(a, pp, tmp):
    """The cases of --all, one after the other, each in its own folder."""
    cases = [
        dict(cmd="validate", shape="default", no_double=False, no_small=False, occurrences=None),
        dict(cmd="validate", shape="chinese", no_double=True, no_small=True, occurrences=None),
        dict(cmd="validate", shape="people", no_double=True, no_small=True, occurrences=None),
        dict(cmd="schedule", shape="default", no_double=True, no_small=True, size_mb=None),
    ]
    for i, c in enumerate(cases):
        b = argparse.Namespace(**vars(a))
        for k, v in c.items():
            setattr(b, k, v)
        d = os.path.join(tmp, "case-%d" % i)
        os.mkdir(d)
        run_main(b, pp, d)
        shutil.rmtree(d, ignore_errors=True)
        print()
    d = os.path.join(tmp, "county")
    os.mkdir(d)
    county_bench(a, pp, d)


def machine():
    """One line on where the figures come from."""
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for l in f:
                if l.startswith("model name"):
                    model = l.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    line = "%d cores (%s), %s" % (os.cpu_count() or 0, model, os.uname().sysname)
    # how dear fresh memory is here: pairplan needs some times its file,
    # a bare parse almost none (see fresh.c)
    r = subprocess.run([FRESH_BIN], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if r.returncode == 0 and r.stdout.strip():
        line += "; " + r.stdout.strip()
    return line


def write_readme(a, pp):
    """Replace the table between the two markers of bench/README.md."""
    cmdline = "python3 bench/run.py " + " ".join(x for x in sys.argv[1:])
    ver = subprocess.run([pp, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True).stdout.strip()
    out = ["", "`%s` (what `make bench` runs), %s, %d runs each, on %s:" %
           (cmdline.strip(), ver or "pairplan", a.runs, machine()), "",
           "| case | input | pairplan | bare parse | ratio | target | peak RSS / file | target | |",
           "|---|---|---|---|---|---|---|---|---|"]
    for case, inp, ppt, bare, ratio, tgt, mem, mtgt, ok in ROWS:
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            case, inp, ppt, bare, "%.2f×" % ratio if ratio is not None else "",
            tgt.replace("<=", "≤").replace("x", "×"), "%.2f×" % mem if mem is not None else "",
            (mtgt or "").replace("x", "×"), verdict(ok)))
    out.append("")
    with open(README, encoding="utf-8") as f:
        text = f.read()
    i, j = text.find(TABLE_BEGIN), text.find(TABLE_END)
    if i < 0 or j < i:
        die("bench/README.md has no '%s' ... '%s' markers" % (TABLE_BEGIN, TABLE_END))
    text = text[:i + len(TABLE_BEGIN)] + "\n".join(out) + "\n" + text[j:]
    tmpf = README + ".tmp"
    with open(tmpf, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmpf, README)
    print("bench: wrote the table into bench/README.md", file=sys.stderr)


def run_main(a, pp, tmp):
    cmd = a.cmd
    # schedule: the JSON form (all of the schedule, to /dev/null); exit 1 only
    # says that something is unplaced or a quota is short
    pp_argv = [pp, cmd] if cmd == "validate" else [pp, cmd, "--format", "json"]
    ok_status = (0,) if cmd == "validate" else (0, 1)  # schedule: 1 = something unplaced

    # the plans
    files = []  # (label, path, description)
    if a.file:
        files.append(("file", a.file, a.file))
        if a.big_file:
            files.append(("2x file", a.big_file, a.big_file))
    else:
        if a.occurrences is not None or (cmd == "schedule" and a.size_mb is None):
            n = a.occurrences or 1000000
            specs = [("--occurrences", str(n))]
            if not a.no_double:
                specs.append(("--occurrences", str(2 * n)))
        else:
            s = a.size_mb if a.size_mb is not None else 100.0
            specs = [("--size-mb", "%g" % s)]
            if not a.no_double:
                specs.append(("--size-mb", "%g" % (2 * s)))
        for i, (opt, val) in enumerate(specs):
            path = os.path.join(tmp, "plan-%d.yaml" % i)
            shape = [] if a.shape == "default" else ["--shape", a.shape]
            stats = generate(path, [opt, val, "--seed", str(a.seed)] + shape)
            files.append(("plan" if i == 0 else "2x plan", path, "genplan %s: %s"
                          % (" ".join([opt, val] + shape), stats)))

    # time them
    results = []
    for label, path, desc in files:
        size = os.path.getsize(path)
        events = bare_events(path)
        print("bench: timing %s (%s), %d runs each, alternating" % (label, fmt_mb(size), a.runs),
              file=sys.stderr)
        p, b = bench_file(path, pp_argv, a.runs, a.warmup, tmp, ok_status)
        results.append((label, size, events, desc, p, b))

    # report
    print("pairplan benchmark (spec §9): %s FILE vs bench/bare_parse FILE"
          % " ".join(["pairplan"] + pp_argv[1:]))
    print("%d timed runs of each program per file, alternating, after %d warm-up run(s);"
          % (a.runs, a.warmup))
    print("times are medians of wall time, memory is peak RSS (wait4 ru_maxrss).")
    print()
    for label, size, events, desc, p, b in results:
        print("%-8s %s, %d YAML events" % (label + ":", fmt_mb(size), events))
        print("         %s" % desc)
    print()
    print("%-22s %14s %14s %14s %14s" % ("", "pairplan time", "bare time", "pairplan RSS", "bare RSS"))
    for label, size, events, desc, p, b in results:
        print("%-22s %12.3f s %12.3f s %11.1f MB %11.1f MB" % (
            "%s (%s)" % (label, fmt_mb(size)), p.wall, b.wall, p.rss / MB, b.rss / MB))
    print()
    print("%-44s %10s    %-22s %s" % ("target", "measured", "§9 target", ""))
    label, size, events, desc, p, b = results[0]
    ratio = p.wall / b.wall if b.wall > 0 else float("inf")
    tr = TARGET_RATIO[cmd]
    for i, (label, size_i, events, desc, p_i, b_i) in enumerate(results):
        r_i = p_i.wall / b_i.wall if b_i.wall > 0 else float("inf")
        m_i = p_i.rss / size_i if size_i else float("inf")
        what = a.shape if a.shape != "default" else "bench's plan"
        if cmd == "schedule":
            what = "%s, %d occurrences" % (what, (a.occurrences or 1000000) * (i + 1))
        ROWS.append(("%s --format json" % cmd if cmd == "schedule" else cmd,
                     "%s (%s)" % (fmt_mb(size_i), what) if not a.file else fmt_mb(size_i),
                     "%.2f s, %.0f MB" % (p_i.wall, p_i.rss / MB), "%.2f s" % b_i.wall,
                     r_i, "<= %gx" % tr if i == 0 else "(reference)",
                     m_i, "< %gx" % TARGET_MEM,
                     (r_i <= tr or i > 0) and m_i < TARGET_MEM))
    print("%-44s %9.2fx    %-22s %s" % ("%s time / bare parse time (%s)" % (cmd, fmt_mb(size)),
                                       ratio, "<= %gx" % tr, verdict(ratio <= tr)))
    for label, size, events, desc, p, b in results:
        m = p.rss / size if size else float("inf")
        print("%-44s %9.2fx    %-22s %s" % ("peak memory / file size (%s)" % fmt_mb(size),
                                           m, "< %gx" % TARGET_MEM, verdict(m < TARGET_MEM)))
    if len(results) > 1:
        (_, s1, _, _, p1, b1), (_, s2, _, _, p2, b2) = results[0], results[1]
        d = p2.wall / p1.wall if p1.wall > 0 else float("inf")
        ROWS.append(("%s, doubling" % cmd, "%s / %s" % (fmt_mb(s2), fmt_mb(s1)),
                     "%.2f×" % d, "%.2f×" % (b2.wall / b1.wall if b1.wall > 0 else float("inf")),
                     None, "<= %gx" % TARGET_DOUBLE, None, None, d <= TARGET_DOUBLE))
        print("%-44s %9.2fx    %-22s %s" % ("time %s / time %s (doubling)" % (fmt_mb(s2), fmt_mb(s1)),
                                           d, "<= %gx" % TARGET_DOUBLE, verdict(d <= TARGET_DOUBLE)))
        r2 = p2.wall / b2.wall if b2.wall > 0 else float("inf")
        bd = b2.wall / b1.wall if b1.wall > 0 else float("inf")
        print("%-44s %9.2fx    (for reference)" % ("%s time / bare parse time (%s)" % (cmd, fmt_mb(s2)), r2))
        print("%-44s %9.2fx    (for reference)" % ("bare time %s / bare time %s" % (fmt_mb(s2), fmt_mb(s1)), bd))
    elif not a.no_double:
        print("%-44s %10s    %-22s %s" % ("doubling", "skipped", "<= %gx" % TARGET_DOUBLE,
                                         "(--file without --big-file)"))
    for label, size, events, desc, p, b in results:
        if p.note:
            print()
            print("note (%s): %s" % (label, p.note))
            for l in p.err:
                print("    " + l)
    if not a.no_small:
        print()
        small_bench([pp, "validate"], a.small_runs, tmp, a.seed)


if __name__ == "__main__":
    main()
