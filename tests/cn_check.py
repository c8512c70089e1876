#!/usr/bin/python3
"""Cross-checks the lunar calendar, 清明 and China's holidays of pairplan
against independent sources.

usage: cn_check.py CN_DUMP NPM_DIR

  lunar      every day of 1901-2099 against Debian's python3-lunardate
  new moons  every lunar month start of 2000-2099 against the new moons of
             Debian's python3-ephem, in Beijing time (UTC+8)
  qingming   清明 of 1901-2099 against python3-ephem: the day (UTC+8) the Sun
             reaches apparent longitude 15 degrees
  official   the official days of 2004-2026 against the npm package
             chinese-days (installed into NPM_DIR at the version below)
  computed   the statutory days of 2027-2099 against the rules of 2025,
             applied with python3-lunardate and the ephem 清明
"""

import datetime
import json
import math
import os
import subprocess
import sys

import ephem
import lunardate

CHINESE_DAYS = "chinese-days@1.5.7"

# Days where chinese-days disagrees with the State Council's notices, and
# why; each must still disagree (a fixed entry is reported).
CHINESE_DAYS_ERRATA = {
    # 国办发明电〔2005〕35号 (2006): 12月31日（星期六）上班.
    "2005-12-31": "work",
}

BEIJING = 8 * ephem.hour
ONE_DAY = datetime.timedelta(days=1)

failures = []


def fail(check, msg):
    failures.append(f"{check}: {msg}")


def dump(cn_dump, mode, first, last):
    out = subprocess.run([cn_dump, mode, str(first), str(last)],
                         check=True, capture_output=True, text=True).stdout
    return [line.split(" ", 3) for line in out.splitlines()]


def days(first, last):
    d = first
    while d <= last:
        yield d
        d += ONE_DAY


def check_lunar(cn_dump):
    rows = dump(cn_dump, "lunar", 1901, 2099)
    first, last = datetime.date(1901, 1, 1), datetime.date(2099, 12, 31)
    n = 0
    for row, d in zip(rows, days(first, last)):
        date, rest = row[0], " ".join(row[1:])
        want = lunardate.LunarDate.fromSolarDate(d.year, d.month, d.day)
        want = (f"{want.year} {want.month} {want.day} "
                f"{1 if want.isLeapMonth else 0}")
        if date != d.isoformat() or rest != want:
            fail("lunar", f"{date}: {rest}, python3-lunardate {want}")
        n += 1
    if n != (last - first).days + 1 or len(rows) != n:
        fail("lunar", f"{len(rows)} days printed, want {n}")
    return f"{n} days of 1901-2099 as python3-lunardate"


def beijing_date(t):
    return ephem.Date(t + BEIJING).datetime().date()


def check_new_moons(cn_dump):
    rows = dump(cn_dump, "lunar", 2000, 2099)
    starts = {r[0] for r in rows if r[3].split()[0] == "1"}
    moons = set()
    t = ephem.Date("1999/12/20")
    while True:
        t = ephem.next_new_moon(t + 1)
        d = beijing_date(t)
        if d.year > 2099:
            break
        if d.year >= 2000:
            moons.add(d.isoformat())
    for d in sorted(starts ^ moons):
        fail("new moons", f"{d}: " + ("month start without new moon"
             if d in starts else "new moon without month start"))
    return f"{len(starts)} month starts of 2000-2099 on ephem's new moons"


def sun_longitude(t):
    sun = ephem.Sun(t)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.ra, sun.dec, epoch=t), epoch=t)
    return math.degrees(ecl.lon)


def qingming_ephem(year):
    lo, hi = ephem.Date(f"{year}/3/30"), ephem.Date(f"{year}/4/10")
    for _ in range(50):
        mid = ephem.Date((lo + hi) / 2)
        if sun_longitude(mid) < 15:
            lo = mid
        else:
            hi = mid
    return beijing_date(hi)


def check_qingming(cn_dump):
    rows = dump(cn_dump, "qingming", 1901, 2099)
    n = 0
    for year, month, day in rows:
        want = qingming_ephem(int(year))
        got = datetime.date(int(year), int(month), int(day))
        if got != want:
            fail("qingming", f"{year}: {got}, ephem {want}")
        n += 1
    if n != 199:
        fail("qingming", f"{n} years printed, want 199")
    return f"{n} years of 1901-2099 as ephem"


def npm_chinese_days(npm_dir):
    data = os.path.join(npm_dir, "node_modules", "chinese-days", "dist",
                        "chinese-days.json")
    if not os.path.exists(data):
        os.makedirs(npm_dir, exist_ok=True)
        try:
            subprocess.run(["npm", "install", "--prefix", npm_dir,
                            "--no-save", "--no-audit", "--no-fund",
                            "--loglevel=error", CHINESE_DAYS],
                           check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit(f"cn-check: cannot install '{CHINESE_DAYS}' with npm "
                     f"({e}); `make test-deps` installs npm")
    with open(data, encoding="utf-8") as f:
        return json.load(f)


def working(status, d):
    """Whether d is a working day of a Monday-Friday week."""
    if status == "off":
        return False
    if status == "work":
        return True
    return d.weekday() < 5


def check_official(cn_dump, npm_dir):
    cd = npm_chinese_days(npm_dir)
    theirs = {}
    for d, v in cd["holidays"].items():
        theirs[d] = ("off", v.split(",")[1])
    for d, v in cd["workdays"].items():
        theirs[d] = ("work", v.split(",")[1])
    ours = {}
    for date, status, source, name in dump(cn_dump, "days", 2004, 2026):
        if source != "official":
            fail("official", f"{date}: source {source}")
        ours[date] = (status, name)
    # chinese-days' short names, as parts of ours.
    names = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}
    special = 0
    for d in days(datetime.date(2004, 1, 1), datetime.date(2026, 12, 31)):
        key = d.isoformat()
        o, t = ours.get(key), theirs.get(key)
        ow = working(o[0] if o else None, d)
        tw = working(t[0] if t else None, d)
        if key in CHINESE_DAYS_ERRATA:
            if ow == tw or (o and o[0]) != CHINESE_DAYS_ERRATA[key]:
                fail("official", f"{key}: erratum of chinese-days no "
                     "longer differs, or ours changed")
            continue
        if ow != tw:
            fail("official", f"{key}: ours {o}, chinese-days {t}")
            continue
        if ow == (d.weekday() < 5):
            continue
        # A non-working weekday or a working weekend day: same holiday.
        special += 1
        name = names.get(t[1], t[1])
        if name not in o[1].split("、"):
            fail("official", f"{key}: ours {o[1]}, chinese-days {t[1]}")
    return (f"{special} non-working weekdays and working weekend days of "
            f"2004-2026 as {CHINESE_DAYS} (errata: "
            f"{', '.join(sorted(CHINESE_DAYS_ERRATA))})")


def statutory(year):
    """The rules in force since 2025, applied with lunardate and ephem."""
    ny = lunardate.LunarDate(year, 1, 1).toSolarDate()
    out = {datetime.date(year, 1, 1): ["元旦"]}
    for k in range(-1, 3):
        out[ny + k * ONE_DAY] = ["春节"]
    out[qingming_ephem(year)] = ["清明节"]
    out[datetime.date(year, 5, 1)] = ["劳动节"]
    out[datetime.date(year, 5, 2)] = ["劳动节"]
    out[lunardate.LunarDate(year, 5, 5).toSolarDate()] = ["端午节"]
    for k in range(1, 4):
        out[datetime.date(year, 10, k)] = ["国庆节"]
    moon = lunardate.LunarDate(year, 8, 15).toSolarDate()
    out.setdefault(moon, []).insert(0, "中秋节")
    return {d.isoformat(): "、".join(v) for d, v in out.items()}


def check_computed(cn_dump):
    ours = {}
    for date, status, source, name in dump(cn_dump, "days", 2027, 2099):
        if status != "off" or source != "computed":
            fail("computed", f"{date}: {status} {source}")
        ours[date] = name
    want = {}
    for year in range(2027, 2100):
        want.update(statutory(year))
    for d in sorted(set(ours) | set(want)):
        if ours.get(d) != want.get(d):
            fail("computed", f"{d}: ours {ours.get(d)}, want {want.get(d)}")
    return f"{len(ours)} statutory days of 2027-2099"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: cn_check.py CN_DUMP NPM_DIR")
    cn_dump, npm_dir = sys.argv[1], sys.argv[2]
    checks = [
        ("lunar", lambda: check_lunar(cn_dump)),
        ("new moons", lambda: check_new_moons(cn_dump)),
        ("qingming", lambda: check_qingming(cn_dump)),
        ("official", lambda: check_official(cn_dump, npm_dir)),
        ("computed", lambda: check_computed(cn_dump)),
    ]
    passed = 0
    for name, run in checks:
        before = len(failures)
        what = run()
        if len(failures) == before:
            passed += 1
            print(f"cn-check {name}: ok, {what}")
        else:
            for msg in failures[before:before + 20]:
                print(f"cn-check {msg}")
            print(f"cn-check {name}: FAILED ({len(failures) - before} "
                  "differences)")
    print(f"cn-check: {passed} passed, {len(checks) - passed} failed")
    return 0 if passed == len(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
