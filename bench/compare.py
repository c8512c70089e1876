#!/usr/bin/env python3
"""Two pairplan binaries and a bare parse on the same command, in turns.

    python3 bench/compare.py OLD NEW RUNS ARG... FILE

runs OLD ARG... FILE and NEW ARG... FILE in turn, each right after a
bare parse (bench/bare_parse FILE), RUNS rounds after one untimed round,
each under bench/measure, and prints the median wall time of each, its
ratio to the bare parse, the fastest and slowest run and the peak RSS.
On a machine whose speed moves from one minute to the next (a virtual
one), the ratio of two binaries measured in the same rounds says more
than two runs of run.py. Standard library only; bench/measure and
bench/bare_parse must be built (run.py builds them).
"""
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    old, new, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    args = sys.argv[4:]
    measure = os.path.join(HERE, "measure")
    progs = {
        "old": [old] + args,
        "new": [new] + args,
        "bare": [os.path.join(HERE, "bare_parse"), args[-1]],
    }
    times = {k: [] for k in progs}
    rss = dict.fromkeys(progs, 0)
    for i in range(runs + 1):
        # Each binary right after a bare parse, as in run.py, and in
        # turns first and second: on a virtual machine a run that follows
        # another big one finds its fresh pages cheaper (see README.md).
        for k in ("bare", "old", "bare", "new") if i % 2 else \
                ("bare", "new", "bare", "old"):
            out = subprocess.run([measure] + progs[k], capture_output=True,
                                 text=True, check=True).stdout.split()
            if i > 0:	# the first round warms the page cache
                times[k].append(float(out[0]))
                rss[k] = max(rss[k], int(out[1]))
    bare = statistics.median(times["bare"])
    for k in progs:
        m = statistics.median(times[k])
        print(f"{k:5s} median {m * 1000:9.2f} ms  {m / bare:5.2f}x  "
              f"min {min(times[k]) * 1000:9.2f}  "
              f"max {max(times[k]) * 1000:9.2f}  "
              f"rss {rss[k] / 1024:7.1f} MB")


if __name__ == "__main__":
    main()
