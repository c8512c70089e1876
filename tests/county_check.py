#!/usr/bin/env python3
"""county_check.py - `pairplan report --format json` against the joint schedule.

    python3 tests/county_check.py REPORT.json SCHEDULE.json ON FILES.txt

SCHEDULE.json is `pairplan schedule --format json` of the valid plans of the
county; FILES.txt lists every file the report read, one a line, in order,
with " broken" after the plans that have errors. Every figure of the report
is recounted from the schedule's events (§12: events are all scheduled
events of the valid plans; due those dated up to ON; held 0 while the
records are not read; overdue the rest). Prints what differs and exits 1;
exits 0 with a one-line summary when all agree. Standard library only.
"""

import collections
import json
import sys


def fail(msgs):
    for m in msgs[:20]:
        print("county_check: " + m)
    sys.exit(1)


def semester(date):
    y, m = int(date[:4]), int(date[5:7])
    if m >= 9:
        return "%04d-09..%04d-02" % (y, y + 1)
    if m <= 2:
        return "%04d-09..%04d-02" % (y - 1, y)
    return "%04d-03..%04d-08" % (y, y)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    rep = json.load(open(sys.argv[1], encoding="utf-8"))
    sch = json.load(open(sys.argv[2], encoding="utf-8"))
    on = sys.argv[3]
    files = []
    broken = set()
    for line in open(sys.argv[4], encoding="utf-8"):
        f = line.split()
        files.append(f[0])
        if len(f) > 1:
            broken.add(f[0])
    bad = []
    events = sch["events"]

    def check(what, got, want):
        if got != want:
            bad.append("%s: report %r, schedule %r" % (what, got, want))

    # totals
    t = rep["totals"]
    due = [e for e in events if e["date"] <= on]
    check("totals.events", t["events"], len(events))
    check("totals.due", t["due"], len(due))
    check("totals.held", t["held"], 0)
    check("totals.overdue", t["overdue"], len(due))
    check("totals.plans", t["plans"], len(files))
    check("totals.with-errors", t["with-errors"], len(broken))
    check("totals.unplaced", t["unplaced"], len(sch["unplaced"]))
    check("on", rep["on"], on)

    # plans, in file order
    check("plan files", [p["file"] for p in rep["plans"]], files)
    per_plan = collections.Counter(e["plan"] for e in events)
    per_plan_due = collections.Counter(e["plan"] for e in due)
    for p in rep["plans"]:
        f = p["file"]
        if f in broken:
            if p["errors"] < 1 or p["counted"] or p["events"] != 0:
                bad.append("broken plan %s: %r" % (f, p))
            continue
        check("plan %s errors" % f, p["errors"], 0)
        check("plan %s events" % f, p["events"], per_plan[f])
        check("plan %s due" % f, p["due"], per_plan_due[f])
        check("plan %s overdue" % f, p["overdue"], per_plan_due[f])
    check("hosts' events", sum(h["events"] for h in rep["hosts"]), len(events))

    # partners: the events at their sites
    visits = collections.Counter(e["partner"] for e in events if e["partner"])
    vdue = collections.Counter(e["partner"] for e in due if e["partner"])
    vsem = collections.Counter((e["partner"], semester(e["date"]))
                               for e in events if e["partner"])
    ids = [p["id"] for p in rep["partners"]]
    check("partners in id order", ids, sorted(ids, key=lambda s: s.encode()))
    for p in rep["partners"]:
        check("partner %s planned" % p["id"], p["planned"], visits[p["id"]])
        check("partner %s due" % p["id"], p["due"], vdue[p["id"]])
        for s in p["semesters"]:
            check("partner %s %s" % (p["id"], s["semester"]), s["planned"],
                  vsem[(p["id"], s["semester"])])
        check("partner %s semesters" % p["id"],
              sum(s["planned"] for s in p["semesters"]), p["planned"])
        want = "none" if p["planned"] == 0 else \
            "few" if any(s["planned"] < rep["min-visits"] for s in p["semesters"]) else None
        check("partner %s flag" % p["id"], p["flag"], want)
    check("visits", sum(p["planned"] for p in rep["partners"]), sum(visits.values()))

    # people: events attended, by month
    att = collections.Counter()
    month = collections.Counter()
    for e in events:
        for who in e["people"]:
            att[who] += 1
            month[(who, e["date"][:7])] += 1
    for p in rep["people"]:
        check("person %s events" % p["id"], p["events"], att[p["id"]])
        for m, n in p["by-month"].items():
            check("person %s %s" % (p["id"], m), n, month[(p["id"], m)])
        check("person %s months" % p["id"], sum(p["by-month"].values()), p["events"])
    check("people's events", sum(p["events"] for p in rep["people"]), sum(att.values()))
    if bad:
        fail(bad)
    print("county_check: %d plans (%d with errors), %d events, %d partners, %d people agree"
          % (len(files), len(broken), len(events), len(rep["partners"]), len(rep["people"])))


if __name__ == "__main__":
    main()
