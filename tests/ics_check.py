"""ics_check.py - parses ICS files with a real client (icalendar) and checks them.

usage: python3 tests/ics_check.py FILE.ics EXPECTED_EVENTS
Exits 0 when the calendar parses, holds EXPECTED_EVENTS VEVENTs with
unique UIDs and all-day dates, and every line ends in CRLF within 75
octets; prints what is wrong otherwise.
"""
import datetime
import sys

import icalendar


def main():
    path, want = sys.argv[1], int(sys.argv[2])
    raw = open(path, "rb").read()
    problems = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end in CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d: a bare LF or CR" % n)
        if len(line) > 75:
            problems.append("line %d: %d octets" % (n, len(line)))
        line.decode("utf-8")
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    if len(events) != want:
        problems.append("%d events, expected %d" % (len(events), want))
    uids = set()
    for ev in events:
        uid = str(ev.get("UID"))
        if uid in uids:
            problems.append("UID %s twice" % uid)
        uids.add(uid)
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        if isinstance(start, datetime.datetime) or not isinstance(
                start, datetime.date):
            problems.append("%s: DTSTART is not a date" % uid)
        elif end <= start:
            problems.append("%s: DTEND not after DTSTART" % uid)
        if not str(ev.get("SUMMARY")):
            problems.append("%s: no SUMMARY" % uid)
    for p in problems[:10]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
