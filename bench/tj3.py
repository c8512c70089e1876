#!/usr/bin/env python3
"""pairplan schedule against TaskJuggler (tj3) on the same problem.  Standard library only.

    python3 bench/tj3.py                              # 2,000 occurrences, 50 people
    python3 bench/tj3.py --occurrences 500 --people 30 --runs 5
    python3 bench/tj3.py --keep                       # keep plan.yaml, plan.tjp, the outputs

Generates a plan with bench/genplan.py, schedules it with
`pairplan schedule --format json`, writes an equivalent TaskJuggler project
(plan.tjp: one resource per person, site capacity as resources, the China
holidays and the closed ranges as global leaves, the make-up working days as a
shift, one task per occurrence with `effort` and mandatory `allocate` of its
people and site, `start` and `maxend` from its slice), runs tj3 on it with a CSV
task report, and checks both schedules with one checker of its own that reads
the YAML and redoes the expansion of spec §5.1: a person on two events on one
day, a site over visits-per-day, an event on a non-working day, off its slice or
window or weekday, or not lasting its days.

This is a report: the exit status is 0 even when a target is missed (MISS).
It is 2 only when the benchmark cannot run: no pairplan, no tj3
(`apt-get install -y tj3`), no compiler for bench/measure, or pairplan
printing no schedule.
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True   # no bench/__pycache__ in the work tree
import genplan  # noqa: E402  (the holiday table: a copy of the one in the spec)
import run as benchrun  # noqa: E402  (build, measure, resolve)

ROOT = benchrun.ROOT
TARGET_SPEEDUP = 100.0   # pairplan at least 100x faster than tj3
TARGET_VIOLATIONS = 0    # for pairplan
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def die(msg):
    print("tj3 bench: " + msg, file=sys.stderr)
    sys.exit(2)


# --------------------------------------------------------------------------
# A reader for the YAML that genplan writes: block mappings and sequences,
# flow [..] and {..}, plain scalars (everything stays a string).  It refuses
# what it does not know rather than guess.

class YamlSubsetError(Exception):
    pass


def _flow(s, i):
    """Parses a flow value at s[i]; returns (value, next index)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] in "[{":
        close = "]" if s[i] == "[" else "}"
        is_map = s[i] == "{"
        out = {} if is_map else []
        i += 1
        while True:
            while i < len(s) and s[i] == " ":
                i += 1
            if i >= len(s):
                raise YamlSubsetError("unclosed flow collection: " + s)
            if s[i] == close:
                return out, i + 1
            if is_map:
                j = s.find(":", i)
                if j < 0:
                    raise YamlSubsetError("flow mapping without ':': " + s)
                key = s[i:j].strip()
                val, i = _flow(s, j + 1)
                out[key] = val
            else:
                val, i = _flow(s, i)
                out.append(val)
            while i < len(s) and s[i] == " ":
                i += 1
            if i < len(s) and s[i] == ",":
                i += 1
    j = i
    while j < len(s) and s[j] not in ",]}":
        j += 1
    return _scalar(s[i:j].strip()), j


def _scalar(t):
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"":
        return t[1:-1]
    if t in ("", "~", "null"):
        return None
    return t


def _value(t):
    t = t.strip()
    if t.startswith("[") or t.startswith("{"):
        v, j = _flow(t, 0)
        if t[j:].strip():
            raise YamlSubsetError("text after a flow collection: " + t)
        return v
    return _scalar(t)


def _split_key(t):
    """'key: value' -> (key, value text); 'key:' -> (key, ''); else None."""
    if t.startswith(("[", "{", "'", '"')):
        return None
    m = re.match(r"([A-Za-z_][A-Za-z0-9_.-]*):(?: (.*)|)$", t)
    if m is None:
        return None
    return m.group(1), (m.group(2) or "")


def load_yaml_subset(text):
    lines = []
    for raw in text.split("\n"):
        s = raw.rstrip()
        body = s.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        lines.append([len(s) - len(body), body])

    def block(i, ind):
        if lines[i][1] == "-" or lines[i][1].startswith("- "):
            out = []
            while i < len(lines) and lines[i][0] == ind and (lines[i][1] == "-" or lines[i][1].startswith("- ")):
                rest = lines[i][1][2:] if lines[i][1] != "-" else ""
                if not rest.strip():
                    v, i = block(i + 1, lines[i + 1][0])
                elif _split_key(rest.strip()) is not None:
                    lines[i] = [ind + 2, rest.strip()]   # a mapping starts in the item
                    v, i = block(i, ind + 2)
                else:
                    v, i = _value(rest), i + 1
                out.append(v)
            return out, i
        out = {}
        while i < len(lines) and lines[i][0] == ind:
            kv = _split_key(lines[i][1])
            if kv is None:
                raise YamlSubsetError("line not understood: " + lines[i][1])
            k, rest = kv
            if k in out:
                raise YamlSubsetError("duplicate key " + k)
            if rest.strip():
                out[k], i = _value(rest), i + 1
            elif i + 1 < len(lines) and (lines[i + 1][0] > ind or (
                    lines[i + 1][0] == ind and lines[i + 1][1].startswith("- "))):
                out[k], i = block(i + 1, lines[i + 1][0])
            else:
                out[k], i = None, i + 1
        if i < len(lines) and lines[i][0] > ind:
            raise YamlSubsetError("unexpected indentation: " + lines[i][1])
        return out, i

    v, i = block(0, lines[0][0])
    if i != len(lines):
        raise YamlSubsetError("trailing lines from: " + lines[i][1])
    return v


# --------------------------------------------------------------------------
# The plan model and the expansion of spec §5.1, written afresh from the spec

D = dt.date.fromisoformat
DAY = dt.timedelta(days=1)


def month_end(y, m):
    return genplan.month_end(y, m)


def parse_span(s):
    """A window or range of §3 -> (first day, last day)."""
    s = s.strip()
    if ".." in s:
        a, b = [x.strip() for x in s.split("..", 1)]
        return parse_span(a)[0], parse_span(b)[1]
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+(\S+))?", s)
    if m is None:
        raise ValueError("bad span " + s)
    y, mo = int(m.group(1)), int(m.group(2))
    if m.group(3):
        d = dt.date(y, mo, int(m.group(3)))
        return d, d
    part = m.group(4)
    last = month_end(y, mo)
    if part is None:
        return dt.date(y, mo, 1), last
    part = {"上旬": "early", "中旬": "mid", "下旬": "late"}.get(part, part)
    return {"early": (dt.date(y, mo, 1), dt.date(y, mo, 10)),
            "mid": (dt.date(y, mo, 11), dt.date(y, mo, 20)),
            "late": (dt.date(y, mo, 21), last)}[part]


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


class Calendar:
    """§4 over the plan period; days outside it are not working."""

    def __init__(self, plan_span, cal):
        cal = cal or {}
        self.first, self.last = plan_span
        wd = as_list(cal.get("workdays")) or WEEKDAYS[:5]
        self.workdays = {WEEKDAYS.index(w) for w in wd}
        self.cn = (cal.get("holidays") or "cn") == "cn"
        off, work = genplan._parse_holidays()
        self.cn_off = {dt.date.fromordinal(o) for o in off} if self.cn else set()
        self.cn_work = {dt.date.fromordinal(o) for o in work} if self.cn else set()
        self.closed = [parse_span(x) for x in as_list(cal.get("closed"))]
        self.open = set()
        for x in as_list(cal.get("open")):
            a, b = parse_span(x)
            while a <= b:
                self.open.add(a)
                a += DAY
        self.visits_per_day = int(cal.get("visits-per-day") or 1)
        self._w = {}

    def is_closed(self, d):
        return any(a <= d <= b for a, b in self.closed)

    def working(self, d):
        r = self._w.get(d)
        if r is None:
            r = self.first <= d <= self.last and (
                (d.weekday() in self.workdays and d not in self.cn_off)
                or d in self.cn_work or d in self.open) and not self.is_closed(d)
            self._w[d] = r
        return r


class Occ:
    """One occurrence: what the checker and the .tjp need."""
    __slots__ = ("key", "series", "number", "slice", "window", "days", "mask", "people",
                 "site", "fixed", "order", "title", "len")


class Plan:
    def __init__(self, doc):
        p = doc["plan"]
        self.period = parse_span(p["period"])
        host = p["host"]
        self.host = host.get("id") or "host"
        self.partners = [x.get("id") or x["name"] for x in doc["partners"]]
        self.orgs = [self.host] + self.partners
        self.org_by_name = {host.get("name"): self.host}
        for x in doc["partners"]:
            self.org_by_name[x["name"]] = x.get("id") or x["name"]
        self.people = []
        self.person_org = {}
        by_name = {}
        for x in doc["people"]:
            pid = x.get("id") or x["name"]
            self.people.append(pid)
            by_name.setdefault(x["name"], []).append(pid)
            self.person_org[pid] = self.org_ref(x.get("org")) if x.get("org") else self.host
        self.ids = set(self.people)
        self.by_name = by_name
        self.cal = Calendar(self.period, doc.get("calendar"))
        self.doc = doc

    def org_ref(self, r):
        return r if r in self.orgs else self.org_by_name.get(r, r)

    def person(self, r):
        if r in self.ids:
            return r
        c = self.by_name.get(r, [])
        if len(c) != 1:
            raise ValueError("unresolved person " + r)
        return c[0]

    # ---- §5.1
    def eligible(self, d, win, mask, days):
        if d < win[0] or d > win[1] or d.weekday() not in mask or not self.cal.working(d):
            return False
        k, e = 1, d
        while k < days:
            e += DAY
            if e > win[1]:
                return False
            if self.cal.working(e):
                k += 1
        return True

    def end_of(self, d, days):
        k, e = 1, d
        while k < days:
            e += DAY
            if self.cal.working(e):
                k += 1
            if (e - d).days > 4000:
                break
        return e

    def periods(self, win, every):
        if every is None:
            yield win
            return
        every = every.strip()
        a, b = win
        if every == "week":
            every = "1 weeks"
        if every == "month":
            start = dt.date(a.year, a.month, 1)
            while start <= b:
                nxt = month_end(start.year, start.month) + DAY
                yield max(start, a), min(nxt - DAY, b)
                start = nxt
            return
        m = re.fullmatch(r"(\d+)\s+(week|weeks|day|days)", every)
        if m is None:
            raise ValueError("every: " + every)
        n = int(m.group(1))
        if m.group(2).startswith("week"):
            start, step = a - dt.timedelta(days=a.weekday()), 7 * n
        else:
            start, step = a, n
        while start <= b:
            nxt = start + dt.timedelta(days=step)
            yield max(start, a), min(nxt - DAY, b)
            start = nxt

    def expand(self):
        """Every occurrence (placeable or not) by key 'series/number', in file
        order; and the number of occurrences that have no slice at all."""
        occs, noslice = {}, 0
        order = 0

        def series(sid, title, sched, win, people, site, fixed_date=None):
            nonlocal order, noslice
            people = list(dict.fromkeys(people))
            mask = {WEEKDAYS.index(w) for w in as_list(sched.get("weekday"))} or set(range(7))
            days = int(sched.get("days") or 1)
            if fixed_date is not None:
                o = Occ()
                o.key, o.series, o.number = sid + "/1", sid, 1
                o.slice = o.window = (fixed_date, fixed_date)
                o.days, o.mask, o.people, o.site, o.fixed = days, set(range(7)), people, site, True
                o.order, o.title, o.len = order, title, 1
                order += 1
                occs[o.key] = o
                return
            times = int(sched.get("times") or 1)
            number = 0
            for per in self.periods(win, sched.get("every")):
                d, x = [], per[0]
                while x <= per[1]:
                    if self.eligible(x, win, mask, days):
                        d.append(x)
                    x += DAY
                if not d:
                    if sched.get("every") is None:
                        number += times
                        noslice += times
                    continue
                k = len(d)
                for t in range(times):
                    lo, hi = t * k // times, (t + 1) * k // times
                    number += 1
                    if lo == hi:
                        noslice += 1
                        continue
                    o = Occ()
                    o.key, o.series, o.number = "%s/%d" % (sid, number), sid, number
                    o.slice, o.window = (d[lo], d[hi - 1]), win
                    o.days, o.mask, o.people, o.site, o.fixed = days, mask, people, site, False
                    o.order, o.title, o.len = order, title, hi - lo
                    order += 1
                    occs[o.key] = o

        for pi, ph in enumerate(self.doc["phases"]):
            phid = ph.get("id") or "p%d" % (pi + 1)
            pspan = parse_span(ph["period"])
            for ai, a in enumerate(ph.get("activities") or []):
                aid = a.get("id") or "%s.%d" % (phid, ai + 1)
                people = [self.person(r) for r in as_list(a.get("owner")) + as_list(a.get("people"))]
                win = parse_span(a["when"]) if a.get("when") else pspan
                fixed = D(a["date"]) if a.get("date") else None
                at = a.get("at") or "host"
                if at == "partner":
                    ps = a.get("partners") or "all"
                    ps = self.partners if ps == "all" else [self.org_ref(x) for x in as_list(ps)]
                    for pid in ps:
                        series("%s#%s" % (aid, pid), a["title"], a, win, people, pid, fixed)
                else:
                    site = {"host": self.host, "online": None}.get(at)
                    if at not in ("host", "online"):
                        site = self.org_ref(at)
                    series(aid, a["title"], a, win, people, site, fixed)
        for mi, m in enumerate(self.doc.get("mentorships") or []):
            if not m.get("meet"):
                continue
            meet = m["meet"]
            mentor, appr = self.person(m["mentor"]), self.person(m["apprentice"])
            mwin = parse_span(m["period"]) if m.get("period") else self.period
            win = parse_span(meet["when"]) if meet.get("when") else mwin
            at = meet.get("at") or "host"
            site = {"host": self.host, "online": None, "partner": self.person_org.get(appr, self.host)}.get(at)
            if at not in ("host", "online", "partner"):
                site = self.org_ref(at)
            series("m%d" % (mi + 1), "师徒结对", meet, win, [mentor, appr], site)
        return occs, noslice


# --------------------------------------------------------------------------
# The checker: one set of rules for both schedules

def check(plan, occs, placed):
    """placed: {key: (start date, end date, days occupied or None)}; None means
    the days of §5.2: the start day and the next days - 1 working days up to
    the end.  Returns the violations by kind, and their total."""
    cal = plan.cal
    v = {"person": 0, "site": 0, "nonworking": 0, "window": 0, "weekday": 0, "length": 0}
    person_day, site_day = {}, {}
    for key, (s, e, occupied) in placed.items():
        o = occs[key]
        if occupied is None:
            occupied = [s] + [x for x in (s + DAY * i for i in range(1, (e - s).days + 1))
                              if cal.working(x)]
        # (a day after the plan period is off the window already: counted there)
        if any(not cal.working(x) for x in occupied if x <= cal.last) and not o.fixed:
            v["nonworking"] += 1
        # one occurrence: `days` consecutive working days from its start
        want, x = [s], s
        while len(want) < o.days and (x - s).days < 4000:
            x += DAY
            if cal.working(x):
                want.append(x)
        if occupied != want or e != want[-1]:
            v["length"] += 1
        if o.fixed:
            if s != o.slice[0]:
                v["window"] += 1
        else:
            if not (o.slice[0] <= s <= o.slice[1]) or e > o.window[1]:
                v["window"] += 1
            if s.weekday() not in o.mask:
                v["weekday"] += 1
        for x in occupied:
            for p in o.people:
                person_day[(p, x)] = person_day.get((p, x), 0) + 1
            if o.site is not None:
                site_day[(o.site, x)] = site_day.get((o.site, x), 0) + 1
    v["person"] = sum(n - 1 for n in person_day.values() if n > 1)
    v["site"] = sum(n - cal.visits_per_day for n in site_day.values() if n > cal.visits_per_day)
    v["total"] = sum(v.values())
    return v


def in_slice(occs, placed):
    """Occurrences that start in their slice and end in their window."""
    return sum(1 for k, (s, e, _) in placed.items()
               if occs[k].slice[0] <= s <= occs[k].slice[1] and e <= occs[k].window[1])


# --------------------------------------------------------------------------
# The TaskJuggler project

def tj_ident(prefix, i):
    return "%s%d" % (prefix, i)


def tj_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def day_ranges(days):
    """Sorted dates -> [(first, n)] of consecutive runs."""
    out = []
    for d in sorted(days):
        if out and out[-1][0] + DAY * out[-1][1] == d:
            out[-1][1] += 1
        else:
            out.append([d, 1])
    return out


def write_tjp(path, plan, occs, margin_days, bookings):
    """Writes the .tjp; returns (task id -> occurrence key, approximations)."""
    cal = plan.cal
    first, last = plan.period
    pend = last + DAY * (margin_days + 1)
    notes = []
    L = []
    L.append("project pairplan %s %s - %s {" % (tj_str("pairplan bench"), first.isoformat(), pend.isoformat()))
    L.append('  timezone "UTC"')
    L.append("  timingresolution 60min")
    L.append("  dailyworkinghours 8")
    days = [WEEKDAYS[i] for i in sorted(cal.workdays)]
    off = [WEEKDAYS[i] for i in range(7) if i not in cal.workdays]
    L.append("  workinghours %s 9:00 - 17:00" % ", ".join(days))
    if off:
        L.append("  workinghours %s off" % ", ".join(off))
    L.append("}")
    # global leaves: statutory holidays on a workday, closed ranges, and the days
    # after the plan period (they are not working days for pairplan either)
    hol = [d for d in cal.cn_off if first <= d <= last]
    for d, n in day_ranges(hol):
        L.append('leaves holiday "cn" %s +%dd' % (d.isoformat(), n))
    for a, b in cal.closed:
        a, b = max(a, first), min(b, last)
        if a <= b:
            L.append('leaves holiday "closed" %s +%dd' % (a.isoformat(), (b - a).days + 1))
    # make-up working days (调休) and `open` days: a shift that works every day,
    # given to every resource for each such day (a leave still wins over it)
    extra = sorted(d for d in (cal.cn_work | cal.open) if first <= d <= last
                   and d.weekday() not in cal.workdays and not cal.is_closed(d))
    L.append('shift allweek "make-up working day" {')
    L.append("  workinghours mon - sun 9:00 - 17:00")
    L.append("}")
    shifts = ", ".join("allweek %s +1d" % d.isoformat() for d in extra)
    # one shift per weekday set
    masks = {}
    for o in occs.values():
        if len(o.mask) < 7 and not o.fixed:
            k = tuple(sorted(o.mask))
            if k not in masks:
                masks[k] = "wd_" + "_".join(WEEKDAYS[i] for i in k)
                L.append("shift %s %s {" % (masks[k], tj_str(" ".join(WEEKDAYS[i] for i in k))))
                on = [WEEKDAYS[i] for i in k]
                rest = [WEEKDAYS[i] for i in range(7) if i not in k]
                L.append("  workinghours %s 9:00 - 17:00" % ", ".join(on))
                if rest:
                    L.append("  workinghours %s off" % ", ".join(rest))
                L.append("}")
    rattr = (" { shifts %s }" % shifts) if shifts else ""
    pid = {}
    for i, p in enumerate(plan.people):
        pid[p] = tj_ident("p", i + 1)
        L.append("resource %s %s%s" % (pid[p], tj_str(p), rattr))
    # a site that may host V events a day: V resources that do no work
    # (efficiency 0); an event takes any one of them
    sid = {}
    V = cal.visits_per_day
    for j, s in enumerate(plan.orgs):
        sid[s] = [tj_ident("s%d_" % (j + 1), k + 1) for k in range(V)]
        for k, r in enumerate(sid[s]):
            sattr = (" shifts %s" % shifts) if shifts else ""
            L.append("resource %s %s { efficiency 0.0%s }" % (r, tj_str("%s #%d" % (s, k + 1)), sattr))
    # tasks, in the order of the §5 greedy (slice end, slice length, file order):
    # the fixed dates first (priority 1000), then priorities 999 .. 1
    flex = sorted((o for o in occs.values() if not o.fixed),
                  key=lambda o: (o.slice[1], o.len, o.order))
    fixed = sorted((o for o in occs.values() if o.fixed), key=lambda o: o.order)
    tasks = {}
    n = len(flex)
    masked_multi = 0
    for rank, o in enumerate(fixed + flex):
        tid = tj_ident("t", rank + 1)
        tasks[tid] = o.key
        prio = 1000 if o.fixed else 999 - (rank - len(fixed)) * 998 // max(1, n)
        if o.fixed:
            maxend = plan.end_of(o.slice[0], o.days)
        else:
            maxend = min(plan.end_of(o.slice[1], o.days), o.window[1])
        alloc = ["%s { mandatory }" % pid[p] for p in o.people]
        if o.site is not None:
            ss = sid[o.site]
            alloc.append("%s { %smandatory }" % (ss[0], ("alternative %s " % ", ".join(ss[1:])) if len(ss) > 1 else ""))
        extra_attr = ""
        if len(o.mask) < 7 and not o.fixed:
            extra_attr = " shifts %s" % masks[tuple(sorted(o.mask))]
            if o.days > 1:
                masked_multi += 1
        L.append("task %s %s { start %s maxend %s effort %dd priority %d allocate %s%s }" % (
            tid, tj_str(o.key + " " + o.title), o.slice[0].isoformat(), (maxend + DAY).isoformat(),
            len(o.people) * o.days, prio, ", ".join(alloc), extra_attr))
    L.append('taskreport "schedule" {')
    L.append("  formats csv")
    L.append("  columns id, start, end")
    L.append('  timeformat "%Y-%m-%d %H:%M"')
    L.append("  hideresource 1")
    L.append("}")
    # what each resource does in each hour: the days an occurrence really takes
    # (an export report ignores tj3 -o: its path is absolute, without .tji)
    L.append("export %s {" % tj_str(bookings[:-4] if bookings.endswith(".tji") else bookings))
    L.append("  definitions -")
    L.append("  taskattributes -")
    L.append("  resourceattributes booking")
    L.append("  hideresource 0")
    L.append("}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")
    if masked_multi:
        notes.append("%d occurrence(s) last several days and have a weekday set: in tj3 the "
                     "weekday set limits every day of them (pairplan: only the first day)" % masked_multi)
    return tasks, notes, pend


BOOKING = re.compile(r"booking\s+(\w+)\s+(\d{4}-\d\d-\d\d)-(\d\d):(\d\d)\S*\s*\+\s*([\d.]+)h")


def read_tj(csv_path, bookings_path, tasks):
    """tj3's task report and bookings -> ({key: (first day, last day, days
    booked)}, number of tasks without dates)."""
    booked = {}
    if os.path.exists(bookings_path):
        with open(bookings_path, encoding="utf-8") as f:
            for m in BOOKING.finditer(f.read()):
                t0 = dt.datetime.strptime("%s %s:%s" % (m.group(2), m.group(3), m.group(4)),
                                          "%Y-%m-%d %H:%M")
                t1 = t0 + dt.timedelta(hours=float(m.group(5))) - dt.timedelta(minutes=1)
                d = t0.date()
                while d <= t1.date():
                    booked.setdefault(m.group(1), set()).add(d)
                    d += DAY
    placed, missing = {}, 0
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    for row in rows[1:]:
        if not row or row[0] not in tasks:
            continue
        try:
            s = dt.datetime.strptime(row[1], "%Y-%m-%d %H:%M")
            e = dt.datetime.strptime(row[2], "%Y-%m-%d %H:%M")
        except (ValueError, IndexError):
            continue
        if e.time() == dt.time(0, 0) and e > s:
            e -= dt.timedelta(minutes=1)   # ends at midnight: the day before
        days = sorted(booked.get(row[0], ())) or None
        placed[tasks[row[0]]] = (s.date(), e.date(), days)
    missing = len(tasks) - len(placed)
    return placed, missing


# --------------------------------------------------------------------------

def fmt_violations(v):
    return ("person on two events in a day %d, site over visits-per-day %d, non-working day %d, "
            "off its slice/window %d, off its weekdays %d, wrong length %d" % (
                v["person"], v["site"], v["nonworking"], v["window"], v["weekday"], v["length"]))


def main():
    ap = argparse.ArgumentParser(description="pairplan schedule against TaskJuggler (tj3).")
    ap.add_argument("--occurrences", type=int, default=2000, help="plan size (default 2000)")
    ap.add_argument("--people", type=int, default=50, help="people in the plan (default 50)")
    ap.add_argument("--seed", type=int, default=1, help="genplan seed (default 1)")
    ap.add_argument("--runs", type=int, default=11, help="timed runs of pairplan (default 11)")
    ap.add_argument("--tj3-runs", type=int, default=1, help="timed runs of tj3 (default 1)")
    ap.add_argument("--margin-days", type=int, default=366,
                    help="days the tj3 project runs past the plan period, room for late tasks")
    ap.add_argument("--pairplan", default=os.path.join(ROOT, "pairplan"),
                    help="pairplan binary (default ./pairplan at the repository root)")
    ap.add_argument("--tj3", default="tj3", help="tj3 command (default tj3)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    a = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if a.runs < 1 or a.tj3_runs < 1:
        ap.error("--runs and --tj3-runs must be at least 1")

    pp = benchrun.resolve(a.pairplan)
    if pp is None:
        die("no pairplan binary at %s (build it first, or give --pairplan PATH)" % a.pairplan)
    tj3 = benchrun.resolve(a.tj3)
    if tj3 is None:
        die("no tj3 (TaskJuggler): apt-get install -y tj3")
    benchrun.build(benchrun.MEASURE_SRC, benchrun.MEASURE_BIN, [])

    tmp = tempfile.mkdtemp(prefix="pairplan-tj3-")
    try:
        bench(a, pp, tj3, tmp)
    finally:
        if a.keep:
            print("tj3 bench: kept " + tmp, file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def bench(a, pp, tj3, tmp):
    yaml_path = os.path.join(tmp, "plan.yaml")
    gen_args = ["--occurrences", str(a.occurrences), "--people", str(a.people), "--seed", str(a.seed)]
    stats = benchrun.generate(yaml_path, gen_args)

    # pairplan: one run for the schedule, then the timed runs
    argv = [pp, "schedule", "--format", "json", yaml_path]
    r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr.decode("utf-8", "replace")[:2000])
        die("pairplan schedule exited with status %d" % r.returncode)
    try:
        sched = json.loads(r.stdout)
    except ValueError:
        if r.returncode == 1:
            sys.stderr.write(r.stderr.decode("utf-8", "replace")[:2000])
        die("pairplan schedule printed no JSON schedule")
    errp = os.path.join(tmp, "pairplan.stderr")
    print("tj3 bench: timing pairplan schedule, %d runs" % a.runs, file=sys.stderr)
    benchrun.measure(argv, errp)  # warm-up
    pruns = [benchrun.measure(argv, errp) for _ in range(a.runs)]
    pp_wall = statistics.median(x.wall for x in pruns)
    pp_status = sorted(set(x.status for x in pruns))

    # the model, from the YAML
    with open(yaml_path, encoding="utf-8") as f:
        try:
            doc = load_yaml_subset(f.read())
        except YamlSubsetError as e:
            die("cannot read the generated plan: %s" % e)
    plan = Plan(doc)
    occs, noslice = plan.expand()

    placed_pp, model_notes = {}, []
    mism = 0
    for ev in sched.get("events", []):
        o = occs.get(ev["id"])
        if o is None:
            mism += 1
            continue
        if list(ev["people"]) != o.people:
            mism += 1
        placed_pp[ev["id"]] = (D(ev["date"]), D(ev["end"]), None)
    unplaced_pp = len(sched.get("unplaced", []))
    if mism:
        model_notes.append("%d pairplan event(s) do not match the checker's expansion "
                           "(unknown id or other people)" % mism)
    if len(placed_pp) + unplaced_pp != len(occs) + noslice:
        model_notes.append("pairplan has %d events + %d unplaced, the checker expands %d occurrences "
                           "(+%d with no slice)" % (len(placed_pp), unplaced_pp, len(occs), noslice))
    v_pp = check(plan, occs, placed_pp)

    # TaskJuggler
    tjp = os.path.join(tmp, "plan.tjp")
    outdir = os.path.join(tmp, "tj3-out")
    os.makedirs(outdir, exist_ok=True)
    bookings = os.path.join(outdir, "bookings.tji")
    tasks, notes, pend = write_tjp(tjp, plan, occs, a.margin_days, bookings)
    targv = [tj3, "--silent", "--no-color", "-f", "-o", outdir, tjp]
    errt = os.path.join(tmp, "tj3.stderr")
    truns = []
    for i in range(a.tj3_runs):
        print("tj3 bench: running tj3 on %d tasks (%d of %d)" % (len(tasks), i + 1, a.tj3_runs),
              file=sys.stderr)
        t0 = time.perf_counter()
        truns.append(benchrun.measure(targv, errt))
        print("tj3 bench: tj3 took %.1f s" % (time.perf_counter() - t0), file=sys.stderr)
    tj_wall = statistics.median(x.wall for x in truns)
    tj_status = sorted(set(x.status for x in truns))
    with open(errt, encoding="utf-8", errors="replace") as f:
        tj_err = f.read()
    tj_warn = len(re.findall(r"\bWarning:", tj_err))
    tj_errors = len(re.findall(r"\bError:", tj_err))
    csvp = os.path.join(outdir, "schedule.csv")
    if os.path.exists(csvp):
        placed_tj, missing_tj = read_tj(csvp, bookings, tasks)
    else:
        placed_tj, missing_tj = {}, len(tasks)
        notes.append("tj3 wrote no report (status %s); its stderr begins: %s" % (
            "/".join(map(str, tj_status)), tj_err.strip()[:300]))
    v_tj = check(plan, occs, placed_tj)
    in_win_pp, in_win_tj = in_slice(occs, placed_pp), in_slice(occs, placed_tj)

    # report
    n = len(occs)
    nfixed = sum(1 for o in occs.values() if o.fixed)
    ratio = tj_wall / pp_wall if pp_wall > 0 else float("inf")
    print("pairplan schedule vs TaskJuggler %s on the same plan" % tj3_version(tj3))
    print()
    print("plan:     genplan %s: %s" % (" ".join(gen_args), stats))
    print("          %d occurrences to place (%d fixed dates), %d people, %d sites, visits-per-day %d"
          % (n, nfixed, len(plan.people), len(plan.orgs), plan.cal.visits_per_day))
    print("tj3:      %d tasks, %d resources (%d people + %d site slots), project %s .. %s"
          % (len(tasks), len(plan.people) + len(plan.orgs) * plan.cal.visits_per_day, len(plan.people),
             len(plan.orgs) * plan.cal.visits_per_day, plan.period[0], pend))
    print()
    print("%-34s %14s %14s" % ("", "pairplan", "tj3"))
    print("%-34s %12.4f s %12.3f s" % ("wall time (median)", pp_wall, tj_wall))
    print("%-34s %14d %14d" % ("runs", a.runs, a.tj3_runs))
    print("%-34s %14s %14s" % ("exit status", "/".join(map(str, pp_status)), "/".join(map(str, tj_status))))
    print("%-34s %14d %14d" % ("occurrences with dates", len(placed_pp), len(placed_tj)))
    print("%-34s %14d %14d" % ("  of them inside their slice", in_win_pp, in_win_tj))
    print("%-34s %14d %14d" % ("not placed / no dates", unplaced_pp, missing_tj))
    print("%-34s %14s %14s" % ("warnings / errors printed", "-", "%d / %d" % (tj_warn, tj_errors)))
    print("%-34s %14d %14d" % ("constraint violations", v_pp["total"], v_tj["total"]))
    print("  pairplan: " + fmt_violations(v_pp))
    print("  tj3:      " + fmt_violations(v_tj))
    print()
    print("%-44s %12s    %-16s %s" % ("target", "measured", "target", ""))
    print("%-44s %11.0fx    %-16s %s" % ("tj3 time / pairplan time", ratio, ">= %gx" % TARGET_SPEEDUP,
                                        benchrun.verdict(ratio >= TARGET_SPEEDUP)))
    print("%-44s %12d    %-16s %s" % ("pairplan constraint violations", v_pp["total"],
                                       "%d" % TARGET_VIOLATIONS,
                                       benchrun.verdict(v_pp["total"] <= TARGET_VIOLATIONS)))
    print("%-44s %12d    (for reference)" % ("tj3 constraint violations", v_tj["total"]))
    print()
    print("How tj3 models the plan (approximations):")
    for line in APPROX + notes + model_notes:
        print("  - " + line)


APPROX = [
    "a person is a resource; an occurrence is a task with `effort` = people x days "
    "and every person `mandatory`, so all of them work the same 8-hour days",
    "a site's visits-per-day is that many resources of efficiency 0; a task takes any "
    "one of them (`alternative`, `mandatory`)",
    "the slice is `start` (earliest start) and `maxend`: tj3 does not keep a task inside "
    "its maxend, it only warns; such tasks count as off their slice",
    "weekday sets are task shifts; holidays and closed ranges are global leaves; make-up "
    "working days are a one-day shift on every resource",
    "an occurrence of `days: N` is N x people days of effort; tj3 cannot ask for N consecutive "
    "working days, so it may split one (counted as wrong length)",
    "task order follows the §5 greedy through `priority` (fixed dates 1000, then by slice end); "
    "tj3's own ordering heuristics still apply",
    "the tj3 project runs --margin-days past the plan period so that late tasks still get dates "
    "(off their slice); pairplan leaves an occurrence it cannot fit unplaced instead",
]


def tj3_version(tj3):
    try:
        r = subprocess.run([tj3, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True, timeout=60)
        m = re.search(r"\d+\.\d+(\.\d+)?", r.stdout)
        return "(tj3 %s)" % m.group(0) if m else "(tj3)"
    except (OSError, subprocess.TimeoutExpired):
        return "(tj3)"


if __name__ == "__main__":
    main()
